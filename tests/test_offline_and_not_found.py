"""The site for use with no network: one zip of the whole site, linked with a
one-line instruction from every home page; and one 404 page for every language."""

import zipfile

import pytest
from site_pages import parse, resolve

from course.config import default_language, languages
from course.sources.strings import load_strings
from course.web.offline_package import TOP_FOLDER, ZIP_PATH

LANGS = [lang.code for lang in languages()]
DEFAULT = default_language()


def home(lang):
    return "index.html" if lang == DEFAULT else f"{lang}/index.html"


def test_the_offline_zip_holds_the_whole_site(site):
    """All of it but the zips beside it: itself, and the SCORM packages (tests/test_scorm_package.py)."""
    archive = site / ZIP_PATH
    assert archive.is_file()
    with zipfile.ZipFile(archive) as packed:
        names = set(packed.namelist())
    built = {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and not (p.parent == archive.parent and p.suffix == ".zip")
    }
    assert {f"{TOP_FOLDER}/{name}" for name in built} == names
    for lang in LANGS:
        assert f"{TOP_FOLDER}/{home(lang)}" in names


@pytest.mark.parametrize("lang", LANGS)
def test_every_home_page_links_to_the_offline_zip_with_an_instruction_in_its_language(site, lang):
    words = load_strings(lang)["offline"]
    soup = parse(site / home(lang))
    box = soup.select_one(".course-offline")
    link = box.select_one("a[href]")
    assert link.get_text(strip=True) == words["download"]
    target, _ = resolve(site, home(lang), link["href"])
    assert target is not None and target.as_posix() == ZIP_PATH
    assert words["instruction"] in box.get_text(" ", strip=True)


def test_the_404_page_speaks_every_language_in_the_default_languages_chrome(site):
    soup = parse(site / "404.html")
    assert soup.html["lang"] == DEFAULT
    sections = soup.select(".not-found__language")
    assert [s["lang"] for s in sections] == LANGS
    for section in sections:
        words = load_strings(section["lang"])["not_found"]
        assert section.select_one("h1, h2").get_text(strip=True) == words["title"]
        link = section.select_one("a[href]")
        assert link.get_text(strip=True) == words["home"]
        target, _ = resolve(site, "404.html", link["href"])
        assert target.as_posix() == home(section["lang"]), link["href"]
