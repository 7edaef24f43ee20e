"""The course in print, per language: the print pages that course/print/pdf_build.py
turns into PDFs with WeasyPrint.

- the book: the whole course, with its trainers' part and the answer key;
- the trainers' material: the trainers' part and the answer key on their own;
- a handout per unit, for learners: the unit, its worksheets and its quiz,
  without the answers.

Plain Python, no MkDocs state: hooks/print_book.py hands in the rendered
content of each page and the `nav:` of mkdocs.yml; this module puts them in
course order behind a cover and a contents list, and reshapes the screen
content for paper:

- ids are made unique in the book (every unit has `#objectives`), and links
  between units become links inside the book (printed with their page);
- a quiz becomes a list of options with tick boxes and letters (A, B, C…, the
  language's `quiz.letters`), without its buttons;
- the answer keys of the quizzes and the model answers of the exercises are
  taken out of the units and printed together, open, in the trainers' part:
  a unit's pages can be copied for learners without giving the answers away;
  the key opens with a grid per unit (question, letters, the heading of the
  unit that holds the answer, from the right options' feedback links);
- an exercise keeps the ruled lines the blocks wrote under each question; a
  table whose cells are mostly empty (a form) gets rows tall enough to write
  in; cut-out cards get a sheet of their own, with the heading above them;
- a drawing's words (circles, hub) are laid over it as text of the page:
  WeasyPrint sets an SVG's text letter by letter, which right-to-left and
  joined scripts do not survive;
- a page written for this edition (front matter `written_for_this_edition`)
  says so on every page it prints on (print-book.css, a page of its own kind).

The words come from the language's i18n/<lang>.yml (`print:` and others).
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
import lxml.html
from lxml import etree
from lxml.html import HtmlElement
from markupsafe import Markup

from course.config import NavItem, language_root
from course.errors import ContentError
from course.sources.language_data import local_date

BOOK_NAME = "peer-support-course"  # downloads/<BOOK_NAME>-<lang>.pdf
PRINT_PAGE = "print.html"  # <lang prefix>print.html, the input of the book's PDF
TRAINERS_PAGE = "print-trainers.html"  # <lang prefix>print-trainers.html: the trainers' material
HANDOUT_PAGES = "print-handouts"  # <lang prefix>print-handouts/<unit>.html: the handouts
DOWNLOADS = "downloads"
HANDOUTS = "handouts"  # <lang prefix>downloads/handouts/<unit>-<lang>.pdf
KINDS = ("book", "trainers", "handout")
STYLESHEET = "assets/stylesheets/print-book.css"
TEMPLATE = "book.html"  # in overrides/print/
# The book's fonts (print-book.css): every font in a PDF must be one of these families (a family
# names its scripts' own faces too: "Noto Sans" covers "Noto Sans Arabic"), embedded.
FONT_FAMILIES = ("Noto Serif", "Noto Sans", "Noto Naskh Arabic", "Noto Nastaliq Urdu")
# The `nav:` section whose pages are for trainers: the answer key is printed at its end.
TRAINER_SECTION = "trainer"
LETTER_JOINER = " + "  # the letters of a question with several right answers: "A + C"

PLACEHOLDER = re.compile(r"\{(page|pages)\}")


# ---- where things are in the built site ----------------------------------


def print_page_path(lang: str, default: str) -> str:
    return language_root(lang, default) + PRINT_PAGE


def pdf_file_name(lang: str) -> str:
    return f"{BOOK_NAME}-{lang}.pdf"


def pdf_path(lang: str, default: str) -> str:
    """The PDF of a language, relative to the site root: 'el/downloads/peer-support-course-el.pdf'."""
    return f"{language_root(lang, default)}{DOWNLOADS}/{pdf_file_name(lang)}"


@dataclass(frozen=True)
class PrintJob:
    """One PDF of a language: its kind, its print page and its PDF, from the site's root."""

    kind: str  # "book", "trainers" or "handout"
    page: str
    pdf: str
    unit: str = ""  # a handout's unit, as in nav: 'what-is-peer-support.md'


def book_job(lang: str, default: str) -> PrintJob:
    return PrintJob("book", print_page_path(lang, default), pdf_path(lang, default))


def trainers_job(lang: str, default: str) -> PrintJob:
    root = language_root(lang, default)
    return PrintJob("trainers", root + TRAINERS_PAGE, f"{root}{DOWNLOADS}/{BOOK_NAME}-{lang}-trainers.pdf")


def handout_job(lang: str, default: str, unit: str) -> PrintJob:
    # A trainer page handed out to participants is named without its folder: 'evaluation-sheet-en.pdf'.
    root, name = language_root(lang, default), posixpath.basename(unit.removesuffix(".md"))
    return PrintJob(
        "handout", f"{root}{HANDOUT_PAGES}/{name}.html", f"{root}{DOWNLOADS}/{HANDOUTS}/{name}-{lang}.pdf", unit
    )


def jobs_in(site_dir: Path, lang: str, default: str) -> list[PrintJob]:
    """Every PDF of a language whose print page the build wrote: the book, the trainers' material,
    then the handouts in name order."""
    root = language_root(lang, default)
    found = [job for job in (book_job(lang, default), trainers_job(lang, default)) if (site_dir / job.page).is_file()]
    for page in sorted((site_dir / root / HANDOUT_PAGES).glob("*.html")):
        found.append(handout_job(lang, default, page.stem + ".md"))
    return found


# ---- the book's outline, from mkdocs.yml's nav: ---------------------------


@dataclass
class Unit:
    src: str  # path in the language tree, as in nav: 'trainer/guidelines.md'
    title: str
    url: str  # the page's URL from the site root: 'el/trainer/guidelines.html'
    content: str  # the rendered page content (HTML)
    description: str = ""
    printed: bool = True  # front matter `print: false` keeps a page of the site out of the book
    # A page not translated yet: the language and direction of its text ({'lang': 'en', 'dir': 'ltr'}).
    other_language: dict[str, str] | None = None
    written_for_this_edition: bool = False  # front matter: a page this edition added to the source material
    # Front matter `hand_out: true`: a trainer page that goes to participants (a form, a sheet), also
    # printed on its own as a handout, without the trainers' apparatus (banners, summary).
    hand_out: bool = False

    @property
    def anchor(self) -> str:
        return "u-" + re.sub(r"[^A-Za-z0-9_-]+", "-", self.src.removesuffix(".md"))

    @property
    def own_language(self) -> dict[str, str]:
        """The language and direction of its title and text where they are not the book's (else {})."""
        return self.other_language or {}


@dataclass
class Part:
    key: str
    title: str
    children: list[Unit | Part] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "part-" + re.sub(r"[^A-Za-z0-9_-]+", "-", self.key)

    @property
    def is_trainer(self) -> bool:
        return self.key == TRAINER_SECTION

    @property
    def own_language(self) -> dict[str, str]:
        """The direction of its title, from the language's words (perhaps not translated yet)."""
        direction = text_direction(self.title)
        return {"dir": direction} if direction else {}


def text_direction(text: str) -> str | None:
    """'ltr' or 'rtl' by the first letter of a strong direction (as `dir="auto"` does); None if none."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def outline(
    nav: list[NavItem], pages: dict[str, Unit], section_titles: dict[str, str], config_file: Path
) -> list[Unit | Part]:
    """The book's parts and units in the order of `nav:` (items: 'file.md', {'Title': 'file.md'}
    or {'section-key': [...]}); section titles from i18n/<lang>.yml's `nav:`."""
    items: list[Unit | Part] = []
    for entry in nav or []:
        if isinstance(entry, str):
            unit = _page(entry, pages, config_file)
            if unit.printed:
                items.append(unit)
        elif isinstance(entry, dict):
            for key, value in entry.items():
                if isinstance(value, list):
                    title = section_titles.get(key) or key
                    items.append(Part(str(key), str(title), outline(value, pages, section_titles, config_file)))
                elif isinstance(value, str) and "://" not in value and _page(value, pages, config_file).printed:
                    items.append(_page(value, pages, config_file))
    return items


def _page(src: str, pages: dict[str, Unit], config_file: Path) -> Unit:
    if src not in pages:
        raise ContentError(
            config_file,
            f"nav: names '{src}', which was not built in this language",
            "check the file name under nav: in mkdocs.yml and in docs/<lang>/",
        )
    return pages[src]


def handout_sources(nav: list[NavItem]) -> list[str]:
    """The pages of mkdocs.yml's `nav:` that get a handout: those in its sections, but the trainers'."""
    found = []
    for entry in nav or []:
        if isinstance(entry, dict):
            for key, value in entry.items():
                if isinstance(value, list) and key != TRAINER_SECTION:
                    found += list(_nav_files(value))
    return found


def trainer_sources(nav: list[NavItem]) -> list[str]:
    """The pages of mkdocs.yml's trainers' section, in its order."""
    return [
        src
        for entry in nav or []
        if isinstance(entry, dict)
        for key, value in entry.items()
        if key == TRAINER_SECTION and isinstance(value, list)
        for src in _nav_files(value)
    ]


def _nav_files(value: NavItem | list[NavItem]) -> list[str]:
    if isinstance(value, str):
        return [value] if value.endswith(".md") else []
    if isinstance(value, list):
        return [f for item in value for f in _nav_files(item)]
    if isinstance(value, dict):
        return [f for item in value.values() for f in _nav_files(item)]
    return []


def hand_out_units(items: list[Unit | Part]) -> list[Unit]:
    """The trainers' pages that go to participants (front matter `hand_out: true`), each printed on
    its own like a handout."""
    return [
        unit
        for item in items
        if isinstance(item, Part) and item.is_trainer
        for unit in units_of(item.children)
        if unit.hand_out
    ]


def units_of(items: list[Unit | Part]) -> list[Unit]:
    found: list[Unit] = []
    for item in items:
        found.extend(units_of(item.children) if isinstance(item, Part) else [item])
    return found


# ---- reshaping one unit's content for paper -------------------------------


@dataclass
class KeyQuestion:
    label: str  # 'Question 1.'
    text: str
    answers: str  # HTML: the answer key's list, each option with its letter
    number: int = 0  # its number in the unit's quiz
    letters: list[str] = field(default_factory=list)  # the letters of its right options
    where: list[str] = field(default_factory=list)  # the anchors its right options' feedback links to


@dataclass
class KeyExercise:
    title: str
    answer: str  # HTML: the model answer's body


@dataclass
class UnitKey:
    unit: Unit
    questions: list[KeyQuestion] = field(default_factory=list)
    exercises: list[KeyExercise] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)  # anchor -> words of the unit's headings


def option_letter(letters: list[str], index: int) -> str:
    """The letter of a question's option (from 0), in the language's `quiz.letters`; a number past them."""
    return str(letters[index]) if index < len(letters) else str(index + 1)


class _Links:
    """Rewrites the links of a page for the book: units become in-book anchors."""

    def __init__(self, units: list[Unit], print_page: str) -> None:
        self.anchors = {unit.url: unit.anchor for unit in units}
        self.print_dir = posixpath.dirname(print_page)

    def rewrite(self, href: str, unit: Unit) -> tuple[str | None, str]:
        """(new href or None to drop the link, kind): kind is 'external', 'xref', 'local' or 'file'."""
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            return href, "external"
        fragment = unquote(parts.fragment)
        if not parts.path:
            return (f"#{unit.anchor}--{fragment}" if fragment else f"#{unit.anchor}"), "local"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(unit.url), unquote(parts.path)))
        if target in self.anchors:
            anchor = self.anchors[target]
            return (f"#{anchor}--{fragment}" if fragment else f"#{anchor}"), "xref"
        if target.endswith(".html"):
            return None, "file"  # a page outside the book (another language): no link on paper
        return posixpath.relpath(target, self.print_dir or "."), "file"


def _text(el: HtmlElement) -> str:
    return " ".join("".join(el.itertext()).split())


def _html(el: HtmlElement) -> str:
    return etree.tostring(el, encoding="unicode", method="html", with_tail=False)


def _inner_html(el: HtmlElement) -> str:
    return (el.text or "") + "".join(etree.tostring(c, encoding="unicode", method="html") for c in el)


def _drop(el: HtmlElement) -> None:
    """Remove an element but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _has_class(el: HtmlElement, name: str) -> bool:
    return name in (el.get("class") or "").split()


def _add_class(el: HtmlElement, name: str) -> None:
    el.set("class", " ".join([*(el.get("class") or "").split(), name]))


def _by_class(root: HtmlElement, tag: str, name: str) -> list[HtmlElement]:
    return [el for el in root.iter(tag) if _has_class(el, name)]


def reshape_unit(unit: Unit, links: _Links, letters: list[str] | None = None) -> tuple[str, UnitKey]:
    """The unit's content for the book, and what goes into the answer key (options lettered with
    `letters`, the language's `quiz.letters`)."""
    root = lxml.html.fragment_fromstring(unit.content or "", create_parent="div")
    key = UnitKey(unit)

    for el in _by_class(root, "a", "headerlink") + _by_class(root, "a", "footnote-backref"):
        _drop(el)
    # The home page's list of units: the book has its contents instead.
    for el in _by_class(root, "*", "course-map"):
        heading = el.getprevious()
        if heading is not None and heading.tag in ("h2", "h3") and el.getnext() is None:
            _drop(heading)
        _drop(el)
    # "Read the original": a page of another language, not in this book.
    for notice in _by_class(root, "*", "translation-status"):
        for a in list(notice.iter("a")):
            _drop(a)

    # Cut-out cards are a sheet of their own: the heading above them goes with them.
    for cards in _by_class(root, "div", "cut-out-cards"):
        heading = cards.getprevious()
        if heading is not None and heading.tag in ("h2", "h3", "h4"):
            heading.tail = None
            cards.insert(0, heading)
    # ids unique in the whole book, links inside the book (before the answer key is taken out,
    # so that its links to the unit's headings lead into the book too)
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("id"):
            el.set("id", f"{unit.anchor}--{el.get('id')}")
    for el in list(root.iter("a")):
        href = el.get("href")
        if href is None:
            continue
        new, kind = links.rewrite(href, unit)
        if new is None:
            el.drop_tag()
            continue
        el.set("href", new)
        if kind == "xref":
            _add_class(el, "xref")
            # Its words (a title, perhaps in the other direction) keep their own direction on the line.
            if direction := text_direction(_text(el)):
                el.set("dir", direction)
        elif kind == "external" and _text(el) != href:
            _add_class(el, "external")
    for heading in root.iter("h1", "h2", "h3", "h4"):
        if heading.get("id"):
            key.headings["#" + heading.get("id", "")] = _text(heading)
    _reshape_quizzes(root, key, letters or [])
    _reshape_exercises(root, key)
    _drawing_words_as_text(root)
    for details in root.iter("details"):
        details.set("open", "open")
    for table in root.iter("table"):
        if _is_form(table):
            _add_class(table, "form-table")
        else:
            _add_class(table, "content-table")

    for el in root.iter("img"):
        if src := el.get("src"):
            new, _ = links.rewrite(src, unit)
            if new:
                el.set("src", new)
    for h1 in root.iter("h1"):
        _add_class(h1, "unit-title")
        break
    return _inner_html(root), key


def _letter(letter: str) -> HtmlElement:
    mark = lxml.html.Element("span", {"class": "quiz__letter"})
    mark.text = letter
    return mark


def _reshape_quizzes(root: HtmlElement, key: UnitKey, letters: list[str]) -> None:
    for position, question in enumerate(_by_class(root, "div", "quiz-question"), start=1):
        number = question.find(".//*[@class='quiz__number']")
        text = question.find(".//*[@class='quiz__text']")
        answer_key = next(iter(_by_class(question, "details", "quiz__answer-key")), None)
        if answer_key is not None:
            listing = answer_key.find("ul")
            right: list[str] = []
            where: list[str] = []
            for index, item in enumerate(listing.iterchildren("li") if listing is not None else []):
                item.insert(0, _letter(option_letter(letters, index)))
                if _has_class(item, "quiz__key-right"):
                    right.append(option_letter(letters, index))
                    where += [a.get("href", "") for a in item.iter("a") if (a.get("href") or "").startswith("#")]
            # On paper, a feedback's link to the unit's heading shows the page it is on.
            for a in answer_key.iter("a"):
                if (a.get("href") or "").startswith("#"):
                    _add_class(a, "xref")
            key.questions.append(
                KeyQuestion(
                    label=_text(number) if number is not None else "",
                    text=_text(text) if text is not None else "",
                    answers=_html(listing) if listing is not None else "",
                    number=position,
                    letters=right,
                    where=list(dict.fromkeys(where)),
                )
            )
            _drop(answer_key)
        for index, option in enumerate(_by_class(question, "div", "quiz__option")):
            label = option.find("label")
            if label is not None:
                label.addprevious(_letter(option_letter(letters, index)))
        for el in (
            _by_class(question, "*", "quiz__actions")
            + _by_class(question, "*", "quiz__result")
            + _by_class(question, "*", "quiz__feedback")
        ):
            _drop(el)
        for el in list(question.iter("input")):
            box = lxml.html.Element(
                "span",
                {"class": "tick-box " + ("tick-box--square" if el.get("type") == "checkbox" else "tick-box--round")},
            )
            box.tail = el.tail
            parent = el.getparent()
            if parent is not None:
                parent.replace(el, box)
        for el in question.iter("div"):
            el.attrib.pop("data-correct", None)
        for el in question.iter("label"):
            el.attrib.pop("for", None)
        # Forms mean nothing on paper.
        for tag, new in (("form", "div"), ("fieldset", "div"), ("legend", "p")):
            for el in list(question.iter(tag)):
                el.tag = new
                for attr in ("novalidate", "aria-describedby", "data-quiz"):
                    el.attrib.pop(attr, None)
                _add_class(el, f"quiz__{tag}")


def _reshape_exercises(root: HtmlElement, key: UnitKey) -> None:
    for exercise in _by_class(root, "section", "exercise"):
        # The fields to write in on screen: on paper, the ruled lines and the numbers to circle.
        for el in _by_class(exercise, "div", "note-field") + _by_class(exercise, "div", "exercise-notes"):
            _drop(el)
        title = next(iter(_by_class(exercise, "p", "exercise__title")), None)
        for answer in _by_class(exercise, "details", "model-answer"):
            body = next(iter(_by_class(answer, "div", "model-answer__body")), None)
            key.exercises.append(
                KeyExercise(
                    title=_text(title) if title is not None else "",
                    answer=_inner_html(body) if body is not None else "",
                )
            )
            _drop(answer)


def _drawing_words_as_text(root: HtmlElement) -> None:
    """A drawing's words become text laid over the drawing, each where the SVG had it. WeasyPrint
    sets an SVG's text letter by letter, left to right: Arabic came out backwards and Devanagari's
    conjuncts apart. As text of the page they are set like any other words (the page's fonts,
    direction, shaping), and they are in the PDF's text layer at the drawing's place. (A print page
    is not under the site's Content-Security-Policy: the places are inline styles.)"""
    for picture in _by_class(root, "div", "drawing__picture"):
        svg = picture.find("svg")
        view = (svg.get("viewbox") or svg.get("viewBox") or "") if svg is not None else ""
        if svg is None or len(view.split()) != 4:
            continue
        width, height = (float(v) for v in view.split()[2:])
        for text in list(svg.iter("text")):
            x, y = float(text.get("x", 0)), float(text.get("y", 0))
            size = float(text.get("font-size") or svg.get("font-size") or 22)
            room = float(text.get("data-room") or width)
            label = lxml.html.Element("span", {"class": "drawing__label", "aria-hidden": "true"})
            label.text = _text(text)
            # x is the middle of the words, y their baseline, a third of their size below their middle
            label.set(
                "style",
                f"left: {(x - room / 2) / width:.2%}; top: {(y - 0.35 * size) / height:.2%}; width: {room / width:.2%}",
            )
            picture.append(label)
            svg.remove(text)


def _is_form(table: HtmlElement) -> bool:
    """A table to fill in by hand: most of its body cells are empty."""
    cells = [cell for row in table.iter("tr") for cell in row if cell.tag == "td"]
    return bool(cells) and sum(1 for c in cells if not _text(c)) * 2 >= len(cells)


# ---- the whole book --------------------------------------------------------


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def css_content(pattern: str) -> str:
    """'Page {page} of {pages}' -> '"Page " counter(page) " of " counter(pages)' for CSS `content`."""
    out = []
    for index, piece in enumerate(PLACEHOLDER.split(pattern)):
        if index % 2:
            out.append(f"counter({piece})")
        elif piece:
            out.append(css_string(piece))
    return " ".join(out) or '""'


def translations_html(units: list[Unit], states: dict[str, str], words: dict[str, Any]) -> str:
    """For trainers, on the last page of the book and of their material: the units of the course by the
    state of their translation (reviewed by a native speaker, draft, …), in the words of the translation
    status page. Empty without states."""
    status = words["translation_status"]
    grouped: dict[str, list[str]] = {}
    for unit in units:
        if unit.src in states:
            grouped.setdefault(states[unit.src], []).append(unit.title)
    items = [
        f"<li><strong>{html.escape(status['states'][state])}</strong> "
        f"({html.escape(status['explain'][state].rstrip('.'))}): {html.escape('; '.join(grouped[state]))}.</li>"
        for state in status["states"]
        if state in grouped
    ]
    if not items:
        return ""
    return (
        f'<div class="book-translations"><p class="book-translations__title">'
        f"<strong>{html.escape(words['print']['translations'])}</strong></p><ul>{''.join(items)}</ul></div>"
    )


def handout_units(items: list[Unit | Part]) -> list[Unit]:
    """The units a handout is made of: those of the course's parts (not the trainers' part, nor the
    pages outside the parts: home, glossary, about)."""
    return [
        unit for item in items if isinstance(item, Part) and not item.is_trainer for unit in units_of(item.children)
    ]


@dataclass
class Printed:
    """A language's units reshaped for paper once (their bodies with in-book links), and the answer key:
    every PDF of the language is made from these."""

    items: list[Unit | Part]
    bodies: dict[str, str]  # unit anchor -> body
    keys: list[UnitKey]
    page: str  # the book's print page, which the bodies' links are relative to
    headings: dict[str, str] = field(default_factory=dict)  # '#anchor' -> the words of every unit's headings


def prepare(items: list[Unit | Part], print_page: str, letters: list[str] | None = None) -> Printed:
    units = units_of(items)
    links = _Links(units, print_page)
    bodies: dict[str, str] = {}
    keys: list[UnitKey] = []
    headings: dict[str, str] = {}
    for unit in units:
        bodies[unit.anchor], key = reshape_unit(unit, links, letters)
        headings.update(key.headings)
        if key.questions or key.exercises:
            keys.append(key)
    return Printed(items, bodies, keys, print_page, headings)


def _where(anchors: list[str], headings: dict[str, str]) -> list[dict[str, str]]:
    """The headings an answer is under, for the answer grid: their words and their link."""
    return [{"href": anchor, "title": headings[anchor]} for anchor in anchors if anchor in headings]


def _only_links_within(body: str, anchors: set[str], deeper: int) -> str:
    """A unit's body (or answer key) for a PDF that holds only the units of `anchors`: a link to
    another unit keeps its words and loses its link (and its page number). `deeper`: how many folders deeper than the
    book's print page this PDF's print page is (files are linked from there)."""
    root = lxml.html.fragment_fromstring(body, create_parent="div")
    for a in list(root.iter("a")):
        href = a.get("href") or ""
        if href.startswith("#") and href.lstrip("#").split("--")[0] not in anchors:
            a.drop_tag()
    for el in root.iter("a", "img"):
        attribute = "href" if el.tag == "a" else "src"
        value = el.get(attribute)
        if deeper and value and not value.startswith("#") and not urlsplit(value).scheme and not value.startswith("/"):
            el.set(attribute, "../" * deeper + value)
    return _inner_html(root)


@cache
def _environment(template_dir: str) -> jinja2.Environment:
    """One environment per template folder: the book's template is compiled once, not once per PDF
    (Jinja's auto_reload still compiles it again when the file changes, as under `mkdocs serve`)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_print_page(
    job: PrintJob,
    printed: Printed,
    *,
    lang: str,
    words: dict[str, Any],
    template_dir: Path,
    date: str,
    direction: str = "ltr",
    translation_states: dict[str, str] | None = None,
) -> str:
    """The print page of one PDF (HTML for WeasyPrint): the book, the trainers' material or a handout.
    `translation_states` (unit -> source, reviewed, draft, …) gives the book and the trainers' material a
    last page that says which translations a native speaker has reviewed."""
    shown: list[Unit | Part]
    if job.kind == "book":
        shown = printed.items
    elif job.kind == "trainers":
        shown = [item for item in printed.items if isinstance(item, Part) and item.is_trainer]
    else:
        shown = [unit for unit in units_of(printed.items) if unit.src == job.unit]
    anchors = {unit.anchor for unit in units_of(shown)}
    deeper = job.page.count("/") - printed.page.count("/")

    def in_this_pdf(html: str) -> str:
        return html if job.kind == "book" else _only_links_within(html, anchors, deeper)

    bodies = {anchor: in_this_pdf(printed.bodies[anchor]) for anchor in anchors}
    keys = [] if job.kind == "handout" else printed.keys  # a handout is for learners: no answers
    p = words["print"]
    page_css = {
        "page_of": Markup(css_content(p["page_of"])),
        "page_ref": Markup(css_content(p["page_ref"]).replace("counter(page)", "target-counter(attr(href), page)")),
        "edition": Markup(css_string(words["status"]["edition"])),
    }
    has_trainer_part = any(isinstance(i, Part) and i.is_trainer for i in shown)
    return (
        _environment(str(template_dir))
        .get_template(TEMPLATE)
        .render(
            kind=job.kind,
            lang=lang,
            direction=direction,
            words=words,
            items=shown,
            bodies={k: Markup(v) for k, v in bodies.items()},
            keys=[
                {
                    "unit": k.unit,
                    "linked": k.unit.anchor in anchors,
                    "questions": [
                        {
                            "label": q.label,
                            "text": q.text,
                            "answers": Markup(in_this_pdf(q.answers)),
                            "number": q.number,
                            "letters": LETTER_JOINER.join(q.letters),
                            "where": [
                                {**place, "linked": place["href"].lstrip("#").split("--")[0] in anchors}
                                for place in _where(q.where, printed.headings)
                            ],
                        }
                        for q in k.questions
                    ],
                    "exercises": [{"title": e.title, "answer": Markup(e.answer)} for e in k.exercises],
                }
                for k in keys
            ],
            has_model_answers=any(k.exercises for k in keys),
            key_anchor="answer-key",
            has_trainer_part=has_trainer_part,
            translations=Markup(
                translations_html(units_of(printed.items), translation_states or {}, words)
                if job.kind != "handout"
                else ""
            ),
            stylesheet=posixpath.relpath(STYLESHEET, posixpath.dirname(job.page) or "."),
            page_css=page_css,
            date=date,
            dated=p["dated"].format(date=local_date(date, lang)),
        )
    )
