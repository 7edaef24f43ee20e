"""axe-core (npm, pinned) finds no WCAG 2.1 A or AA violation on any page of
any language, and no page asks another host for anything."""
import pytest

from browser import Traffic, open_context
from course import PROJECT_ROOT
from site_pages import all_html

pytestmark = pytest.mark.browser

AXE = PROJECT_ROOT / "node_modules/axe-core/axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Justified exceptions, as few as possible: (rule id, CSS selector of the element, why).
EXCEPTIONS: list[tuple[str, str, str]] = []


def excepted(rule, target):
    return any(rule == r and target == t for r, t, _ in EXCEPTIONS)


def test_every_page_of_every_language_passes_axe(browser, site, site_url):
    assert AXE.is_file(), f"{AXE} is missing: run scripts/setup.sh (npm ci)"
    traffic = Traffic(site_url)
    context = open_context(browser, traffic, bypass_csp=True)
    page = context.new_page()
    found = []
    pages = [p.relative_to(site).as_posix() for p in all_html(site)]
    for rel in pages:
        page.goto(f"{site_url}/{rel}", wait_until="load")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                                   ".then(r => r.violations.map(v => ({id: v.id, help: v.help, "
                                   "targets: v.nodes.map(n => n.target.join(' '))})))", WCAG_21_AA)
        for violation in violations:
            for target in violation["targets"]:
                if not excepted(violation["id"], target):
                    found.append(f"{rel}: {violation['id']} ({violation['help']}) at {target}")
    context.close()
    assert len(pages) > 60
    assert not traffic.refused, f"requests to other hosts: {traffic.refused}"
    assert not found, f"{len(found)} violation(s):\n" + "\n".join(found[:80])
