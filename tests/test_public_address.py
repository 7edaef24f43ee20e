"""The site's public address is given when the site is built to be published
(COURSE_SITE_URL, README "Publishing the course"): then every page names its
canonical address and the sitemap lists every page at it. Built without it, no
page names an address and no sitemap is written, and the site works from disk
(the other tests read that build)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from conftest import copy_project, run_build
from site_pages import reading_pages

from course.config import default_language, languages

ADDRESS = "https://example.org/course/"
LANGS = [lang.code for lang in languages()]
DEFAULT = default_language()
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def published_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("published"))
    result = run_build(project, project / "site", COURSE_SITE_URL=ADDRESS)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def test_built_with_its_address_every_page_names_its_canonical_address(published_build):
    for lang in LANGS:
        for page in reading_pages(published_build, lang, LANGS, DEFAULT):
            canonical = page.soup.select("link[rel=canonical]")
            assert len(canonical) == 1 and canonical[0]["href"] == ADDRESS + page.path.as_posix(), page


def test_built_with_its_address_the_sitemap_lists_the_pages_at_it(published_build):
    sitemap = ET.parse(published_build / "sitemap.xml").getroot()
    listed = [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")]
    alternates = [link.get("href") for link in sitemap.iter("{http://www.w3.org/1999/xhtml}link")]
    assert ADDRESS + "index.html" in listed and ADDRESS + "el/index.html" in alternates
    assert len(listed) > 15
    for url in listed + alternates:
        assert url.startswith(ADDRESS) and (published_build / url.removeprefix(ADDRESS)).is_file(), url


def test_built_without_an_address_no_page_names_one_and_there_is_no_sitemap(site):
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    for lang in LANGS:
        for page in reading_pages(site, lang, LANGS, DEFAULT):
            assert not page.soup.select("link[rel=canonical]"), page
