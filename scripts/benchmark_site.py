#!/usr/bin/env python3
"""Build time and sizes of the site, recorded as figures to compare.

  python scripts/benchmark_site.py [--runs N] [--record benchmarks/site.md]

Builds the site (`mkdocs build --strict`) --runs times into a temporary
folder and keeps the fastest time, then measures per language: pages, HTML,
the search index (JSON and the script form used from disk), and the whole
site with the offline zip. With --record, adds a dated section to that
Markdown file. Figures to compare between changes, not a test.
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT  # noqa: E402
from course.config import default_language, languages  # noqa: E402
from course.offline_package import package_site  # noqa: E402


def kib(size: int) -> str:
    return f"{size / 1024:.0f}"


def build(site_dir: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
                   cwd=PROJECT_ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(site_dir: Path) -> list[tuple]:
    rows, default = [], default_language()
    others = [lang.code for lang in languages() if lang.code != default]
    for lang in languages():
        root = site_dir if lang.code == default else site_dir / lang.code
        pages = [p for p in root.rglob("*.html")
                 if not any(part in ("assets", "search", "downloads", *others) for part in p.relative_to(root).parts[:-1])
                 and p.name not in ("404.html", "print.html")]
        html = sum(p.stat().st_size for p in pages)
        rows.append((lang.code, len(pages), kib(html), kib(html // max(len(pages), 1)),
                     kib((root / "search/search_index.json").stat().st_size),
                     kib((root / "search/search_index.js").stat().st_size)))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="builds; the fastest counts (default: 3)")
    parser.add_argument("--record", type=Path, metavar="FILE", help="add the figures to this Markdown file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        times = []
        for run in range(1, args.runs + 1):
            times.append(build(site_dir))
            print(f"==> build {run}/{args.runs}: {times[-1]:.1f} s", flush=True)
        rows = measure(site_dir)
        total = sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file())
        zipped = package_site(site_dir).stat().st_size
    lines = [f"## {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC", "",
             f"- Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
             f"load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}",
             f"- `mkdocs build --strict`, all languages: fastest of {args.runs}: {min(times):.1f} s",
             f"- Whole site without PDFs: {kib(total)} KiB; offline zip: {kib(zipped)} KiB", "",
             "| Language | Pages | HTML (KiB) | Per page (KiB) | Search index JSON (KiB) | Search index JS (KiB) |",
             "| --- | ---: | ---: | ---: | ---: | ---: |",
             *[f"| {' | '.join(str(c) for c in row)} |" for row in rows], ""]
    print("\n".join(lines))
    if args.record:
        old = args.record.read_text(encoding="utf-8") if args.record.exists() else \
            "# Site figures\n\nRecorded by `scripts/benchmark_site.py --record benchmarks/site.md`, newest first.\n\n"
        head, _, rest = old.partition("\n## ")
        args.record.write_text(head.rstrip("\n") + "\n\n" + "\n".join(lines) + ("\n## " + rest if rest else ""), encoding="utf-8")
        print(f"==> recorded in {args.record}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
