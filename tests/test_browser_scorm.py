"""A learner takes the course in an organisation's learning platform, in a real
Chromium: the language's SCORM package is unzipped and served as an LMS serves
it, and a page that provides the SCORM 1.2 API from scorm-again (npm, pinned:
the run-time LMS players use) launches its units in a frame, records every
call, and keeps what each unit recorded for its next launch (tests/scorm_lms/).

The learner opens a unit, answers part of its quiz, follows a link to the next
unit (which shows, and reports nothing), opens another unit from the platform
and finishes it, then comes back to the first one on another computer, finds
their answers there and finishes it. The tests assert what scorm-again
recorded: status, score, interactions, suspend data, session time, exit, and
no API error; and that every request a unit made is a file its resources list.

Opened from disk with no platform around, a unit of the package works as the
offline site does: no error, progress kept in the browser, search and links
between units."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browser import Server, Traffic, axe_violations, open_context
from scorm_package import open_package

from course import PROJECT_ROOT
from course.config import languages
from course.sources.strings import load_strings

pytestmark = pytest.mark.browser

LMS_FILES = Path(__file__).resolve().parent / "scorm_lms"
SCORM_AGAIN = PROJECT_ROOT / "node_modules/scorm-again/dist/scorm12.min.js"
TIMESPAN = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")  # CMITimespan
STORAGE_KEY = "peer-support-course:progress:v1"


@pytest.fixture
def platform_folder(site, tmp_path, request):
    """The LMS's folder: its page, scorm-again, and the package unzipped in package/."""
    if not SCORM_AGAIN.is_file():
        pytest.fail(f"{SCORM_AGAIN} is missing: run scripts/setup.sh (npm ci)")
    lang = request.param
    folder = tmp_path / "lms"
    with zipfile.ZipFile(open_package(site, lang).path) as packed:
        packed.extractall(folder / "package")
    for file in (*LMS_FILES.iterdir(), SCORM_AGAIN):
        shutil.copy(file, folder / file.name)
    return lang, folder, open_package(site, lang)


class Platform:
    """The LMS page in one browser (one computer): launches units, lets the learner leave them."""

    def __init__(self, browser, server, kept=None):
        self.traffic = Traffic(server.origin)
        self.context = open_context(browser, self.traffic, bypass_csp=True)  # axe-core is injected
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("console", self._console)
        self.page.goto(f"{server.origin}/lms.html")
        if kept:  # the platform's records, as its server would hand them to another computer
            self.page.evaluate("kept => { lms.kept = kept; }", kept)
        self.frame = self.page.frame_locator("#sco")

    def _console(self, message):
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def calls(self, name, sco):
        return self.page.evaluate("([n, s]) => lms.calls.filter(c => c.name === n && c.sco === s).length", [name, sco])

    def launch(self, sco):
        started = self.calls("LMSInitialize", sco.identifier)
        self.traffic.requests.clear()
        self.page.evaluate(
            "([id, href, mastery]) => lms.launch(id, href, mastery)",
            [sco.identifier, f"package/{sco.href}{sco.parameters}", sco.mastery_score],
        )
        self.page.wait_for_function(
            "([s, n]) => lms.calls.filter(c => c.name === 'LMSInitialize' && c.sco === s).length > n",
            arg=[sco.identifier, started],
        )

    def leave(self, sco):
        finished = self.calls("LMSFinish", sco.identifier)
        self.page.evaluate("lms.leave()")
        self.page.wait_for_function(
            "([s, n]) => lms.calls.filter(c => c.name === 'LMSFinish' && c.sco === s).length > n",
            arg=[sco.identifier, finished],
        )

    def set_by_the_unit(self, sco, element):
        """The last value the unit itself set (the LMS may change some: a status from the mastery score)."""
        return self.page.evaluate(
            "([s, e]) => lms.calls.filter(c => c.sco === s && c.name === 'LMSSetValue' && c.args[0] === e)"
            ".map(c => c.args[1]).pop()",
            [sco.identifier, element],
        )

    def kept(self, sco=None):
        everything = self.page.evaluate("lms.kept")
        return everything if sco is None else everything[sco.identifier]

    def requested_files(self):
        """The package's files the unit asked for, from the package's root."""
        prefix = f"{self.traffic.allowed_origin}/package/"
        return {
            unquote(urlsplit(url).path)[len(urlsplit(prefix).path) :]
            for url in self.traffic.requests
            if url.startswith(prefix)
        }

    def answer(self, index, right):
        """Check question `index`: exactly the right options, or one wrong option."""
        question = self.frame.locator(".quiz-question").nth(index)
        options = question.locator(".quiz__option")
        correct = [i for i in range(options.count()) if options.nth(i).get_attribute("data-correct") == "true"]
        chosen = correct if right else [next(i for i in range(options.count()) if i not in correct)]
        choose(options, chosen)
        question.locator("button.quiz__check").click()
        return chosen, correct

    def close(self):
        self.context.close()


def choose(options, chosen):
    """Exactly these options: a radio button is unchecked by checking another one."""
    for i in range(options.count()):
        box = options.nth(i).locator("input")
        if i in chosen:
            box.check()
        elif box.get_attribute("type") == "checkbox":
            box.uncheck()


def letters(indexes):
    return ",".join(chr(ord("a") + i) for i in indexes)


def interactions(kept):
    count = 0
    while f"cmi.interactions.{count}.id" in kept:
        count += 1
    return [
        {
            name: kept.get(f"cmi.interactions.{n}.{name}", "")
            for name in ("id", "type", "student_response", "result", "time", "correct_responses.0.pattern")
        }
        for n in range(count)
    ]


def score(right, total):
    return round(100 * right / total)


# Every language's package: the notice, the progress words and the quiz are each language's own.
@pytest.mark.parametrize("platform_folder", [lang.code for lang in languages()], indirect=True)
def test_a_learner_takes_two_units_in_a_learning_platform(browser, platform_folder):
    lang, folder, package = platform_folder
    words = load_strings(lang)
    first, second = package.scos[0], package.scos[1]
    server = Server(folder).start()
    try:
        lms = Platform(browser, server)

        # The first unit: the notice says what goes to the platform, in the learner's language.
        lms.launch(first)
        notice = lms.frame.locator(".scorm-notice")
        notice.wait_for()
        for key in ("notice_title", "notice_sent", "notice_kept"):
            assert words["scorm"][key] in notice.inner_text()
        questions = lms.frame.locator(".quiz-question").count()
        assert questions >= 3
        unit_page = lms.page.query_selector("#sco").content_frame()
        assert axe_violations(unit_page, f"{lang} {first.href} in a platform") == []

        # Part of the quiz: question 1 wrong, then right; question 2 right.
        wrong_first, key_1 = lms.answer(0, right=False)
        lms.answer(0, right=True)
        _, key_2 = lms.answer(1, right=True)
        panel = lms.frame.locator("#course-progress-unit")
        assert words["progress"]["unit_some"].format(done=2, total=questions) in panel.inner_text()
        assert panel.locator(".course-progress__where").inner_text() == words["scorm"]["progress_where"]
        assert not panel.locator(".course-progress__reset").is_visible(), "a reset that would not reach the platform"
        requested = lms.requested_files()
        assert first.href in requested and len(requested) > 5, requested
        assert requested <= first.files, f"the unit loaded files its resources do not list: {requested - first.files}"

        # A link to the next unit, inside the unit: it opens, and does not report.
        lms.frame.locator("a.md-footer__link--next").click()
        lms.page.wait_for_function(
            "href => { const w = document.querySelector('#sco').contentWindow;"
            " return w.location.href.includes(href) && w.document.readyState === 'complete'; }",
            arg=second.href,
        )
        assert lms.calls("LMSFinish", first.identifier) == 1, "leaving the unit by a link finishes its session"
        assert lms.calls("LMSInitialize", first.identifier) == 1, "a unit reached by a link reports nothing"
        assert not lms.frame.locator(".scorm-notice").is_visible()

        kept = lms.kept(first)
        assert kept["cmi.core.lesson_status"] == "incomplete"
        assert kept["cmi.core.exit"] == "suspend"
        assert kept["cmi.core.score.raw"] == "", "no score before every question is answered"
        assert TIMESPAN.match(kept["cmi.core.session_time"]), kept["cmi.core.session_time"]
        assert [
            (i["id"], i["type"], i["student_response"], i["correct_responses.0.pattern"], i["result"])
            for i in interactions(kept)
        ] == [
            ("q1", "choice", letters(wrong_first), letters(key_1), "wrong"),
            ("q2", "choice", letters(key_2), letters(key_2), "correct"),
        ]
        suspended = json.loads(kept["cmi.suspend_data"])
        assert sorted(suspended["right"]) == ["q1", "q2"]
        assert {q: v["result"] for q, v in suspended["first"].items()} == {"q1": "wrong", "q2": "correct"}

        # The second unit, opened from the platform: two questions wrong on the first try, then all right.
        lms.launch(second)
        total_2 = lms.frame.locator(".quiz-question").count()
        lms.answer(0, right=False)
        lms.answer(1, right=False)
        for index in range(total_2):
            lms.answer(index, right=True)
        assert (
            lms.frame.locator("#course-progress-unit .course-progress__status").inner_text()
            == words["progress"]["unit_done"]
        )
        assert lms.requested_files() <= second.files
        lms.leave(second)
        kept_2 = lms.kept(second)
        expected_2 = score(total_2 - 2, total_2)
        assert kept_2["cmi.core.score.raw"] == str(expected_2)
        assert (kept_2["cmi.core.score.min"], kept_2["cmi.core.score.max"]) == ("0", "100")
        status_2 = "passed" if expected_2 >= int(second.mastery_score) else "failed"
        assert lms.set_by_the_unit(second, "cmi.core.lesson_status") == status_2
        assert kept_2["cmi.core.lesson_status"] == status_2
        assert kept_2["cmi.core.exit"] == ""
        assert [i["id"] for i in interactions(kept_2)] == ["q1", "q2", *(f"q{n}" for n in range(3, total_2 + 1))]
        records = lms.kept()
        assert not lms.page.evaluate("lms.errors"), lms.page.evaluate("lms.errors")
        problems, refused = lms.problems, lms.traffic.refused
        lms.close()

        # Back to the first unit, on another computer: the platform's records, an empty browser.
        other = Platform(browser, server, kept=records)
        other.launch(first)
        panel = other.frame.locator("#course-progress-unit .course-progress__status")
        panel.wait_for()
        assert panel.inner_text() == words["progress"]["unit_some"].format(done=2, total=questions)
        assert json.loads(other.frame.locator("body").evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')"))[
            first.unit
        ]["right"] == ["q1", "q2"]
        for index in range(2, questions):
            other.answer(index, right=True)
        other.leave(first)
        kept = other.kept(first)
        expected = score(questions - 1, questions)
        assert kept["cmi.core.score.raw"] == str(expected)
        status = "passed" if expected >= int(first.mastery_score) else "failed"
        assert other.set_by_the_unit(first, "cmi.core.lesson_status") == status
        assert kept["cmi.core.lesson_status"] == status
        assert kept["cmi.core.exit"] == ""
        assert [i["id"] for i in interactions(kept)] == [f"q{n}" for n in range(1, questions + 1)], "each question once"
        assert [i["result"] for i in interactions(kept)] == ["wrong"] + ["correct"] * (questions - 1)
        sessions = other.page.evaluate("s => lms.sessions[s]", first.identifier)
        assert len(sessions) == 1 and TIMESPAN.match(sessions[0])
        assert not other.page.evaluate("lms.errors"), other.page.evaluate("lms.errors")
        problems += other.problems
        refused += other.traffic.refused
        other.close()
        assert not problems, problems
        assert not refused, f"requests to other hosts: {refused}"
    finally:
        server.stop()


@pytest.mark.parametrize("platform_folder", ["da"], indirect=True)
def test_with_no_learning_platform_a_unit_works_as_the_offline_site_does(browser, platform_folder):
    """Opened from disk: no error, nothing said about a platform, progress kept in the browser,
    search finds pages of the package, and a link leads to the next unit."""
    lang, folder, package = platform_folder
    words = load_strings(lang)
    unit = package.scos[0]
    traffic = Traffic("file://")
    context = open_context(browser, traffic)
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None
    )
    root = (folder / "package").resolve()
    page.goto((root / unit.href).as_uri())
    assert not page.locator(".scorm-notice").is_visible()
    question = page.locator(".quiz-question").first
    options = question.locator(".quiz__option")
    choose(options, [i for i in range(options.count()) if options.nth(i).get_attribute("data-correct") == "true"])
    question.locator("button.quiz__check").click()
    page.reload()
    status = page.locator("#course-progress-unit .course-progress__status")
    total = page.locator(".quiz-question").count()
    assert status.inner_text() == words["progress"]["unit_some"].format(done=1, total=total)
    assert page.locator("#course-progress-unit .course-progress__reset").is_visible()

    # Search, from disk: the first word of the unit's title finds pages of the package.
    word = max(re.findall(r"\w+", unit.title), key=len)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(word)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    found = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link", "els => els.map(e => e.href)")
    assert found and all(url.startswith(root.as_uri()) for url in found), found
    page.keyboard.press("Escape")

    page.locator("a.md-footer__link--next").click()
    page.wait_for_load_state()
    assert page.url == (root / package.scos[1].href).as_uri()
    assert page.locator(".quiz-question").count()

    files = set(package.names)
    loaded = {unquote(urlsplit(url).path)[len(unquote(urlsplit(root.as_uri()).path)) + 1 :] for url in traffic.requests}
    assert loaded <= files, f"requests for files the package lacks: {sorted(loaded - files)}"
    assert not traffic.refused, f"requests to other hosts: {traffic.refused}"
    assert not problems, problems
    context.close()
