"""A translator checks their language in seconds (scripts/check_language.py): what the
README build would refuse in that language's files, with file, line and fix, and
the count of problems elsewhere; exit 0 only when the build would refuse nothing."""

from __future__ import annotations

import subprocess
import sys

from conftest import copy_project

from course import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "scripts" / "check_language.py"


def check(project, *args):
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--project", str(project)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_mistake_in_a_language_is_named_with_its_line_and_another_languages_is_counted(tmp_path):
    project = copy_project(tmp_path)
    assert check(project, "da").returncode == 0
    page = project / "docs/da/about.md"
    page.write_text(page.read_text(encoding="utf-8").replace("description:", "descripton:", 1), encoding="utf-8")
    mine = check(project, "da")
    assert mine.returncode == 1
    assert "docs/da/about.md:2: the front matter has a key 'descripton'" in mine.stdout, mine.stdout
    assert "1 problem(s) in da's files to fix" in mine.stdout
    others = check(project, "el")
    assert others.returncode == 1 and "1 problem(s) in other languages' files" in others.stdout, others.stdout
    assert "docs/da/about.md" not in others.stdout
