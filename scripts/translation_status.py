#!/usr/bin/env python3
"""Where each translation of the course stands, and the bookkeeping a translator does.

  .venv/bin/python scripts/translation_status.py [show] [--lang LANG] [--json]
      For every language and page: source, reviewed, draft, outdated,
      untranslated or missing, with totals per language, what to do about each
      outdated or missing page, and the UI strings (i18n/<lang>.yml) that are
      missing or still the same as in another language.
      Exits 1 when a page or a UI string is missing (the site cannot build).

  .venv/bin/python scripts/translation_status.py refresh LANG|all [PAGE ...] [--from LANG]
      Run when you have brought translations up to date: records in each page
      (all pages of LANG when none is named) the hash of the page it was
      translated from, so it is no longer "outdated". --from says which
      language you translated from, when it is not the page's source language.

  .venv/bin/python scripts/translation_status.py recopy LANG [PAGE ...] [--from LANG]
      Copies again the pages of LANG still marked `translation: untranslated`
      whose original has changed (or the pages named), and copies the pages
      LANG lacks (a page added to the course later), marked untranslated, from
      --from LANG, or else from the page's source language, or else from the
      default language. Never touches a translation, and never writes a copy
      in place of a missing source page.

PAGE is a page's path in docs/LANG/, e.g. about.md or trainer/guidelines.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT
from course.config import Project
from course.errors import ContentError
from course.translation.status import recopy, refresh
from course.translation.status_report import as_json, as_text, change_lines, overview, pages_for

COMMANDS = ("show", "refresh", "recopy")


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="translation_status.py",
        description=__doc__,
        epilog="Run `translation_status.py COMMAND --help` for one command. See TRANSLATING.md.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="{show,refresh,recopy}")
    show = commands.add_parser("show", help="the status of every page in every language (the default)")
    show.add_argument("--lang", action="append", help="only this language (may be given more than once)")
    show.add_argument("--json", action="store_true", help="print the status as JSON")
    ref = commands.add_parser("refresh", help="record that translations are up to date with their original")
    ref.add_argument("lang", metavar="LANG", help="the language of the translations, or 'all'")
    ref.add_argument("pages", metavar="PAGE", nargs="*", help="pages to record (default: every page of LANG)")
    ref.add_argument(
        "--from",
        dest="made_from",
        metavar="LANG",
        help="the language you translated from, when it is not the page's source language",
    )
    rec = commands.add_parser("recopy", help="copy untranslated pages again from the page they were copied from")
    rec.add_argument("lang", metavar="LANG")
    rec.add_argument(
        "pages",
        metavar="PAGE",
        nargs="*",
        help="pages to copy again (default: every outdated copy, and every page LANG lacks)",
    )
    rec.add_argument(
        "--from",
        dest="base",
        metavar="LANG",
        help="where to copy a page LANG lacks from (default: its source language, else the site's default language)",
    )
    for sub in (show, ref, rec):
        sub.add_argument("--project", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        argv = ["show", *argv]
    return parser.parse_args(argv)


def check_language(project: Project, lang: str) -> None:
    if lang not in project.languages:
        raise SystemExit(
            f"error: '{lang}' is not a language of the site ({', '.join(project.languages)}).\n"
            f"  To add it: .venv/bin/python scripts/new_language.py {lang} --name NAME"
        )


def show(project: Project, args) -> int:
    wanted = args.lang or project.languages
    for lang in wanted:
        check_language(project, lang)
    found = overview(project, wanted)
    print(as_json(found) if args.json else as_text(found))
    return 1 if found.failed else 0


def do_refresh(project: Project, args) -> int:
    langs = list(project.languages) if args.lang == "all" else [args.lang]
    if args.lang == "all" and (args.pages or args.made_from):
        raise SystemExit("error: name pages and --from with one language, e.g. `refresh de about.md --from sl`")
    for lang in langs + ([args.made_from] if args.made_from else []):
        check_language(project, lang)
    for lang in langs:
        print(f"==> recording in docs/{lang}/ which translations are up to date with their original")
        print(
            "\n".join(
                change_lines(lang, refresh(project.docs, lang, pages_for(project, lang, args.pages), args.made_from))
            )
        )
    return 0


def do_recopy(project: Project, args) -> int:
    for lang in [args.lang] + ([args.base] if args.base else []):
        check_language(project, lang)
    origin = f"docs/{args.base}/" if args.base else "the page's source language (or else the default language)"
    print(
        f"==> copying again the untranslated pages of docs/{args.lang}/ whose original has changed, "
        f"and copying from {origin} the pages docs/{args.lang}/ lacks"
    )
    pages = pages_for(project, args.lang, args.pages, [args.base] if args.base else project.languages)
    print(
        "\n".join(
            change_lines(
                args.lang,
                recopy(
                    project.docs,
                    args.lang,
                    pages,
                    only_outdated=not args.pages,
                    languages=project.languages,
                    base=args.base,
                ),
            )
        )
    )
    return 0


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        project = Project(args.project.resolve())
        return {"show": show, "refresh": do_refresh, "recopy": do_recopy}[args.command](project, args)
    except ContentError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
