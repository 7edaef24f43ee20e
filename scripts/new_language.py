#!/usr/bin/env python3
"""Add a language to the course in one command.

  .venv/bin/python scripts/new_language.py de --name Deutsch [--from en]

Creates docs/de/ with every page copied from the base language (--from, the
site's default language unless given), each marked `translation: untranslated`;
i18n/de.yml, the site's own words to translate; Material's words for the
language when Material has none; and registers the language in mkdocs.yml,
where the build, the search and the PDF take their languages from. The site
builds (`bash scripts/build-site.sh`) right after, with every page saying it
is not translated yet. Then follow TRANSLATING.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT
from course.config import default_language
from course.errors import ContentError
from course.translation.new_language import add_language, material_has


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="new_language.py",
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "code", help="the language's code: ISO 639-1 in lower case (de, ga, pt), or with a region (pt-BR)"
    )
    parser.add_argument("--name", required=True, help="the language's name in the language itself (Deutsch, Gaeilge)")
    parser.add_argument(
        "--from",
        dest="base",
        metavar="LANG",
        help="the language to copy the pages and UI words from (default: the site's default language)",
    )
    parser.add_argument(
        "--rtl",
        action="store_true",
        help="the language is written right to left; needed only for a language the course does not "
        "know as such (Arabic, Hebrew, Persian, Urdu … are known)",
    )
    parser.add_argument(
        "--theme-words",
        action="store_true",
        help="copy Material's own words for the language (search box, Previous/Next) into "
        "overrides/partials/languages/CODE.html to change them, even when Material has them: e.g. its "
        "'pt' words are Brazilian ('Buscar'), and a European Portuguese translation changes them",
    )
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    root = args.project.resolve()
    try:
        base = args.base or default_language(root / "mkdocs.yml")
        print(f"==> adding {args.name} ({args.code}) to the course, copied from '{base}'")
        added = add_language(
            root, args.code, args.name, base, "rtl" if args.rtl else None, theme_words=args.theme_words
        )
    except ContentError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    code = args.code
    steps = [
        f"preview it as you write: COURSE_PREVIEW={code} NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs serve, "
        "then open http://127.0.0.1:8000/; check it in seconds: "
        f".venv/bin/python scripts/check_language.py {code}",
        f"translate the site's own words in i18n/{code}.yml",
    ]
    if not material_has(code) or args.theme_words:
        steps.append(f"translate Material's words in overrides/partials/languages/{code}.html")
    steps += [
        f"translate the pages in docs/{code}/, one at a time; set `translation: draft` on each one you finish",
        f"when a page is done: .venv/bin/python scripts/translation_status.py refresh {code} PAGE.md",
        f"see what is left: .venv/bin/python scripts/translation_status.py --lang {code}",
    ]
    print(f"==> done: {added.pages} pages in docs/{code}/. Next (TRANSLATING.md tells each step):")
    for number, step in enumerate(steps, start=1):
        print(f"  {number}. {step}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
