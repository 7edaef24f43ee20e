"""The preview a translator works in (`mkdocs serve`, TRANSLATING.md) runs the course's
checks on every save: it prints each problem with its file and line in the terminal,
shows a page that has problems as the list of its problems (never a broken quiz as
raw text with its answers), and shows the page again once the mistake is fixed."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_project

PAGE = "docs/da/what-is-peer-support.md"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read().decode("utf-8")


def wait_for(condition, what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(f"the preview did not {what} within {seconds:.0f} s")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """`mkdocs serve` of Danish only (COURSE_PREVIEW=da), in a copy, with its terminal output."""
    project = copy_project(tmp_path_factory.mktemp("preview"))
    port, log = free_port(), project / "serve.log"
    env = dict(os.environ, COURSE_PREVIEW="da", NO_MKDOCS_2_WARNING="1")
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(lambda: "Serving on" in log.read_text(), "start")
            yield project, f"http://127.0.0.1:{port}", log
        finally:
            server.terminate()
            server.wait(timeout=20)


def builds(log: Path) -> int:
    return log.read_text().count("Documentation built")


def test_a_broken_quiz_is_shown_as_its_problems_with_their_lines_never_as_raw_text(preview):
    project, url, log = preview
    page = project / PAGE
    good = page.read_text(encoding="utf-8")
    assert "[x]" not in fetch(f"{url}/what-is-peer-support.html")
    # A translator translates a setting that stays in English.
    broken = good.replace("    situation: true", "    situation: sand", 1)
    line = good.split("\n").index("    situation: true") + 1
    done = builds(log)
    page.write_text(broken, encoding="utf-8")
    wait_for(lambda: builds(log) > done, "rebuild after a save")
    shown = fetch(f"{url}/what-is-peer-support.html")
    terminal = log.read_text()
    assert f"{PAGE}:{line}: 'situation: sand' is not a value the quiz block's 'situation' takes" in terminal
    assert f"{line}: 'situation: sand' is not a value" in shown, "the page does not show its problem"
    assert not re.search(r"\[x\]|quiz-question", shown), "the broken quiz is shown to the reader"

    done = builds(log)
    page.write_text(good, encoding="utf-8")
    wait_for(lambda: builds(log) > done, "rebuild after the fix")
    assert fetch(f"{url}/what-is-peer-support.html").count('class="quiz-question') >= 3, "the quiz did not come back"
