"""The course's own Markdown blocks, on pymdownx.blocks (see AUTHORING.md):

- `/// quiz | question`: one question with native form controls; works
  without JavaScript (the answer key is a <details>), prints its answer key.
- `/// exercise | title` with an optional nested `//// answer`: a task, its
  model answer collapsed on screen and open in print, ruled lines in print.
- `/// cards`: a list printed as cut-out cards.
- `/// circles | caption`: a list drawn as concentric circles to write in,
  the first item in the centre (the list stays as text for screen readers).
- `/// steps`: a list drawn as a path of steps (an ordered list, styled).
- `/// course-map`: where the home page's list of parts and units goes
  (filled in by hooks/course_map.py, which knows the navigation).

The words around the blocks ("Check answer", …) come from i18n/<lang>.yml,
passed in by hooks/course_blocks.py as the extension's `strings`.
"""
from __future__ import annotations

import math
import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_boolean, type_ranged_integer

from course.quiz import Question, check_question, parse_options


class _CourseBlock(Block):
    def on_markdown(self):
        return "block"  # the body is Markdown, rendered as usual

    @property
    def words(self) -> dict:
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
    OPTIONS = {"situation": (False, type_boolean)}

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        self.number = self.next_number("quiz")
        return etree.SubElement(parent, "div", {"class": "quiz-question", "data-question": f"q{self.number}"})

    def on_end(self, block):
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
        etree.SubElement(legend, "span", {"class": "quiz__number"}).text = AtomicString(f'{words["question"]} {self.number}. ')
        etree.SubElement(legend, "span", {"class": "quiz__text"}).text = question.text
        hint = etree.SubElement(fieldset, "p", {"class": "quiz__hint", "id": f"{qid}-hint", **NOT_SEARCHED})
        hint.text = AtomicString(words["choose_all"] if question.multiple else words["choose_one"])
        fieldset.set("aria-describedby", f"{qid}-hint")
        for index, option in enumerate(question.options):
            self._option(fieldset, qid, index, option, "checkbox" if question.multiple else "radio")

        actions = etree.SubElement(form, "div", {"class": "quiz__actions", **NOT_SEARCHED})
        etree.SubElement(actions, "button", {"type": "submit", "class": "quiz__check md-button"}).text = AtomicString(words["check"])
        etree.SubElement(form, "div", {"class": "quiz__result", "role": "status", "aria-live": "polite"})
        self._answer_key(block, question, words)

    def _option(self, fieldset, qid, index, option, input_type):
        oid = f"{qid}-o{index + 1}"
        row = etree.SubElement(fieldset, "div", {"class": "quiz__option", "data-correct": str(option.correct).lower()})
        etree.SubElement(row, "input", {"type": input_type, "name": f"{qid}-answer", "id": oid, "value": str(index)})
        etree.SubElement(row, "label", {"for": oid}).text = option.text
        feedback = etree.SubElement(row, "p", {"class": "quiz__feedback", "id": f"{oid}-feedback", "hidden": "hidden",
                                                **NOT_SEARCHED})
        feedback.text = option.feedback

    def _answer_key(self, block, question, words):
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


class Exercise(_CourseBlock):
    NAME = "exercise"
    ARGUMENT = True
    OPTIONS = {"lines": (6, type_ranged_integer(0, 60))}

    def on_create(self, parent):
        number = self.next_number("exercise")
        section = etree.SubElement(parent, "section", {"class": "exercise", "data-exercise": f"e{number}"})
        title = etree.SubElement(section, "p", {"class": "exercise__title"})
        etree.SubElement(title, "span", {"class": "exercise__label"}).text = AtomicString(self.words["exercise"]["label"] + ": ")
        etree.SubElement(title, "strong").text = self.argument
        self.body = etree.SubElement(section, "div", {"class": "exercise__task"})
        self.section = section
        return section

    def on_add(self, block):
        return self.body

    def on_end(self, block):
        if self.options["lines"]:
            # Room to write on the printed worksheet; nothing for a screen reader to read.
            # One element per line, not a CSS variable: no inline style, which a CSP would block.
            lines = etree.SubElement(block, "div", {"class": "worksheet-lines", "aria-hidden": "true"})
            for _ in range(self.options["lines"]):
                etree.SubElement(lines, "div", {"class": "worksheet-line"})


class Answer(_CourseBlock):
    NAME = "answer"
    ARGUMENT = False

    def on_create(self, parent):
        details = etree.SubElement(parent, "details", {"class": "model-answer"})
        etree.SubElement(details, "summary").text = AtomicString(self.words["exercise"]["show_model_answer"])
        self.body = etree.SubElement(details, "div", {"class": "model-answer__body"})
        return details

    def on_add(self, block):
        return self.body


class _Wrapper(_CourseBlock):
    """A block whose Markdown body is wrapped in a <div> of one class; CSS does the rest."""
    ARGUMENT = False
    CSS_CLASS = ""

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": self.CSS_CLASS})


class Cards(_Wrapper):
    """A list printed as cut-out cards."""
    NAME = "cards"
    CSS_CLASS = "cut-out-cards"


def _label(item) -> str:
    """The plain words of a list item, for drawing (Markdown marks removed)."""
    text = "".join(item.itertext()).strip()
    return text.replace("**", "").replace("*", "").replace("_", " ").strip()


class Circles(_CourseBlock):
    """Concentric circles to write in, drawn from the page's own words."""
    NAME = "circles"
    ARGUMENT = None
    SIZE = 600
    FONT = 22

    def on_create(self, parent):
        figure = etree.SubElement(parent, "figure", {"class": "circles-figure"})
        self.drawing = etree.SubElement(figure, "div", {"class": "circles-figure__drawing"})
        self.legend = etree.SubElement(figure, "div", {"class": "circles-figure__legend"})
        if self.argument:
            etree.SubElement(figure, "figcaption").text = self.argument
        return figure

    def on_add(self, block):
        return self.legend

    def on_end(self, block):
        items = [li for li in self.legend.iter("li")]
        if not items:
            return
        size, count = self.SIZE, len(items)
        svg = etree.SubElement(self.drawing, "svg", {
            "xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {size} {size}",
            "aria-hidden": "true", "focusable": "false", "class": "circles-figure__svg"})
        # The picture's text alternative, for the tagged PDF (on screen the list beside it is read).
        described = self.words["pictures"]["circles"].format(items="; ".join(_label(item) for item in items))
        etree.SubElement(svg, "title").text = AtomicString(f"{self.argument}: {described}" if self.argument else described)
        step = (size / 2 - 6) / count
        for ring in range(count, 0, -1):  # outermost first, so inner circles are drawn on top
            radius = step * ring
            etree.SubElement(svg, "circle", {"cx": str(size / 2), "cy": str(size / 2), "r": f"{radius:.1f}",
                                             "class": f"circles-figure__ring circles-figure__ring--{ring}"})
        font = self.FONT
        for ring, item in enumerate(items, start=1):
            # The label sits in the upper part of its ring's band (the centre's in the middle),
            # squeezed to the width of the circle there if the words are long.
            offset = 0 if ring == 1 else step * (ring - 0.5)  # the middle of the ring's band
            y = size / 2 - offset + font * 0.35
            room = 0.9 * 2 * math.sqrt(max((step * ring) ** 2 - (offset + font / 2) ** 2, 0))
            text = _label(item)
            attrs = {"x": str(size / 2), "y": f"{y:.1f}", "text-anchor": "middle", "class": "circles-figure__label"}
            if len(text) * font * 0.55 > room:
                attrs.update({"textLength": f"{room:.0f}", "lengthAdjust": "spacingAndGlyphs"})
            etree.SubElement(svg, "text", attrs).text = text


class Steps(_Wrapper):
    """A list of steps drawn as a path, one after the other."""
    NAME = "steps"
    CSS_CLASS = "step-path"


class CourseMap(_CourseBlock):
    NAME = "course-map"
    ARGUMENT = False
    PLACEHOLDER = "course-map"

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": "course-map", "data-course-map": "pending"})

    def on_end(self, block):
        block.text = None


class Printables(_CourseBlock):
    """Where the list of the course's PDFs goes (the book, the trainers' material, a handout per
    unit), filled in by hooks/print_book.py, which knows them: `/// printables`."""
    NAME = "printables"
    ARGUMENT = False

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": "printables", "data-printables": "pending"})

    def on_end(self, block):
        block.text = None


class TranslationReport(_CourseBlock):
    """Where a part of the translation status report goes (filled in by hooks/translation_status.py):
    `/// translation-report | legend`, `| totals` or `| pages`."""
    NAME = "translation-report"
    ARGUMENT = True
    CHOICES = ("legend", "totals", "pages")   # the titles it takes (checked by course/blocks.py)

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        part = self.argument.strip()
        return etree.SubElement(parent, "div", {"class": "translation-report", "data-translation-report": part})

    def on_end(self, block):
        block.text = None


# Every block an author may write, by name (course/blocks.py checks them before a build).
BLOCKS = {block.NAME: block for block in (Quiz, Exercise, Answer, Cards, Circles, Steps, CourseMap,
                                       TranslationReport, Printables)}


class CourseBlocksExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = {"strings": [{}, "The UI words of the language being built (i18n/<lang>.yml)"]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):
        for block in BLOCKS.values():
            block_mgr.register(block, self.getConfigs())


def makeExtension(*args, **kwargs):
    return CourseBlocksExtension(*args, **kwargs)
