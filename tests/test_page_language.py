"""Each page speaks its tree's language: <html lang>, site name, navigation,
search box and footer, from i18n/<lang>.yml and Material's own language files."""

import re
from pathlib import Path

import material
import pytest
from site_pages import course_pages

from course import PROJECT_ROOT
from course.config import default_language, language_root, languages
from course.sources.strings import load_strings

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates/partials/languages"
LANGS = [lang.code for lang in languages()]


def material_word(lang: str, key: str) -> str:
    # A language Material lacks has its words in overrides/ (scripts/new_language.py writes them).
    override = PROJECT_ROOT / "overrides/partials/languages" / f"{lang}.html"
    text = (override if override.is_file() else MATERIAL_LANGUAGES / f"{lang}.html").read_text(encoding="utf-8")
    match = re.search(rf'"{re.escape(key)}":\s*"([^"]*)"', text)
    assert match, f"Material has no '{key}' for {lang}"
    return match.group(1)


@pytest.fixture(params=LANGS)
def lang(request):
    return request.param


def test_every_page_has_its_trees_language(site, lang):
    pages = course_pages(site, lang, LANGS, default_language())
    assert len(pages) >= 3, f"{lang}: only {len(pages)} pages"
    for page in pages:
        assert page.soup.html["lang"] == lang, f"{page}: <html lang={page.soup.html['lang']}>"


def test_the_chrome_is_in_the_pages_language(site, lang):
    words = load_strings(lang)
    for page in course_pages(site, lang, LANGS, default_language()):
        soup = page.soup
        assert soup.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == words["site_name"], str(page)
        assert soup.select_one("input.md-search__input")["placeholder"] == material_word(lang, "search.placeholder"), (
            str(page)
        )
        assert soup.select_one("label.md-nav__title").get_text(strip=True) == words["site_name"], str(page)
        nav_sections = [
            el.get_text(strip=True) for el in soup.select("nav.md-nav--primary > ul > li.md-nav__item--section > label")
        ]
        # Every section in the navigation is one of this language's part titles.
        assert nav_sections and set(nav_sections) <= set(words["nav"].values()), f"{page}: {nav_sections}"
        assert soup.select_one(".md-copyright__highlight").get_text(strip=True) == words["footer"]["privacy"], str(page)
        footer_dirs = {el.get_text(strip=True) for el in soup.select(".md-footer__direction")}
        assert footer_dirs <= {material_word(lang, "footer.previous"), material_word(lang, "footer.next")}, (
            f"{page}: {footer_dirs}"
        )


def test_the_navigation_follows_the_course_order_not_file_names(site, lang):
    """mkdocs.yml's nav is the course order; the built menu shows it in that order."""
    from course.config import read_mkdocs_yml

    def flatten(items):
        for item in items:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                for value in item.values():
                    yield from (flatten(value) if isinstance(value, list) else [value])

    expected = [p.removesuffix(".md") + ".html" for p in flatten(read_mkdocs_yml()["nav"])]
    prefix = language_root(lang, default_language())
    soup = (site / f"{prefix}index.html").read_text(encoding="utf-8")
    from bs4 import BeautifulSoup

    links = [
        a["href"]
        for a in BeautifulSoup(soup, "lxml").select("nav.md-nav--primary a.md-nav__link[href]")
        if not a["href"].startswith("#")
    ]
    order = [href for href in dict.fromkeys(links) if href in expected]
    assert order == expected, f"{lang}: menu order {order}"
