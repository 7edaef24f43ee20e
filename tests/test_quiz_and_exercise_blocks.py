"""The quiz and exercise blocks: one implementation for every language, checked
as authors write them, rendered with native controls and words from i18n/."""

import pytest
from conftest import build_copy
from site_pages import course_pages

from course import DOCS_DIR
from course.blocks.quiz import questions_in
from course.config import default_language, language_root, languages, read_mkdocs_yml
from course.errors import ContentError
from course.print import print_book
from course.sources.strings import load_strings

LANGS = [lang.code for lang in languages()]
# The units: the pages of the course's parts (print_book.handout_sources reads them from nav:).
UNITS = print_book.handout_sources(read_mkdocs_yml()["nav"])

GOOD = """/// quiz | What do peers share?
- [x] Experiences.
    Yes.
- [ ] A diagnosis.
    Not quite.
///
"""


@pytest.mark.parametrize("unit", UNITS)
def test_every_unit_has_a_quiz_of_three_to_six_questions_in_every_language(unit):
    for lang in LANGS:
        path = DOCS_DIR / lang / unit
        count = len(questions_in(path.read_text(encoding="utf-8"), path))
        assert 3 <= count <= 6, f"{lang}/{unit} has {count} quiz questions"


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (GOOD.replace("[x]", "[ ]"), 1, "no option of this question is marked as right"),
        (GOOD.replace("- [ ] A diagnosis.", "- A diagnosis."), 4, "this option has no '[x]' or '[ ]' marker"),
        ("/// quiz | Empty?\n///\n", 1, "this quiz question is empty"),
        (GOOD.replace("    Not quite.\n", ""), 4, "has no feedback"),
        (GOOD.replace("/// quiz | What do peers share?", "/// quiz"), 1, "no question text"),
        (GOOD.replace("\n///\n", "\n"), 1, "never closed"),
    ],
)
def test_a_malformed_quiz_is_reported_with_its_line_and_the_fix(tmp_path, text, line, problem):
    page = tmp_path / "unit.md"
    with pytest.raises(ContentError) as err:
        questions_in("# Unit\n\n" + text, page, first_line=1)
    assert err.value.line == line + 2
    assert problem in str(err.value)
    assert "How to fix" in str(err.value)


def test_a_malformed_quiz_stops_the_build_naming_file_and_line(project_copy):
    page = project_copy / "docs/sl/good-peer-support.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("- [x]"))
    lines[first] = "- " + lines[first][6:]
    page.write_text("\n".join(lines), encoding="utf-8")
    result = build_copy(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/sl/good-peer-support.md:{first + 1}: this option has no '[x]' or '[ ]' marker" in output, output[
        -1500:
    ]


def test_a_missing_ui_string_stops_the_build_naming_language_and_key(project_copy):
    strings = project_copy / "i18n/da.yml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(
        "\n".join(line for line in text.split("\n") if not line.strip().startswith("check:")), encoding="utf-8"
    )
    result = build_copy(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "language 'da' lacks the UI string(s): quiz.check" in output, output[-1500:]


def test_an_unknown_block_stops_the_build(project_copy):
    page = project_copy / "docs/en/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n/// quizz | Typo?\n///\n", encoding="utf-8")
    result = build_copy(project_copy)
    assert result.returncode != 0
    assert "'quizz' is not a block the course knows" in result.stdout + result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_quizzes_render_native_controls_in_fieldsets_with_the_languages_words(site, lang):
    words = load_strings(lang)["quiz"]
    pages = [p for p in course_pages(site, lang, LANGS, default_language()) if p.soup.select(".quiz-question")]
    assert len(pages) >= 11
    for page in pages:
        for question in page.soup.select(".quiz-question"):
            fieldset = question.select_one("form.quiz > fieldset")
            assert fieldset.select_one("legend").get_text(strip=True), f"{page}: a question without a legend"
            inputs = fieldset.select("input")
            kind = "checkbox" if question["data-kind"] == "multiple" else "radio"
            assert inputs and all(i["type"] == kind for i in inputs), str(page)
            for control in inputs:
                assert fieldset.select_one(f"label[for='{control['id']}']"), f"{page}: {control['id']} has no label"
            assert question.select_one("button.quiz__check").get_text(strip=True) == words["check"]
            hint = words["choose_all"] if kind == "checkbox" else words["choose_one"]
            assert question.select_one(".quiz__hint").get_text(strip=True) == hint
            assert question.select_one("details.quiz__answer-key summary").get_text(strip=True) == words["show_answer"]


@pytest.mark.parametrize("lang", LANGS)
def test_exercises_have_a_title_room_to_write_and_model_answers_in_the_languages_words(site, lang):
    words = load_strings(lang)["exercise"]
    exercises = [
        (page, ex)
        for page in course_pages(site, lang, LANGS, default_language())
        for ex in page.soup.select("section.exercise")
    ]
    assert len(exercises) >= 5
    for page, exercise in exercises:
        assert exercise.select_one(".exercise__label").get_text(strip=True).startswith(words["label"]), str(page)
        for answer in exercise.select("details.model-answer"):
            assert answer.select_one("summary").get_text(strip=True) == words["show_model_answer"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pictures_are_drawn_from_the_pages_own_words(site, lang):
    """The GROW path and the circles of helpers: one drawing code, the words of each language,
    the drawing hidden from screen readers, which read the same words as a list."""
    prefix = language_root(lang, default_language())
    from site_pages import parse

    soup = parse(site / f"{prefix}supportive-communication.html")
    steps = [li.get_text(strip=True) for li in soup.select(".step-path ol > li")]
    titles = [t.get_text(strip=True) for t in soup.select("section.exercise .exercise__title strong")][:4]
    assert len(steps) == 4 and all(
        title.startswith(step.split(":")[0]) for step, title in zip(steps, titles, strict=False)
    ), (steps, titles)
    figure = soup.select_one("section.exercise figure.circles-figure")
    svg = figure.select_one("svg")
    assert svg["aria-hidden"] == "true"
    # Each ring's words (the list item has a field to write in under them: not part of the drawing).
    legend = [
        (li.select_one(".note-question") or li).get_text(strip=True)
        for li in figure.select(".circles-figure__legend li")
    ]
    assert [t.get_text(strip=True) for t in svg.select("text")] == legend
    assert len(svg.select("circle")) == len(legend) >= 2
    assert figure.select_one("figcaption").get_text(strip=True)


@pytest.mark.parametrize("lang", LANGS)
def test_the_roles_are_drawn_around_you_at_one_distance_as_the_source_draws_them(site, lang):
    """mixed-teams' roles exercise: a hub (no ring ranks a role), its words from the page's list,
    the drawing hidden from screen readers, which read the list; the PDF's text says 'no order'."""
    import math

    from site_pages import parse

    soup = parse(site / f"{language_root(lang, default_language())}mixed-teams.html")
    figure = soup.select_one("section.exercise figure.hub-figure")
    assert figure is not None and not soup.select("figure.circles-figure"), f"{lang}: the roles are not a hub"
    svg = figure.select_one("svg")
    assert svg["aria-hidden"] == "true"
    legend = [li.get_text(strip=True) for li in figure.select(".hub-figure__legend li")]
    assert [t.get_text(strip=True) for t in svg.select("text")] == legend and len(legend) == 7
    centre = svg.select_one("circle")
    around = [(float(e["cx"]), float(e["cy"])) for e in svg.select("ellipse")]
    distances = {round(math.hypot(x - float(centre["cx"]), y - float(centre["cy"]))) for x, y in around}
    assert len(around) == 6 and len(distances) == 1, distances
    assert "visually-hidden" in figure.select_one(".hub-figure__legend")["class"]
