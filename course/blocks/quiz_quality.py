"""Quizzes that test understanding, not guessing: the rules every unit's quiz
keeps in every language, and the figures that show whether it does.

Per question:
- 3 to 5 options;
- every option's feedback says why: it opens with the language's word for
  right or for not right (`quiz.feedback_right` / `quiz.feedback_wrong` in
  i18n/<lang>.yml, one tone per language) and goes on with a reason.

Per unit (single-answer questions):
- the right option is not in the same position in every question;
- at least one question asks the learner to apply the unit to a situation
  (`situation: true` under the question's first line).

Over the whole course, each unit's quiz as written in its source language
(a quiz is designed there; translations keep its answer keys):
- no position holds more than 40 % of the right options of single-answer
  questions, and the first option is right in at most 60 % of the
  multiple-answer questions;
- the right option is the longest option in at most 40 % of the single-answer
  questions, and the shortest in at most 40 % (length must not give it away).

Per translated language, over the units translated so far: the same length
rule, with a tolerance that a faithful translation meets: the right option
counts as the longest (or shortest) only when it is more than 15 % longer
(or shorter) than every other option. One character more is not a cue.

Every message names the questions and their lines. Untranslated copies are
left out: they are another language's text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from course.blocks.quiz import Question
from course.errors import ContentError

MIN_OPTIONS, MAX_OPTIONS = 3, 5
MAX_POSITION_SHARE = 0.40
MAX_LONGEST_SHARE = 0.40
MAX_SHORTEST_SHARE = 0.40
MAX_MULTIPLE_FIRST_RIGHT_SHARE = 0.60  # multiple-answer questions whose first option is right
MIN_REASON_WORDS = 4
TRANSLATION_TOLERANCE = 0.15  # how much longer (shorter) a translation's right option must be to stand out
HOW_TO_FIX_POSITIONS = "move the right option of some questions to another place (the same order in every language)"


@dataclass
class UnitQuiz:
    """One unit's quiz in one language, as the figures need it."""

    page: str  # path in the language tree: 'core-competencies.md'
    lang: str
    path: Path
    questions: list[Question]
    objectives: list[str] = field(default_factory=list)  # the unit's learning objectives, in order
    title: str = ""
    source: bool = True  # written in this language (not a translation)

    @property
    def single(self) -> list[Question]:
        return [q for q in self.questions if not q.multiple]

    def key_positions(self) -> list[int]:
        """1-based position of the right option of each single-answer question."""
        return [q.answer_key[0] + 1 for q in self.single]

    def longest_is_right(self) -> list[bool]:
        return [_right_stands_out(q, longest=True) for q in self.single]

    def shortest_is_right(self) -> list[bool]:
        return [_right_stands_out(q, longest=False) for q in self.single]


def _right_stands_out(question: Question, longest: bool, tolerance: float = 0.0) -> bool:
    """Is the right option the longest (or the shortest) of the question's options, by more than
    `tolerance` (a share of the nearest other option's length)?"""
    lengths = [len(o.text) for o in question.options]
    key = question.answer_key[0]
    others = [n for i, n in enumerate(lengths) if i != key]
    if longest:
        return lengths[key] > max(others) * (1 + tolerance)
    return lengths[key] * (1 + tolerance) < min(others)


@dataclass
class LanguageFigures:
    lang: str
    units: list[UnitQuiz] = field(default_factory=list)

    @property
    def questions(self) -> list[Question]:
        return [q for unit in self.units for q in unit.questions]

    def positions(self) -> Counter[int]:
        return Counter(p for unit in self.units for p in unit.key_positions())

    def single_count(self) -> int:
        return sum(len(unit.single) for unit in self.units)

    def longest_count(self) -> int:
        return sum(sum(unit.longest_is_right()) for unit in self.units)

    def shortest_count(self) -> int:
        return sum(sum(unit.shortest_is_right()) for unit in self.units)

    def multiple(self) -> list[Question]:
        return [q for q in self.questions if q.multiple]

    def options_per_question(self) -> Counter[int]:
        return Counter(len(q.options) for q in self.questions)


def feedback_problem(text: str, opener: str) -> str | None:
    """Why a piece of feedback breaks the rules, or None."""
    if not text.startswith(opener):
        return f"it does not open with {opener!r}"
    reason = text[len(opener) :].split()
    if len(reason) < MIN_REASON_WORDS:
        return "it gives no reason"
    return None


def question_problems(unit: UnitQuiz, openers: dict[str, str]) -> list[ContentError]:
    found = []
    for question in unit.questions:
        if not MIN_OPTIONS <= len(question.options) <= MAX_OPTIONS:
            found.append(
                ContentError(
                    unit.path,
                    f"this question has {len(question.options)} options",
                    f"give every question {MIN_OPTIONS} to {MAX_OPTIONS} options, the wrong ones taken from the course's own text",
                    line=question.line,
                )
            )
        for option in question.options:
            opener = openers["feedback_right" if option.correct else "feedback_wrong"]
            problem = feedback_problem(option.feedback, opener)
            if problem:
                kind = "right" if option.correct else "wrong"
                found.append(
                    ContentError(
                        unit.path,
                        f"the feedback of the option {option.text!r} breaks the quiz's rules: {problem}",
                        f"open the feedback of a {kind} option with {opener!r} (i18n/{unit.lang}.yml, quiz.feedback_{kind}), "
                        f"then say why in a sentence",
                        line=option.line,
                    )
                )
    return found


def unit_problems(unit: UnitQuiz) -> list[ContentError]:
    found = []
    positions = unit.key_positions()
    if len(positions) >= 2 and len(set(positions)) == 1:
        first = unit.single[0]
        found.append(
            ContentError(
                unit.path,
                f"the right option is option {positions[0]} in every single-answer question of this unit",
                HOW_TO_FIX_POSITIONS,
                line=first.line,
            )
        )
    if unit.questions and not any(q.situation for q in unit.questions):
        found.append(
            ContentError(
                unit.path,
                "no question of this quiz asks the learner to apply the unit to a situation",
                "add (or rewrite) a question that describes a situation with the unit's own content and asks what fits it; "
                "mark it with a line '    situation: true' under its first line",
                line=unit.questions[0].line,
            )
        )
    return found


HOW_TO_NAME_OBJECTIVE = (
    "under the question's first line, write the number of the unit's learning objective it tests "
    "(its place in the list under '## Learning objectives {#objectives}'): '    objective: 2'"
)


def objective_problems(unit: UnitQuiz) -> list[ContentError]:
    found = []
    count = len(unit.objectives)
    for question in unit.questions:
        if question.objective is None:
            found.append(
                ContentError(
                    unit.path,
                    "this question names no learning objective",
                    HOW_TO_NAME_OBJECTIVE,
                    line=question.line,
                )
            )
        elif question.objective > count:
            found.append(
                ContentError(
                    unit.path,
                    f"this question tests objective {question.objective}, but the unit lists {count} objective(s)",
                    f"use a number from 1 to {count}, or add the objective to the list under "
                    "'## Learning objectives {#objectives}'",
                    line=question.line,
                )
            )
    if unit.questions:
        tested = {q.objective for q in unit.questions}
        for number, objective in enumerate(unit.objectives, start=1):
            if number not in tested:
                found.append(
                    ContentError(
                        unit.path,
                        f"learning objective {number} ({objective!r}) is tested by no question of the quiz",
                        "write a question for it and mark it 'objective: "
                        f"{number}', or, if a closed question cannot "
                        "test it honestly, rewrite the objective or leave it to an exercise",
                        line=unit.questions[0].line,
                    )
                )
    return found


def _questions_named(found: list[tuple[UnitQuiz, Question]], detail: Callable[[Question], str] | None = None) -> str:
    return ", ".join(f"{_where(unit, q)}{f' ({detail(q)})' if detail else ''}" for unit, q in found)


def _where(unit: UnitQuiz, question: Question) -> str:
    return f"docs/{unit.lang}/{unit.page}:{question.line}"


def _lengths(question: Question) -> str:
    key = question.answer_key[0]
    others = ", ".join(str(len(o.text)) for i, o in enumerate(question.options) if i != key)
    return f"right {len(question.options[key].text)} characters, the others {others}"


def _share_problem(
    found: list[tuple[UnitQuiz, Question]],
    total: int,
    limit: float,
    what: str,
    fix: str,
    detail: Callable[[Question], str] | None = None,
    kind: str = "single-answer",
) -> list[ContentError]:
    """A rule over many questions: broken when more than `limit` of `total` questions are `found`."""
    if not total or len(found) / total <= limit:
        return []
    unit, question = found[0]
    return [
        ContentError(
            unit.path,
            f"{what} in {len(found)} of {total} {kind} questions ({len(found) / total:.0%}; at most {limit:.0%}): "
            + _questions_named(found, detail),
            fix,
            line=question.line,
        )
    ]


def _single(units: list[UnitQuiz]) -> list[tuple[UnitQuiz, Question]]:
    return [(unit, q) for unit in units for q in unit.single]


def course_problems(units: list[UnitQuiz]) -> list[ContentError]:
    """The rules of a quiz's design, over every unit's quiz in its source language."""
    found: list[ContentError] = []
    single = _single(units)
    positions = Counter(q.answer_key[0] for _, q in single)
    if positions:
        position, _ = positions.most_common(1)[0]
        found += _share_problem(
            [(u, q) for u, q in single if q.answer_key[0] == position],
            len(single),
            MAX_POSITION_SHARE,
            f"over the course's source pages, the right option is option {position + 1}",
            HOW_TO_FIX_POSITIONS,
        )
    found += _length_problems(single, 0.0, "over the course's source pages")
    multiple = [(unit, q) for unit in units for q in unit.questions if q.multiple]
    if len(multiple) >= 2:
        found += _share_problem(
            [(u, q) for u, q in multiple if 0 in q.answer_key],
            len(multiple),
            MAX_MULTIPLE_FIRST_RIGHT_SHARE,
            "over the course's source pages, the first option is right",
            "put a wrong option first in some multiple-answer questions (the same order in every language)",
            kind="multiple-answer",
        )
    return found


def _length_problems(single: list[tuple[UnitQuiz, Question]], tolerance: float, where: str) -> list[ContentError]:
    found: list[ContentError] = []
    for extreme, limit in (("longest", MAX_LONGEST_SHARE), ("shortest", MAX_SHORTEST_SHARE)):
        standing_out = [(u, q) for u, q in single if _right_stands_out(q, extreme == "longest", tolerance)]
        margin = f" by more than {tolerance:.0%}" if tolerance else ""
        found += _share_problem(
            standing_out,
            len(single),
            limit,
            f"{where}, the right option is the {extreme}{margin}",
            "make the options about as full as one another in some of these questions (in the source "
            "language, so that every translation follows), so that length gives nothing away",
            _lengths,
        )
    return found


def translation_problems(figures: LanguageFigures) -> list[ContentError]:
    """The length rule in a translated language, over its translated units, with the tolerance
    a faithful translation meets."""
    translated = [unit for unit in figures.units if not unit.source]
    return _length_problems(_single(translated), TRANSLATION_TOLERANCE, f"in '{figures.lang}'")


def problems(figures: LanguageFigures, openers: dict[str, str]) -> list[ContentError]:
    """The rules of one language: each question, each unit, and the length rule of its translations.
    (The course's design rules are course_problems, over every language's source units.)"""
    found = []
    for unit in figures.units:
        found += question_problems(unit, openers) + unit_problems(unit) + objective_problems(unit)
    return found + translation_problems(figures)


def source_units(every_language: list[LanguageFigures]) -> list[UnitQuiz]:
    """Each unit's quiz in its source language, in course order (the first language's order)."""
    found = [unit for figures in every_language for unit in figures.units if unit.source]
    order = {unit.page: index for figures in every_language for index, unit in enumerate(figures.units)}
    return sorted(found, key=lambda unit: order.get(unit.page, len(order)))


def report_lines(figures: LanguageFigures) -> list[str]:
    """The figures of one language, for a person: per unit, then for the course."""
    lines = [
        f"{figures.lang}: {len(figures.units)} units, {len(figures.questions)} questions "
        f"({figures.single_count()} single-answer)"
    ]
    width = max((len(u.page) for u in figures.units), default=10) + 2
    lines.append("  " + "unit".ljust(width) + "questions  key positions  longest right  options     situation")
    for unit in figures.units:
        keys = " ".join(
            str(p) if not q.multiple else "m"
            for p, q in zip(_positions_with_multiple(unit), unit.questions, strict=True)
        )
        longest = f"{sum(unit.longest_is_right())}/{len(unit.single)}"
        options = ",".join(str(len(q.options)) for q in unit.questions)
        situation = sum(q.situation for q in unit.questions)
        lines.append(
            "  " + unit.page.ljust(width) + f"{len(unit.questions):<11}{keys:<15}{longest:<15}{options:<12}{situation}"
        )
    single = figures.single_count() or 1
    spread = ", ".join(f"option {p}: {n} ({n / single:.0%})" for p, n in sorted(figures.positions().items()))
    lines.append(f"  right option by position: {spread}")
    lines.append(
        f"  right option is the longest: {figures.longest_count()} of {figures.single_count()} "
        f"({figures.longest_count() / single:.0%}); the shortest: {figures.shortest_count()} "
        f"({figures.shortest_count() / single:.0%})"
    )
    per = ", ".join(f"{n} options: {c}" for n, c in sorted(figures.options_per_question().items()))
    lines.append(f"  options per question: {per}")
    return lines


def _positions_with_multiple(unit: UnitQuiz) -> list[int]:
    return [q.answer_key[0] + 1 if not q.multiple else 0 for q in unit.questions]


def figures_of(lang: str, quizzes: list[tuple[str, Path, list[Question], list[str], bool]]) -> LanguageFigures:
    """The figures of one language from quizzes already read: (page, file, questions, learning
    objectives, written in this language), in course order."""
    return LanguageFigures(
        lang,
        [
            UnitQuiz(page, lang, path, questions, objectives, source=source)
            for page, path, questions, objectives, source in quizzes
            if questions
        ],
    )


def language_figures(docs_dir: Path, lang: str, pages: list[str]) -> LanguageFigures:
    """The quizzes of `pages` (in course order) in one language's tree; untranslated copies left out."""
    from course.blocks.quiz import questions_in
    from course.sources.front_matter import read_front_matter
    from course.sources.source_text import read_text

    figures = LanguageFigures(lang)
    for page in pages:
        path = Path(docs_dir) / lang / page
        if not path.is_file():
            continue
        fm = read_front_matter(path)
        if fm.data.get("translation") == "untranslated":
            continue
        lines = read_text(path).split("\n")
        questions = questions_in("\n".join(lines[fm.end_line :]), path, first_line=fm.end_line + 1)
        if questions:
            source = fm.data.get("translation") == "source"
            figures.units.append(
                UnitQuiz(page, lang, path, questions, learning_objectives(lines), page_title(lines), source=source)
            )
    return figures


OBJECTIVES_HEADING = "{#objectives}"


def learning_objectives(lines: list[str]) -> list[str]:
    """The items of the list under the page's `## Learning objectives {#objectives}` heading."""
    found: list[str] = []
    inside = False
    for line in lines:
        if line.startswith("#"):
            inside = line.rstrip().endswith(OBJECTIVES_HEADING)
        elif inside and line.startswith(("- ", "* ")):
            found.append(line[2:].strip())
    return found


def page_title(lines: list[str]) -> str:
    return next((line[2:].strip() for line in lines if line.startswith("# ")), "")
