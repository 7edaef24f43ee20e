"""Shared fixtures: the site is built once per test session, strictly, into a
temporary folder, and every test reads that real output."""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from course import PROJECT_ROOT
from course.config import Project, languages
from course.print.pdf_build import make_pdfs
from course.scorm.package import make_packages
from course.sources.front_matter import read_front_matter
from course.web.offline_copy import add_pdfs
from course.web.offline_package import package_site

MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "i18n")


def run_build(project: Path, site_dir: Path, **variables: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project`, with these environment variables set too."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **variables)
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


# One edition date for the whole run: the PDFs' inputs then stay the same between the
# builds of a run, and every build after the first takes its PDFs from the cache.
os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time()) // 86400 * 86400))


@pytest.fixture(scope="session")
def shared_folder(tmp_path_factory) -> Path:
    """A folder of this test run that every worker shares: the tests run in two processes or
    more (pytest-xdist, `-n` in pyproject.toml), each with a temporary folder of its own below it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def only_one_worker_at_a_time(lock: Path):
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def pdf_cache(shared_folder) -> Path:
    """The PDF cache of this test run (never the project's own .cache/), shared by its workers."""
    cache = shared_folder / "pdf-cache"
    cache.mkdir(exist_ok=True)
    return cache


def build_site_with_pdfs(site_dir: Path, pdf_cache: Path) -> tuple[Path, dict]:
    result = run_build(PROJECT_ROOT, site_dir)
    if result.returncode:
        raise SiteDoesNotBuild(f"the site does not build:\n{result.stdout}\n{result.stderr}")
    codes = [lang.code for lang in languages()]
    results = {code: [] for code in codes}
    for result in make_pdfs(site_dir, codes, codes[0], cache=pdf_cache):
        results[result.lang].append(result)
    add_pdfs(site_dir)
    package_site(site_dir)
    make_packages(site_dir)
    return site_dir, results


class SiteDoesNotBuild(Exception):
    pass


@pytest.fixture(scope="session")
def built(shared_folder, pdf_cache) -> tuple[Path, dict]:
    """The real site, built from the working tree with --strict, with the PDFs of each
    language made into it and added to its offline copy's list, the offline zip and the SCORM
    packages, as scripts/build_site.py does; and what making each PDF gave (course.pdf_build.Rendered:
    the book, the trainers' material and the handouts, by language). A PDF that fails does
    not stop the others: only the tests of its language fail (tests/test_pdf.py).

    Built once per run: the first worker that needs it builds it, the others wait and read
    what it left (`built.pickle`: the outcome, a failure included, which then fails them too)."""
    outcome_file = shared_folder / "built.pickle"
    with only_one_worker_at_a_time(shared_folder / "built.lock"):
        if not outcome_file.exists():
            try:
                outcome = build_site_with_pdfs(shared_folder / "site", pdf_cache)
            except SiteDoesNotBuild as error:
                outcome = error
            outcome_file.write_bytes(pickle.dumps(outcome))
        outcome = pickle.loads(outcome_file.read_bytes())
    if isinstance(outcome, SiteDoesNotBuild):
        pytest.fail(str(outcome), pytrace=False)
    return outcome


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built[0]


@pytest.fixture(scope="session")
def pdf_results(built) -> dict:
    return built[1]


@pytest.fixture(scope="session")
def site_languages() -> list[str]:
    return [lang.code for lang in languages()]


def languages_with_every_page_translated(pages: list[str] | None = None) -> list[str]:
    """The course languages: those in which every page of `pages` (default: every page of the
    course's `nav:`) is a source page or a translation, not an untranslated copy. Tests that need a
    complete translation (every unit's quiz, the glossary) check these; a language a translator
    has just added, partly translated, is checked by every other test."""
    project = Project()
    wanted = pages or project.nav_pages
    return [
        lang
        for lang in project.languages
        if all(
            (project.docs / lang / page).is_file()
            and read_front_matter(project.docs / lang / page).data.get("translation") != "untranslated"
            for page in wanted
        )
    ]


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
