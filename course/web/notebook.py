"""The learner's notebook page (docs/<lang>/notebook.md, `/// notebook`): the
course's exercises in course order, read from the rendered units (each unit's
exercises, their titles and questions), as the JSON that notebook.js shows
the learner's answers with, unit by unit, with links back."""

from __future__ import annotations

from typing import TypedDict

import lxml.html
from lxml.html import HtmlElement


class NoteField(TypedDict):
    field: str | None  # the field's name within the exercise: q1, q2, … or answer
    kind: str | None  # text, list, rating or rated-list
    label: str


class NotebookExercise(TypedDict):
    id: str | None
    anchor: str | None
    title: str
    questions: list[NoteField]


def unit_exercises(content: str) -> list[NotebookExercise]:
    """The exercises of one rendered unit: id, anchor, title and the label of each question's field."""
    if not content or 'class="exercise"' not in content:
        return []
    root = lxml.html.fragment_fromstring(content, create_parent="div")
    return [_exercise(section, root) for section in root.xpath("//section[@data-exercise]")]


def _exercise(section: HtmlElement, root: HtmlElement) -> NotebookExercise:
    title = section.xpath(".//p[contains(@class, 'exercise__title')]/strong")
    return {
        "id": section.get("data-exercise"),
        "anchor": section.get("id"),
        "title": _text(title[0]) if title else "",
        "questions": [
            {
                "field": field.get("data-field"),
                "kind": field.get("data-kind"),
                "label": _text(next(iter(root.xpath(f"//*[@id='{field.get('data-question')}']")), None)),
            }
            for field in section.xpath(".//div[@data-field]")
        ],
    }


def _text(el: HtmlElement | None) -> str:
    if el is None:
        return ""
    return " ".join("".join(t for t in el.itertext()).split())
