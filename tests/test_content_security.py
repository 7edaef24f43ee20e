"""Nothing a page's author or translator writes runs script on a learner's page.

The build refuses HTML in pages (tests/test_bad_input.py); here: the rendered
content is checked against an allowlist too (course/web/safe_html.py); every page
carries the Content-Security-Policy before anything it loads, runs no inline
script and has no inline style; and in a real browser, over http and from
disk, the policy blocks script slipped into a page, while the site itself
causes no violation."""

from __future__ import annotations

import shutil

import pytest
from browser import Traffic, open_context
from site_pages import all_html, is_print_page, parse

from course.config import read_mkdocs_yml
from course.web.safe_html import violations

POLICY = " ".join(read_mkdocs_yml()["extra"]["content_security_policy"].split())
SCRIPT_DATA_TYPES = ("application/json",)

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src="x.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>',
    '<a href=" data:text/html,<script>alert(1)</script>">x</a>',
    '<svg><animate onbegin="alert(1)" attributeName="x"></animate></svg>',
    '<iframe src="https://example.org/"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    "<style>body{display:none}</style>",
    '<p style="background:url(https://example.org/t.png)">x</p>',
    '<form action="https://example.org/"><button>x</button></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<base href="https://example.org/">',
    '<meta http-equiv="refresh" content="0;url=https://example.org/">',
    '<div onclick="alert(1)">x</div>',
    '<a href="x.html" target="_blank" formaction="javascript:alert(1)">x</a>',
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_the_rendered_content_check_refuses_every_way_to_run_script(attack):
    assert violations(f"<p>Text.</p>{attack}"), f"not refused: {attack}"


def test_the_rendered_content_check_accepts_every_real_page(site):
    """No false alarm: the content of every built page passes (course blocks, tables, notices included)."""
    found = []
    for path in all_html(site):
        rel = path.relative_to(site)
        if is_print_page(rel) or rel.name == "404.html":
            continue
        article = parse(path).select_one("article")
        if article is not None:
            found += [f"{rel}: {v}" for v in violations(article.decode_contents())]
    assert not found, "\n".join(found[:40])


def site_pages(site):
    return [p for p in all_html(site) if not is_print_page(p.relative_to(site))]


def test_every_page_sets_the_policy_before_it_loads_anything(site):
    problems = []
    for path in site_pages(site):
        elements = parse(path).head.find_all(True)
        csp = next(
            (el for el in elements if el.name == "meta" and el.get("http-equiv") == "Content-Security-Policy"), None
        )
        if csp is None or " ".join(csp["content"].split()) != POLICY:
            problems.append(f"{path.relative_to(site)}: no policy, or another one: {csp}")
            continue
        loads_before = [el.name for el in elements[: elements.index(csp)] if el.name in ("script", "link", "style")]
        if loads_before:
            problems.append(f"{path.relative_to(site)}: {loads_before} before the policy")
    assert not problems, "\n".join(problems[:20])


def test_no_page_has_an_inline_script_an_inline_style_or_a_javascript_link(site):
    problems = []
    for path in site_pages(site):
        soup = parse(path)
        rel = path.relative_to(site)
        problems += [
            f"{rel}: inline <script>"
            for s in soup.find_all("script", src=False)
            if s.get("type") not in SCRIPT_DATA_TYPES
        ]
        problems += [f"{rel}: <style>" for _ in soup.find_all("style")]
        problems += [f"{rel}: style= on <{el.name}>" for el in soup.find_all(style=True)]
        problems += [
            f"{rel}: {attr}= on <{el.name}>"
            for el in soup.find_all(True)
            for attr in el.attrs
            if attr.lower().startswith("on")
        ]
        problems += [
            f"{rel}: javascript: link"
            for a in soup.find_all(href=True)
            if a["href"].replace(" ", "").lower().startswith("javascript:")
        ]
    assert not problems, "\n".join(problems[:40])


def test_the_policy_allows_nothing_from_another_host_and_no_inline_script():
    directives = {part.split()[0]: part.split()[1:] for part in POLICY.split(";") if part.strip()}
    assert directives["default-src"] == ["'self'"]
    for name, sources in directives.items():
        assert not [s for s in sources if s not in ("'self'", "'none'", "data:")], f"{name} allows {sources}"
    assert directives["script-src"] == ["'self'"] and directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'none'"]


# ---- in a real browser ------------------------------------------------------------------------

INJECTED = (
    '<script>window.__ran = "inline script";</script>'
    '<img src="no-such-picture.png" alt="" onerror="window.__ran = \'event handler\'">'
    '<a id="injected-link" href="javascript:window.__ran=\'javascript: link\'">x</a>'
)
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    e => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


@pytest.fixture(scope="module")
def tampered_site(site, tmp_path_factory):
    """A copy of the site where one page holds script that slipped past every check."""
    copy = tmp_path_factory.mktemp("tampered") / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("*.pdf", "*.zip"))
    page = copy / "el" / "about.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", INJECTED + "</article>", 1), encoding="utf-8")
    return copy


def visit(browser, url: str, origin: str):
    traffic = Traffic(origin)
    context = open_context(browser, traffic)
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)
    return context, page, traffic


@pytest.mark.browser
@pytest.mark.parametrize("how", ["http", "file"])
def test_the_policy_blocks_script_slipped_into_a_page(browser, tampered_site, how):
    from browser import serve

    with serve(tampered_site) as url:
        root = url if how == "http" else tampered_site.resolve().as_uri()
        context, page, _ = visit(browser, f"{root}/el/about.html", url if how == "http" else "file://")
        page.click("#injected-link")
        page.wait_for_timeout(200)
        ran = page.evaluate("window.__ran")
        blocked = page.evaluate("window.__violations")
        context.close()
    assert ran is None, f"the {ran} ran ({how})"
    assert any(v.startswith("script-src") for v in blocked), blocked


@pytest.mark.browser
@pytest.mark.parametrize("how", ["http", "file"])
def test_the_site_itself_causes_no_policy_violation(browser, site, site_url, how):
    """Search, a quiz and the language switcher, with the policy on."""
    root = site_url if how == "http" else site.resolve().as_uri()
    context, page, traffic = visit(
        browser, f"{root}/el/core-competencies.html", site_url if how == "http" else "file://"
    )
    page.click("label[for=q2-o1]")
    page.click("form[data-quiz=q2] button[type=submit]")
    page.wait_for_selector("form[data-quiz=q2] .quiz__result:not(:empty)")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("ομοτιμων")
    box.press("End")  # Material's search reacts to key events
    page.wait_for_selector(".md-search-result__item", state="attached", timeout=30000)
    page.goto(f"{root}/index.html", wait_until="load")
    page.wait_for_timeout(300)
    found = page.evaluate("window.__violations")
    context.close()
    assert not found, f"policy violations ({how}): {found}"
    assert not traffic.refused
