#!/usr/bin/env python3
"""Pack the built site into one zip for offline use (site/downloads/peer-support-course-offline.zip).

  python scripts/package_offline.py [--site-dir site]

Run after `mkdocs build` and the PDFs (scripts/build-site.sh does all three):
the zip holds the whole site, PDFs included. Every home page links to it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT
from course.web.offline_package import package_site


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--site-dir", type=Path, default=PROJECT_ROOT / "site", help="the built site (default: site/)")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"error: {args.site_dir} holds no built site: run `mkdocs build` first", file=sys.stderr)
        return 1
    print(f"==> packing {args.site_dir} for offline use", flush=True)
    target = package_site(args.site_dir)
    print(f"    {target.relative_to(args.site_dir)}: {target.stat().st_size / 1e6:.1f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
