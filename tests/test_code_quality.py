"""The code stays as a reviewer would ask for it: clean under ruff's lint rules and
its formatter, and `course/` typed and clean under mypy (configuration in
pyproject.toml). A message names the file, the line and the rule."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from course import PROJECT_ROOT

BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True)


def test_the_code_is_clean_under_ruffs_lint_rules():
    result = run(str(BIN / "ruff"), "check", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted_as_ruff_formats_it():
    result = run(str(BIN / "ruff"), "format", "--check", ".")
    assert result.returncode == 0, "run `.venv/bin/ruff format .`:\n" + result.stdout + result.stderr


def test_course_is_typed_and_clean_under_mypy():
    result = run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr
