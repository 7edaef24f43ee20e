#!/usr/bin/env python3
"""Check one language in seconds: what the README build would refuse in its files.

  .venv/bin/python scripts/check_language.py pt
  .venv/bin/python scripts/check_language.py            # every language

Runs the build's own check of every file people edit (course/build/source_check.py:
pages, quizzes, headings, links, UI words, the structure of each translation
against its source, the glossary's terms) and prints the problems in the
language's files (docs/LANG/ and i18n/LANG.yml) with their lines and how to fix
them; then where its pages stand (translated, draft, out of date, still to
translate). Nothing is built or written. Exits 1 when the build would refuse
anything, in this language's files or another's (the count of the others is
shown).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT
from course.build.source_check import check_project
from course.config import Project
from course.errors import ContentError
from course.translation.status import report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("lang", nargs="?", metavar="LANG", help="the language's code, e.g. pt (default: all)")
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    project = Project(args.project.resolve())
    if args.lang and args.lang not in project.languages:
        print(
            f"error: '{args.lang}' is not a language of the site ({', '.join(project.languages)}).\n"
            f"  To add it: .venv/bin/python scripts/new_language.py {args.lang} --name NAME",
            file=sys.stderr,
        )
        return 2
    print(f"==> checking the course's files ({len(project.languages)} languages)", flush=True)
    try:
        problems = check_project(project.root)
    except ContentError as err:
        print(err, file=sys.stderr)
        return 1
    mine = [p for p in problems if not args.lang or _belongs_to(p, args.lang, project)]
    others = len(problems) - len(mine)
    for problem in mine:
        print(problem)
    if args.lang:
        print(_status_line(project, args.lang))
    where = f"in {args.lang}'s files" if args.lang else ""
    print(f"==> {len(mine)} problem(s) {where}".rstrip() + (" to fix" if mine else ": nothing to fix"))
    if others:
        print(f"==> {others} problem(s) in other languages' files: run without a language to see them")
    return 1 if problems else 0


def _belongs_to(problem: ContentError, lang: str, project: Project) -> bool:
    path = problem.path.resolve()
    return (
        path.is_relative_to((project.docs / lang).resolve()) or path == (project.strings_dir / f"{lang}.yml").resolve()
    )


def _status_line(project: Project, lang: str) -> str:
    try:
        totals = report(project.docs, project.languages, project.nav_pages).totals(lang)
    except ContentError:  # a page that cannot be read: its problem is above
        return f"==> {lang}'s pages: fix the problems above to see where they stand"
    counts = ", ".join(f"{n} {state}" for state, n in sorted(totals.items()) if n)
    return f"==> {lang}'s pages: {counts} (scripts/translation_status.py --lang {lang} says which)"


if __name__ == "__main__":
    sys.exit(main())
