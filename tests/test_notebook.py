"""A private notebook: every exercise has fields to write in, in the page's
language; what the learner writes is kept in this browser as they type
(online and from disk), shown on the notebook page unit by unit, exported to a
file and imported back (merged or replacing, after a summary), erased on
request; a damaged file or a browser that cannot store is said plainly and
loses nothing."""

from __future__ import annotations

import json
import re

import pytest
from browser import Traffic, open_context
from playwright.sync_api import expect
from site_pages import course_pages, parse

from course.config import default_language, language_root, languages
from course.sources.strings import load_strings

LANGS = [lang.code for lang in languages()]
DEFAULT = default_language()
UNIT = "supportive-communication"
NOTES_KEY = "peer-support-course:notes:v1"


def page_url(root: str, lang: str, name: str) -> str:
    return f"{root}/{language_root(lang, DEFAULT)}{name}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_exercise_has_labelled_fields_and_says_where_notes_are_kept(site, lang):
    words = load_strings(lang)["notes"]
    exercises = 0
    for page in course_pages(site, lang, LANGS, DEFAULT):
        soup = page.soup
        for exercise in soup.select("article section.exercise"):
            exercises += 1
            assert exercise.get("data-exercise", "").replace("-", "").isalnum(), f"{page}: an exercise without an id"
            fields = exercise.select(".note-field")
            assert fields, f"{page}: exercise {exercise['data-exercise']} has no field to write in"
            for field in fields:
                control = field.select_one("textarea, input, ol.note-list")
                label = soup.find(id=field["data-question"])
                assert control is not None and label is not None and label.get_text(strip=True), (
                    f"{page}: field {field.get('id')} has no control or no label"
                )
                if control.name != "ol":
                    assert control["aria-labelledby"] == field["data-question"]
            assert words["where"] in exercise.select_one(".exercise-notes__where").get_text(" ", strip=True)
    assert exercises == 6, f"{lang}: {exercises} exercises"


def test_the_exercises_ask_for_ratings_and_lists_where_they_do(site):
    soup = parse(site / f"{UNIT}.html")
    assert soup.select_one("#note-grow-will-q8")["data-kind"] == "rating"
    assert soup.select_one("#note-grow-will-q8 input")["type"] == "number"
    assert soup.select_one("#note-grow-options-q2")["data-kind"] == "list"
    assert soup.select_one("#note-grow-options-q6")["data-kind"] == "rated-list"
    rings = soup.select("#ex-circles-of-helpers .note-field")
    assert [f["data-kind"] for f in rings] == ["list"] * 3, "each circle of helpers gets a list"


@pytest.fixture
def learner(browser, site_root, site_url):
    traffic = Traffic("file://" if site_root.startswith("file:") else site_url)
    context = open_context(browser, traffic, accept_downloads=True)
    yield context, site_root
    context.close()
    assert not traffic.refused


def said(page, selector: str) -> None:
    """Wait until the status line at `selector` says something. (Playwright's expect() runs in its own
    world; wait_for_function would evaluate a string in the page, which the site's CSP forbids.)"""
    expect(page.locator(selector)).to_have_text(re.compile(r"\S"))


def write_answers(page):
    page.fill("#note-grow-goal-q1 textarea", "Να βρω δουλειά που μου ταιριάζει.")
    page.fill("#note-grow-will-q8 input", "7")
    page.fill("#note-grow-options-q2 .note-list__text", "Να ρωτήσω φίλους")
    page.click("#note-grow-options-q2 .note-list__add")
    page.keyboard.type("Το γραφείο εργασίας")
    said(page, "#ex-grow-goal .exercise-notes__status")
    page.wait_for_timeout(500)


@pytest.mark.browser
def test_answers_are_kept_as_the_learner_types_and_gathered_in_the_notebook(learner):
    context, root = learner
    page = context.new_page()
    page.goto(page_url(root, "el", f"{UNIT}.html"))
    write_answers(page)
    assert page.text_content("#ex-grow-goal .exercise-notes__status") == load_strings("el")["notes"]["saved"]
    page.reload()
    assert page.input_value("#note-grow-goal-q1 textarea") == "Να βρω δουλειά που μου ταιριάζει."
    assert page.input_value("#note-grow-will-q8 input") == "7"
    assert page.eval_on_selector_all("#note-grow-options-q2 .note-list__text", "e => e.map(x => x.value)") == [
        "Να ρωτήσω φίλους",
        "Το γραφείο εργασίας",
    ]
    # The same exercise in another language shows the same notes.
    page.goto(page_url(root, "sl", f"{UNIT}.html"))
    assert page.input_value("#note-grow-goal-q1 textarea") == "Να βρω δουλειά που μου ταιριάζει."
    page.goto(page_url(root, "el", "notebook.html"))
    content = page.locator(".notebook__content")
    text = content.inner_text()
    for answer in ("Να βρω δουλειά που μου ταιριάζει.", "Το γραφείο εργασίας", "7"):
        assert answer in text
    assert text.index("G:") < text.index("O:") < text.index("W:"), "not in course order"
    links = page.eval_on_selector_all(".notebook__content h3 a", "e => e.map(x => x.getAttribute('href'))")
    assert f"{UNIT}.html#ex-grow-goal" in links


@pytest.mark.browser
def test_the_notebook_exports_imports_merging_or_replacing_and_erases(learner, tmp_path):
    context, root = learner
    words = load_strings("el")["notes"]
    page = context.new_page()
    page.goto(page_url(root, "el", f"{UNIT}.html"))
    write_answers(page)
    page.goto(page_url(root, "el", "notebook.html"))
    with page.expect_download() as download:
        page.click(".notebook__export")
    saved = tmp_path / "notebook.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["format"] == "peer-support-course-notebook" and f"{UNIT}#grow-goal" in exported["notes"]
    page.click(".notebook__erase")
    page.click(".notebook__erase-yes")
    assert page.text_content(".notebook__status") == words["erased"]
    assert page.evaluate(f"localStorage.getItem('{NOTES_KEY}')") is None
    assert words["empty"] in page.inner_text(".notebook__content")
    # A note written here, then the file merged in: both are kept.
    page.evaluate(f"""localStorage.setItem('{NOTES_KEY}', JSON.stringify({{"mixed-teams#roles-beside-peer-supporters":
        {{"fields": {{"q1": {{"question": "?", "kind": "text", "value": "Συνάδελφος", "updated": "2026-01-01"}}}}}}}}))""")
    page.reload()
    page.set_input_files("#notebook-import", str(saved))
    page.wait_for_selector(".notebook__confirm-import:not([hidden])")  # the file is read in the background
    summary = page.text_content(".notebook__import-summary")
    assert "3" in summary and "1" in summary, summary
    page.click(".notebook__import-apply")
    page.wait_for_selector(".notebook__confirm-import[hidden]", state="attached")
    assert page.text_content(".notebook__status") == words["imported"]
    kept = json.loads(page.evaluate(f"localStorage.getItem('{NOTES_KEY}')"))
    assert f"{UNIT}#grow-goal" in kept and "mixed-teams#roles-beside-peer-supporters" in kept
    # Replacing: only what the file holds.
    page.set_input_files("#notebook-import", str(saved))
    page.wait_for_selector(".notebook__confirm-import:not([hidden])")
    page.check("#notebook-import-replace")
    page.click(".notebook__import-apply")
    page.wait_for_selector(".notebook__confirm-import[hidden]", state="attached")
    kept = json.loads(page.evaluate(f"localStorage.getItem('{NOTES_KEY}')"))
    assert "mixed-teams#roles-beside-peer-supporters" not in kept and f"{UNIT}#grow-goal" in kept


@pytest.mark.browser
@pytest.mark.parametrize(
    "content",
    [
        '{"format": "something-else", "version": 1}',
        "not JSON at all",
        '{"format": "peer-support-course-notebook", "version": 1, "notes": [], "progress": {}}',
    ],
)
def test_a_damaged_or_foreign_file_is_refused_and_changes_nothing(learner, tmp_path, content):
    context, root = learner
    page = context.new_page()
    page.goto(page_url(root, "el", f"{UNIT}.html"))
    write_answers(page)
    before = page.evaluate(f"localStorage.getItem('{NOTES_KEY}')")
    page.goto(page_url(root, "el", "notebook.html"))
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    page.set_input_files("#notebook-import", str(bad))
    said(page, ".notebook__status")
    assert page.text_content(".notebook__status") == load_strings("el")["notes"]["import_refused"]
    assert page.evaluate(f"localStorage.getItem('{NOTES_KEY}')") == before


@pytest.mark.browser
def test_a_browser_that_cannot_store_is_told_and_keeps_what_was_typed(learner):
    context, root = learner
    words = load_strings("da")["notes"]
    page = context.new_page()
    page.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException("full", "QuotaExceededError"); };""")
    page.goto(page_url(root, "da", f"{UNIT}.html"))
    assert page.text_content("#ex-grow-goal .exercise-notes__status") == words["storage_unavailable"]
    page.fill("#note-grow-goal-q1 textarea", "Noget vigtigt")
    page.wait_for_timeout(700)
    assert page.text_content("#ex-grow-goal .exercise-notes__status") == words["not_saved"]
    assert page.input_value("#note-grow-goal-q1 textarea") == "Noget vigtigt"


@pytest.mark.browser
def test_notes_written_before_a_question_moved_stay_with_their_question(learner):
    """Questions are numbered in their exercise; a note saved under another number keeps to the
    question it answered (its words), so editing a page does not move the learner's notes."""
    context, root = learner
    page = context.new_page()
    page.goto(page_url(root, "en", f"{UNIT}.html"))
    question = page.text_content("#note-grow-goal-q2-question").strip()
    page.evaluate(f"""localStorage.setItem('{NOTES_KEY}', JSON.stringify({{"{UNIT}#grow-goal": {{"fields":
        {{"q1": {{"question": {json.dumps(question)}, "kind": "text", "value": "My results", "updated": "2026-01-01"}}}}}}}}))""")
    page.reload()
    assert page.input_value("#note-grow-goal-q2 textarea") == "My results"
    assert page.input_value("#note-grow-goal-q1 textarea") == ""


def test_printed_pages_keep_their_ruled_lines_and_no_field(site):
    soup = parse(site / f"{UNIT}.html")
    assert soup.select("#ex-grow-goal .worksheet-lines .worksheet-line")
    printed = parse(site / "print.html")
    assert not printed.select(".note-field textarea, .note-field input"), "the book prints answer fields"
    assert printed.select(".exercise .worksheet-line")
