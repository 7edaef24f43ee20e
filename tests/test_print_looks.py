"""Print checked by eye: a small sample course in each script family (Latin:
English, Greek, and a right-to-left script: Arabic) holding every kind of block
(headings, lists with their own letters, tables, steps, worksheets with lines,
numbers to circle and rated lists, circles, hub, quiz, cards, a form, a page
written for this edition, cover, contents, answer grid and key) is printed
through the real template and stylesheet with WeasyPrint, each page drawn as a
picture at 40 dpi in grey (as a room's printer prints it) and compared with its
approved picture in tests/print_samples/approved/.

A page that differs (course/print/page_images.py: more than 0.2 % of its pixels
by more than 48 grey levels) fails the test, which writes the new picture and a
picture of the difference into .cache/print-looks/ for a person to look at. When
the new look is the wanted one, approve it (it writes new references):

    APPROVE_PRINT_LOOKS=1 .venv/bin/python -m pytest tests/test_print_looks.py -n 0

The sample, not the course's own pages, is compared: the pictures do not change
each time a writer edits a unit, only when the print's design does. The course's
own PDFs are checked by facts about their pictures in tests/test_print_on_paper.py.
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import markdown
import pytest
import yaml

from course import PROJECT_ROOT
from course.config import read_mkdocs_yml
from course.print import page_images, pdf_build, print_book, print_pages
from course.sources.front_matter import read_front_matter
from course.sources.strings import load_strings
from course.translation.notices import edition_notice_in

SAMPLES = Path(__file__).parent / "print_samples"
APPROVED = SAMPLES / "approved"
FAILURES = PROJECT_ROOT / ".cache" / "print-looks"
APPROVING = os.environ.get("APPROVE_PRINT_LOOKS") == "1"
DATE = "2027-01-15"  # a fixed edition date: the cover must not change every day
DPI = 40
# One language of each script family; a right-to-left one, Arabic, with its own words (ar.yml).
SCRIPTS = {"en": "ltr", "el": "ltr", "ar": "rtl"}
NAV = [{"part-1": ["unit.md"]}, {"trainer": ["trainer/cards.md", "trainer/evaluation.md"]}]


def words_of(lang: str) -> dict:
    """The UI words of a course language, or the sample's own over English (Arabic)."""
    words = load_strings(lang if lang != "ar" else "en")
    extra = SAMPLES / f"{lang}.yml"
    if extra.is_file():
        words = _merged(words, yaml.safe_load(extra.read_text(encoding="utf-8")))
    return words


def _merged(base: dict, over: dict) -> dict:
    result = dict(base)
    for key, value in over.items():
        result[key] = _merged(base.get(key, {}), value) if isinstance(value, dict) else value
    return result


def rendered_page(path: Path, words: dict, lang: str) -> print_book.Unit:
    """A sample page as the site renders it: the course's Markdown extensions and blocks, the
    summary and the edition notice under the title (hooks/page_front_matter.py)."""
    config = read_mkdocs_yml()
    extensions, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        extensions.append(name)
        settings[name] = options or {}
    settings["course.blocks.extension"] = {"strings": words}
    front = read_front_matter(path)
    body = "\n".join(path.read_text(encoding="utf-8").split("\n")[front.end_line :])
    html = markdown.Markdown(extensions=extensions, extension_configs=settings).convert(body)
    after_title = f'<p class="page-summary">{front.data["description"]}</p>'
    if front.data.get("written_for_this_edition"):
        after_title = edition_notice_in(words["status"]["edition"], lang, SCRIPTS[lang]) + after_title
    html = html.replace("</h1>", "</h1>" + after_title, 1)
    src = path.relative_to(SAMPLES / lang).as_posix()
    title = next(line[2:] for line in body.split("\n") if line.startswith("# "))
    return print_book.Unit(
        src=src,
        title=title.strip(),
        url=f"{lang}/{src.removesuffix('.md')}.html",
        content=html,
        description=front.data["description"],
        written_for_this_edition=bool(front.data.get("written_for_this_edition")),
    )


@cache
def sample_book(lang: str, folder: Path) -> Path:
    """The sample course of `lang` printed as a book (cover, contents, the unit, the trainers' part,
    the answer key) into `folder`, as the build prints the course."""
    words = words_of(lang)
    pages = {
        path.relative_to(SAMPLES / lang).as_posix(): rendered_page(path, words, lang)
        for path in sorted((SAMPLES / lang).rglob("*.md"))
    }
    site = folder / lang
    stylesheet = site / print_book.STYLESHEET
    stylesheet.parent.mkdir(parents=True, exist_ok=True)
    stylesheet.write_bytes((PROJECT_ROOT / "overrides" / print_book.STYLESHEET).read_bytes())
    jobs = print_pages.write_print_pages(
        site,
        SAMPLES,
        lang,
        "xx",  # no sample is the default language: each lives under its own folder
        NAV,
        pages,
        words,
        PROJECT_ROOT / "mkdocs.yml",
        PROJECT_ROOT / "overrides" / "print",
        SCRIPTS[lang],
        date=DATE,
    )
    book = next(job for job in jobs if job.kind == "book")
    result = pdf_build.render(site, book, lang)
    assert not result.problems, f"the {lang} sample prints with problems:\n" + "\n".join(result.problems)
    return result.pdf


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("print-samples")


@pytest.mark.parametrize("lang", list(SCRIPTS))
def test_every_page_of_the_sample_looks_as_approved(samples, lang):
    pdf = sample_book(lang, samples)
    images = page_images.page_images(pdf, DPI, grey=True)
    pages = len(images)
    approved = sorted(APPROVED.glob(f"{lang}-p*.png"))
    if APPROVING:
        for old in approved:
            old.unlink()
    differing = []
    for number, image in enumerate(images, start=1):
        name = f"{lang}-p{number:02d}"
        if APPROVING:
            page_images.approve(image, APPROVED / f"{name}.png")
            continue
        comparison = page_images.compare(image, APPROVED / f"{name}.png", FAILURES, name)
        if not comparison.matches:
            how = "no approved picture" if comparison.size_changed else f"{comparison.differing:.2%} of pixels"
            differing.append(f"page {number}: {how}; see {comparison.new} and {comparison.difference}")
    assert APPROVING or len(approved) == pages, (
        f"{lang}: the sample prints on {pages} pages, {len(approved)} are approved "
        "(a page added or gone: look at .cache/print-looks/, then approve)"
    )
    assert not differing, (
        f"{lang}: the print looks different from the approved pictures:\n"
        + "\n".join(differing)
        + "\nIf the new look is right: APPROVE_PRINT_LOOKS=1 .venv/bin/python -m pytest tests/test_print_looks.py -n 0"
    )


@pytest.mark.parametrize("lang", list(SCRIPTS))
def test_the_samples_drawings_are_white_with_their_words_where_they_are_drawn(samples, lang):
    """Facts, not pixels: each drawing's words are in the PDF's text layer, inside the drawing, and
    the drawing's area is mostly white, in colour and in grey (the black discs were all dark)."""
    pdf = sample_book(lang, samples)
    pages = page_images.page_words(pdf)
    for labels in drawing_labels(lang):
        number, box = drawing_box(pages, labels)
        assert number, f"{lang}: no page carries the drawing's words {labels}"
        image = page_images.page_image(pdf, number, DPI)  # in colour, measured in grey (luminance)
        share = page_images.dark_share(image, pixels(box, pages[number - 1], image))
        assert share < 0.15, f"{lang}: page {number}: the drawing of {labels[0]!r} is {share:.0%} dark"


def drawing_labels(lang: str) -> list[list[str]]:
    """The words of each drawing of the sample unit: the list items of its circles and hub."""
    found, current = [], None
    for line in (SAMPLES / lang / "unit.md").read_text(encoding="utf-8").split("\n"):
        if line.startswith(("//// circles", "//// hub")):
            current = []
            found.append(current)
        elif current is not None and line.startswith("- "):
            current.append(line[2:].strip())
        elif line.strip() == "////":
            current = None
    return found


def drawing_box(pages: list[page_images.PageWords], labels: list[str]) -> tuple[int, tuple[float, ...]]:
    """The page (from 1) that holds every label of a drawing in its text layer, and the box (points)
    around them; (0, ()) when no page does."""
    for number, page in enumerate(pages, start=1):
        boxes = [_label_box(page, label) for label in labels]
        if all(boxes):
            return number, (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
    return 0, ()


def _label_box(page: page_images.PageWords, label: str) -> tuple[float, ...] | None:
    """Where a label's words are on the page: a run of words holding exactly the label's letters.
    Letters, not words in order: a right-to-left line is read out of a PDF in the order it is drawn,
    its ligatures taken apart, a word sometimes in two."""
    wanted = _letters(label)
    for start in range(len(page.words)):
        for end in range(start + 1, min(start + len(label.split()) + 3, len(page.words) + 1)):
            run = page.words[start:end]
            if _letters(" ".join(w.text for w in run)) == wanted:
                return (min(w.x0 for w in run), min(w.y0 for w in run), max(w.x1 for w in run), max(w.y1 for w in run))
    return None


def _letters(text: str) -> Counter:
    return Counter(c for c in unicodedata.normalize("NFKC", text) if c.isalpha())


def pixels(box: tuple[float, ...], page: page_images.PageWords, image) -> tuple[int, int, int, int]:
    """A box in points as a box of the page's picture, widened to take in the drawing's shapes."""
    scale_x, scale_y = image.width / page.width, image.height / page.height
    margin = 10  # points
    return (
        int((box[0] - margin) * scale_x),
        int((box[1] - margin) * scale_y),
        int((box[2] + margin) * scale_x),
        int((box[3] + margin) * scale_y),
    )
