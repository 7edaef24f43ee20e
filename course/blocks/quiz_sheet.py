"""A language's quizzes as a blind sheet, and a sheet's answers scored.

The sheet holds every question of every unit, in course order, with its options
lettered (A, B, C…) and nothing else: no answer key, no feedback, no unit text.
Given to a reader who has never read the course, it measures whether the
quizzes can be answered without it (they should not be); a trainer can also
print it as a quiz for a group.

Answers are written one question a line, as the sheet's numbers and letters:

    1: B
    2: A C        (a multiple-answer question: every letter chosen)

Blind chance is what guessing gives: 1/options for a single-answer question,
and 1/(2^options - 1) for a multiple-answer one (any non-empty choice)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from course.blocks.quiz import Question
from course.blocks.quiz_quality import LanguageFigures
from course.errors import ContentError

LETTERS = "ABCDEFGHIJ"
ANSWER = re.compile(r"^\s*(?P<number>\d+)\s*[:.)]\s*(?P<letters>[A-Ja-j](?:[\s,]*[A-Ja-j])*)?\s*$")


def letters(key: tuple[int, ...]) -> str:
    return " ".join(LETTERS[i] for i in key)


def numbered_questions(figures: LanguageFigures) -> list[tuple[int, str, Question]]:
    """(number on the sheet, unit page, question), the whole course numbered from 1."""
    found, number = [], 0
    for unit in figures.units:
        for question in unit.questions:
            number += 1
            found.append((number, unit.page, question))
    return found


def blind_sheet(figures: LanguageFigures, choose_one: str, choose_all: str) -> str:
    """The sheet as Markdown: a heading per unit, each question with its lettered options."""
    out = [
        f"# Quiz questions ({figures.lang})",
        "",
        "Answer each question with its letter (or letters), one line per question: `1: B`, `2: A C`.",
        "",
    ]
    numbers = {id(q): n for n, _, q in numbered_questions(figures)}
    for unit in figures.units:
        out += [f"## {unit.title or unit.page}", ""]
        for question in unit.questions:
            hint = choose_all if question.multiple else choose_one
            out += [f"**{numbers[id(question)]}.** {question.text} *({hint})*", ""]
            out += [f"- {LETTERS[i]}. {option.text}" for i, option in enumerate(question.options)]
            out.append("")
    return "\n".join(out)


@dataclass
class Score:
    lang: str
    single: int = 0
    single_right: int = 0
    multiple: int = 0
    multiple_right: int = 0
    single_chance: float = 0.0
    multiple_chance: float = 0.0
    unanswered: int = 0

    def lines(self) -> list[str]:
        return [
            f"{self.lang}: {self.single_right + self.multiple_right} of {self.single + self.multiple} right",
            f"  single-answer: {self.single_right} of {self.single} "
            f"({self.single_right / (self.single or 1):.0%}; blind chance {self.single_chance:.1f})",
            f"  multiple-answer, exactly right: {self.multiple_right} of {self.multiple} "
            f"({self.multiple_right / (self.multiple or 1):.0%}; blind chance {self.multiple_chance:.1f})",
            f"  unanswered: {self.unanswered}",
        ]


def read_answers(text: str, source: str = "answers") -> dict[int, tuple[int, ...]]:
    answers = {}
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = ANSWER.match(line)
        if not match:
            raise ContentError(
                source,
                f"this line is not an answer: {line.strip()!r}",
                "write the question's number and the letter(s) chosen: '3: B' or '4: A C'",
                line=line_number,
            )
        chosen = match["letters"] or ""
        answers[int(match["number"])] = tuple(sorted(LETTERS.index(c) for c in chosen.upper() if c in LETTERS))
    return answers


def score(figures: LanguageFigures, answers: dict[int, tuple[int, ...]]) -> Score:
    result = Score(figures.lang)
    for number, _, question in numbered_questions(figures):
        given = answers.get(number)
        options = len(question.options)
        if given is None:
            result.unanswered += 1
        if question.multiple:
            result.multiple += 1
            result.multiple_chance += 1 / (2**options - 1)
            result.multiple_right += given == question.answer_key
        else:
            result.single += 1
            result.single_chance += 1 / options
            result.single_right += given == question.answer_key
    return result
