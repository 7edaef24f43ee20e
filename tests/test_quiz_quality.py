"""Quizzes that test understanding, not guessing (course/blocks/quiz_quality.py): the
real quizzes keep every rule in every language, the report gives the figures
per unit and language, and each rule can fail."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from course import DOCS_DIR, PROJECT_ROOT
from course.blocks.quiz import Option, Question
from course.blocks.quiz_quality import LanguageFigures, UnitQuiz, language_figures, problems
from course.config import languages, nav_pages, read_mkdocs_yml
from course.sources.strings import load_strings

LANGS = [lang.code for lang in languages()]
PAGES = nav_pages(read_mkdocs_yml().get("nav"))
OPENERS = {"feedback_right": "Yes.", "feedback_wrong": "Not quite."}


@pytest.mark.parametrize("lang", LANGS)
def test_every_quiz_keeps_the_rules_in_every_language(lang):
    figures = language_figures(DOCS_DIR, lang, PAGES)
    assert len(figures.units) == 11, f"{lang}: {len(figures.units)} units with a quiz"
    broken = problems(figures, load_strings(lang)["quiz"])
    assert not broken, "\n".join(map(str, broken))


def test_the_answer_keys_are_the_same_in_every_language():
    keys = {
        lang: [
            [(q.answer_key, len(q.options), q.situation) for q in unit.questions]
            for unit in language_figures(DOCS_DIR, lang, PAGES).units
        ]
        for lang in LANGS
    }
    for lang in LANGS[1:]:
        assert keys[lang] == keys[LANGS[0]], f"{lang}'s answer keys differ from {LANGS[0]}'s"


def test_the_report_gives_per_unit_and_language_positions_lengths_options_and_situations():
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "check_quizzes.py")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGS:
        assert f"\n{lang}: 11 units" in "\n" + result.stdout
    assert result.stdout.count("right option by position:") == len(LANGS)
    assert result.stdout.count("right option is the longest:") == len(LANGS)
    assert result.stdout.count("core-competencies.md") == len(LANGS)
    assert "every quiz keeps the rules" in result.stderr


# ---- each rule can fail ---------------------------------------------------------------------------


def question(
    key: int,
    options: int = 4,
    lengths: list[int] | None = None,
    situation: bool = False,
    feedback_right: str = "Yes. The unit says so in its second part.",
    feedback_wrong: str = "Not quite. The unit gives this to another level.",
) -> Question:
    lengths = lengths or [20] * options
    return Question(
        "A question?",
        [
            Option("x" * lengths[i], i == key, feedback_right if i == key else feedback_wrong, line=i + 2)
            for i in range(options)
        ],
        line=1,
        situation=situation,
    )


def unit(*questions: Question, page="unit.md") -> UnitQuiz:
    return UnitQuiz(page, "en", Path(page), list(questions))


def broken(*units: UnitQuiz) -> str:
    return "\n".join(map(str, problems(LanguageFigures("en", list(units)), OPENERS)))


def good_unit(page="good.md") -> UnitQuiz:
    return unit(question(0, situation=True), question(1), question(2), question(3), page=page)


def test_good_quizzes_break_no_rule():
    assert broken(good_unit("a.md"), good_unit("b.md")) == ""


def test_the_right_option_in_the_same_place_in_every_question_of_a_unit_breaks_a_rule():
    assert "the right option is option 1 in every single-answer question of this unit" in broken(
        unit(question(0, situation=True), question(0), question(0)), good_unit(), good_unit("c.md")
    )


def test_one_position_holding_more_than_40_percent_of_the_keys_breaks_a_rule():
    lopsided = [unit(question(0, situation=True), question(0), question(1), page=f"{i}.md") for i in range(3)]
    assert "the right option is option 1 in 6 of 9" in broken(*lopsided)


def test_the_right_option_as_the_longest_too_often_breaks_a_rule():
    long = [unit(*(question(k, lengths=[40 if i == k else 20 for i in range(4)], situation=k == 0) for k in range(4)))]
    assert "the right option is the longest in 4 of 4" in broken(*long)


def test_the_right_option_as_the_shortest_too_often_breaks_a_rule():
    short = [unit(*(question(k, lengths=[10 if i == k else 20 for i in range(4)], situation=k == 0) for k in range(4)))]
    assert "the right option is the shortest in 4 of 4" in broken(*short)


@pytest.mark.parametrize("options", [2, 6])
def test_fewer_than_three_or_more_than_five_options_break_a_rule(options):
    assert f"this question has {options} options" in broken(
        unit(question(0, options=options, situation=True), question(1), question(2), question(3))
    )


@pytest.mark.parametrize(
    ("feedback", "problem"),
    [
        ("Not quite.", "it gives no reason"),
        ("No. The unit gives this to another level.", "it does not open with 'Not quite.'"),
    ],
)
def test_feedback_that_gives_no_reason_or_another_tone_breaks_a_rule(feedback, problem):
    assert problem in broken(
        unit(question(0, situation=True, feedback_wrong=feedback), question(1), question(2), question(3))
    )


def test_a_unit_without_a_situation_question_breaks_a_rule():
    assert "no question of this quiz asks the learner to apply the unit to a situation" in broken(
        unit(question(0), question(1), question(2), question(3))
    )
