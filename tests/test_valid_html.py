"""Every built page of every language is valid HTML: the Nu Html Checker
(npm vnu-jar, run with Debian's Java) finds no error. No message is kept out."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from site_pages import all_html

from course import PROJECT_ROOT

VNU = PROJECT_ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
# Messages kept out, each with its reason: none.
KEPT_OUT: list[tuple[str, str]] = []


def nu_errors(files) -> list[dict]:
    java = shutil.which("java")
    if not java or not VNU.is_file():
        pytest.fail("the Nu Html Checker needs Java and node_modules/vnu-jar: run scripts/setup.sh")
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [m for m in messages if m.get("type") == "error" and not any(k in m.get("message", "") for k, _ in KEPT_OUT)]


def test_every_page_of_every_language_is_valid_html(site):
    pages = all_html(site)
    assert len(pages) > 70
    errors = nu_errors(pages)
    shown = [f"{m['url'].split(str(site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors]
    assert not errors, f"{len(errors)} error(s):\n" + "\n".join(shown[:60])


def test_the_checker_sees_invalid_html(tmp_path):
    """The check above must be able to fail: the two mistakes Material's own templates make."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!doctype html><html lang="en"><title>x</title><label tabindex="">a</label>'
        '<input type="checkbox" autocomplete="off">',
        encoding="utf-8",
    )
    messages = " ".join(m["message"] for m in nu_errors([page]))
    assert "tabindex" in messages and "autocomplete" in messages, messages
