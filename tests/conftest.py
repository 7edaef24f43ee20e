"""Shared fixtures: the site is built once per test session, strictly, into a
temporary folder, and every test reads that real output."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from course import PROJECT_ROOT
from course.config import languages

MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "i18n")


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built from the working tree with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(PROJECT_ROOT, site_dir)
    assert result.returncode == 0, f"the site does not build:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def site_languages() -> list[str]:
    return [lang.code for lang in languages()]


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project to break on purpose; build it with `build_copy`."""
    for part in PROJECT_PARTS:
        src = PROJECT_ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, tmp_path / part)
    return tmp_path


def build_copy(project: Path) -> subprocess.CompletedProcess:
    return run_build(project, project / "site")
