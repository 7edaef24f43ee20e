#!/usr/bin/env python3
"""Files for translation tools (Poedit, Weblate, OmegaT, Crowdin, memoQ, …): gettext PO files.

  .venv/bin/python scripts/translation_files.py export LANG [PAGE ...] [--to FOLDER] [--from LANG]
      Writes one PO file per page of LANG (every page when none is named) into
      FOLDER (default: translation-files/LANG/), e.g.
      translation-files/de/what-is-peer-support.po. Each paragraph, list item,
      table cell, quiz question, option and feedback is one entry: the text to
      translate from (msgid), your translation where there is one (msgstr),
      marked fuzzy, with the previous text, where the original changed since.
      A page not translated yet is exported from its original (--from: from
      another language instead).

  .venv/bin/python scripts/translation_files.py import LANG FILE|FOLDER ...
      Puts the translations of the files (or of every .po file in a folder)
      into docs/LANG/. Only words change: a file that would change a heading's
      id, a quiz's settings or answers, a link's target or the page's shape is
      refused, with the file and the entry, and then no page is written. A page
      not translated before becomes a draft once every entry is translated.
      Then it checks docs/LANG/ as the build does. Afterwards, record the pages
      that are up to date: scripts/translation_status.py refresh LANG PAGE.

PAGE is a page's path in docs/LANG/, e.g. about.md or trainer/guidelines.md.
See TRANSLATING.md, "Working in a translation tool".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT
from course.build.source_check import check_project, report
from course.config import Project
from course.errors import ContentError
from course.translation.po_files import FOLDER, export, import_files
from course.translation.status import REFRESH
from course.translation.status_report import pages_for


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="translation_files.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="{export,import}", required=True)
    out = commands.add_parser("export", help="write a language's pages as PO files")
    out.add_argument("lang", metavar="LANG")
    out.add_argument("pages", metavar="PAGE", nargs="*", help="pages to export (default: every page of LANG)")
    out.add_argument("--to", type=Path, metavar="FOLDER", help=f"where to write them (default: {FOLDER}/LANG/)")
    out.add_argument(
        "--from",
        dest="base",
        metavar="LANG",
        help="the language to translate the pages not translated yet from (default: each page's original)",
    )
    into = commands.add_parser("import", help="put the translations of PO files into docs/LANG/")
    into.add_argument("lang", metavar="LANG")
    into.add_argument("files", metavar="FILE", nargs="+", type=Path, help="PO files, or folders of them")
    for sub in (out, into):
        sub.add_argument("--project", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def check_language(project: Project, lang: str) -> None:
    if lang not in project.languages:
        raise SystemExit(
            f"error: '{lang}' is not a language of the site ({', '.join(project.languages)}).\n"
            f"  To add it: .venv/bin/python scripts/new_language.py {lang} --name NAME"
        )


def do_export(project: Project, args: argparse.Namespace) -> int:
    for lang in [args.lang] + ([args.base] if args.base else []):
        check_language(project, lang)
    target = args.to or project.root / FOLDER / args.lang
    print(f"==> writing the pages of docs/{args.lang}/ as PO files into {target}")
    done = export(
        project.docs, project.strings_dir, args.lang, pages_for(project, args.lang, args.pages), target, args.base
    )
    for page in done:
        if page.path is None:
            continue
        todo = page.entries - page.translated - page.fuzzy
        print(
            f"  wrote {page.path}: {page.entries} entries, {page.translated} translated"
            + (f", {page.fuzzy} fuzzy (the original changed)" if page.fuzzy else "")
            + (f", {todo} to translate" if todo else "")
        )
    written = sum(1 for page in done if page.path)
    print(f"==> {written} file(s); {len(done) - written} page(s) in their original language, with nothing to translate")
    return 0


def do_import(project: Project, args: argparse.Namespace) -> int:
    check_language(project, args.lang)
    files: list[Path] = []
    for given in args.files:
        if given.is_dir():
            files += sorted(given.rglob("*.po"))
        elif given.is_file():
            files.append(given)
        else:
            raise SystemExit(f"error: {given} is neither a file nor a folder")
    print(f"==> checking {len(files)} file(s), then putting their translations into docs/{args.lang}/")
    done = import_files(project.docs, args.lang, files, project.languages)
    for found in done:
        page = f"docs/{args.lang}/{found.page}"
        if found.unchanged:
            print(f"  unchanged {page}")
        else:
            print(
                f"  updated   {page}: {found.changed} segment(s) changed"
                + (", now marked `translation: draft`" if found.now_draft else "")
            )
        for count, what in (
            (found.fuzzy, "still marked fuzzy: check them in your tool"),
            (found.untranslated, "not translated yet"),
            (found.stale, "translated from an older text of the original: export again and merge (TRANSLATING.md)"),
        ):
            if count:
                print(f"            {count} entr{'y' if count == 1 else 'ies'} {what}")
    print(f"==> checking docs/{args.lang}/ as the build does")
    mine = (project.docs / args.lang).resolve()
    problems = [p for p in check_project(project.root) if mine in Path(p.path).resolve().parents]
    if problems:
        print(report(problems))
        return 1
    print(
        "==> done. When a page is up to date with its original, record it: "
        f"{REFRESH} {args.lang} PAGE (TRANSLATING.md, step 6)"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        project = Project(args.project.resolve())
        return {"export": do_export, "import": do_import}[args.command](project, args)
    except ContentError as err:
        print(f"error: {err}", file=sys.stderr)
        if args.command == "import":
            print("Nothing was written in docs/.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
