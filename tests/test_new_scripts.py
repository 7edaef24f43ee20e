"""A translator adds a language in another script, with nothing else to do:
Arabic (right to left, letters that join, harakat), Ukrainian (Cyrillic, ґ),
Hindi (Devanagari, conjuncts and nukta), Japanese (kanji, kana, no spaces
between words, its own forms of Han characters), Thai (no spaces between
words) and Persian (right to left, the zero-width non-joiner) are added to one
copy of the project with scripts/new_language.py, one page and the course's
description of each are translated, and the README build makes the site and
every PDF. Then: lang and dir on every page and the print page, copied English
text marked as English, the switcher, search typed as people type in each
script, each the first query typed at once (over http and from disk), the PDFs'
fonts, glyphs, line breaks and direction read back, axe-core, and the status
command."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from browser import Traffic, axe_violations, open_context, serve
from conftest import copy_project
from pypdf import PdfReader
from site_pages import course_pages, parse, resolve

from course import PROJECT_ROOT
from course.config import languages
from course.print import pdf_check, print_book

NEW = {"ar": "العربية", "uk": "Українська", "hi": "हिन्दी", "ja": "日本語", "th": "ไทย", "fa": "فارسی"}
RIGHT_TO_LEFT = {"ar", "fa"}

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
    "ja": (
        "翻訳の状況",
        "私たちはこの講座を一ページずつ、ときどきゆっくりと翻訳しています。仲間同士の支え合いについて、"
        "わかりやすく伝えたいと思います。このページは各ページの翻訳の状況を示しています。",
    ),
    "th": (
        "สถานะการแปล",
        "เรากำลังแปลหลักสูตรนี้ทีละหน้าอย่างช้าๆด้วยความอดทน การสนับสนุนจากเพื่อนช่วยให้เราเข้าใจกันมากขึ้น หน้านี้แสดงสถานะการแปลของแต่ละหน้า",
    ),
    "fa": (
        "وضعیت ترجمه",
        "ما این دوره را صفحه به صفحه ترجمه می‌کنیم و گاهی آهسته پیش می‌رویم. حمایت همتایان به ما کمک می‌کند. "
        "این صفحه نشان می‌دهد که هر صفحه در چه وضعیتی است.",
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
    ("ja", "仲間", "仲間"),  # kanji in the middle of a sentence written without spaces
    ("ja", "ゆっくり", "ゆっくり"),  # kana in the middle of a sentence
    ("ja", "ページ", "ページ"),  # katakana inside 一ページずつ
    ("th", "เพื่อน", "เพื่อน"),  # 'friend', inside การสนับสนุนจากเพื่อนช่วยให้…
    ("th", "สนับสนุน", "สนับสนุน"),
    ("fa", "میکنیم", "می\u200cکنیم"),  # typed without the zero-width non-joiner
    ("fa", "وضعيت", "وضعیت"),  # typed on an Arabic keyboard: ي for ی
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


def describe_the_course(strings: Path, lang: str) -> None:
    """The course's description (i18n/<lang>.yml), in the language: every PDF's cover prints it, long
    enough to be broken into lines."""
    text = strings.read_text(encoding="utf-8")
    line = next(line for line in text.split("\n") if line.startswith("site_description:"))
    strings.write_text(text.replace(line, "site_description: " + json.dumps(PAGES[lang][1], ensure_ascii=False)))


@pytest.fixture(scope="module")
def project(tmp_path_factory, site, pdf_cache):
    """One copy with the new languages, built once by the README build (its PDFs of the course's own
    languages come from a copy of this run's cache: its own PDFs must not push the site's out of the
    shared one)."""
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
        describe_the_course(root / "i18n" / f"{code}.yml", code)
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
    assert {a["hreflang"] for a in links} == {*(lang.code for lang in languages()), *NEW}
    for a in links:
        target, _ = resolve(site, page, a["href"])
        assert (site / target).is_file(), f"{page}: the {a['hreflang']} link leads nowhere"


# The Noto face each language's book must use: the script's own; for Japanese, the Japanese forms of Han.
FACES = [("ar", "Arabic"), ("hi", "Devanagari"), ("ja", "CJK-JP"), ("th", "Thai"), ("fa", "Arabic")]


@pytest.mark.parametrize(("code", "family"), FACES)
def test_each_script_is_printed_with_its_own_noto_font_and_every_glyph(project, code, family):
    root, _ = project
    printed_with = pdf_check.fonts(root / "site" / print_book.pdf_path(code, "en"))
    names = {font.name for font in printed_with}
    assert any(family in name for name in names), f"{code}: no {family} font in {names}"
    assert not pdf_check.problems(printed_with, print_book.FONT_FAMILIES)
    assert not pdf_check.unprintable(printed_with, print_book.FONT_FAMILIES)


def text_positions(pdf: Path, page_number: int) -> list[tuple[str, float]]:
    found = []
    page = PdfReader(str(pdf)).pages[page_number - 1]
    page.extract_text(
        visitor_text=lambda text, cm, tm, font, size: (
            found.append((text, tm[4] * cm[0] + cm[4])) if text.strip() else None
        )
    )
    return found


# The machine's fonts without fonts-noto-cjk, as on a machine that lacks it.
FONTS_WITHOUT_CJK = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="no">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>*/Noto*CJK*</glob></rejectfont></selectfont>
</fontconfig>
"""
# A Japanese handout made as scripts/build_site.py makes it (into a file outside the copy's site),
# and what the build says of what it could not print.
MAKE_A_HANDOUT = """
import sys
from pathlib import Path
from course.build.site_build import Build
from course.print import pdf_build, print_book
site, target = Path("site").resolve(), sys.argv[1]
job = print_book.handout_job("ja", "en", "what-is-peer-support.md")
result = pdf_build.render(site, print_book.PrintJob(job.kind, job.page, target, job.unit), "ja")
print(Build(Path.cwd(), site).unprintable_message(result))
"""


def test_a_missing_font_is_named_with_its_characters_their_lines_and_the_command_that_installs_it(project, tmp_path):
    """On a machine without fonts-noto-cjk (hidden from fontconfig here), a Japanese PDF cannot be
    printed: the build says which characters, where they are written, and the command that fixes it."""
    root, _ = project
    fonts_conf = tmp_path / "fonts.conf"
    fonts_conf.write_text(FONTS_WITHOUT_CJK, encoding="utf-8")
    made = subprocess.run(
        [sys.executable, "-c", MAKE_A_HANDOUT, str(tmp_path / "handout.pdf")],
        cwd=root,
        env=dict(os.environ, FONTCONFIG_FILE=str(fonts_conf)),
        capture_output=True,
        text=True,
    )
    said = made.stdout
    line = next(
        n for n, text in enumerate((root / "i18n/ja.yml").read_text("utf-8").split("\n"), 1) if "日本語" in text
    )
    assert f"i18n/ja.yml:{line}: the PDF of 'ja' cannot print '日' (U+65E5" in said, said + made.stderr[-2000:]
    assert "`sudo apt-get install --no-install-recommends fonts-noto-cjk`" in said, said


def pdf_text(pdf: Path, pages: int) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages[:pages])


@pytest.mark.parametrize("code", sorted(RIGHT_TO_LEFT))
def test_an_english_title_keeps_its_punctuation_at_its_end_in_a_right_to_left_book(project, code):
    """In the running headers and the contents of a right-to-left book, the English title of a page not
    translated yet reads "What is peer support?", not "?What is peer support" (the text is read back in
    the order it is drawn, from the left; the contents and that unit are on the first pages). The
    contents lines, the answer key and the cross-references carry the direction of their text."""
    root, _ = project
    text = pdf_text(root / "site" / print_book.pdf_path(code, "en"), pages=10)
    assert "?What is peer support" not in text, "an English title lost the direction of its punctuation"
    assert text.count("What is peer support?") >= 3, "the title is not in the contents, a header and the unit"
    printed = parse(root / "site" / print_book.print_page_path(code, "en"))
    assert printed.select(".book-contents .toc-unit a > span[lang=en][dir=ltr]"), "contents lines"
    assert printed.select(".key-unit[lang=en][dir=ltr]"), "the answer key of a page not translated yet"
    assert printed.select(".untranslated-text a.xref[dir=ltr]"), "cross-references"


@pytest.mark.parametrize("code", ["ja", "th"])
def test_lines_break_between_words_in_scripts_written_without_spaces(project, code):
    """The cover's description (i18n/<lang>.yml), in a script without spaces between words, is broken
    into lines inside its runs of text, where Pango finds a word ends (the language tells it how); a
    run that could not be broken would run off the page."""
    root, _ = project
    description = letters(PAGES[code][1])
    lines = [letters(text.strip()) for text in text_lines(root / "site" / print_book.pdf_path(code, "en"), 1)]
    lines = [line for line in lines if line and line in description]
    assert len(lines) >= 2, f"the description is not broken into lines: {lines}"
    inside_a_run = [line for line in lines[:-1] if description[description.index(line) + len(line)] != " "]
    assert inside_a_run, f"every line ends at a space: none is broken inside a run of text: {lines}"


def letters(text: str) -> str:
    """The text without its marks, as read back from a PDF or not (Thai ำ is drawn as two glyphs)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) not in ("Mn", "Mc", "Cf"))


def text_lines(pdf: Path, page_number: int) -> list[str]:
    """The text of a page, line by line from the top (the pieces drawn at one height, joined)."""
    found: dict[float, str] = {}

    def visit(text, cm, tm, font, size):
        height = round(tm[5] * cm[3] + cm[5], 1)
        found[height] = found.get(height, "") + text

    PdfReader(str(pdf)).pages[page_number - 1].extract_text(visitor_text=visit)
    return [found[height] for height in sorted(found, reverse=True)]


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
    """Each query is typed as a learner does it: the home page opened afresh, a click into the search
    box, the query typed at once, key by key (letters off the keyboard's layout arrive as text, as from
    a phone's keyboard or an input method), so each is a first query racing the index, which loads on
    that click (from disk, Persian and Thai first queries were lost). The results show the word as
    written, and highlight it."""
    root, _ = project
    site = root / "site"
    problems = []
    with serve(site) as url:
        base = url if how == "http" else site.resolve().as_uri()
        traffic = Traffic(url if how == "http" else "file://")
        context = open_context(browser, traffic)
        for code, query, shown in QUERIES:
            page = context.new_page()
            page.goto(f"{base}/{code}/index.html", wait_until="load")
            page.locator("input.md-search__input").click()
            page.keyboard.type(query)
            with contextlib.suppress(Exception):  # no result: the assertion below says so
                page.wait_for_selector(".md-search-result__item", timeout=8000)
            texts = " ".join(page.locator(".md-search-result__item").all_inner_texts())
            marked = page.locator(".md-search-result__item mark").all_inner_texts()
            if shown and shown.lower() not in texts.lower():
                problems.append(f"{code}: '{query}', typed at once, does not find '{shown}' ({how})")
            elif shown and not any(shown.lower() in word.lower() for word in marked):
                problems.append(f"{code}: '{query}' finds '{shown}' but does not highlight it ({how}): {marked}")
            page.close()
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
