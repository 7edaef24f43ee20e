"""The course on a phone with no connection, in a real Chromium: a learner keeps
the Greek course on their device (overrides/service-worker.js), the network
goes, and units, search, quizzes and progress all still work; a new version
published later replaces the copy as a whole, and the learner is told in
Greek; the learner can keep the PDFs too, and remove it all. The site is
published under a sub-path (/course/), as on many hosts; opened from disk,
nothing of this runs.

The server is stopped for "no connection" as well as the browser set offline,
so that no request can reach it by any way."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from browser import Server, Traffic, open_context
from conftest import copy_project, run_build

from course.sources.strings import load_strings

pytestmark = pytest.mark.browser

LANG = "el"
WORDS = load_strings(LANG)
UNITS = ["core-competencies", "peer-relationship", "mixed-teams"]
PROGRESS_KEY = "peer-support-course:progress:v1"
NEW_WORD = "Νεοδημοσιευμένο"  # in the second version of a Greek page only


def publish(site: Path, folder: Path) -> None:
    """Put a built site at <folder>/course/, in the place of what was there."""
    target = folder / "course"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(site, target, ignore=shutil.ignore_patterns("*.zip"))


@pytest.fixture
def published(site, tmp_path):
    publish(site, tmp_path)
    server = Server(tmp_path).start()
    yield server, tmp_path
    server.stop()


def open_learner(browser, server):
    traffic = Traffic(server.origin)
    context = open_context(browser, traffic)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, traffic, errors


def base(server) -> str:
    return f"{server.origin}/course/{LANG}/"


def keep_the_course(page, server, with_pdfs=False):
    page.goto(base(server) + "index.html")
    panel = page.locator("#offline-copy")
    assert panel.is_visible(), "the offer is shown over http"
    page.click(".offline-copy__start")
    size = page.locator(".offline-copy__size")
    size.wait_for()
    # The size, in Greek, before anything is saved.
    assert size.inner_text().startswith(WORDS["offline_copy"]["size"].split("{size}")[0]) and "MB" in size.inner_text()
    if with_pdfs:
        page.check("#offline-copy-pdfs")
    page.click(".offline-copy__save")
    page.locator(".offline-copy__remove").wait_for(timeout=30000)
    status = page.locator(".offline-copy__status").inner_text()
    assert status.startswith(WORDS["offline_copy"]["saved"].split("{size}")[0]), status
    return status


def go_offline(context, server):
    server.stop()
    context.set_offline(True)


def search(page, query):
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")


def test_a_learner_keeps_the_greek_course_and_uses_it_with_no_connection(browser, published):
    server, _ = published
    context, page, traffic, errors = open_learner(browser, server)
    status = keep_the_course(page, server)
    assert WORDS["offline_copy"]["saved_pdfs"] not in status, "the PDFs are kept only if the learner asks"

    go_offline(context, server)
    for unit in UNITS:
        page.goto(base(server) + f"{unit}.html")
        assert page.evaluate("document.documentElement.lang") == LANG
        assert page.locator("article h1").inner_text().strip(), unit
        # Its styles came too: the header has the course's colour.
        assert (
            page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(29, 92, 99)"
        )

    search(page, "ομοτιμων")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert links and all(link.startswith(base(server)) for link in links)

    page.goto(base(server) + f"{UNITS[0]}.html")
    first = page.locator(".quiz-question").first
    right = [i for i, o in enumerate(first.locator(".quiz__option").all()) if o.get_attribute("data-correct") == "true"]
    for index in right:
        first.locator(".quiz__option label").nth(index).click()
    first.locator("button.quiz__check").click()
    assert first.locator(".quiz__result").inner_text().strip() == "✓ " + WORDS["quiz"]["correct"]
    page.reload()
    assert json.loads(page.evaluate(f"localStorage.getItem('{PROGRESS_KEY}')"))[UNITS[0]]["right"] == ["q1"]
    assert page.locator("#course-progress-unit .course-progress__status").inner_text() != WORDS["progress"]["none_yet"]

    # What was not kept says so, in Greek, and leads back to the kept course.
    for missing in ("downloads/peer-support-course-el.pdf", "../index.html"):
        page.goto(base(server) + missing)
        assert page.locator("h1").inner_text() == WORDS["offline_copy"]["not_saved_title"]
        page.click(f"text={WORDS['offline_copy']['not_saved_home']}")
        assert page.url == base(server) + "index.html"
    assert not errors, errors
    assert not traffic.refused, f"requests to other hosts: {traffic.refused}"
    context.close()


@pytest.fixture
def second_version(tmp_path_factory) -> Path:
    """The course built again after a Greek page and a script changed: a new version."""
    project = copy_project(tmp_path_factory.mktemp("project-v2"))
    unit = project / "docs" / LANG / f"{UNITS[1]}.md"
    text = unit.read_text(encoding="utf-8")
    heading = text.index("\n## ")
    unit.write_text(
        text[:heading] + f"\n\n{NEW_WORD}: μια πρόταση της νέας έκδοσης.\n" + text[heading:], encoding="utf-8"
    )
    script = project / "overrides/assets/javascripts/course.js"
    script.write_text(script.read_text(encoding="utf-8") + "\n/* the second version */\n", encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    return project / "site"


def caches_of(page) -> list[str]:
    return page.evaluate("caches.keys()")


def test_a_new_version_replaces_the_copy_as_a_whole_and_the_learner_is_told(browser, published, second_version):
    server, folder = published
    context, page, traffic, errors = open_learner(browser, server)
    keep_the_course(page, server)
    unit = base(server) + f"{UNITS[1]}.html"
    page.goto(unit)

    publish(second_version, folder)
    page.reload()
    assert NEW_WORD not in page.content(), "the page opened is the version kept"
    notice = page.locator(".offline-update")
    notice.locator("button").wait_for(timeout=20000)
    assert notice.inner_text().startswith(WORDS["offline_copy"]["updated"])
    assert notice.get_attribute("role") == "status"

    # The page opened before the update keeps reading its own version: its search knows no new word.
    search(page, NEW_WORD)
    page.wait_for_selector(".md-search-result__meta:not(:empty)")
    page.wait_for_timeout(500)
    assert page.locator(".md-search-result__item").count() == 0

    notice.locator("button").click()
    page.wait_for_load_state()
    assert NEW_WORD in page.content()
    script = page.evaluate("fetch(document.querySelector('script[src*=\"course.js\"]').src).then(r => r.text())")
    assert "the second version" in script, "the page and its script come from the same version"

    go_offline(context, server)
    page.goto(unit)
    assert NEW_WORD in page.content()
    search(page, NEW_WORD)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.goto(base(server) + "index.html")
    page.wait_for_timeout(300)
    kept = [name for name in caches_of(page) if f" {LANG} " in name]
    assert len(kept) == 1, f"the old version is deleted once no page reads it: {kept}"
    assert not errors, errors
    assert not traffic.refused, f"requests to other hosts: {traffic.refused}"
    context.close()


def test_the_pdfs_are_kept_when_asked_and_everything_can_be_removed(browser, published):
    server, _folder = published
    context, page, traffic, errors = open_learner(browser, server)
    status = keep_the_course(page, server, with_pdfs=True)
    assert WORDS["offline_copy"]["saved_pdfs"] in status

    go_offline(context, server)
    page.goto(base(server) + "index.html")
    pdf = base(server) + "downloads/peer-support-course-el.pdf"
    answer = page.evaluate("url => fetch(url).then(r => [r.status, r.headers.get('Content-Type')])", pdf)
    assert answer[0] == 200 and "pdf" in answer[1]

    server.start()
    context.set_offline(False)
    page.goto(base(server) + "index.html")
    page.click(".offline-copy__remove")
    page.locator(".offline-copy__start").wait_for()
    assert page.locator(".offline-copy__status").inner_text() == WORDS["offline_copy"]["removed"]
    page.wait_for_timeout(300)
    assert not [name for name in caches_of(page) if name.startswith("peer-support-course")]
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller") is None, "the pages come from the site again"
    assert not errors, errors
    assert not traffic.refused
    context.close()


def test_opened_from_disk_the_course_offers_the_zip_and_registers_no_worker(browser, site):
    traffic = Traffic("file://")
    context = open_context(browser, traffic)
    page = context.new_page()
    page.goto((site / LANG / "index.html").as_uri(), wait_until="load")
    page.wait_for_timeout(300)
    assert page.locator("#offline-copy").is_hidden()
    assert page.locator(".course-offline a[download]").is_visible()
    assert not context.service_workers
    search(page, "ομοτιμων")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert not traffic.refused
    context.close()
