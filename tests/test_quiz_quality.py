"""Quizzes that test understanding, not guessing (course/blocks/quiz_quality.py): the
real quizzes keep every rule in every language, the report gives the figures
per unit and language, and each rule can fail."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import languages_with_every_page_translated

from course import DOCS_DIR, PROJECT_ROOT
from course.blocks.quiz import Option, Question
from course.blocks.quiz_quality import LanguageFigures, UnitQuiz, course_problems, language_figures, problems
from course.config import languages, nav_pages, read_mkdocs_yml
from course.sources.strings import load_strings

LANGS = [lang.code for lang in languages()]
PAGES = nav_pages(read_mkdocs_yml().get("nav"))
# The tests below that need every unit's quiz check the languages with every page translated.
COMPLETE = languages_with_every_page_translated()
OPENERS = {"feedback_right": "Yes.", "feedback_wrong": "Not quite."}


@pytest.mark.parametrize("lang", LANGS)
def test_every_quiz_keeps_the_rules_in_every_language(lang):
    figures = language_figures(DOCS_DIR, lang, PAGES)
    broken = problems(figures, load_strings(lang)["quiz"])
    assert not broken, "\n".join(map(str, broken))


@pytest.mark.parametrize("lang", COMPLETE)
def test_every_unit_of_a_complete_language_has_its_quiz(lang):
    units = [unit.page for unit in language_figures(DOCS_DIR, lang, PAGES).units]
    assert units == [unit.page for unit in language_figures(DOCS_DIR, COMPLETE[0], PAGES).units]
    assert len(units) >= 11, f"{lang}: {len(units)} units with a quiz"


def test_the_answer_keys_are_the_same_in_every_language():
    """Every translated unit (an untranslated copy is left out) has its source's answer keys."""
    keys = {
        lang: {
            unit.page: [(q.answer_key, len(q.options), q.situation, q.objective) for q in unit.questions]
            for unit in language_figures(DOCS_DIR, lang, PAGES).units
        }
        for lang in LANGS
    }
    reference = keys[COMPLETE[0]]
    for lang in LANGS:
        for page, unit_keys in keys[lang].items():
            assert unit_keys == reference[page], f"{lang}/{page}: its answer keys differ from {COMPLETE[0]}'s"


def test_the_report_gives_per_unit_and_language_positions_lengths_options_and_situations():
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "check_quizzes.py")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in COMPLETE:
        assert f"\n{lang}: 11 units" in "\n" + result.stdout
    assert result.stdout.count("right option by position:") == len(LANGS)
    assert result.stdout.count("right option is the longest:") == len(LANGS)
    assert result.stdout.count("core-competencies.md") >= len(COMPLETE)
    assert "every quiz keeps the rules" in result.stderr


# ---- each rule can fail ---------------------------------------------------------------------------


def question(
    key: int,
    options: int = 4,
    lengths: list[int] | None = None,
    situation: bool = False,
    feedback_right: str = "Yes. The unit says so in its second part.",
    feedback_wrong: str = "Not quite. The unit gives this to another level.",
    line: int = 1,
) -> Question:
    lengths = lengths or [20] * options
    return Question(
        "A question?",
        [
            Option("x" * lengths[i], i == key, feedback_right if i == key else feedback_wrong, line=line + i + 1)
            for i in range(options)
        ],
        line=line,
        situation=situation,
        objective=1,
    )


def unit(*questions: Question, page="unit.md", source: bool = True) -> UnitQuiz:
    return UnitQuiz(page, "en", Path(page), list(questions), ["the unit's one objective"], source=source)


def broken(*units: UnitQuiz) -> str:
    """Every rule: those of the language, and those of the course's design over its source units."""
    found = problems(LanguageFigures("en", list(units)), OPENERS)
    found += course_problems([u for u in units if u.source])
    return "\n".join(map(str, found))


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
    assert "the right option is option 1 in 6 of 9 single-answer questions" in broken(*lopsided)


def test_the_right_option_as_the_longest_too_often_breaks_a_rule():
    long = [unit(*(question(k, lengths=[40 if i == k else 20 for i in range(4)], situation=k == 0) for k in range(4)))]
    assert "the right option is the longest in 4 of 4 single-answer questions" in broken(*long)


def test_the_right_option_as_the_shortest_too_often_breaks_a_rule():
    short = [unit(*(question(k, lengths=[10 if i == k else 20 for i in range(4)], situation=k == 0) for k in range(4)))]
    assert "the right option is the shortest in 4 of 4 single-answer questions" in broken(*short)


def lengths_with_right(k: int, right: int, other: int = 100) -> list[int]:
    return [right if i == k else other for i in range(4)]


def test_a_length_message_names_each_question_and_its_line():
    long = unit(
        *(question(k, lengths=lengths_with_right(k, 140), situation=k == 0, line=10 * (k + 1)) for k in range(4)),
        page="unit.md",
    )
    message = broken(long)
    assert "docs/en/unit.md:10 (right 140 characters, the others 100, 100, 100)" in message
    assert all(f"docs/en/unit.md:{line}" in message for line in (10, 20, 30, 40))


def test_in_a_translation_one_character_more_is_not_a_length_cue():
    """A faithful translation whose right option is a character longer (the translator's case) passes;
    one whose right option is clearly longer does not."""
    translated = unit(
        *(question(k, lengths=lengths_with_right(k, 101), situation=k == 0) for k in range(4)), source=False
    )
    assert "longest" not in broken(translated)
    clearly = unit(*(question(k, lengths=lengths_with_right(k, 130), situation=k == 0) for k in range(4)), source=False)
    assert "in 'en', the right option is the longest by more than 15% in 4 of 4 single-answer questions" in broken(
        clearly
    )


def test_the_course_design_rules_read_the_source_pages_not_the_translations():
    """Positions are decided where a quiz is written; a translation keeps the source's keys."""
    lopsided = [
        unit(question(0, situation=True), question(0), question(1), page=f"{i}.md", source=False) for i in range(3)
    ]
    assert "option 1" not in broken(*lopsided)


def test_multiple_answer_questions_whose_first_option_is_always_right_break_a_rule():
    def multiple(first_right: bool) -> Question:
        q = question(1, situation=True)
        q.options[0].correct, q.options[2].correct = first_right, True
        return q

    assert "the first option is right in 3 of 3 multiple-answer questions" in broken(
        unit(*(multiple(True) for _ in range(3)), question(1), question(2))
    )
    assert "first option is right" not in broken(unit(multiple(False), multiple(True), multiple(False), question(1)))


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
