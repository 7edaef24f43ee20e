"""Nothing is loaded from another host: no fonts, scripts, styles, images or frames.
Links a reader clicks to visit another site are fine."""

import re

from site_pages import all_html, is_external, parse

LOADING = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "frame": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
    "track": "src",
    "input": "src",
}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.IGNORECASE)


def external_loads(soup):
    for tag, attr in LOADING.items():
        for el in soup.find_all(tag, attrs={attr: True}):
            if is_external(el[attr]):
                yield f"<{tag} {attr}={el[attr]}>"
        for el in soup.find_all(tag, attrs={"srcset": True}):
            if any(is_external(part.split()[0]) for part in el["srcset"].split(",") if part.strip()):
                yield f"<{tag} srcset={el['srcset']}>"
    for el in soup.find_all("link", href=True):
        if is_external(el["href"]):  # stylesheets, fonts, preconnect, prefetch, icons: all load
            yield f"<link rel={el.get('rel')} href={el['href']}>"
    for el in soup.find_all(style=True):
        yield from (f"style url {u}" for u in CSS_URL.findall(el["style"]))
    for el in soup.find_all("style"):
        yield from (f"<style> url {u}" for u in CSS_URL.findall(el.get_text()))
    for el in soup.find_all("meta", attrs={"http-equiv": re.compile("refresh", re.I)}):
        yield f"<meta refresh {el.get('content')}>"


def test_no_page_loads_anything_from_another_host(site):
    found = []
    for path in all_html(site):
        found += [f"{path.relative_to(site)}: {what}" for what in external_loads(parse(path))]
    assert not found, "\n".join(found)


def test_no_stylesheet_loads_anything_from_another_host(site):
    found = []
    for css in site.rglob("*.css"):
        found += [f"{css.relative_to(site)}: {u}" for u in CSS_URL.findall(css.read_text(encoding="utf-8"))]
    assert not found, "\n".join(found)


def test_the_checks_see_an_external_load():
    """The checks above must be able to fail: they catch each way a page can load from elsewhere."""
    from bs4 import BeautifulSoup

    html = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><script src="//cdn.example/x.js"></script>'
        '<img src="https://example.org/a.png"><div style="background:url(https://example.org/b.png)"></div>'
        '<a href="https://example.org/">a link a reader clicks is fine</a>'
    )
    assert len(list(external_loads(BeautifulSoup(html, "lxml")))) == 4
