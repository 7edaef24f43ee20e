"""axe-core (npm, pinned) finds no WCAG 2.1 A or AA violation on any page of
any language, and no page asks another host for anything. The pages are shared
between two browsers running side by side (one per core); a violation names
its page, so a language's failure never hides another's."""
from concurrent.futures import ThreadPoolExecutor

import pytest

from browser import Traffic, browser_session, open_context
from course import PROJECT_ROOT
from site_pages import all_html, is_print_page

pytestmark = pytest.mark.browser

AXE = PROJECT_ROOT / "node_modules/axe-core/axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BROWSERS = 2

# Justified exceptions, as few as possible: (rule id, CSS selector of the element, why).
EXCEPTIONS: list[tuple[str, str, str]] = []


def excepted(rule, target):
    return any(rule == r and target == t for r, t, _ in EXCEPTIONS)


def check(site_url: str, pages: list[str]) -> tuple[list[str], list[str]]:
    """(violations, requests refused) of some pages, in a browser of their own (a thread's)."""
    traffic = Traffic(site_url)
    found = []
    with browser_session() as browser:
        context = open_context(browser, traffic, bypass_csp=True)   # axe is injected as a script
        page = context.new_page()
        for rel in pages:
            page.goto(f"{site_url}/{rel}", wait_until="load")
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                                       ".then(r => r.violations.map(v => ({id: v.id, help: v.help, "
                                       "targets: v.nodes.map(n => n.target.join(' '))})))", WCAG_21_AA)
            found += [f"{rel}: {v['id']} ({v['help']}) at {target}" for v in violations for target in v["targets"]
                      if not excepted(v["id"], target)]
        context.close()
    return found, traffic.refused


def test_every_page_of_every_language_passes_axe(site, site_url):
    assert AXE.is_file(), f"{AXE} is missing: run scripts/setup.sh (npm ci)"
    # The print pages are the PDFs' sources, not pages of the site (tests/test_print_material.py checks the PDFs).
    pages = [p.relative_to(site).as_posix() for p in all_html(site) if not is_print_page(p.relative_to(site))]
    assert len(pages) > 60
    with ThreadPoolExecutor(BROWSERS) as pool:
        results = list(pool.map(lambda share: check(site_url, share), [pages[i::BROWSERS] for i in range(BROWSERS)]))
    found = [v for violations, _ in results for v in violations]
    refused = [r for _, requests in results for r in requests]
    assert not refused, f"requests to other hosts: {refused}"
    assert not found, f"{len(found)} violation(s):\n" + "\n".join(found[:80])
