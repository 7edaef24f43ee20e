"""axe-core (npm, pinned) finds no WCAG 2.1 A or AA violation on any page of
any language, and no page asks another host for anything. The pages are shared
between two browsers running side by side (one per core); a violation names
its page, so a language's failure never hides another's.

Lighthouse's accessibility score is axe-core too, with a list of rules of its
own, some beyond WCAG (a dialog's name, the order of headings, the size of
targets): every language's home page and a unit pass all of them, with the
search dialog open on results and the offer to keep the course on the device
shown."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from browser import Traffic, axe_violations, browser_session, open_context
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from site_pages import all_html, is_print_page

from course.config import default_language, language_root, languages

pytestmark = pytest.mark.browser

BROWSERS = 2
# The audits that weigh in Lighthouse 12's accessibility score (core/config/default-config.js).
LIGHTHOUSE_RULES = [
    "accesskeys",
    "aria-allowed-attr",
    "aria-allowed-role",
    "aria-command-name",
    "aria-conditional-attr",
    "aria-deprecated-role",
    "aria-dialog-name",
    "aria-hidden-body",
    "aria-hidden-focus",
    "aria-input-field-name",
    "aria-meter-name",
    "aria-progressbar-name",
    "aria-prohibited-attr",
    "aria-required-attr",
    "aria-required-children",
    "aria-required-parent",
    "aria-roles",
    "aria-text",
    "aria-toggle-field-name",
    "aria-tooltip-name",
    "aria-treeitem-name",
    "aria-valid-attr-value",
    "aria-valid-attr",
    "button-name",
    "bypass",
    "color-contrast",
    "definition-list",
    "dlitem",
    "document-title",
    "duplicate-id-aria",
    "form-field-multiple-labels",
    "frame-title",
    "heading-order",
    "html-has-lang",
    "html-lang-valid",
    "html-xml-lang-mismatch",
    "image-alt",
    "image-redundant-alt",
    "input-button-name",
    "input-image-alt",
    "label",
    "link-in-text-block",
    "link-name",
    "list",
    "listitem",
    "meta-refresh",
    "meta-viewport",
    "object-alt",
    "select-name",
    "skip-link",
    "tabindex",
    "table-duplicate-name",
    "target-size",
    "td-headers-attr",
    "th-has-data-cells",
    "valid-lang",
    "video-caption",
]
LIGHTHOUSE_UNIT = "what-peer-support-can-do.html"


def check(site_url: str, pages: list[str]) -> tuple[list[str], list[str]]:
    """(violations, requests refused) of some pages, in a browser of their own (a thread's)."""
    traffic = Traffic(site_url)
    found = []
    with browser_session() as browser:
        context = open_context(browser, traffic, bypass_csp=True)  # axe is injected as a script
        page = context.new_page()
        for rel in pages:
            page.goto(f"{site_url}/{rel}", wait_until="load")
            found += axe_violations(page, rel)
        context.close()
    return found, traffic.refused


def test_every_page_of_every_language_passes_axe(site, site_url):
    # The print pages are the PDFs' sources, not pages of the site (tests/test_print_material.py checks the PDFs).
    pages = [p.relative_to(site).as_posix() for p in all_html(site) if not is_print_page(p.relative_to(site))]
    assert len(pages) > 60
    with ThreadPoolExecutor(BROWSERS) as pool:
        results = list(pool.map(lambda share: check(site_url, share), [pages[i::BROWSERS] for i in range(BROWSERS)]))
    found = [v for violations, _ in results for v in violations]
    refused = [r for _, requests in results for r in requests]
    assert not refused, f"requests to other hosts: {refused}"
    assert not found, f"{len(found)} violation(s):\n" + "\n".join(found[:80])


def show_results(page, query: str) -> None:
    """Search for `query` in the open dialog until results show (a query typed while the index
    is still loading is run again at the next key)."""
    box = page.locator("input.md-search__input")
    box.fill(query)
    for _ in range(10):
        box.press("End")
        try:
            page.locator(".md-search-result__item").first.wait_for(timeout=1000)
            return
        except PlaywrightTimeout:
            continue
    pytest.fail(f"{page.url}: no result for {query!r}")


def test_every_home_page_and_a_unit_pass_lighthouses_accessibility_audits(browser, site, site_url):
    roots = [language_root(lang.code, default_language()) for lang in languages()]
    pages = [root + name for root in roots for name in ("index.html", LIGHTHOUSE_UNIT)]
    traffic = Traffic(site_url)
    found = []
    context = open_context(browser, traffic, bypass_csp=True)
    page = context.new_page()
    for rel in pages:
        page.goto(f"{site_url}/{rel}", wait_until="load")
        if rel.endswith("index.html"):
            assert page.locator("#offline-copy").is_visible(), f"{rel}: the offer to keep the course is shown"
        page.keyboard.press("/")  # opens the search dialog, as a learner would, and searches the title's word
        page.locator(".md-search__input").wait_for(state="visible")
        show_results(page, max(re.findall(r"\w+", page.locator("article h1").inner_text()), key=len))
        found += axe_violations(page, rel, {"type": "rule", "values": LIGHTHOUSE_RULES})
    context.close()
    assert not traffic.refused, f"requests to other hosts: {traffic.refused}"
    assert not found, f"{len(found)} failure(s) of Lighthouse's audits:\n" + "\n".join(found[:80])
