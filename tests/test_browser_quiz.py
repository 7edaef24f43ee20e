"""A learner answers a unit's quiz by keyboard in a real browser: kind feedback
in their language, right and wrong said in words, progress kept in their own
browser only (and shown on the unit, the home page and the menu), and a reset.
In two languages, over http and opened from disk."""

import json

import pytest
from browser import Traffic, open_context

from course import DOCS_DIR
from course.config import default_language, language_root
from course.sources.strings import load_strings

pytestmark = pytest.mark.browser

STORAGE_KEY = "peer-support-course:progress:v1"
UNIT = "what-peer-support-can-do"


def tab_to(page, selector):
    """Press Tab until the focused element matches `selector` (as a keyboard user does)."""
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def choose_by_keyboard(page, question, wanted):
    """Select the options at indexes `wanted` of one question with the keyboard only, then check."""
    kind = question.get_attribute("data-kind")
    qid = question.get_attribute("data-question")
    inputs = question.locator("input")
    inputs.first.focus()
    if kind == "single":
        # Arrow keys move through a radio group and select as they go.
        page.keyboard.press("Space")
        for _ in range(wanted[0]):
            page.keyboard.press("ArrowDown")
    else:
        for index in range(inputs.count()):
            if index:
                page.keyboard.press("Tab")
            checked = inputs.nth(index).is_checked()
            if (index in wanted) != checked:
                page.keyboard.press("Space")
    tab_to(page, f"[data-quiz='{qid}'] button.quiz__check")
    page.keyboard.press("Enter")


def answer_key(question):
    return [
        i for i, o in enumerate(question.locator(".quiz__option").all()) if o.get_attribute("data-correct") == "true"
    ]


@pytest.mark.parametrize("lang", ["el", "da"])
def test_a_learner_answers_a_quiz_by_keyboard_and_keeps_their_progress(browser, site_root, lang):
    words = load_strings(lang)
    traffic = Traffic("file://" if site_root.startswith("file:") else site_root)
    context = open_context(browser, traffic)
    page = context.new_page()
    root = f"{site_root}/{language_root(lang, default_language())}"
    page.goto(f"{root}{UNIT}.html")

    questions = page.locator(".quiz-question")
    assert 3 <= questions.count() <= 6
    first = questions.first
    right = answer_key(first)
    wrong = [i for i in range(first.locator(".quiz__option").count()) if i not in right]

    # A wrong answer: kind words, the option's own feedback, "not the answer" said in words.
    choose_by_keyboard(page, first, wrong[:1])
    result = first.locator(".quiz__result")
    assert result.inner_text().strip() in (words["quiz"]["incorrect"], words["quiz"]["partly"])
    chosen = first.locator(".quiz__option").nth(wrong[0])
    assert chosen.locator(".quiz__feedback").is_visible()
    assert words["quiz"]["not_right"] in chosen.locator(".quiz__feedback").inner_text()
    assert result.get_attribute("role") == "status" and result.get_attribute("aria-live") == "polite"
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None, "a wrong answer must not count"

    # Nothing is locked: try again, and answer every question right.
    for index in range(questions.count()):
        question = questions.nth(index)
        choose_by_keyboard(page, question, answer_key(question))
        assert question.locator(".quiz__result").inner_text().strip() == "✓ " + words["quiz"]["correct"]
        assert words["quiz"]["right"] in question.locator(".quiz__option.is-right .quiz__feedback").first.inner_text()

    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert sorted(stored[UNIT]["right"]) == sorted(f"q{i + 1}" for i in range(questions.count()))
    assert page.locator("#course-progress-unit .course-progress__status").inner_text() == words["progress"]["unit_done"]

    # The home page and the menu show it; the progress survives a reload.
    page.goto(f"{root}index.html")
    unit = page.locator(f".course-map__unit[data-unit='{UNIT}']")
    assert unit.locator(".course-done-badge").inner_text().strip() == "✓ " + words["progress"]["badge"]
    total = page.locator(".course-map__unit:not([data-questions='0'])").count()
    with_quiz = [p for p in (DOCS_DIR / "en").rglob("*.md") if "\n/// quiz" in p.read_text(encoding="utf-8")]
    assert total == len(with_quiz), "the units with a quiz count towards progress, the pages without one do not"
    assert page.locator("#course-progress-course .course-progress__status").inner_text() == words["progress"][
        "course"
    ].format(done=1, total=total)
    assert page.locator(".md-nav--primary .course-done-badge").count() == 1

    # Reset clears it, from this browser.
    page.locator("#course-progress-course .course-progress__reset").click()
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == "{}"
    assert unit.locator(".course-done-badge").count() == 0
    assert (
        page.locator("#course-progress-course .course-progress__status").inner_text() == words["progress"]["reset_done"]
    )

    assert not traffic.refused, f"requests to other hosts: {traffic.refused}"
    cookies = context.cookies()
    assert cookies == [], f"the site set cookies: {cookies}"
    context.close()


def test_with_javascript_off_the_answers_can_still_be_read(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{UNIT}.html")
    first = page.locator(".quiz-question").first
    assert not first.locator("button.quiz__check").is_visible(), "a button that does nothing without JavaScript"
    first.locator(".quiz__answer-key summary").click()
    key = first.locator(".quiz__answer-key").inner_text()
    assert load_strings("en")["quiz"]["right"] in key
    context.close()


@pytest.mark.parametrize("lang", ["el", "da"])
def test_printing_a_unit_from_the_browser_prints_the_answers_not_the_buttons(browser, site_url, lang):
    import io

    from pypdf import PdfReader

    words = load_strings(lang)["quiz"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/{language_root(lang, default_language())}{UNIT}.html")
    printed = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(page.pdf())).pages)
    context.close()
    assert words["right"] in printed, f"{lang}: the answer key is not printed"
    assert words["check"] not in printed, f"{lang}: the '{words['check']}' button is printed"
