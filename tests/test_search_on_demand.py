"""A lighter page: no page downloads its language's search index, nor starts
the search worker, until the learner starts a search (a tap or a click on the
search box, or its keyboard shortcut), or comes from a search result; then
search works as before (overrides/assets/javascripts/search-on-demand.js).
The index leaves out what would give the quizzes' answers away, and the
search dialog has a name in the page's language."""

from __future__ import annotations

import json

import pytest
from browser import Traffic, open_context
from site_pages import reading_pages

from course.config import default_language, language_root, languages
from course.sources.strings import load_strings

LANGS = [lang.code for lang in languages()]
DEFAULT = default_language()
SEARCH_FILES = ("search/search_index.json", "search-worker.js", "/workers/search.")


def search_requests(traffic) -> list[str]:
    return [url for url in traffic.requests if any(part in url for part in SEARCH_FILES)]


@pytest.mark.browser
@pytest.mark.parametrize("how", ["tap-on-a-phone", "key", "from-a-result"])
def test_the_search_index_loads_only_when_a_search_starts(browser, site_url, how):
    root = f"{site_url}/{language_root('el', DEFAULT)}"
    traffic = Traffic(site_url)
    context = open_context(browser, traffic)
    page = context.new_page()
    if how == "tap-on-a-phone":
        page.set_viewport_size({"width": 390, "height": 844})
    unit = f"{root}core-competencies.html"
    if how == "from-a-result":
        page.goto(unit + "?h=ομοτίμων", wait_until="networkidle")
        page.wait_for_selector("article mark", state="attached", timeout=10000)  # the words found are highlighted
        assert search_requests(traffic), "a page opened from a search result reads the index"
        context.close()
        return
    page.goto(unit, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not search_requests(traffic), f"loaded before any search: {search_requests(traffic)}"
    if how == "tap-on-a-phone":
        page.locator("label.md-header__button[for=__search]").click()  # the magnifier opens the search
    else:
        page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.fill("ομοτιμων")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert any("search/search_index.json" in url for url in search_requests(traffic))
    assert not traffic.refused
    context.close()


def index_text(site, lang) -> str:
    index = json.loads(
        (site / language_root(lang, DEFAULT) / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    return " ".join(doc["text"] for doc in index["docs"])


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_index_holds_the_questions_but_not_their_answers(site, lang):
    """The reasons why each option is right or not would show the answers in the results
    (and they repeat the unit's text): they are left out; the questions and options stay."""
    text = index_text(site, lang)
    questions = feedback = 0
    for page in reading_pages(site, lang, LANGS, DEFAULT):
        for question in page.soup.select(".quiz-question"):
            assert question.select_one(".quiz__text").get_text(" ", strip=True)[:40] in text, page
            for option in question.select(".quiz__option label"):
                assert option.get_text(" ", strip=True) in text, page
            for note in question.select(".quiz__feedback"):
                feedback += 1
                assert note.get_text(" ", strip=True) not in text, f"{page}: a quiz's feedback is searchable"
            questions += 1
    assert questions > 20 and feedback > questions


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_dialog_is_named_in_the_pages_language(site, lang):
    name = load_strings(lang)["search_dialog"]
    for page in reading_pages(site, lang, LANGS, DEFAULT):
        dialog = page.soup.select_one(".md-search[role=dialog]")
        assert dialog is not None and dialog.get("aria-label") == name, page
