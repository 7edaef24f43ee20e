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

Per language, over the whole course (single-answer questions):
- no position holds more than 40 % of the right options;
- the right option is the longest option in at most 40 % of the questions,
  and the shortest in at most 40 % (length must not give it away either way).

Untranslated copies are left out: they are another language's text.
"""

from __future__ import annotations

from collections import Counter
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


def _right_stands_out(question: Question, longest: bool) -> bool:
    """Is the right option strictly the longest (or the shortest) of the question's options?"""
    lengths = [len(o.text) for o in question.options]
    key = question.answer_key[0]
    return all((lengths[key] > n) if longest else (lengths[key] < n) for i, n in enumerate(lengths) if i != key)


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


# The rules of December 2026 (every question names its objective, every objective is tested, the
# right options of multiple-answer questions not always first): the build applies them once every
# unit's quiz keeps them; `scripts/check_quizzes.py --strict` applies them now.
STRICT = False
HOW_TO_NAME_OBJECTIVE = (
    "under the question's first line, write the number of the unit's learning objective it tests "
    "(its place in the list under '## Learning objectives {#objectives}'): '    objective: 2'"
)


def objective_problems(unit: UnitQuiz, strict: bool) -> list[ContentError]:
    found = []
    count = len(unit.objectives)
    for question in unit.questions:
        if question.objective is None:
            if strict:
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
    if strict and unit.questions:
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


def language_problems(figures: LanguageFigures, anchor: Path, strict: bool = True) -> list[ContentError]:
    """Rules over the whole course in one language; `anchor` is where the message points (the first quiz)."""
    found: list[ContentError] = []
    single = figures.single_count()
    if not single:
        return found
    position, count = max(figures.positions().items(), key=lambda item: item[1])
    if count / single > MAX_POSITION_SHARE:
        found.append(
            ContentError(
                anchor,
                f"in '{figures.lang}', the right option is option {position} in {count} of {single} single-answer "
                f"questions ({count / single:.0%}; at most {MAX_POSITION_SHARE:.0%})",
                HOW_TO_FIX_POSITIONS,
            )
        )
    for extreme, count, limit in (
        ("longest", figures.longest_count(), MAX_LONGEST_SHARE),
        ("shortest", figures.shortest_count(), MAX_SHORTEST_SHARE),
    ):
        if count / single > limit:
            found.append(
                ContentError(
                    anchor,
                    f"in '{figures.lang}', the right option is the {extreme} in {count} of {single} single-answer "
                    f"questions ({count / single:.0%}; at most {limit:.0%})",
                    "make the options about as full as one another, so that length gives nothing away",
                )
            )
    multiple = figures.multiple()
    first_right = [q for q in multiple if 0 in q.answer_key]
    if strict and len(multiple) >= 2 and len(first_right) / len(multiple) > MAX_MULTIPLE_FIRST_RIGHT_SHARE:
        found.append(
            ContentError(
                anchor,
                f"in '{figures.lang}', the first option is right in {len(first_right)} of {len(multiple)} "
                f"multiple-answer questions ({len(first_right) / len(multiple):.0%}; at most "
                f"{MAX_MULTIPLE_FIRST_RIGHT_SHARE:.0%})",
                "put a wrong option first in some multiple-answer questions (the same order in every language)",
            )
        )
    return found


def problems(figures: LanguageFigures, openers: dict[str, str], strict: bool | None = None) -> list[ContentError]:
    strict = STRICT if strict is None else strict
    found = []
    for unit in figures.units:
        found += question_problems(unit, openers) + unit_problems(unit) + objective_problems(unit, strict)
    if figures.units:
        found += language_problems(figures, figures.units[0].path, strict)
    return found


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


def figures_of(lang: str, quizzes: list[tuple[str, Path, list[Question], list[str]]]) -> LanguageFigures:
    """The figures of one language from quizzes already read: (page, file, questions, learning
    objectives), in course order."""
    return LanguageFigures(
        lang,
        [
            UnitQuiz(page, lang, path, questions, objectives)
            for page, path, questions, objectives in quizzes
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
            figures.units.append(UnitQuiz(page, lang, path, questions, learning_objectives(lines), page_title(lines)))
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
