#!/usr/bin/env python3
"""The Debian font packages the languages of the course need, one per line.

  python scripts/font_packages.py [LANG ...] [--every-script]

Without arguments, for the languages of mkdocs.yml; with language codes, for
those too. Only the packages beyond scripts/system-packages.txt are listed
(fonts-noto-cjk for Chinese, Japanese and Korean): scripts/setup.sh installs
what this prints. --every-script lists the packages of every script the book
can print, whatever the languages (the tests add languages in many scripts).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT
from course.config import languages
from course.print import fonts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("langs", nargs="*", metavar="LANG", help="a language code, besides those of mkdocs.yml")
    parser.add_argument("--every-script", action="store_true", help="the fonts of every script the book can print")
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.every_script:
        packages = list(fonts.PACKAGES)
    else:
        configured = [lang.code for lang in languages(args.project / "mkdocs.yml")]
        packages = fonts.packages_for([*configured, *args.langs])
    for package in packages:
        print(package.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
