"""The course's own Markdown blocks, on pymdownx.blocks (see AUTHORING.md):

- `/// quiz | question`: one question with native form controls; works
  without JavaScript (the answer key is a <details>), prints its answer key.
- `/// exercise | title` with an optional nested `//// answer`: a task, its
  model answer collapsed on screen and open in print, ruled lines in print.
- `/// cards`: a list printed as cut-out cards (`layout:` letters, sentences,
  pocket or sheet for other sizes than the identity cards).
- `/// circles | caption`: a list drawn as concentric circles to write in,
  the first item in the centre (the list stays as text for screen readers).
- `/// steps`: a list drawn as a path of steps (an ordered list, styled).
- `/// course-map`: where the home page's list of parts and units goes
  (filled in by hooks/course_map.py, which knows the navigation).
- `/// scorm-packages`: where the links to the course's SCORM packages go
  (filled in by hooks/scorm_packages.py).

The words around the blocks ("Check answer", …) come from i18n/<lang>.yml,
passed in by hooks/course_blocks.py as the extension's `strings`.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Any

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import (
    Block,
    type_boolean,
    type_integer,
    type_ranged_integer,
    type_string,
    type_string_in,
)

from course.blocks import drawings
from course.blocks.quiz import Option, Question, check_question, parse_options

if TYPE_CHECKING:
    from markdown import Markdown
    from pymdownx.blocks import BlocksProcessor


class _CourseBlock(Block):
    def on_markdown(self) -> str:
        return "block"  # the body is Markdown, rendered as usual

    @property
    def words(self) -> dict[str, Any]:
        """The language's UI words (i18n/<lang>.yml), as the extension's `strings`."""
        return self.config["strings"]

    def next_number(self, kind: str) -> int:
        """Numbers blocks of a kind within a page: stable ids for progress and labels."""
        counts = self.tracker.setdefault("counts", {})
        counts[kind] = counts.get(kind, 0) + 1
        return counts[kind]


# Material's search skips an element that has this attribute: a quiz's hint, button,
# feedback and answer key are kept out of the search index. They would show the
# answers in the results, and they repeat the unit's own text (half the index).
NOT_SEARCHED = {"data-search-exclude": ""}


class Quiz(_CourseBlock):
    NAME = "quiz"
    ARGUMENT = True
    # `situation: true`: the question asks the learner to apply the unit to a situation.
    # `objective: N`: the unit's learning objective the question tests (course/blocks/quiz_quality.py).
    OPTIONS = {"situation": (False, type_boolean), "objective": (0, type_integer)}  # noqa: RUF012 (pymdownx reads it)

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.number = self.next_number("quiz")
        return etree.SubElement(parent, "div", {"class": "quiz-question", "data-question": f"q{self.number}"})

    def on_end(self, block: etree.Element) -> None:
        question = Question(self.argument.strip(), parse_options(str(block.text or "")))
        # hooks/course_blocks.py checks every question with its file and line before
        # rendering; this repeats the check for Markdown rendered outside a build.
        check_question(question, "<quiz>")
        block.text = None
        words = self.words["quiz"]
        qid = f"q{self.number}"
        kind = "multiple" if question.multiple else "single"
        block.set("data-kind", kind)
        if self.options["situation"]:
            block.set("data-situation", "true")

        form = etree.SubElement(block, "form", {"class": "quiz", "data-quiz": qid, "novalidate": "novalidate"})
        fieldset = etree.SubElement(form, "fieldset")
        legend = etree.SubElement(fieldset, "legend")
        etree.SubElement(legend, "span", {"class": "quiz__number"}).text = AtomicString(
            f"{words['question']} {self.number}. "
        )
        etree.SubElement(legend, "span", {"class": "quiz__text"}).text = question.text
        hint = etree.SubElement(fieldset, "p", {"class": "quiz__hint", "id": f"{qid}-hint", **NOT_SEARCHED})
        hint.text = AtomicString(words["choose_all"] if question.multiple else words["choose_one"])
        fieldset.set("aria-describedby", f"{qid}-hint")
        for index, option in enumerate(question.options):
            self._option(fieldset, qid, index, option, "checkbox" if question.multiple else "radio")

        actions = etree.SubElement(form, "div", {"class": "quiz__actions", **NOT_SEARCHED})
        etree.SubElement(actions, "button", {"type": "submit", "class": "quiz__check md-button"}).text = AtomicString(
            words["check"]
        )
        etree.SubElement(form, "div", {"class": "quiz__result", "role": "status", "aria-live": "polite"})
        self._answer_key(block, question, words)

    def _option(self, fieldset: etree.Element, qid: str, index: int, option: Option, input_type: str) -> None:
        oid = f"{qid}-o{index + 1}"
        row = etree.SubElement(fieldset, "div", {"class": "quiz__option", "data-correct": str(option.correct).lower()})
        etree.SubElement(row, "input", {"type": input_type, "name": f"{qid}-answer", "id": oid, "value": str(index)})
        etree.SubElement(row, "label", {"for": oid}).text = option.text
        feedback = etree.SubElement(
            row, "p", {"class": "quiz__feedback", "id": f"{oid}-feedback", "hidden": "hidden", **NOT_SEARCHED}
        )
        feedback.text = option.feedback

    def _answer_key(self, block: etree.Element, question: Question, words: dict[str, str]) -> None:
        """Readable with JavaScript off and printed: each option, right or not, and why."""
        details = etree.SubElement(block, "details", {"class": "quiz__answer-key", **NOT_SEARCHED})
        etree.SubElement(details, "summary").text = AtomicString(words["show_answer"])
        listing = etree.SubElement(details, "ul")
        for option in question.options:
            item = etree.SubElement(listing, "li", {"class": "quiz__key-" + ("right" if option.correct else "wrong")})
            verdict = etree.SubElement(item, "strong")
            verdict.text = AtomicString((words["right"] if option.correct else words["not_right"]) + ": ")
            verdict.tail = option.text
            etree.SubElement(item, "br").tail = option.feedback


FIELD_KINDS = ("lists", "ratings", "rated-lists")  # exercise settings: which questions take which kind of answer


def as_text(value: object) -> str:
    """A setting's value as text: YAML reads `lists: 2` as a number and `lists: 2, 6` as text."""
    if isinstance(value, (dict, list)):
        raise ValueError("a word or numbers separated by commas")
    return "" if value is None else str(value)


def question_numbers(value: object) -> list[int]:
    """'2, 6' -> [2, 6]: the questions (list items of the exercise, from 1) a setting names."""
    return [int(part) for part in str(value or "").replace(" ", "").split(",") if part]


# The least room an answer gets to be written in, in lines: on paper, ruled lines of the print
# stylesheet's line height (8 mm, handwriting); on screen, a box of as many text lines.
MIN_LINES_PER_ANSWER = 3


def lines_per_answer(lines: int, answers: int) -> int:
    """`lines: N` is the room the exercise's written answers share, in lines: each answer gets its
    share, and never less than MIN_LINES_PER_ANSWER (`lines: 0`: nothing is written, no room)."""
    if lines <= 0:
        return 0
    return max(MIN_LINES_PER_ANSWER, math.ceil(lines / max(answers, 1)))


class Exercise(_CourseBlock):
    """A task, with a field to write in for each of its questions (the items of its list; or one
    for the whole exercise), which notebook.js keeps in the learner's browser, and ruled lines on
    paper under each of them: the same number of lines on screen and on paper
    (`lines_per_answer`). `id` names the exercise for good (the learner's notes stay with it when
    the page changes); `lists`, `ratings` and `rated-lists` name the questions answered with several
    lines, a number from 1 to 10, or lines that each get a number (`lists: circles`: a list for each
    ring of the exercise's circles, written in the rings on paper)."""

    NAME = "exercise"
    ARGUMENT = True
    OPTIONS = {  # noqa: RUF012 (pymdownx reads it)
        "lines": (6, type_ranged_integer(0, 60)),
        "id": ("", type_string),
        "lists": ("", as_text),
        "ratings": ("", as_text),
        "rated-lists": ("", as_text),
    }

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.key = self.options["id"] or f"e{self.next_number('exercise')}"
        section = etree.SubElement(
            parent, "section", {"class": "exercise", "data-exercise": self.key, "id": f"ex-{self.key}"}
        )
        title = etree.SubElement(section, "p", {"class": "exercise__title"})
        etree.SubElement(title, "span", {"class": "exercise__label"}).text = AtomicString(
            self.words["exercise"]["label"] + ": "
        )
        self.title = etree.SubElement(title, "strong", {"id": f"note-{self.key}-title"})
        self.title.text = self.argument
        self.body = etree.SubElement(section, "div", {"class": "exercise__task"})
        self.section = section
        return section

    def on_add(self, block: etree.Element) -> etree.Element:
        return self.body

    def on_end(self, block: etree.Element) -> None:
        self._answer_fields(block)

    # ---- the fields to write in (shown by notebook.js; hidden without JavaScript and on paper)

    def _questions(self) -> list[etree.Element]:
        if self.options["lists"] == "circles":
            return [
                li
                for legend in self.section.iter("div")
                if "circles-figure__legend" in legend.get("class", "")
                for li in legend.iter("li")
            ]
        return [li for listing in self.body if listing.tag in ("ul", "ol") for li in listing if li.tag == "li"]

    def _kind(self, number: int, rings: bool) -> str:
        if rings or number in question_numbers(self.options["lists"]):
            return "list"
        if number in question_numbers(self.options["ratings"]):
            return "rating"
        if number in question_numbers(self.options["rated-lists"]):
            return "rated-list"
        return "text"

    def _answer_fields(self, block: etree.Element) -> None:
        words = self.words["notes"]
        questions = self._questions()
        rings = self.options["lists"] == "circles"
        kinds = [self._kind(number, rings) for number in range(1, len(questions) + 1)]
        written = sum(1 for kind in kinds if kind != "rating")
        each = lines_per_answer(self.options["lines"], written)
        for number, (item, kind) in enumerate(zip(questions, kinds, strict=True), start=1):
            label = _wrap_text(item, f"note-{self.key}-q{number}-question")
            self._field(item, f"q{number}", kind, label, words, each)
            if not rings:  # a ring's answers are written in its ring on paper
                _ruled_lines(item, each if kind != "rating" else 0, rated=kind == "rated-list")
        if not questions:
            each = lines_per_answer(self.options["lines"], 1)
            self._field(self.section, "answer", "text", self.title.get("id", ""), words, each)
        if rings or not questions:
            # Room for the whole exercise (the reflection beside the circles).
            _ruled_lines(block, each if not rings else lines_per_answer(self.options["lines"], 1))
        notes = etree.SubElement(block, "div", {"class": "exercise-notes", "hidden": "hidden"})
        where = etree.SubElement(notes, "p", {"class": "exercise-notes__where"})
        where.text = AtomicString(words["where"] + " ")
        etree.SubElement(where, "a", {"class": "exercise-notes__notebook", "href": "#"}).text = AtomicString(
            words["notebook"]
        )
        etree.SubElement(notes, "p", {"class": "exercise-notes__status", "role": "status", "aria-live": "polite"})

    def _field(
        self, parent: etree.Element, name: str, kind: str, label_id: str, words: dict[str, str], lines: int
    ) -> None:
        field_id = f"note-{self.key}-{name}"
        field = etree.SubElement(
            parent,
            "div",
            {
                "class": "note-field",
                "id": field_id,
                "data-field": name,
                "data-kind": kind,
                "data-question": label_id,
                "hidden": "hidden",
            },
        )
        if kind == "text":
            rows = str(max(lines, 1))  # as many lines as on paper
            etree.SubElement(field, "textarea", {"rows": rows, "aria-labelledby": label_id})
        elif kind == "rating":
            hint = f"{field_id}-hint"
            etree.SubElement(
                field,
                "input",
                {
                    "type": "number",
                    "min": "1",
                    "max": "10",
                    "inputmode": "numeric",
                    "aria-labelledby": label_id,
                    "aria-describedby": hint,
                },
            )
            etree.SubElement(field, "span", {"class": "note-field__hint", "id": hint}).text = AtomicString(
                words["rating_hint"]
            )
        else:
            etree.SubElement(field, "ol", {"class": "note-list"})
            etree.SubElement(
                field, "button", {"type": "button", "class": "note-list__add md-button"}
            ).text = AtomicString(words["add_line"])
        if kind == "rating":
            # On paper: the numbers to circle.
            _scale(etree.SubElement(parent, "p", {"class": "print-scale", "aria-hidden": "true"}))


def _scale(parent: etree.Element) -> None:
    """The numbers 1 to 10 to circle on paper, each in a box of its own: never broken apart, on one
    line (letter-spacing, which printed '10' as '1 0', is not used)."""
    for number in range(1, 11):
        etree.SubElement(parent, "span", {"class": "print-scale__number"}).text = AtomicString(str(number))


def _ruled_lines(parent: etree.Element, count: int, rated: bool = False) -> None:
    """Room to write on paper: `count` ruled lines (each with a scale to circle in a rated list);
    nothing for a screen reader to read, and hidden on screen. One element per line, not a CSS
    variable: no inline style, which the Content-Security-Policy would block."""
    if count <= 0:
        return
    lines = etree.SubElement(parent, "div", {"class": "worksheet-lines", "aria-hidden": "true"})
    for _ in range(count):
        line = etree.SubElement(lines, "div", {"class": "worksheet-line"})
        if rated:
            _scale(etree.SubElement(line, "span", {"class": "print-scale"}))


BLOCK_TAGS = ("ul", "ol", "div", "p", "blockquote", "table", "pre", "figure", "section")


def _wrap_text(item: etree.Element, span_id: str) -> str:
    """Give a list item's own words (before any nested list or block) an id, for a field to be
    labelled by: its first paragraph in a loose list, else a span around its words. Returns the id."""
    if not (item.text or "").strip() and len(item) and item[0].tag == "p":
        item[0].set("id", span_id)
        return span_id
    span = etree.Element("span", {"class": "note-question", "id": span_id})
    span.text, item.text = item.text, None
    for child in list(item):
        if child.tag in BLOCK_TAGS:
            break
        item.remove(child)
        span.append(child)
    item.insert(0, span)
    return span_id


class Notebook(_CourseBlock):
    """Where the learner's notebook goes (`/// notebook`): its actions, in the page's language,
    and, filled in by hooks/notebook.py, the course's exercises; notebook.js shows the answers."""

    NAME = "notebook"
    ARGUMENT = False

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        words = self.words["notes"]
        box = etree.SubElement(parent, "div", {"class": "notebook", "data-notebook": "pending", "hidden": "hidden"})
        etree.SubElement(box, "p", {"class": "notebook__where"}).text = AtomicString(words["where"])
        actions = etree.SubElement(box, "div", {"class": "notebook__actions"})
        for name in ("print", "export"):
            etree.SubElement(
                actions, "button", {"type": "button", "class": f"notebook__{name} md-button"}
            ).text = AtomicString(words[name])
        load = etree.SubElement(actions, "p", {"class": "notebook__import"})
        etree.SubElement(
            load, "label", {"for": "notebook-import", "class": "notebook__import-label"}
        ).text = AtomicString(words["import_label"])
        etree.SubElement(
            load,
            "input",
            {
                "type": "file",
                "id": "notebook-import",
                "class": "notebook__import-file",
                "accept": "application/json,.json",
            },
        )
        etree.SubElement(
            actions, "button", {"type": "button", "class": "notebook__erase md-button"}
        ).text = AtomicString(words["erase"])
        etree.SubElement(box, "p", {"class": "notebook__status", "role": "status", "aria-live": "polite"})
        self._import_panel(box, words)
        self._erase_panel(box, words)
        etree.SubElement(box, "div", {"class": "notebook__content"})
        etree.SubElement(parent, "p", {"class": "notebook__needs-js"}).text = AtomicString(words["needs_js"])
        return box

    def _import_panel(self, box: etree.Element, words: dict[str, str]) -> None:
        panel = etree.SubElement(
            box,
            "div",
            {
                "class": "notebook__panel notebook__confirm-import",
                "hidden": "hidden",
                "role": "group",
                "aria-labelledby": "notebook-import-summary",
            },
        )
        etree.SubElement(panel, "p", {"class": "notebook__import-summary", "id": "notebook-import-summary"})
        how = etree.SubElement(panel, "fieldset")
        etree.SubElement(how, "legend").text = AtomicString(words["import_how"])
        for value, checked in (("merge", True), ("replace", False)):
            row = etree.SubElement(how, "p")
            attributes = {
                "type": "radio",
                "name": "notebook-import-mode",
                "value": value,
                "id": f"notebook-import-{value}",
            }
            if checked:
                attributes["checked"] = "checked"
            etree.SubElement(row, "input", attributes)
            etree.SubElement(row, "label", {"for": f"notebook-import-{value}"}).text = AtomicString(
                words[f"import_{value}"]
            )
        for name in ("apply", "cancel"):
            etree.SubElement(
                panel, "button", {"type": "button", "class": f"notebook__import-{name} md-button"}
            ).text = AtomicString(words[f"import_{name}"])

    def _erase_panel(self, box: etree.Element, words: dict[str, str]) -> None:
        panel = etree.SubElement(
            box,
            "div",
            {
                "class": "notebook__panel notebook__confirm-erase",
                "hidden": "hidden",
                "role": "group",
                "aria-labelledby": "notebook-erase-question",
            },
        )
        etree.SubElement(panel, "p", {"id": "notebook-erase-question"}).text = AtomicString(words["erase_confirm"])
        for name in ("yes", "no"):
            etree.SubElement(
                panel, "button", {"type": "button", "class": f"notebook__erase-{name} md-button"}
            ).text = AtomicString(words[f"erase_{name}"])

    def on_end(self, block: etree.Element) -> None:
        block.text = None


class Answer(_CourseBlock):
    NAME = "answer"
    ARGUMENT = False

    def on_create(self, parent: etree.Element) -> etree.Element:
        details = etree.SubElement(parent, "details", {"class": "model-answer"})
        etree.SubElement(details, "summary").text = AtomicString(self.words["exercise"]["show_model_answer"])
        self.body = etree.SubElement(details, "div", {"class": "model-answer__body"})
        return details

    def on_add(self, block: etree.Element) -> etree.Element:
        return self.body


class _Wrapper(_CourseBlock):
    """A block whose Markdown body is wrapped in a <div> of one class; CSS does the rest."""

    ARGUMENT = False
    CSS_CLASS = ""

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": self.CSS_CLASS})


class Cards(_Wrapper):
    """A list printed as cut-out cards, each set on a page of its own. By default ten cards a page
    (the identity cards); `layout: letters` ten cards a page, each one big letter (held up in a
    team quiz); `layout: sentences` ten cards a page, in smaller print, for a sentence or two
    on a card (a description to match with a name); `layout: pocket` four cards a page (a card of questions to hold in the hand);
    `layout: sheet` two cards a page, each the width of the page (a sheet to note on)."""

    NAME = "cards"
    CSS_CLASS = "cut-out-cards"
    LAYOUTS = ("letters", "sentences", "pocket", "sheet")
    OPTIONS = {"layout": ("", type_string_in(("", *LAYOUTS)))}  # noqa: RUF012 (pymdownx reads it)

    def on_create(self, parent: etree.Element) -> etree.Element:
        div = super().on_create(parent)
        if self.options["layout"]:
            div.set("class", f"{self.CSS_CLASS} {self.CSS_CLASS}--{self.options['layout']}")
        return div


def _label(item: etree.Element) -> str:
    """The plain words of a list item, for drawing (Markdown marks removed)."""
    text = "".join(item.itertext()).strip()
    return text.replace("**", "").replace("*", "").replace("_", " ").strip()


class _Drawing(_CourseBlock):
    """A list drawn as a picture (course/blocks/drawings.py): the figure holds the drawing, the
    list itself (read by screen readers; on screen, under the drawing) and the caption."""

    ARGUMENT = None
    NAME = ""
    DESCRIPTION = ""  # the key of the picture's text alternative in i18n's `pictures:`

    def on_create(self, parent: etree.Element) -> etree.Element:
        figure = etree.SubElement(parent, "figure", {"class": f"{self.NAME}-figure drawing"})
        self.drawing = etree.SubElement(figure, "div", {"class": f"{self.NAME}-figure__drawing drawing__picture"})
        self.legend = etree.SubElement(figure, "div", {"class": f"{self.NAME}-figure__legend drawing__words"})
        if self.argument:
            etree.SubElement(figure, "figcaption").text = self.argument
        return figure

    def on_add(self, block: etree.Element) -> etree.Element:
        return self.legend

    def on_end(self, block: etree.Element) -> None:
        words = [_label(item) for item in self.legend.iter("li")]
        if not words:
            return
        template = self.words["pictures"][self.DESCRIPTION]
        described = template.format(items="; ".join(words), centre=words[0], around="; ".join(words[1:]))
        self.draw(words, f"{self.argument}: {described}" if self.argument else described)

    def draw(self, words: list[str], title: str) -> None:
        raise NotImplementedError


class Circles(_Drawing):
    """Concentric circles to write in, drawn from the page's own words: the first in the centre."""

    NAME = "circles"
    DESCRIPTION = "circles"

    def draw(self, words: list[str], title: str) -> None:
        drawings.draw_circles(self.drawing, words, title)


class Hub(_Drawing):
    """The first word in the centre, the others around it at the same distance, in no order."""

    NAME = "hub"
    DESCRIPTION = "hub"

    def on_create(self, parent: etree.Element) -> etree.Element:
        figure = super().on_create(parent)
        # The drawing shows every word; the list stays for screen readers only.
        self.legend.set("class", self.legend.get("class", "") + " visually-hidden")
        return figure

    def draw(self, words: list[str], title: str) -> None:
        drawings.draw_hub(self.drawing, words, title)


class Steps(_Wrapper):
    """A list of steps drawn as a path, one after the other."""

    NAME = "steps"
    CSS_CLASS = "step-path"


class _Placeholder(_CourseBlock):
    """An empty `<div class="NAME" data-NAME="pending">` that a hook fills in once it knows the
    whole site (its regex matches exactly that markup)."""

    ARGUMENT = False

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": self.NAME, f"data-{self.NAME}": "pending"})

    def on_end(self, block: etree.Element) -> None:
        block.text = None


class CourseMap(_Placeholder):
    """The home page's parts and units, filled in by hooks/course_map.py: `/// course-map`."""

    NAME = "course-map"


class Printables(_Placeholder):
    """Where the list of the course's PDFs goes (the book, the trainers' material, a handout per
    unit), filled in by hooks/print_book.py, which knows them: `/// printables`."""

    NAME = "printables"


class ScormPackages(_Placeholder):
    """Where the links to the course's SCORM packages go (one per language), filled in by
    hooks/scorm_packages.py: `/// scorm-packages`."""

    NAME = "scorm-packages"


class TranslationReport(_CourseBlock):
    """Where a part of the translation status report goes (filled in by hooks/translation_status.py):
    `/// translation-report | legend`, `| totals` or `| pages`."""

    NAME = "translation-report"
    ARGUMENT = True
    CHOICES = ("legend", "totals", "pages")  # the titles it takes (checked by course/blocks/syntax.py)

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        part = self.argument.strip()
        return etree.SubElement(parent, "div", {"class": "translation-report", "data-translation-report": part})

    def on_end(self, block: etree.Element) -> None:
        block.text = None


# Every block an author may write, by name (course/blocks/syntax.py checks them before a build).
BLOCKS: dict[str, type[_CourseBlock]] = {
    block.NAME: block
    for block in (
        Quiz,
        Exercise,
        Answer,
        Cards,
        Circles,
        Hub,
        Steps,
        CourseMap,
        TranslationReport,
        Printables,
        ScormPackages,
        Notebook,
    )
}


# A list item that opens with its own label: "a.", "b)", "α.", "12." (bold or not).
OWN_LABEL = re.compile(r"^\s*\w{1,2}[.)](?:\s|$)")


class LabelledLists(Treeprocessor):
    """A bulleted list whose items all carry their own labels ("a. …", "b. …", as the guidelines'
    questions do) is marked `labelled-list`: shown and printed without bullets, so that an item
    does not read "• a." (course.css, print-book.css)."""

    def run(self, root: etree.Element) -> None:
        for listing in root.iter("ul"):
            items = [child for child in listing if child.tag == "li"]
            if len(items) >= 2 and all(OWN_LABEL.match("".join(item.itertext())) for item in items):
                listing.set("class", " ".join([*listing.get("class", "").split(), "labelled-list"]))


class CourseBlocksExtension(BlocksExtension):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.config = {"strings": [{}, "The UI words of the language being built (i18n/<lang>.yml)"]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        for block in BLOCKS.values():
            block_mgr.register(block, self.getConfigs())
        md.treeprocessors.register(LabelledLists(md), "course_labelled_lists", 5)


def makeExtension(*args: Any, **kwargs: Any) -> CourseBlocksExtension:
    return CourseBlocksExtension(*args, **kwargs)
