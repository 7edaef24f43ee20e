"""Search in a real browser finds, on that language's pages only, words typed
with or without accents, over http and opened from disk, with no request to
another host; and the first query, typed at once, is answered."""

import contextlib
import json
import re
from urllib.parse import urlsplit

import pytest
from browser import Traffic, first_queries_lost, open_context

from course.config import default_language, language_root, languages

pytestmark = pytest.mark.browser


# (language, what the learner types, a word the results must show as written in the text)
QUERIES = [
    ("el", "ομοτίμων", "ομοτίμων"),
    ("el", "ομοτιμων", "ομοτίμων"),
    ("el", "ΟΜΟΤΙΜΩΝ", "ομοτίμων"),
    ("sl", "človek", "človek"),
    ("sl", "clovek", "človek"),
    ("da", "støtte", "støtte"),
    ("da", "stotte", "støtte"),
    ("en", "recovery", "recovery"),
    ("en", "RECOVERY", "recovery"),
]


def search(page, query):
    """Click into the search box and type at once, as a learner does: the index loads on that click,
    so the query races it (letters off the keyboard's layout, Greek ones, arrive as text, with no key)."""
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    with contextlib.suppress(Exception):  # no result: the test says so with the query and language
        page.wait_for_selector(".md-search-result__item", timeout=8000)
    return page


def result_links(page):
    return page.eval_on_selector_all(".md-search-result__item a.md-search-result__link", "els => els.map(e => e.href)")


@pytest.mark.parametrize(("lang", "query", "shown"), QUERIES, ids=[f"{q[0]}-{q[1]}" for q in QUERIES])
def test_search_finds_words_with_or_without_accents_in_its_own_language(browser, site_root, lang, query, shown):
    traffic = Traffic("file://" if site_root.startswith("file:") else site_root)
    context = open_context(browser, traffic)
    page = context.new_page()
    root = f"{site_root}/{language_root(lang, default_language())}"
    page.goto(root + "index.html", wait_until="networkidle")  # the search index is loaded
    search(page, query)
    links = result_links(page)
    assert links, f"{lang}: '{query}' found nothing ({site_root})"
    for link in links:
        assert link.startswith(root), f"{lang}: '{query}' led to a page outside the {lang} tree: {link}"
        if lang == default_language():  # the default language's tree is the root: no other tree's folder
            path = urlsplit(link).path
            assert not any(f"/{other.code}/" in path for other in languages() if not other.default), link
    snippets = " ".join(page.locator(".md-search-result__item").all_inner_texts())
    assert shown in snippets.lower(), f"{lang}: the results of '{query}' do not show '{shown}'"
    assert "<p>" not in snippets, "result snippets show raw HTML"
    assert not traffic.refused, f"requests to other hosts: {traffic.refused}"
    context.close()


def test_the_language_switcher_round_trip(browser, site_root):
    traffic = Traffic("file://" if site_root.startswith("file:") else site_root)
    context = open_context(browser, traffic)
    page = context.new_page()
    page.goto(f"{site_root}/what-peer-support-can-do.html")
    codes = [lang.code for lang in languages()]
    for lang in codes[1:] + codes[:1]:  # every other language, then back to the default
        page.locator(".md-header__option .md-select").first.hover()
        page.locator(f".md-select__link[hreflang='{lang}']").first.click()
        page.wait_for_load_state()
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.url.endswith(f"{language_root(lang, default_language())}what-peer-support-can-do.html"), page.url
    assert not traffic.refused, f"requests to other hosts: {traffic.refused}"
    context.close()


def a_word_of_the_home_page(site, lang: str) -> str:
    """The longest word of the language's home page title, in lower case, as a learner types it."""
    index = json.loads((site / language_root(lang, default_language()) / "search/search_index.json").read_text("utf-8"))
    return max(re.findall(r"\w+", index["docs"][0]["title"]), key=len).lower()


def test_the_first_query_typed_at_once_is_answered_in_every_language(browser, site, site_root):
    """Open a home page, click into the search box and type at once: the query races the index, which
    loads on that click. From disk, most first queries in Greek were lost (issue 25: 7 of 8). One try
    for every language of mkdocs.yml, a word of its home page's title; the test above types each of its
    queries the same way (tests/test_new_scripts.py, those of the languages it adds)."""
    traffic = Traffic("file://" if site_root.startswith("file:") else site_root)
    context = open_context(browser, traffic)
    cases = [
        (
            f"{site_root}/{language_root(lang.code, default_language())}index.html",
            a_word_of_the_home_page(site, lang.code),
        )
        for lang in languages()
    ]
    lost = first_queries_lost(context, cases, tries=1)
    context.close()
    assert not lost, "\n".join(lost)
    assert not traffic.refused, f"requests to other hosts: {traffic.refused}"
