#!/usr/bin/env python3
"""Build the whole course: the site in every language, the PDFs and the offline zip.

  .venv/bin/python scripts/build_site.py [--site-dir site]

Everything is built into a fresh folder (.site.new/ beside the site), and the
site is replaced, in one step, only when every part has succeeded. When
anything fails, the problems are printed (each with its file, line and fix)
and the site is left exactly as it was, so a site being served never breaks.
scripts/build-site.sh sets the machine up, then runs this.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT
from course.build.site_build import Build, BuildFailed, describe_site
from course.print.pdf_build import CACHE_DIR


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--site-dir", type=Path, default=None, help="where the site goes (default: site/ in the project)"
    )
    parser.add_argument("--jobs", type=int, default=0, help="PDFs rendered at once (default: one per core)")
    parser.add_argument("--no-cache", action="store_true", help="render every PDF, even an unchanged one")
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    project = args.project.resolve()
    site_dir = (args.site_dir or project / "site").absolute()
    build = Build(project, site_dir, jobs=args.jobs, pdf_cache=None if args.no_cache else CACHE_DIR)
    try:
        build.run()
    except BuildFailed as err:
        print(f"==> the build failed: {err}.\n==> {describe_site(site_dir)}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\n==> the build was stopped. {describe_site(site_dir)}.", file=sys.stderr)
        return 130
    print(
        f"==> done: {site_dir.name}/ now holds the new build. Open {site_dir.name}/index.html, "
        f"or serve it: .venv/bin/python -m http.server -d {site_dir.name}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
