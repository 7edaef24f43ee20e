"""The whole course as one PDF per language, read back from the real files
(made into the test site by scripts/build_pdfs.py, as scripts/build-site.sh
does): cover, contents with the right page numbers, every unit in course
order, page furniture in the language, the trainers' part with the answer
key, fonts embedded with every glyph, nothing of the screen."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader
from site_pages import course_pages, parse, resolve

from course import DOCS_DIR
from course.config import default_language, language_root, languages, read_mkdocs_yml
from course.print import pdf_check, print_book
from course.sources.front_matter import read_front_matter
from course.sources.language_data import local_date
from course.sources.strings import load_strings

LANGS = [lang.code for lang in languages()]
DEFAULT = default_language()
LEADER = re.compile(r"(?:\.\s*){3,}(\d+)")


def normal(text: str) -> str:
    """Text as a reader sees it: words hyphenated at a line end joined again (a soft hyphen, or a
    compound's own hyphen that a line break follows), one space between words."""
    text = re.sub(r"\u2010\s+", "", text)
    return " ".join(re.sub(r"(?<=\w)-\s+(?=\w)", "-", text).split())


class Book:
    def __init__(self, path: Path):
        self.path = path
        self.reader = PdfReader(str(path))
        self.pages = [normal(page.extract_text() or "") for page in self.reader.pages]  # pages[0] is page 1

    def page(self, number: int) -> str:
        return self.pages[number - 1]

    @property
    def contents_pages(self) -> list[int]:
        """The pages of the contents: the run of pages from page 2 with dot leaders and page numbers."""
        numbers = []
        for number in range(2, len(self.pages) + 1):
            if len(LEADER.findall(self.page(number))) < 3:
                break
            numbers.append(number)
        return numbers

    @property
    def contents(self) -> str:
        return " ".join(self.page(n) for n in self.contents_pages)

    def first_page_with(self, text: str, after: int = 0) -> int | None:
        return next((n for n in range(after + 1, len(self.pages) + 1) if text in self.page(n)), None)


@cache
def book(site: Path, lang: str) -> Book:
    path = site / print_book.pdf_path(lang, DEFAULT)
    assert path.is_file(), f"{lang}: no PDF at {path.relative_to(site)}"
    return Book(path)


def printed(src: str) -> bool:
    """A page whose front matter says `print: false` is on the site but not in the book."""
    return read_front_matter(DOCS_DIR / DEFAULT / src).data.get("print", True) is not False


def nav_entries(items=None, depth=0):
    """(kind, key) in course order: ('part', 'part-1') or ('unit', 'what-is-peer-support.md')."""
    for item in read_mkdocs_yml()["nav"] if items is None else items:
        if isinstance(item, str):
            if printed(item):
                yield "unit", item
        elif isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, list):
                    yield "part", key
                    yield from nav_entries(value, depth + 1)
                elif "://" not in value and printed(value):
                    yield "unit", value


def built_page(site: Path, lang: str, src: str) -> Path:
    return site / (language_root(lang, DEFAULT) + src.removesuffix(".md") + ".html")


def unit_title(site: Path, lang: str, src: str) -> str:
    h1 = parse(built_page(site, lang, src)).select_one("article h1")
    for link in h1.select("a.headerlink"):
        link.decompose()
    return normal(h1.get_text())


def expected_entries(site: Path, lang: str) -> list[tuple[str, str]]:
    """(kind, title) of every part and unit of the language, in course order."""
    words = load_strings(lang)
    return [(kind, words["nav"][key] if kind == "part" else unit_title(site, lang, key)) for kind, key in nav_entries()]


@pytest.fixture(params=LANGS)
def lang(request):
    return request.param


def test_each_language_has_its_pdf_and_every_page_links_to_it(site, lang):
    words = load_strings(lang)
    pdf = site / print_book.pdf_path(lang, DEFAULT)
    assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", f"{lang}: no PDF at {pdf.relative_to(site)}"
    pages = course_pages(site, lang, LANGS, DEFAULT)
    assert pages
    for page in pages:
        links = [
            a
            for a in page.soup.select(".course-download a[href]")
            if normal(a.get_text()) == normal(words["print"]["download"])
        ]
        assert links, f"{page}: no link to the PDF"
        target, _ = resolve(site, page.path, links[0]["href"])
        assert target == Path(print_book.pdf_path(lang, DEFAULT)), f"{page}: the PDF link leads to {target}"


def test_the_cover_gives_the_course_title_language_and_date(site, lang):
    words = load_strings(lang)
    cover = book(site, lang).page(1)
    for text in (words["site_name"], words["language_name"], words["print"]["edition"]):
        assert normal(text) in cover, f"{lang}: the cover lacks {text!r}: {cover!r}"
    # The edition's date (the print page's metadata, ISO), written as the language writes a date.
    html = (site / print_book.print_page_path(lang, DEFAULT)).read_text(encoding="utf-8")
    iso = re.search(r'name="dcterms.created" content="(\d{4}-\d{2}-\d{2})"', html)
    assert iso, f"{lang}: the print page has no date"
    dated = normal(words["print"]["dated"].format(date=local_date(iso.group(1), lang)))
    assert dated in cover and iso.group(1) not in cover, f"{lang}: no edition date {dated!r}: {cover!r}"


def test_every_part_and_unit_is_in_the_contents_in_course_order_at_its_page(site, lang):
    """Each contents entry's number is the page where that title starts: it is on that page
    and not on the page before; units come in the nav's order, each on a new page."""
    doc = book(site, lang)
    assert doc.contents_pages, f"{lang}: no contents with page numbers"
    contents, position, previous = doc.contents, 0, doc.contents_pages[-1]
    for kind, title in expected_entries(site, lang):
        match = re.compile(re.escape(title) + r"\s*" + LEADER.pattern).search(contents, position)
        assert match, f"{lang}: the contents lack {kind} {title!r} after {contents[position - 80 : position]!r}"
        position = match.end()
        number = int(match.group(1))
        assert number > previous, (
            f"{lang}: {title!r} is on page {number}, not after page {previous}: out of course order"
        )
        assert title in doc.page(number), f"{lang}: the contents put {title!r} on page {number}, which lacks it"
        # A link to the unit elsewhere prints its title with the page it is on: "Title (page 43)".
        reference = f"{title} ({normal(load_strings(lang)['print']['page_ref'].format(page=number))})"
        before = doc.page(number - 1).replace(reference, "")
        assert title not in before or number - 1 in doc.contents_pages, (
            f"{lang}: {title!r} is already on page {number - 1}, before the page the contents give ({number})"
        )
        previous = number


def test_page_numbers_and_running_headers_are_in_the_books_language(site, lang):
    words = load_strings(lang)
    doc = book(site, lang)
    total = len(doc.pages)
    entries = expected_entries(site, lang)
    part = next(title for kind, title in entries if kind == "part")
    unit = entries[[title for _, title in entries].index(part) + 1][1]
    start = doc.first_page_with(unit, after=doc.contents_pages[-1])
    second = doc.page(start + 1)  # a unit's second page: its part and title on top, its number below
    number = normal(words["print"]["page_of"].format(page=start + 1, pages=total))
    assert number in second, f"{lang}: page {start + 1} lacks {number!r}"
    assert part in second and unit in second, f"{lang}: page {start + 1} lacks the running header {part!r} / {unit!r}"
    assert normal(words["print"]["page_of"].format(page=1, pages=total)) not in doc.page(1), "the cover has a number"


def test_every_font_is_embedded_and_every_character_has_its_glyph(site, lang):
    fonts = pdf_check.fonts(book(site, lang).reader)
    assert fonts, f"{lang}: no fonts found"
    assert all(font.embedded for font in fonts), [font.name for font in fonts if not font.embedded]
    assert not pdf_check.problems(book(site, lang).reader, print_book.FONT_FAMILIES)


def test_the_font_check_sees_a_missing_glyph_and_a_foreign_font(tmp_path):
    """The check above must be able to fail: a character the book's fonts lack."""
    import weasyprint

    pdf = tmp_path / "bad.pdf"
    weasyprint.HTML(string="<p style=\"font-family: 'Noto Serif'\">Ομότιμοι čšž ◦ \U0001faf6</p>").write_pdf(pdf)
    found = " ".join(pdf_check.problems(pdf, print_book.FONT_FAMILIES))
    assert "\U0001faf6" in found, found  # no installed font has it (an emoji): drawn as a missing glyph
    assert "◦" in found, found  # Noto Serif lacks it: drawn with another font of the machine


def test_the_trainers_part_answer_key_glossary_and_about_are_printed(site, lang):
    """The trainers' part (trainer pages, cut-out cards, the answer key) and the pages after it;
    the answers are printed only in the answer key, never on the learners' pages."""
    words = load_strings(lang)
    doc = book(site, lang)
    contents = doc.contents
    for title in (words["nav"][print_book.TRAINER_SECTION], words["print"]["answer_key"]):
        assert re.search(re.escape(normal(title)) + r"\s*" + LEADER.pattern, contents), (
            f"{lang}: contents lack {title!r}"
        )
    key_page = int(
        re.search(re.escape(normal(words["print"]["answer_key"])) + r"\s*" + LEADER.pattern, contents).group(1)
    )
    assert normal(words["print"]["answer_key_intro"])[:60] in doc.page(key_page)
    right = normal(words["quiz"]["right"])
    first = doc.first_page_with(right)  # after the answer grids, which open the key
    assert first and first >= key_page, f"{lang}: '{right}' is printed before the answer key"
    after_key = " ".join(doc.pages[key_page - 1 :])

    units = [src for kind, src in nav_entries() if kind == "unit"]
    quizzes = exercises = cards = 0
    for src in units:
        soup = parse(built_page(site, lang, src))
        for item in soup.select("details.quiz__answer-key li"):
            option = normal(item.find("strong").next_sibling or "")
            assert option in after_key, f"{lang}: {src}: the answer key lacks the option {option!r}"
            quizzes += 1
        for answer in soup.select("details.model-answer .model-answer__body"):
            first_words = " ".join(normal(answer.get_text()).split()[:6])
            assert first_words in after_key, f"{lang}: {src}: the answer key lacks the model answer {first_words!r}"
            exercises += 1
        for card in soup.select(".cut-out-cards > ul > li strong"):
            assert normal(card.get_text()) in " ".join(doc.pages), f"{lang}: {src}: no card {card.get_text()!r}"
            cards += 1
    assert quizzes and cards, f"{lang}: {quizzes} answers, {exercises} model answers, {cards} cards"


def test_screen_only_things_never_print(site, lang):
    words = load_strings(lang)
    soup = parse(built_page(site, lang, "index.md"))
    screen_words = [
        words["quiz"]["check"],
        words["quiz"]["show_answer"],
        words["exercise"]["show_model_answer"],
        words["print"]["download"],
        words["progress"]["reset"],
        soup.select_one("input.md-search__input")["placeholder"],
    ]
    text = " ".join(book(site, lang).pages)
    for word in screen_words:
        assert normal(word) not in text, f"{lang}: the PDF prints the screen's {word!r}"
    print_page = parse(site / print_book.print_page_path(lang, DEFAULT))
    screen_only = print_page.select(
        "button, input, form, .md-header, .md-sidebar, .md-search, .md-select, "
        ".md-footer, .headerlink, .course-download, .quiz__actions"
    )
    assert not screen_only, f"{lang}: the print page holds {[el.name for el in screen_only]}"


def test_a_page_marked_print_false_is_on_the_site_but_not_in_the_book(site, lang):
    title = unit_title(site, lang, "translation-status.md")
    assert not printed("translation-status.md")
    assert not any(title in page for page in book(site, lang).pages), f"{lang}: '{title}' is printed"


def test_the_pdfs_of_each_language_are_made_without_problems(pdf_results, lang):
    """Each language's PDFs on their own: a failure names the language, the PDF and what went wrong,
    and the other languages' PDFs (and their tests) go on."""
    results = pdf_results[lang]
    assert {r.kind for r in results} == {"book", "trainers", "handout"}, [r.kind for r in results]
    for result in results:
        assert not result.problems, f"{result.pdf.name} has problems:\n" + "\n".join(result.problems)
        assert not result.unprintable, f"{result.pdf.name} cannot print {''.join(sorted(result.unprintable))!r}"
