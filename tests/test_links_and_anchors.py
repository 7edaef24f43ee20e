"""Every internal link and #anchor of every built page resolves, the language switcher's included."""

from functools import cache

import pytest
from conftest import build_copy
from site_pages import all_html, is_external, is_print_page, parse, resolve


@cache
def ids_of(site, page):
    soup = parse(site / page)
    return {el["id"] for el in soup.find_all(id=True)} | {el["name"] for el in soup.find_all("a", attrs={"name": True})}


def internal_links(site, page):
    soup = parse(site / page)
    for tag, attr in (
        ("a", "href"),
        ("link", "href"),
        ("script", "src"),
        ("img", "src"),
        ("iframe", "src"),
        ("source", "src"),
        ("form", "action"),
    ):
        for el in soup.find_all(tag, attrs={attr: True}):
            url = el[attr]
            if not is_external(url) and not url.startswith(("mailto:", "tel:", "data:", "javascript:")):
                yield el, url


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    pages = [p.relative_to(site) for p in all_html(site)]
    assert len(pages) >= 12, f"only {len(pages)} pages were built"
    for page in pages:
        for el, url in internal_links(site, page):
            target, fragment = resolve(site, page, url)
            if target is None or not (site / target).is_file():
                broken.append(f"{page}: <{el.name}> {url} leads to no file")
            elif fragment and target.suffix == ".html" and fragment not in ids_of(site, target):
                broken.append(f"{page}: {url} leads to {target}, which has no id '{fragment}'")
    assert not broken, "\n".join(broken)


def test_the_language_switcher_leads_to_the_same_page_in_each_language(site, site_languages):
    default = site_languages[0]
    for page in [p.relative_to(site) for p in all_html(site)]:
        if page.name == "404.html" or is_print_page(page):
            continue
        in_tree = page.relative_to(page.parts[0]) if page.parts[0] in site_languages else page
        links = parse(site / page).select("a.md-select__link[hreflang]")
        assert {a["hreflang"] for a in links} == set(site_languages), (
            f"{page}: switcher offers {[a['hreflang'] for a in links]}"
        )
        for a in links:
            target, _ = resolve(site, page, a["href"])
            expected = in_tree if a["hreflang"] == default else a["hreflang"] / in_tree
            assert target == expected, f"{page}: the {a['hreflang']} link leads to {target}, not {expected}"


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("[a missing page](no-such-unit.md)", "no-such-unit.md"),
        ("[a missing heading](what-peer-support-can-do.md#no-such-heading)", "no-such-heading"),
    ],
)
def test_a_broken_link_fails_the_build_naming_the_file(project_copy, link, message):
    page = project_copy / "docs/el/about.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{link}\n", encoding="utf-8")
    result = build_copy(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "el/about.md" in output and message in output, output[-2000:]
