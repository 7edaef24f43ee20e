"""The course's exercises as authors write them, checked before a build:

    /// exercise | O: Options
        id: grow-options
        lines: 10
        lists: 2
        rated-lists: 6

- `id` (required): the exercise's name for good, in ASCII kebab-case, unique on
  its page and the same in every language: a learner's notes are kept under it
  (notebook.js), so they stay with the exercise when the page changes.
- `lists`, `ratings`, `rated-lists`: which questions (the items of the
  exercise's list, from 1) are answered with several lines, a number from 1 to
  10, or lines that each get a number; `lists: circles` gives each ring of the
  exercise's circles a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from course.blocks.extension import FIELD_KINDS, question_numbers
from course.blocks.quiz import SETTING
from course.blocks.syntax import END, START
from course.errors import ContentError
from course.sources.markdown_source import Page

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LIST_ITEM = re.compile(r"^(?:\d+[.)]|[-*+])\s")


@dataclass
class ExerciseSource:
    id: str
    line: int
    settings: dict[str, str] = field(default_factory=dict)
    questions: int = 0  # top-level list items of its own text
    has_circles: bool = False


def exercises(page: Page) -> list[ExerciseSource]:
    """Every `/// exercise` of a page with its settings and the number of its questions."""
    found: list[ExerciseSource] = []
    current: ExerciseSource | None = None
    depth = 0
    for line in page.lines:
        if line.in_code:
            continue
        start, end = START.match(line.raw), END.match(line.raw)
        if start and start["name"] == "exercise" and current is None:
            current = ExerciseSource("", line.number)
            found.append(current)
            depth = 0
            continue
        if current is None:
            continue
        if start:
            depth += 1
            current.has_circles |= start["name"] == "circles"
        elif end:
            if depth == 0:
                current = None
            else:
                depth -= 1
        elif depth == 0:
            setting = SETTING.match(line.raw)
            if setting and not current.questions and line.number <= current.line + 1 + len(current.settings):
                current.settings[setting["key"]] = setting["value"]
                current.id = current.settings.get("id", "")
            elif LIST_ITEM.match(line.raw):
                current.questions += 1
    return found


def check_exercises(page: Page) -> list[ContentError]:
    found: list[ContentError] = []
    seen: dict[str, int] = {}
    for exercise in exercises(page):
        if not exercise.id:
            found.append(
                ContentError(
                    page.path,
                    "this exercise has no id",
                    "add a line '    id: a-name-in-kebab-case' under its first line, the same in every "
                    "language: the learner's notes are kept under it",
                    line=exercise.line,
                )
            )
            continue
        if not KEBAB.match(exercise.id):
            found.append(
                ContentError(
                    page.path,
                    f"the exercise id '{exercise.id}' is not ASCII kebab-case",
                    "use lower-case a-z, digits and hyphens, e.g. id: circles-of-helpers",
                    line=exercise.line,
                )
            )
        if exercise.id in seen:
            found.append(
                ContentError(
                    page.path,
                    f"the exercise id '{exercise.id}' is used twice on this page (first on line {seen[exercise.id]})",
                    "give each exercise an id of its own",
                    line=exercise.line,
                )
            )
        seen.setdefault(exercise.id, exercise.line)
        found += _kind_problems(page, exercise)
    return found


def _kind_problems(page: Page, exercise: ExerciseSource) -> list[ContentError]:
    found = []
    for kind in FIELD_KINDS:
        value = exercise.settings.get(kind, "")
        if not value:
            continue
        if kind == "lists" and value == "circles":
            if not exercise.has_circles:
                found.append(
                    ContentError(
                        page.path,
                        "'lists: circles' but this exercise has no circles",
                        "add a //// circles block to the exercise, or name questions by number",
                        line=exercise.line,
                    )
                )
            continue
        try:
            numbers = question_numbers(value)
        except ValueError:
            numbers = None
        if not numbers or any(n < 1 or n > exercise.questions for n in numbers):
            found.append(
                ContentError(
                    page.path,
                    f"'{kind}: {value}' does not name questions of this exercise (it has {exercise.questions})",
                    f"write the numbers of its list items, from 1, separated by commas, e.g. '{kind}: 2'",
                    line=exercise.line,
                )
            )
    return found
