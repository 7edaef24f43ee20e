"""The whole build, as one step that never loses a working site.

Everything is built into a fresh folder beside the site (`.site.new/`): every
language with `mkdocs build --strict`, then the PDFs (course/print/pdf_build.py),
which join each language's list of what a device may keep (course/web/offline_copy.py),
then the offline zip, then a SCORM package per language for learning platforms
(course/scorm/). Only when all of it has succeeded does the new folder
take the place of the site, in one step (Linux's renameat2 exchange; two
renames elsewhere), so a server reading `site/` sees either the old site or
the new one, never half of one. On any failure the new folder is removed and
the site is left exactly as it was.

MkDocs' progress lines (INFO) are not shown: the build prints one line per
step instead. Its warnings and errors are shown as they are.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from course.build.source_check import check_project, report
from course.config import Project, default_language, languages
from course.errors import display_path
from course.print import pdf_build
from course.scorm.package import make_packages
from course.web.offline_copy import add_pdfs
from course.web.offline_package import package_site

MKDOCS_LOG_PREFIXES = ("INFO    -  ", "DEBUG   -  ")
MKDOCS_NOISE = ("Aborted with a BuildError!", "Aborted with ")


class BuildFailed(Exception):
    """A step failed; the message says which and why."""


@dataclass
class Build:
    project: Path
    site_dir: Path
    log: Callable[[str], None] = print
    jobs: int = 0
    pdf_cache: Path | None = pdf_build.CACHE_DIR
    steps: list[str] = field(default_factory=list)

    @property
    def staging(self) -> Path:
        return self.site_dir.with_name(f".{self.site_dir.name}.new")

    def run(self) -> None:
        """Build into the staging folder, then put it in the site's place; raise BuildFailed otherwise."""
        shutil.rmtree(self.staging, ignore_errors=True)  # left by a build that was killed
        try:
            self.check_sources()
            self.html()
            self.pdfs()
            self.offline_copies()
            self.offline_zip()
            self.scorm_packages()
            replace(self.staging, self.site_dir)
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)

    def check_sources(self) -> None:
        """The rules of AUTHORING.md, before MkDocs starts (it checks them again, for `mkdocs serve`)."""
        langs = [lang.code for lang in languages(self.project / "mkdocs.yml")]
        pages = sum(1 for lang in langs for _ in (self.project / "docs" / lang).rglob("*.md"))
        self.log(
            f"==> checking the course's files: {pages} pages in {len(langs)} languages, the UI words and mkdocs.yml"
        )
        problems = check_project(self.project, langs)
        if problems:
            for line in report(problems).split("\n"):
                self.log(line)
            raise BuildFailed(f"{len(problems)} problem(s) in the course's files (above)")

    def html(self) -> None:
        langs = [lang.code for lang in languages(self.project / "mkdocs.yml")]
        self.log(f"==> building the site in {len(langs)} languages ({', '.join(langs)}) with mkdocs build --strict")
        start = time.perf_counter()
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(self.staging)],
            cwd=self.project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        shown = []
        assert process.stdout is not None  # stdout=PIPE
        for line in process.stdout:
            line = line.rstrip("\n")
            if line.startswith(MKDOCS_LOG_PREFIXES) or line.startswith(MKDOCS_NOISE) or not line.strip():
                continue
            for prefix in ("ERROR   -  ", "WARNING -  "):
                line = (
                    line.replace(prefix, "error: " if prefix.startswith("ERROR") else "warning: ", 1)
                    if line.startswith(prefix)
                    else line
                )
            shown.append(line)
            self.log(line)
        if process.wait() != 0:
            raise BuildFailed("the site could not be built (the problems are above)")
        pages = sum(1 for _ in self.staging.rglob("*.html"))
        self.log(f"==> site built: {pages} HTML files in {time.perf_counter() - start:.1f} s")

    def pdfs(self) -> None:
        config = self.project / "mkdocs.yml"
        langs = [lang.code for lang in languages(config)]
        self.log(
            "==> making the course's PDFs in each language: the book, the trainers' material, the handouts "
            "(WeasyPrint; unchanged ones from the cache)"
        )

        def report(result: pdf_build.Rendered) -> None:
            if result.pages:
                self.log(f"==> {pdf_build.describe(result, self.staging)}")
            for problem in result.problems:
                self.log(f"error: {result.pdf.name}: {problem}")
            if result.unprintable and result.kind == "book":  # the book holds every page: say it once
                self.log(self.unprintable_message(result))

        results = pdf_build.make_pdfs(
            self.staging, langs, default_language(config), jobs=self.jobs, cache=self.pdf_cache, log=report
        )
        failed = [r.pdf.name for r in results if r.problems]
        if failed:
            raise BuildFailed(f"{', '.join(failed[:5])}{' …' if len(failed) > 5 else ''} could not be made (above)")

    def unprintable_message(self, result: pdf_build.Rendered) -> str:
        """Where the language's files use the characters its PDF could not print, and what to do."""
        lang = result.lang
        files = [*sorted((self.project / "docs" / lang).rglob("*.md")), self.project / "i18n" / f"{lang}.yml"]
        places = pdf_build.where_written(result.unprintable, [f for f in files if f.is_file()])
        lines = [
            f"{display_path(path)}:{line}: the PDF of '{lang}' cannot print {chars!r}: no font of the book has them"
            for path, line, chars in places
        ]
        fix = (
            "  How to fix: use another character, or, for a script the book's fonts lack, install its "
            "Noto font (scripts/system-packages.txt) and name it in print-book.css (TRANSLATING.md)"
        )
        return (
            "\n".join([*lines, fix])
            if lines
            else f"error: the PDF of '{lang}' cannot print {''.join(sorted(result.unprintable))!r}\n{fix}"
        )

    def offline_copies(self) -> None:
        """The PDFs, made after the pages, join each language's list of what a device may keep."""
        lists = add_pdfs(self.staging)
        self.log(f"==> offline copies: the PDFs added to the lists of {len(lists)} languages")

    def offline_zip(self) -> None:
        target = package_site(self.staging)
        self.log(f"==> offline zip: {target.relative_to(self.staging)}, {target.stat().st_size / 1e6:.1f} MB")

    def scorm_packages(self) -> None:
        """A SCORM 1.2 package per language, for learning platforms (after the offline zip, which
        leaves them out)."""
        packages = make_packages(self.staging, Project(self.project))
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in packages)
        self.log(f"==> SCORM packages in downloads/: {sizes}")


def replace(new: Path, site: Path) -> None:
    """Put `new` where `site` is, in one step when the system can; `new` then holds the old site."""
    if not site.exists():
        new.rename(site)
        return
    if not _exchange(new, site):
        old = site.with_name(f".{site.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        site.rename(old)
        new.rename(site)
        old.rename(new)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux renameat2 with RENAME_EXCHANGE); False where unavailable."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def describe_site(site: Path) -> str:
    """How the site that is left in place stands, for the message after a failed build."""
    index = site / "index.html"
    if not index.is_file():
        return f"{site.name}/ holds no built site yet"
    built = datetime.fromtimestamp(index.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return f"{site.name}/ is unchanged: it still holds the last good build, of {built}"
