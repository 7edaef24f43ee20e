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
import json
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT  # noqa: E402
from course.config import default_language, languages, read_mkdocs_yml  # noqa: E402
from course.errors import ContentError  # noqa: E402
from course.sources.strings import REFERENCE_LANGUAGE, flat_keys, strings_file  # noqa: E402
from course.translation.status import (STATES, Change, nav_pages, recopy, refresh, report,  # noqa: E402
                                       resolve_page)

COMMANDS = ("show", "refresh", "recopy")
LABELS = {"source": "original", "reviewed": "reviewed", "draft": "draft", "outdated": "OUTDATED",
          "untranslated": "untranslated", "missing": "MISSING"}


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="translation_status.py", description=__doc__,
        epilog="Run `translation_status.py COMMAND --help` for one command. See TRANSLATING.md.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="{show,refresh,recopy}")
    show = commands.add_parser("show", help="the status of every page in every language (the default)")
    show.add_argument("--lang", action="append", help="only this language (may be given more than once)")
    show.add_argument("--json", action="store_true", help="print the status as JSON")
    ref = commands.add_parser("refresh", help="record that translations are up to date with their original")
    ref.add_argument("lang", metavar="LANG", help="the language of the translations, or 'all'")
    ref.add_argument("pages", metavar="PAGE", nargs="*", help="pages to record (default: every page of LANG)")
    ref.add_argument("--from", dest="made_from", metavar="LANG",
                     help="the language you translated from, when it is not the page's source language")
    rec = commands.add_parser("recopy", help="copy untranslated pages again from the page they were copied from")
    rec.add_argument("lang", metavar="LANG")
    rec.add_argument("pages", metavar="PAGE", nargs="*",
                     help="pages to copy again (default: every outdated copy, and every page LANG lacks)")
    rec.add_argument("--from", dest="base", metavar="LANG",
                     help="where to copy a page LANG lacks from (default: its source language, "
                          "else the site's default language)")
    for sub in (show, ref, rec):
        sub.add_argument("--project", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        argv = ["show", *argv]
    return parser.parse_args(argv)


class Project:
    def __init__(self, root: Path):
        self.root = root.resolve()
        self.mkdocs_yml = self.root / "mkdocs.yml"
        self.docs = self.root / "docs"
        self.strings = self.root / "i18n"
        self.languages = [lang.code for lang in languages(self.mkdocs_yml)]
        self.default = default_language(self.mkdocs_yml)
        self.nav = nav_pages(read_mkdocs_yml(self.mkdocs_yml).get("nav"))

    def check_language(self, lang: str) -> None:
        if lang not in self.languages:
            raise SystemExit(f"error: '{lang}' is not a language of the site ({', '.join(self.languages)}).\n"
                             f"  To add it: .venv/bin/python scripts/new_language.py {lang} --name NAME")


# --- show -------------------------------------------------------------------------------------

def ui_string_problems(project: Project, lang: str) -> tuple[list[str], list[str], str | None]:
    """(keys missing from i18n/<lang>.yml, keys whose value is the same as in another language, error)."""
    import yaml

    def load(code):
        path = strings_file(code, project.strings)
        if not path.is_file():
            return None
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as err:
            raise ContentError(path, f"this is not valid YAML ({getattr(err, 'problem', err)})",
                               "check the quotes and the indentation") from None
        return flat_keys(data) if isinstance(data, dict) else {}

    reference = load(REFERENCE_LANGUAGE) or {}
    mine = load(lang)
    if mine is None:
        return list(reference), [], f"i18n/{lang}.yml does not exist: copy i18n/{REFERENCE_LANGUAGE}.yml to it and translate it"
    missing = [key for key in reference if mine.get(key) in (None, "")]
    others = [load(code) or {} for code in project.languages if code != lang]
    # Keys listed under `kept_as_is:` in the file are rightly the same as in another language.
    kept = {key for key, value in mine.items() if key == "kept_as_is" or key.startswith("kept_as_is.")}
    kept |= set(_as_list(mine.get("kept_as_is")))
    same = [key for key, value in mine.items()
            if key not in kept and key not in ("language_name", "direction") and isinstance(value, str)
            and any(o.get(key) == value for o in others)]
    return missing, same, None


def _as_list(value) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def show(project: Project, args) -> int:
    wanted = args.lang or project.languages
    for lang in wanted:
        project.check_language(lang)
    found = report(project.docs, project.languages, project.nav)
    ui = {lang: ui_string_problems(project, lang) for lang in wanted}
    failed = bool(found.by_state("missing")) or any(m or err for m, _, err in ui.values())

    if args.json:
        print(json.dumps({
            "languages": wanted,
            "pages": {page: {lang: found.states[lang][page].state for lang in wanted} for page in found.pages},
            "totals": {lang: {s: found.totals(lang).get(s, 0) for s in STATES} for lang in wanted},
            "problems": [s.reason() for lang in wanted for s in found.states[lang].values() if s.reason()],
            "ui_strings": {lang: {"missing": m, "same_as_another_language": same, "error": err}
                           for lang, (m, same, err) in ui.items()},
        }, ensure_ascii=False, indent=2))
        return 1 if failed else 0

    width = max(len(p) for p in found.pages) + 2
    print(f"Translation status of {project.docs}: {len(found.pages)} pages, languages {', '.join(wanted)}\n")
    print("".ljust(width) + "".join(lang.ljust(14) for lang in wanted))
    for page in found.pages:
        print(page.ljust(width) + "".join(LABELS[found.states[lang][page].state].ljust(14) for lang in wanted))

    print("\nTotals per language")
    print("".ljust(8) + "".join(LABELS[s].lower().rjust(14) for s in STATES) + "total".rjust(8))
    for lang in wanted:
        counts = found.totals(lang)
        print(lang.ljust(8) + "".join(str(counts.get(s, 0)).rjust(14) for s in STATES)
              + str(sum(counts.values())).rjust(8))

    todo = [s for lang in wanted for s in found.states[lang].values() if s.reason()]
    if todo:
        print("\nTo do")
        for state in todo:
            print(f"  {'MISSING' if state.state == 'missing' else 'outdated'}: {state.reason()}")

    print("\nUI strings (i18n/<lang>.yml)")
    for lang, (missing, same, err) in ui.items():
        if err:
            print(f"  {lang}: ERROR {err}")
            continue
        line = f"  {lang}: " + (f"MISSING {len(missing)} key(s): {', '.join(missing)}" if missing else "no key missing")
        print(line)
        if same and lang != project.default:
            print(textwrap.fill(f"{len(same)} value(s) the same as in another language, perhaps not translated yet "
                                f"(list a key under `kept_as_is:` when it is right as it is): " + ", ".join(same),
                                width=100, initial_indent="      ", subsequent_indent="      ", break_on_hyphens=False))
    if failed:
        print("\nThe site cannot be built until every MISSING page and UI string above exists.")
    return 1 if failed else 0


# --- refresh and recopy ------------------------------------------------------------------------

def print_changes(lang: str, changes: list[Change]) -> None:
    for change in changes:
        if change.action != "source":
            print(f"  {change.action:<9} docs/{lang}/{change.page}: {change.detail}")
    done = sum(c.action in ("recorded", "copied") for c in changes)
    sources = sum(c.action == "source" for c in changes)
    print(f"==> {lang}: {done} page(s) updated, {len(changes) - done - sources} left as they were"
          + (f", {sources} source page(s) with nothing to record" if sources else ""))


def pages_for(project: Project, lang: str, names: list[str], also_in: list[str] | None = None) -> list[str]:
    """The pages named, or every page of LANG (and of the languages `also_in`, for pages LANG lacks)."""
    if names:
        return [resolve_page(project.docs, lang, name, also_in) for name in names]
    found = set()
    for tree in [project.docs / code for code in [lang, *(also_in or [])]]:
        if tree.is_dir():
            found |= {p.relative_to(tree).as_posix() for p in tree.rglob("*.md")}
    return sorted(found)


def do_refresh(project: Project, args) -> int:
    langs = [lang for lang in project.languages] if args.lang == "all" else [args.lang]
    if args.lang == "all" and (args.pages or args.made_from):
        raise SystemExit("error: name pages and --from with one language, e.g. `refresh de about.md --from sl`")
    for lang in langs:
        project.check_language(lang)
    if args.made_from:
        project.check_language(args.made_from)
    for lang in langs:
        print(f"==> recording in docs/{lang}/ which translations are up to date with their original")
        print_changes(lang, refresh(project.docs, lang, pages_for(project, lang, args.pages), args.made_from))
    return 0


def do_recopy(project: Project, args) -> int:
    project.check_language(args.lang)
    if args.base:
        project.check_language(args.base)
    origin = f"docs/{args.base}/" if args.base else "the page's source language (or else the default language)"
    print(f"==> copying again the untranslated pages of docs/{args.lang}/ whose original has changed, "
          f"and copying from {origin} the pages docs/{args.lang}/ lacks")
    pages = pages_for(project, args.lang, args.pages, [args.base] if args.base else project.languages)
    print_changes(args.lang, recopy(project.docs, args.lang, pages, only_outdated=not args.pages,
                                    languages=project.languages, base=args.base))
    return 0


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        project = Project(args.project)
        return {"show": show, "refresh": do_refresh, "recopy": do_recopy}[args.command](project, args)
    except ContentError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
