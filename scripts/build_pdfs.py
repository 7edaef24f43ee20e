#!/usr/bin/env python3
"""Make the PDFs of the course in every language, from the built site.

  python scripts/build_pdfs.py [--site-dir site] [--lang LANG ...] [--jobs N] [--no-cache]

Run after `mkdocs build` (scripts/build_site.py does both). For each language
of mkdocs.yml, WeasyPrint renders the print pages that the build wrote
(course/print/print_book.py; the default language's at the site root) into tagged
PDFs (PDF/UA-1), one progress line per file:
  site/<lang>/downloads/peer-support-course-<lang>.pdf            the book
  site/<lang>/downloads/peer-support-course-<lang>-trainers.pdf   the trainers' material
  site/<lang>/downloads/handouts/<unit>-<lang>.pdf                a handout per unit

Each PDF is then checked: every font embedded and one of the book's fonts
(Noto, installed by scripts/setup.sh), no character without a glyph, no
WeasyPrint warning. Exits 1 naming the problems if any PDF fails.

A PDF whose inputs (print page, stylesheet, fonts, WeasyPrint) have not
changed since it was last made is copied from the cache (.cache/pdf/, or
$COURSE_PDF_CACHE) instead of being rendered again; --no-cache renders all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT
from course.config import default_language, languages
from course.print.pdf_build import CACHE_DIR, describe, make_pdfs


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--site-dir", type=Path, default=PROJECT_ROOT / "site", help="the built site (default: site/)")
    parser.add_argument(
        "--lang",
        action="append",
        metavar="LANG",
        help="only this language (repeat for more; default: every language of mkdocs.yml)",
    )
    parser.add_argument(
        "--config-file",
        type=Path,
        default=PROJECT_ROOT / "mkdocs.yml",
        help="the mkdocs.yml whose languages to make (default: this project's)",
    )
    parser.add_argument(
        "--jobs", type=int, default=0, help="PDFs rendered at once (default: one per core, at most one per language)"
    )
    parser.add_argument("--no-cache", action="store_true", help="render every PDF, even an unchanged one")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    codes = [lang.code for lang in languages(args.config_file)]
    wanted = args.lang or codes
    unknown = [lang for lang in wanted if lang not in codes]
    if unknown:
        print(f"error: {', '.join(unknown)} is not a language of mkdocs.yml ({', '.join(codes)})", file=sys.stderr)
        return 2
    default = default_language(args.config_file)
    site_dir = args.site_dir.resolve()
    print(f"==> making the PDFs of {len(wanted)} language(s) with WeasyPrint into {site_dir}", flush=True)

    def log(result):
        if result.pages:
            print(f"==> {describe(result, site_dir)}", flush=True)
        for problem in result.problems:
            print(f"    {result.pdf.name}: {problem}", file=sys.stderr, flush=True)

    results = make_pdfs(site_dir, wanted, default, jobs=args.jobs, cache=None if args.no_cache else CACHE_DIR, log=log)
    failed = [r.pdf.name for r in results if r.problems]
    if failed:
        print(f"error: {', '.join(failed)} has problems (above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
