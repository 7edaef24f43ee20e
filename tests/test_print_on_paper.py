"""The course's own PDFs as a trainer puts them on the table, every language:
facts about their pictures and pages, read back from the real files (their
look against approved pictures is tests/test_print_looks.py's, on a sample).

- every drawing prints as lines on white with its words in the PDF's text
  layer where it is drawn, in colour and in grey, in the handouts and the book;
  and in the browser's print of the page;
- the numbers to circle (1 to 10) print on one line;
- no page ends on a heading;
- quiz options are lettered in the handouts, the book and the key; the key
  opens with a grid per unit (question, letters, where the unit says it);
- a page written for this edition says so on screen and on every page it
  prints on; the trainers' material's cover note fits a file without units.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from site_pages import parse
from test_pdf import built_page, normal, unit_title
from test_print_looks import _label_box, pixels

from course import DOCS_DIR
from course.config import default_language, languages, read_mkdocs_yml
from course.print import page_images, print_book
from course.sources.front_matter import read_front_matter
from course.sources.strings import load_strings

LANGS = [lang.code for lang in languages()]
DEFAULT = default_language()
UNITS = print_book.handout_sources(read_mkdocs_yml()["nav"])
TRAINER_PAGES = print_book.trainer_sources(read_mkdocs_yml()["nav"])
EDITION_PAGES = [
    src for src in TRAINER_PAGES if read_front_matter(DOCS_DIR / DEFAULT / src).data.get("written_for_this_edition")
]
DPI = 40
MOSTLY_WHITE = 0.15  # a drawing's area may be at most this dark: lines and words (a black disc is about 0.9)


@pytest.fixture(params=LANGS)
def lang(request):
    return request.param


@cache
def words_of(pdf: Path) -> list[page_images.PageWords]:
    return page_images.page_words(pdf)


@cache
def texts_of(pdf: Path) -> list[str]:
    return page_images.page_texts(pdf)


def drawings(site: Path, lang: str, unit: str) -> list[list[str]]:
    """The words of each drawing of a unit's page, as the site draws them."""
    soup = parse(built_page(site, lang, unit))
    return [[normal(t.get_text()) for t in svg.select("text")] for svg in soup.select("figure.drawing svg")]


def drawing_units(site: Path, lang: str) -> list[str]:
    return [unit for unit in UNITS if drawings(site, lang, unit)]


def test_every_drawing_prints_as_lines_on_white_with_its_words_where_it_is_drawn(site, lang):
    """The trainers' black discs: each drawing's area is mostly white, in colour and in grey, and
    its words are in the text layer inside it, in the handout and in the book."""
    units = drawing_units(site, lang)
    assert {"supportive-communication.md", "mixed-teams.md"} <= set(units), units
    book = site / print_book.pdf_path(lang, DEFAULT)
    for unit in units:
        for pdf in (site / print_book.handout_job(lang, DEFAULT, unit).pdf, book):
            pages = words_of(pdf)
            for labels in drawings(site, lang, unit):
                number, box = _drawing_place(pages, labels)
                assert number, f"{pdf.name}: no page holds the words of the drawing {labels}"
                # In colour, measured as a grey printer prints it (luminance): a colour that is
                # light on screen but dark in grey counts as dark.
                image = page_images.page_image(pdf, number, DPI)
                area = pixels(box, pages[number - 1], image)
                dark = page_images.dark_share(image, area)
                drawn = page_images.dark_share(image, area, level=220)
                assert dark < MOSTLY_WHITE, f"{pdf.name} p. {number}: the drawing {labels[0]!r} is {dark:.0%} dark"
                assert drawn > 0.01, f"{pdf.name} p. {number}: no lines around {labels[0]!r}"


def _drawing_place(pages: list[page_images.PageWords], labels: list[str]) -> tuple[int, tuple[float, ...]]:
    """The page holding every label of a drawing close together (a page with the unit's key points
    names them too, far apart), and the box around them."""
    for number, page in enumerate(pages, start=1):
        boxes = [_label_box(page, label) for label in labels]
        if all(boxes):
            box = (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
            if box[3] - box[1] < page.height / 2:
                return number, box
    return 0, ()


def test_the_numbers_to_circle_print_on_one_line(site, lang):
    """Each 1-to-10 scale of the worksheets: its ten numbers on one line, "10" whole (it printed "1 0")."""
    unit = "supportive-communication.md"
    job = print_book.handout_job(lang, DEFAULT, unit)
    scales = len(parse(site / job.page).select(".print-scale"))
    assert scales >= 2, f"{lang}: {scales} scales on the handout's print page"
    found = 0
    for page in words_of(site / job.pdf):
        texts = [w.text for w in page.words]
        for start in range(len(texts) - 9):
            if texts[start : start + 10] == [str(n) for n in range(1, 11)]:
                line = page.words[start : start + 10]
                assert max(w.y0 for w in line) - min(w.y0 for w in line) < 2, f"{lang}: a scale breaks over two lines"
                found += 1
    assert found == scales, f"{lang}: {found} of the {scales} scales print as 1 2 … 10 on one line"


HEADINGS = "h2, h3, h4, .exercise__title, .answer-grid__unit"


def test_no_page_ends_on_a_heading(site, lang):
    """A heading is kept with what follows it: no page's last line is a heading (the trainers found
    "Homework: Circles of helpers" and "Exercises" alone at the foot of a page)."""
    jobs = [print_book.book_job(lang, DEFAULT), print_book.trainers_job(lang, DEFAULT)]
    jobs += [print_book.handout_job(lang, DEFAULT, unit) for unit in UNITS]
    alone = []
    for job in jobs:
        headings = {normal(h.get_text(" ")) for h in parse(site / job.page).select(HEADINGS)}
        headings = {h for h in headings if len(h) > 3}
        for number, text in enumerate(texts_of(site / job.pdf), start=1):
            lines = [normal(line) for line in text.split("\n") if line.strip()]
            # The last line above the page number is a heading's, or its last two lines are one.
            endings = {lines[-2], " ".join(lines[-3:-1])} if len(lines) > 2 else set()
            alone += [f"{job.pdf} p. {number}: {h!r}" for h in headings & endings]
    assert not alone, "pages that end on a heading:\n" + "\n".join(alone)


def right_letters(site: Path, lang: str, unit: str) -> list[str]:
    """The letters of the right options of each question of a unit, as the site marks them."""
    letters = [str(letter) for letter in load_strings(lang)["quiz"]["letters"]]
    return [
        print_book.LETTER_JOINER.join(
            letters[i] for i, option in enumerate(q.select(".quiz__option")) if option["data-correct"] == "true"
        )
        for q in parse(built_page(site, lang, unit)).select(".quiz-question")
    ]


def test_quiz_options_are_lettered_in_the_handouts_and_the_book(site, lang):
    letters = [str(letter) for letter in load_strings(lang)["quiz"]["letters"]]
    unit = UNITS[0]
    soup = parse(built_page(site, lang, unit))
    first = [normal(label.get_text()) for label in soup.select(".quiz-question")[0].select(".quiz__option label")]
    for pdf in (site / print_book.handout_job(lang, DEFAULT, unit).pdf, site / print_book.pdf_path(lang, DEFAULT)):
        text = normal(" ".join(texts_of(pdf)))
        for letter, option in zip(letters, first, strict=False):
            assert f"{letter} {option[:30]}" in text, f"{pdf.name}: the option {option!r} is not lettered {letter}"


def test_the_answer_key_opens_with_a_grid_per_unit_of_letters_and_headings(site, lang):
    """For the room: per unit, each question's number, the letters of its right options and the
    heading of the unit that holds the answer, each unit's grid whole on one page, before the key."""
    words = load_strings(lang)
    pdf = site / print_book.trainers_job(lang, DEFAULT).pdf
    pages = [normal(text) for text in texts_of(pdf)]
    grid = next(n for n, text in enumerate(pages) if normal(words["print"]["answer_grid"]) in text)
    right = normal(words["quiz"]["right"])
    key = next(n for n, text in enumerate(pages) if right in text)
    assert grid < key, f"{lang}: the grids do not come before the explained answers"
    for unit in UNITS:
        title = unit_title(site, lang, unit)
        holding = [n for n in range(grid, key) if title in pages[n]]
        assert len(holding) == 1, f"{lang}: the grid of {title!r} is on pages {holding}"
        page = pages[holding[0]]
        for number, letters in enumerate(right_letters(site, lang, unit), start=1):
            # "B + D" may be read back as "B+D": the spaces around a plus are narrow
            pattern = r"\s*\+\s*".join(re.escape(letter) for letter in letters.split(print_book.LETTER_JOINER))
            assert re.search(rf"\b{number} {pattern}\b", page), f"{lang}: {title}: question {number} is not {letters}"
        for feedback in parse(built_page(site, lang, unit)).select(".quiz__option[data-correct=true] .quiz__feedback"):
            link = feedback.select_one("a[href^='#']")
            heading = parse(built_page(site, lang, unit)).find(id=link["href"][1:]) if link else None
            if heading is not None:
                assert normal(heading.get_text(" ")).split(" ¶")[0][:25] in page, f"{lang}: {title}: no {heading}"


def test_pages_written_for_this_edition_say_so_on_screen_and_on_every_page_they_print_on(site, lang):
    words = load_strings(lang)
    mark = normal(words["status"]["edition"])
    assert EDITION_PAGES, "no page is marked written_for_this_edition"
    for src in TRAINER_PAGES:
        notice = parse(built_page(site, lang, src)).select_one(".edition-notice")
        marked = src in EDITION_PAGES
        assert (notice is not None) == marked, f"{lang}/{src}: the notice {'is missing' if marked else 'is wrong'}"
        if marked:
            assert normal(notice.get_text()) == mark
    titles = {unit_title(site, lang, src): src in EDITION_PAGES for src in TRAINER_PAGES}
    for pdf in (site / print_book.trainers_job(lang, DEFAULT).pdf, site / print_book.pdf_path(lang, DEFAULT)):
        for number, text in enumerate(texts_of(pdf), start=1):
            lines = [line for line in text.split("\n") if line.strip()]
            header = normal(lines[0]) if lines else ""
            for title, marked in titles.items():
                if header.endswith(title):
                    assert (mark in normal(lines[-1])) == marked, f"{pdf.name} p. {number} ({title}): mark {marked}"


def test_the_trainers_material_says_what_it_holds_on_its_own_and_promises_nothing_else(site, lang):
    words = load_strings(lang)["print"]
    alone = normal(" ".join(texts_of(site / print_book.trainers_job(lang, DEFAULT).pdf)))
    book = normal(" ".join(texts_of(site / print_book.pdf_path(lang, DEFAULT))))
    assert normal(words["trainer_note_standalone"]) in alone and normal(words["trainer_note"]) not in alone
    assert normal(words["trainer_note"]) in book
    has_model_answers = any(parse(built_page(site, lang, unit)).select(".model-answer") for unit in UNITS)
    assert (normal(words["answer_key_intro_exercises"]) in alone) == has_model_answers


@pytest.mark.browser
def test_the_browser_prints_the_drawings_as_lines_on_white_with_their_words(browser, site_url):
    """The browser's print of a unit (print media): each drawing mostly white, lines drawn, in grey too."""
    from io import BytesIO

    from PIL import Image

    context = browser.new_context(viewport={"width": 1000, "height": 1400})
    page = context.new_page()
    page.emulate_media(media="print")
    try:
        for lang in LANGS:
            for unit in drawing_units_on_disk(lang):
                url = f"{site_url}/{built_url(lang, unit)}"
                page.goto(url, wait_until="load")
                for index, picture in enumerate(page.query_selector_all("figure.drawing .drawing__picture")):
                    image = Image.open(BytesIO(picture.screenshot()))
                    dark = page_images.dark_share(image)
                    drawn = page_images.dark_share(image, level=220)
                    assert dark < MOSTLY_WHITE and drawn > 0.01, f"{url}: drawing {index + 1} {dark:.0%} dark"
                    assert picture.eval_on_selector_all("svg text", "ts => ts.map(t => t.textContent)")
    finally:
        context.close()


def built_url(lang: str, unit: str) -> str:
    return built_page(Path(""), lang, unit).as_posix()


def drawing_units_on_disk(lang: str) -> list[str]:
    return [
        unit
        for unit in UNITS
        if re.search(r"^/{3,} (circles|hub)\b", (DOCS_DIR / lang / unit).read_text(encoding="utf-8"), re.M)
    ]
