"""What a device keeps of each language (course/web/offline_copy.py), read from the
real built site: every page of the language, its search index and every file
its pages load, each listed with its true size and hash, under a version that
changes with any of them; the PDFs only as a choice; nothing of another
language. And the course as an app: each language's web app manifest, valid,
in its language, with icons that exist at the sizes it says."""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from site_pages import is_external, is_pdf_source, parse, reading_pages, resolve

from course import PROJECT_ROOT
from course.config import default_language, language_root, languages
from course.sources.strings import load_strings
from course.web.offline_copy import APP_MANIFEST, LIST_NAME, version
from course.web.web_app import THEME_COLOUR

LANGS = [lang.code for lang in languages()]
DEFAULT = default_language()


def root(lang: str) -> str:
    return language_root(lang, DEFAULT)


def site_pages(site: Path, lang: str):
    return reading_pages(site, lang, LANGS, DEFAULT)


def read_list(site: Path, lang: str) -> dict:
    return json.loads((site / root(lang) / LIST_NAME).read_text(encoding="utf-8"))


def loaded_by(site: Path, page) -> set[str]:
    """What a page loads, read with a real HTML parser (not the build's own reader)."""
    soup = page.soup
    found = [el["src"] for el in soup.find_all(["script", "img"], src=True)]
    found += [
        el["href"]
        for el in soup.find_all("link", href=True)
        if {"stylesheet", "icon", "manifest", "apple-touch-icon"} & set(el.get("rel", []))
    ]
    paths = set()
    for ref in found:
        target, _ = resolve(site, page.path, ref)
        assert target is not None, f"{page}: {ref} leads outside the site"
        paths.add(target.as_posix())
    return paths


@pytest.mark.parametrize("lang", LANGS)
def test_a_language_list_holds_its_pages_its_search_index_and_all_they_load(site, lang):
    listing = read_list(site, lang)
    listed = {f["url"] for f in listing["files"]}
    pages = site_pages(site, lang)
    assert len(pages) > 15
    for page in pages:
        assert page.path.as_posix() in listed, f"{lang}: the page {page} is not kept"
        missing = loaded_by(site, page) - listed
        assert not missing, f"{lang}: {page} loads {sorted(missing)}, which a device would not keep"
    assert f"{root(lang)}search/search_index.json" in listed
    # The search worker the pages name, and Material's, which ours runs.
    assert "assets/javascripts/search-worker.js" in listed
    assert any(re.fullmatch(r"assets/javascripts/workers/search\.\w+\.min\.js", url) for url in listed)
    assert (
        listing["language"] == lang and listing["root"] == root(lang) and listing["home"] == f"{root(lang)}index.html"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_language_list_holds_nothing_of_another_language_nor_what_no_page_needs(site, lang):
    listing = read_list(site, lang)
    others = [root(code) for code in LANGS if code != lang and root(code)]
    for file in listing["files"]:
        url = file["url"]
        assert not any(url.startswith(other) for other in others), f"{lang} keeps {url}"
        assert not url.endswith((".map", ".pdf", ".zip")), f"{lang} keeps {url}"
        assert not is_pdf_source(Path(url), root(lang)), f"{lang} keeps the PDF's source page {url}"
        assert "/lunr/" not in url, f"{lang} keeps {url}, which its search never loads"


@pytest.mark.parametrize("lang", LANGS)
def test_every_file_listed_has_its_true_size_and_hash_under_a_version_of_them_all(site, lang):
    listing = read_list(site, lang)
    for file in listing["files"] + listing["pdfs"]:
        data = (site / file["url"]).read_bytes()
        assert file["bytes"] == len(data), file["url"]
        assert hashlib.sha256(data).hexdigest().startswith(file["sha256"]), file["url"]
    assert listing["version"] == version(listing["files"], listing["pdfs"])


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdfs_are_listed_apart_every_one_of_the_language(site, lang):
    """Kept only if the learner asks: every PDF the language's pages link, none of another language."""
    listing = read_list(site, lang)
    pdfs = {f["url"] for f in listing["pdfs"]}
    linked = set()
    for page in site_pages(site, lang):
        for link in page.soup.select("a[href$='.pdf']"):
            if is_external(link["href"]):
                continue
            target, _ = resolve(site, page.path, link["href"])
            linked.add(target.as_posix())
    assert linked and linked == pdfs, (
        f"{lang}: linked but not listed {linked - pdfs}, listed not linked {pdfs - linked}"
    )


def test_a_new_version_is_named_when_any_file_changes():
    files = [
        {"url": "index.html", "sha256": "a" * 32, "bytes": 1},
        {"url": "about.html", "sha256": "b" * 32, "bytes": 1},
    ]
    changed = [files[0], dict(files[1], sha256="c" * 32)]
    pdf = [{"url": "downloads/x.pdf", "sha256": "d" * 32, "bytes": 1}]
    assert version(files, []) == version([dict(f) for f in files], [])
    assert len({version(files, []), version(changed, []), version(files, pdf)}) == 3


def test_the_service_worker_is_at_the_site_root_only(site):
    """Its scope is the folder it is served from: the site's root, wherever the site is published."""
    workers = [p.relative_to(site).as_posix() for p in site.rglob("service-worker.js")]
    assert workers == ["service-worker.js"]


# ---- the course as an app on the home screen ----------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_a_valid_app_manifest_in_its_language(site, lang):
    words = load_strings(lang)
    path = site / root(lang) / APP_MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    assert manifest["name"] == words["site_name"] and manifest["short_name"] == words["app"]["short_name"]
    assert manifest["lang"] == lang and manifest["dir"] in ("ltr", "rtl")
    assert manifest["display"] == "standalone"
    start, _ = resolve(site, Path(root(lang) + APP_MANIFEST), manifest["start_url"])
    assert start.as_posix() == f"{root(lang)}index.html", "the app opens on its language's home page"
    scope, _ = resolve(site, Path(root(lang) + APP_MANIFEST), manifest["scope"])
    assert scope.as_posix() == "index.html", "the scope is the whole site: the language switcher stays in the app"
    assert manifest["theme_color"] == THEME_COLOUR and re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])
    purposes = set()
    for icon in manifest["icons"]:
        file, _ = resolve(site, Path(root(lang) + APP_MANIFEST), icon["src"])
        assert file is not None and (site / file).is_file(), icon["src"]
        assert icon["type"] == "image/png" and png_size(site / file) == tuple(map(int, icon["sizes"].split("x")))
        purposes.add((icon["sizes"], icon["purpose"]))
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes


def test_the_app_colour_is_the_courses_colour():
    css = (PROJECT_ROOT / "overrides/assets/stylesheets/course.css").read_text(encoding="utf-8")
    assert f"--md-primary-fg-color: {THEME_COLOUR};" in css


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_links_its_languages_app_manifest_and_icon(site, lang):
    for page in site_pages(site, lang):
        soup = page.soup
        manifest, _ = resolve(site, page.path, soup.select_one("link[rel=manifest]")["href"])
        assert manifest.as_posix() == root(lang) + APP_MANIFEST, page
        icon, _ = resolve(site, page.path, soup.select_one("link[rel=apple-touch-icon]")["href"])
        assert (site / icon).is_file() and png_size(site / icon) == (180, 180)
        assert soup.select_one("meta[name=theme-color]")["content"] == THEME_COLOUR


# ---- the offer, on each home page, in its language ----------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_home_page_offers_to_keep_the_course_in_its_language(site, lang):
    words = load_strings(lang)["offline_copy"]
    soup = parse(site / root(lang) / "index.html")
    panel = soup.select_one("#offline-copy")
    assert panel is not None and panel.has_attr("hidden"), "shown by offline-copy.js only where it works"
    assert panel.select_one("h2").get_text(strip=True) == words["title"]
    assert panel.select_one(".offline-copy__start").get_text(strip=True) == words["start"]
    assert panel.select_one("progress")["aria-labelledby"] == "offline-copy-title"
    assert panel.select_one(".offline-copy__status")["role"] == "status"
    data = json.loads(soup.select_one("#course-page").string)
    assert data["offline"] == {
        "lang": lang,
        "root": data["offline"]["root"],
        "language_root": root(lang),
        "list": root(lang) + LIST_NAME,
    }
    assert data["words"]["offline_copy"]["saving"] == words["saving"]


# ---- mkdocs serve: a preview, never kept ------------------------------------------------------


def test_mkdocs_serve_offers_no_offline_copy_and_no_app():
    """A preview changes with every save: a kept copy would hide the changes."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", COURSE_PREVIEW="el")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        home = None
        for _ in range(240):
            try:
                home = urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=2).read().decode("utf-8")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.25)
        assert home is not None, "mkdocs serve did not start"
        assert 'lang="el"' in home and 'class="course-map"' in home
        assert 'id="offline-copy"' not in home and 'rel="manifest"' not in home
        assert '"offline": null' in home
        for name in (LIST_NAME, APP_MANIFEST):
            with pytest.raises(urllib.error.HTTPError):
                urllib.request.urlopen(f"http://127.0.0.1:{port}/{name}", timeout=2)
    finally:
        server.terminate()
        server.wait(timeout=20)
