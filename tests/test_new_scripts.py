"""A translator adds a language in another script, with nothing else to do:
Arabic (right to left, letters that join, harakat), Ukrainian (Cyrillic, ґ)
and Hindi (Devanagari, conjuncts and nukta) are added to a copy of the project
with scripts/new_language.py, one page of each is translated, and the README
build makes the site and every PDF. Then: lang and dir on every page and the
print page, copied English text marked as English, the switcher, search typed
as people type in each script (over http and from disk), the PDFs' fonts,
glyphs and direction read back, axe-core, and the status command."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser import Traffic, axe_violations, open_context, serve
from conftest import copy_project
from pypdf import PdfReader
from site_pages import course_pages, parse, resolve

from course import PROJECT_ROOT
from course.config import languages
from course.print import pdf_check, print_book

NEW = {"ar": "العربية", "uk": "Українська", "hi": "हिन्दी"}
RIGHT_TO_LEFT = {"ar"}

# One page of each new language, translated: its words as written, and the queries people type for them.
TRANSLATED = "translation-status.md"
PAGES = {
    "ar": (
        "حالة الترجمة",
        "نترجم الدورة صفحةً صفحةً، أحيانًا ببطء، بالصبر والتعاطفُ مع القرّاء. تدلّ هذه الصفحة على حال كل صفحة.",
    ),
    "uk": (
        "Стан перекладу",
        "Ми перекладаємо курс сторінку за сторінкою: спершу ґрунт, тоді все інше. Ця сторінка показує, як просувається переклад.",
    ),
    "hi": (
        "अनुवाद की स्थिति",
        "हम पाठ्यक्रम का अनुवाद पृष्ठ दर पृष्ठ करते हैं, जहाँ ज़रूरत हो वहाँ धीरे-धीरे। यह पृष्ठ हर पृष्ठ की स्थिति दिखाता है।",
    ),
}
QUERIES = [
    ("ar", "أحيانا", "أحيانًا"),  # typed without tanween
    ("ar", "التعاطف", "التعاطفُ"),  # the text joins و to the word
    ("ar", "علي", None),  # typed with ي for ى: must still find nothing wrong (no crash)
    ("uk", "грунт", "ґрунт"),  # г for ґ
    ("uk", "ПЕРЕКЛАД", "переклад"),
    ("hi", "जरूरत", "ज़रूरत"),  # typed without the nukta
    ("hi", "अनुवाद", "अनुवाद"),
]


def translated_page(lang: str, source: str) -> str:
    """The status page in `lang`: the source's headings (ids) and blocks, the language's own words."""
    title, text = PAGES[lang]
    keep = [line for line in source.split("\n") if line.startswith(("## ", "/// ", "///"))]
    body = [f"# {title}", "", text, ""]
    for line in keep:
        body.append(line)
        if line.startswith("## "):
            body.append("")
    front = (
        "---\n"
        f'description: "{text.split(".")[0].split("،")[0]}"\n'
        "source_language: en\n"
        "print: false\n"
        "translation: draft\n"
        "---\n\n"
    )
    return front + "\n".join(body) + "\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory, site, pdf_cache):
    """The copy with the three languages, built by the README build (its PDFs of en, el, sl, da come
    from a copy of this run's cache: its own PDFs must not push the site's out of the shared one)."""
    root = copy_project(tmp_path_factory.mktemp("scripts"))
    cache = shutil.copytree(pdf_cache, tmp_path_factory.mktemp("scripts-pdf-cache") / "cache")
    for code, name in NEW.items():
        added = subprocess.run(
            [
                sys.executable,
                str(PROJECT_ROOT / "scripts/new_language.py"),
                code,
                "--name",
                name,
                "--project",
                str(root),
            ],
            capture_output=True,
            text=True,
        )
        assert added.returncode == 0, added.stdout + added.stderr
        source = (root / "docs/en" / TRANSLATED).read_text(encoding="utf-8")
        (root / "docs" / code / TRANSLATED).write_text(translated_page(code, source), encoding="utf-8")
        refreshed = subprocess.run(
            [
                sys.executable,
                str(PROJECT_ROOT / "scripts/translation_status.py"),
                "refresh",
                code,
                TRANSLATED,
                "--project",
                str(root),
            ],
            capture_output=True,
            text=True,
        )
        assert refreshed.returncode == 0, refreshed.stdout + refreshed.stderr
    env = dict(os.environ, COURSE_PDF_CACHE=str(cache))
    build = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts/build_site.py"), "--project", str(root)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    return root, build


def test_the_readme_build_makes_the_site_and_every_pdf_right_after_new_language(project):
    root, build = project
    assert build.returncode == 0, (build.stdout + build.stderr)[-4000:]
    for code in NEW:
        assert (root / "site" / print_book.pdf_path(code, "en")).is_file(), f"no PDF for {code}"


@pytest.mark.parametrize("code", NEW)
def test_every_page_and_the_print_page_carry_the_languages_lang_and_dir(project, code):
    root, _ = project
    site, langs = root / "site", [lang.code for lang in languages(root / "mkdocs.yml")]
    expected = "rtl" if code in RIGHT_TO_LEFT else "ltr"
    pages = course_pages(site, code, langs, langs[0])
    assert len(pages) > 15
    for page in pages:
        html = page.soup.html
        assert (html["lang"], html.get("dir")) == (code, expected), f"{page}: {html.attrs}"
    printed = parse(site / print_book.print_page_path(code, "en")).html
    assert (printed["lang"], printed.get("dir")) == (code, expected)


@pytest.mark.parametrize("code", NEW)
def test_text_not_yet_translated_is_marked_with_its_language_and_direction(project, code):
    root, _ = project
    soup = parse(root / "site" / code / "what-is-peer-support.html")
    copied = soup.select_one("article .untranslated-text")
    assert copied is not None and (copied["lang"], copied["dir"]) == ("en", "ltr"), copied.attrs if copied else None
    notice = copied.select_one(".translation-status")
    assert notice["lang"] == code and notice["dir"] == ("rtl" if code in RIGHT_TO_LEFT else "ltr")
    titles = soup.select(".md-nav--primary span[lang='en'][dir='ltr']")
    assert titles, "the menu's English titles are not marked as English"
    toc = soup.select_one(".md-nav--secondary ul[data-md-component=toc]")
    assert toc["lang"] == "en"
    translated = parse(root / "site" / code / TRANSLATED.replace(".md", ".html"))
    assert translated.select_one("article .untranslated-text") is None, "a translated page is marked as English"
    printed = parse(root / "site" / print_book.print_page_path(code, "en"))
    assert printed.select(".untranslated-text[lang=en][dir=ltr]"), "the print page does not mark the English text"


@pytest.mark.parametrize("code", NEW)
def test_the_language_switcher_offers_every_language(project, code):
    root, _ = project
    site = root / "site"
    page = Path(code) / "about.html"
    links = parse(site / page).select("a.md-select__link[hreflang]")
    assert {a["hreflang"] for a in links} == {"en", "el", "sl", "da", *NEW}
    for a in links:
        target, _ = resolve(site, page, a["href"])
        assert (site / target).is_file(), f"{page}: the {a['hreflang']} link leads nowhere"


def pdf_fonts(root: Path, code: str) -> set[str]:
    return {font.name for font in pdf_check.fonts(root / "site" / print_book.pdf_path(code, "en"))}


@pytest.mark.parametrize(("code", "family"), [("ar", "Arabic"), ("hi", "Devanagari")])
def test_each_script_is_printed_with_its_own_noto_font_and_every_glyph(project, code, family):
    root, _ = project
    pdf = root / "site" / print_book.pdf_path(code, "en")
    names = pdf_fonts(root, code)
    assert any(family in name for name in names), f"{code}: no {family} font in {names}"
    assert not pdf_check.problems(pdf, print_book.FONT_FAMILIES)
    assert not pdf_check.unprintable(pdf, print_book.FONT_FAMILIES)


def text_positions(pdf: Path, page_number: int) -> list[tuple[str, float]]:
    found = []
    page = PdfReader(str(pdf)).pages[page_number - 1]
    page.extract_text(
        visitor_text=lambda text, cm, tm, font, size: (
            found.append((text, tm[4] * cm[0] + cm[4])) if text.strip() else None
        )
    )
    return found


def test_the_arabic_pdf_is_laid_out_from_the_right(project):
    """The cover's language name, right-aligned in Arabic, left-aligned in Ukrainian."""
    root, _ = project
    width = float(PdfReader(str(root / "site" / print_book.pdf_path("ar", "en"))).pages[0].mediabox.width)

    def x_of(code):
        pieces = text_positions(root / "site" / print_book.pdf_path(code, "en"), 1)
        return next(x for text, x in pieces if NEW[code][:3] in text or NEW[code] in text)

    assert x_of("ar") > width / 2, f"the Arabic cover starts at x={x_of('ar')}, on the left"
    assert x_of("uk") < width / 2, f"the Ukrainian cover starts at x={x_of('uk')}, on the right"


@pytest.mark.browser
@pytest.mark.parametrize("how", ["http", "file"])
def test_search_finds_words_typed_as_people_type_them_in_each_script(browser, project, how):
    root, _ = project
    site = root / "site"
    problems = []
    with serve(site) as url:
        base = url if how == "http" else site.resolve().as_uri()
        traffic = Traffic(url if how == "http" else "file://")
        context = open_context(browser, traffic)
        page = context.new_page()
        for code, query, shown in QUERIES:
            page.goto(f"{base}/{code}/index.html", wait_until="load")
            box = page.locator("input.md-search__input")
            box.click()
            box.fill(query)
            box.press("End")
            with contextlib.suppress(Exception):  # no result: the assertion below says so
                page.wait_for_selector(".md-search-result__item", timeout=8000)
            texts = " ".join(page.locator(".md-search-result__item").all_inner_texts())
            if shown and shown.lower() not in texts.lower():
                problems.append(f"{code}: '{query}' does not find '{shown}' ({how})")
        context.close()
    assert not problems, "\n".join(problems)
    assert not traffic.refused


@pytest.mark.browser
@pytest.mark.parametrize("code", NEW)
def test_a_page_of_each_new_language_passes_axe(browser, project, code):
    root, _ = project
    with serve(root / "site") as url:
        context = open_context(browser, Traffic(url), bypass_csp=True)
        page = context.new_page()
        found = []
        for name in ("index.html", "what-is-peer-support.html", TRANSLATED.replace(".md", ".html")):
            page.goto(f"{url}/{code}/{name}", wait_until="load")
            found += axe_violations(page, f"{code}/{name}")
        context.close()
    assert not found, f"{code}: {found}"


def test_the_status_command_counts_the_new_languages(project):
    root, _ = project
    shown = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts/translation_status.py"), "--json", "--project", str(root)],
        capture_output=True,
        text=True,
    )
    import json

    report = json.loads(shown.stdout)
    pages = sum(1 for _ in (root / "docs/en").rglob("*.md"))
    for code in NEW:
        totals = report["totals"][code]
        assert totals["draft"] == 1 and totals["untranslated"] == pages - 1, f"{code}: {totals}"
        assert report["pages"][TRANSLATED][code] == "draft"


def test_the_english_text_of_untranslated_pages_is_tagged_english_in_the_arabic_pdf(project):
    """A screen reader reads the copied English of an Arabic book with an English voice."""
    root, _ = project
    found = pdf_check.structure(root / "site" / print_book.pdf_path("ar", "en"))
    assert found.lang == "ar" and found.passage_langs.get("en"), found.passage_langs
