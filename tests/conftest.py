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
    """The real site, built from the working tree with --strict, with the PDF of
    each language made into it as scripts/build-site.sh does (so links to them resolve)."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(PROJECT_ROOT, site_dir)
    assert result.returncode == 0, f"the site does not build:\n{result.stdout}\n{result.stderr}"
    pdfs = subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "build_pdfs.py"), "--site-dir", str(site_dir)],
                          capture_output=True, text=True)
    assert pdfs.returncode == 0, f"the PDFs were not made:\n{pdfs.stdout}\n{pdfs.stderr}"
    packed = subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "package_offline.py"), "--site-dir", str(site_dir)],
                            capture_output=True, text=True)
    assert packed.returncode == 0, f"the offline zip was not made:\n{packed.stdout}\n{packed.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def site_languages() -> list[str]:
    return [lang.code for lang in languages()]


def copy_project(target: Path) -> Path:
    """The project's sources copied into `target`, its installed npm packages linked (read only)."""
    for part in PROJECT_PARTS:
        src = PROJECT_ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / part)
    (target / "node_modules").symlink_to(PROJECT_ROOT / "node_modules")
    return target


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project to break on purpose; build it with `build_copy`."""
    return copy_project(tmp_path)


def build_copy(project: Path) -> subprocess.CompletedProcess:
    return run_build(project, project / "site")


@pytest.fixture(scope="session")
def browser():
    from browser import browser_session

    with browser_session() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def site_url(site):
    """The built site served on loopback."""
    from browser import serve

    with serve(site) as url:
        yield url


@pytest.fixture(params=["http", "file"])
def site_root(request, site):
    """The site's root URL, once served over http and once opened from disk."""
    if request.param == "http":
        return request.getfixturevalue("site_url")
    return site.resolve().as_uri()
