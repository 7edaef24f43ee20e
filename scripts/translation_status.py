#!/usr/bin/env python3
"""Where each translation of the course stands, and the bookkeeping a translator does.

  .venv/bin/python scripts/translation_status.py [show] [--lang LANG] [--json] [--diff]
      For every language and page: source, reviewed, draft, outdated,
      untranslated or missing, with totals per language, what to do about each
      outdated or missing page, and the UI strings (i18n/<lang>.yml) that are
      missing or still the same as in another language. --diff also shows what
      changed in the page each out-of-date translation was made from: the old
      and the new text of each changed paragraph, list item, quiz option…,
      [-removed-] and {+added+} words marked, and where to work in the
      translation (segment, heading, file:line).
      Exits 1 when a page or a UI string is missing (the site cannot build).

  .venv/bin/python scripts/translation_status.py refresh LANG|all [PAGE ...] [--from LANG] [--no-change-needed]
      Run when you have brought translations up to date: records in each page
      (all pages of LANG when none is named) the hash of the page it was
      translated from, so it is no longer "outdated". --from: the language you
      translated from, when it is not the one in the page's `translated_from:`
      (or, without that line, its `source_language:`). A page whose original
      changed while the translation did not is NOT recorded (a warning says
      so), unless you say it needed no change: --no-change-needed.

  .venv/bin/python scripts/translation_status.py review LANG [PAGE ...] --by "NAME" [--anonymous]
      A native speaker records that they reviewed translations of LANG (every
      translated, up-to-date page when none is named): who, when, and against
      which text of the page they were translated from. The page then says
      "Reviewed by a native speaker on <date>", and the status page names the
      reviewer; with --anonymous, no name is written anywhere.

  .venv/bin/python scripts/translation_status.py versions
      Keeps, in translation-sources/, the text of every source page that an
      up-to-date translation was made from, and deletes the texts no
      translation refers to any more (refresh and review do it as they go).

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
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT
from course.config import Project
from course.errors import ContentError
from course.translation.review import review
from course.translation.status import keep_versions, missing_versions, recopy, refresh
from course.translation.status_report import as_json, as_text, change_lines, diff_lines, overview, pages_for

COMMANDS = ("show", "refresh", "recopy", "review", "versions")


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="translation_status.py",
        description=__doc__,
        epilog="Run `translation_status.py COMMAND --help` for one command. See TRANSLATING.md.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="{show,refresh,review,recopy,versions}")
    show = commands.add_parser("show", help="the status of every page in every language (the default)")
    show.add_argument("--lang", action="append", help="only this language (may be given more than once)")
    show.add_argument("--json", action="store_true", help="print the status as JSON")
    show.add_argument(
        "--diff", action="store_true", help="also show what changed in the originals of the out-of-date pages"
    )
    ref = commands.add_parser("refresh", help="record that translations are up to date with their original")
    ref.add_argument("lang", metavar="LANG", help="the language of the translations, or 'all'")
    ref.add_argument("pages", metavar="PAGE", nargs="*", help="pages to record (default: every page of LANG)")
    ref.add_argument(
        "--from",
        dest="made_from",
        metavar="LANG",
        help="the language you translated from, when it is not the one in the page's `translated_from:` "
        "(or, without that line, its `source_language:`)",
    )
    ref.add_argument(
        "--no-change-needed",
        action="store_true",
        help="record the pages even though their original changed and the translation did not "
        "(the change did not need one, e.g. a typo fixed in the original)",
    )
    rev = commands.add_parser("review", help="record that a native speaker reviewed translations")
    rev.add_argument("lang", metavar="LANG", help="the language of the translations")
    rev.add_argument("pages", metavar="PAGE", nargs="*", help="pages reviewed (default: every translated page)")
    rev.add_argument("--by", metavar="NAME", help="the reviewer's name, as the status page should show it")
    rev.add_argument("--anonymous", action="store_true", help="the reviewer stays unnamed: no name is written anywhere")
    rev.add_argument("--on", metavar="YYYY-MM-DD", help="the day of the review (default: today)")
    ver = commands.add_parser("versions", help="keep the source texts the translations refer to, delete the others")
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
    for sub in (show, ref, rec, rev, ver):
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
    if args.diff and not args.json:
        print("\n".join(diff_lines(found)))
    return 1 if found.failed else 0


def do_refresh(project: Project, args) -> int:
    langs = list(project.languages) if args.lang == "all" else [args.lang]
    if args.lang == "all" and (args.pages or args.made_from):
        raise SystemExit("error: name pages and --from with one language, e.g. `refresh de about.md --from sl`")
    for lang in langs + ([args.made_from] if args.made_from else []):
        check_language(project, lang)
    warned = False
    for lang in langs:
        print(f"==> recording in docs/{lang}/ which translations are up to date with their original")
        changes = refresh(
            project.docs,
            lang,
            pages_for(project, lang, args.pages),
            args.made_from,
            no_change_needed=args.no_change_needed,
            languages=project.all_languages,
        )
        warned = warned or any(c.action == "warned" for c in changes)
        print("\n".join(change_lines(lang, changes)))
    return 1 if warned else 0


def do_review(project: Project, args) -> int:
    check_language(project, args.lang)
    if not args.by and not args.anonymous:
        raise SystemExit(
            'error: say who reviewed the pages, --by "NAME", or --anonymous for a reviewer who stays unnamed'
        )
    if args.by and args.anonymous:
        print(
            f"  (--anonymous: the name {args.by!r} is written nowhere; the pages record only the review and its date)"
        )
    try:
        on = date.fromisoformat(args.on) if args.on else None
    except ValueError:
        raise SystemExit(f"error: --on {args.on}: write the day of the review as YYYY-MM-DD") from None
    print(f"==> recording the review of docs/{args.lang}/ by a native speaker")
    changes = review(
        project.docs,
        args.lang,
        pages_for(project, args.lang, args.pages),
        None if args.anonymous else args.by.strip(),
        on=on,
        languages=project.all_languages,
    )
    print("\n".join(change_lines(args.lang, changes)))
    return 0


def do_versions(project: Project, args) -> int:
    written, removed = keep_versions(project.docs, project.all_languages)
    for path in written:
        print(f"  kept     {path.relative_to(project.root)}")
    for path in removed:
        print(f"  deleted  {path.relative_to(project.root)} (no translation refers to it)")
    lost = missing_versions(project.docs, project.all_languages)
    for version in lost:
        print(
            f"  LOST     docs/{version.lang}/{version.page} as it was at {version.hash}: an out-of-date "
            "translation refers to it, and it was not kept (its changes cannot be shown)"
        )
    print(f"==> translation-sources/: {len(written)} kept, {len(removed)} deleted, {len(lost)} lost")
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
        commands = {"show": show, "refresh": do_refresh, "recopy": do_recopy, "review": do_review}
        return {**commands, "versions": do_versions}[args.command](project, args)
    except ContentError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
