"""Shared fixtures: the site is built once per test session, strictly, into a
temporary folder, and every test reads that real output."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from course import PROJECT_ROOT
from course.config import languages
from course.offline_copy import add_pdfs
from course.offline_package import package_site
from course.pdf_build import make_pdfs

MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "i18n")


def run_build(project: Path, site_dir: Path, **variables: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project`, with these environment variables set too."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **variables)
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True)


# One edition date for the whole run: the PDFs' inputs then stay the same between the
# builds of a run, and every build after the first takes its PDFs from the cache.
os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time()) // 86400 * 86400))


@pytest.fixture(scope="session")
def pdf_cache(tmp_path_factory) -> Path:
    """The PDF cache of this test run (never the project's own .cache/)."""
    return tmp_path_factory.mktemp("pdf-cache")


@pytest.fixture(scope="session")
def built(tmp_path_factory, pdf_cache) -> tuple[Path, dict]:
    """The real site, built from the working tree with --strict, with the PDFs of each
    language made into it and added to its offline copy's list, and the offline zip, as
    scripts/build_site.py does; and what making each PDF gave (course.pdf_build.Rendered:
    the book, the trainers' material and the handouts, by language). A PDF that fails does not stop the others: only the tests
    of its language fail (tests/test_pdf.py)."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(PROJECT_ROOT, site_dir)
    assert result.returncode == 0, f"the site does not build:\n{result.stdout}\n{result.stderr}"
    codes = [lang.code for lang in languages()]
    results = {code: [] for code in codes}
    for result in make_pdfs(site_dir, codes, codes[0], cache=pdf_cache):
        results[result.lang].append(result)
    add_pdfs(site_dir)
    package_site(site_dir)
    return site_dir, results


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built[0]


@pytest.fixture(scope="session")
def pdf_results(built) -> dict:
    return built[1]


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
