"""Quiz questions as authors write them (see AUTHORING.md):

    /// quiz | The question?
    - [x] A right option.
        Feedback for it.
    - [ ] Another option.
        Feedback for it.
    ///

One parser serves the Markdown extension that renders a question and the
checks that name the file and line of a mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from course.errors import ContentError

BLOCK_START = re.compile(r"^/{3,}\s*(?P<name>[\w-]+)\s*(?:\|\s*(?P<arg>.*?))?\s*$")
BLOCK_END = re.compile(r"^/{3,}\s*$")
OPTION = re.compile(r"^- \[(?P<mark>[ xX]?)\]\s*(?P<text>.*)$")
LOOKS_LIKE_OPTION = re.compile(r"^[-*+]\s")
FENCE = re.compile(r"^\s*(```|~~~)")

HOW_TO_WRITE = (
    "write each option as '- [x] text' (a right answer) or '- [ ] text', "
    "with its feedback on the next line, indented by 4 spaces"
)


@dataclass
class Option:
    text: str
    correct: bool
    feedback: str = ""
    line: int = 0


@dataclass
class Question:
    text: str
    options: list[Option] = field(default_factory=list)
    line: int = 0
    # `situation: true` under the question line: it asks the learner to apply the unit to a
    # situation (course/blocks/quiz_quality.py wants at least one per unit).
    situation: bool = False
    # `objective: N` under the question line: the unit's learning objective N (its list under
    # `## Learning objectives {#objectives}`, from 1) is what the question tests.
    objective: int | None = None

    @property
    def multiple(self) -> bool:
        return sum(o.correct for o in self.options) > 1

    @property
    def answer_key(self) -> tuple[int, ...]:
        return tuple(i for i, o in enumerate(self.options) if o.correct)


def parse_options(body: str, path: Path | str = "<quiz>", first_line: int = 1) -> list[Option]:
    """The options of one question from the block's body; `first_line` is the body's line in the file."""
    options: list[Option] = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        if not line.strip():
            continue
        match = OPTION.match(line)
        if match:
            options.append(Option(match["text"].strip(), match["mark"] in "xX" and match["mark"] != "", line=number))
        elif line.startswith((" ", "\t")) and options:
            options[-1].feedback = (options[-1].feedback + " " + line.strip()).strip()
        elif LOOKS_LIKE_OPTION.match(line):
            raise ContentError(
                path, f"this option has no '[x]' or '[ ]' marker: {line.strip()!r}", HOW_TO_WRITE, line=number
            )
        else:
            raise ContentError(
                path, f"a quiz holds only options and their feedback, not {line.strip()!r}", HOW_TO_WRITE, line=number
            )
    return options


def check_question(question: Question, path: Path | str) -> None:
    if not question.text:
        raise ContentError(
            path,
            "this quiz question has no question text",
            "write the question after a '|': '/// quiz | What does … mean?'",
            line=question.line,
        )
    if not question.options:
        raise ContentError(path, "this quiz question is empty", HOW_TO_WRITE, line=question.line)
    if len(question.options) < 2:
        raise ContentError(path, "a quiz question needs at least two options", HOW_TO_WRITE, line=question.line)
    if not any(o.correct for o in question.options):
        raise ContentError(
            path,
            "no option of this question is marked as right",
            "mark the right option(s) with '- [x]'",
            line=question.line,
        )
    for option in question.options:
        if not option.text:
            raise ContentError(path, "this option has no text", "write the option after its marker", line=option.line)
        if not option.feedback:
            raise ContentError(
                path,
                f"the option {option.text!r} has no feedback",
                "under the option, indented by 4 spaces, write what the learner should read when they choose it",
                line=option.line,
            )


# A block's settings: indented `key: value` lines right under its first line (checked by course/blocks/syntax.py).
SETTING = re.compile(r"^(?:[ ]{4,}|\t)(?P<key>[\w-]+)\s*:\s*(?P<value>.*?)\s*$")
TRUE = ("true", "yes", "on", "1")


def questions_in(markdown: str, path: Path | str, first_line: int = 1) -> list[Question]:
    """Every `/// quiz` question of a page, checked; a mistake raises ContentError with its line."""
    questions = []
    lines = markdown.split("\n")
    in_fence = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            in_fence = not in_fence
        start = None if in_fence else BLOCK_START.match(line)
        if start and start["name"] == "quiz":
            begin = i
            settings, i = _block_options(lines, i + 1, path, first_line)
            body_start = i
            while i < len(lines) and not BLOCK_END.match(lines[i]):
                if BLOCK_START.match(lines[i]):
                    raise ContentError(
                        path,
                        f"this quiz block is never closed: line {first_line + i} starts another block",
                        f"end the quiz with a line '///' before line {first_line + i}",
                        line=first_line + begin,
                    )
                i += 1
            if i == len(lines):
                raise ContentError(
                    path, "this quiz block is never closed", "end it with a line '///'", line=first_line + begin
                )
            body = "\n".join(lines[body_start:i])
            question = Question(
                (start["arg"] or "").strip(),
                parse_options(body, path, first_line + body_start),
                line=first_line + begin,
                situation=settings.get("situation") in TRUE,
                objective=_objective(settings.get("objective"), path, first_line + begin),
            )
            check_question(question, path)
            questions.append(question)
        i += 1
    return questions


def _objective(value: str | None, path: Path | str, line: int) -> int | None:
    if value is None:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ContentError(
            path,
            f"'objective: {value}' is not the number of a learning objective",
            "write the number of the objective the question tests, as the unit lists them: 'objective: 2'",
            line=line,
        )
    return int(value)


def _block_options(lines: list[str], i: int, path: Path | str, first_line: int) -> tuple[dict[str, str], int]:
    """The settings lines right under a quiz's first line, and the index of the line after them."""
    settings: dict[str, str] = {}
    while i < len(lines) and (match := SETTING.match(lines[i])):
        settings[match["key"]] = match["value"].lower()
        i += 1
    return settings, i
