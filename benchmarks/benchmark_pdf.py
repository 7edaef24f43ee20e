#!/usr/bin/env python3
"""Time and size of each language's PDFs (book, trainers' material, handouts), recorded as figures to compare.

  python benchmarks/benchmark_pdf.py [--site-dir DIR] [--runs N] [--record benchmarks/pdf.md]

Builds the site into a temporary folder (or uses --site-dir, an already built
site), then renders each language's PDF one at a time, --runs times, and
prints the pages, the size and the fastest time of each. With --record, adds
a dated section with those figures and the machine to that Markdown file.
These are figures to compare between changes, not a test: nothing fails on
a slow machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT
from course.config import default_language, languages
from course.print import print_book
from course.print.pdf_build import render


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--site-dir", type=Path, help="an already built site (default: build one into a temporary folder)"
    )
    parser.add_argument("--runs", type=int, default=1, help="renders per language; the fastest counts (default: 1)")
    parser.add_argument(
        "--record", type=Path, metavar="FILE", help="add the figures to this Markdown file (e.g. benchmarks/pdf.md)"
    )
    return parser.parse_args(argv)


def build_site(site_dir: Path) -> float:
    print(f"==> building the site into {site_dir}", flush=True)
    start = time.perf_counter()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"error: the site does not build:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - start


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return f"{cpu}, {os.cpu_count()} cores{load}, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def by_kind(jobs) -> dict:
    """The book, the trainers' material, the handouts: each kind's print jobs."""
    kinds = {}
    for job in jobs:
        kinds.setdefault(job.kind, []).append(job)
    return kinds


def main(argv=None) -> int:
    args = parse_args(argv)
    default = default_language()
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = args.site_dir.resolve() if args.site_dir else Path(tmp) / "site"
        build_seconds = None if args.site_dir else build_site(site_dir)
        rows, failed = [], False
        for lang in (lang.code for lang in languages()):
            for kind, jobs in by_kind(print_book.jobs_in(site_dir, lang, default)).items():
                results = []
                for job in jobs:
                    best = None
                    for _ in range(max(1, args.runs)):
                        result = render(site_dir, job, lang)
                        if result.problems:
                            print("\n".join(f"    {job.pdf}: {p}" for p in result.problems), file=sys.stderr)
                            failed = True
                        best = result if best is None or result.seconds < best.seconds else best
                    results.append(best)
                rows.append((lang, kind, results))
                print(
                    f"==> {lang} {kind}: {len(results)} PDF(s), {sum(r.pages for r in results)} pages, "
                    f"{sum(r.size for r in results) / 1024:.0f} KiB, {sum(r.seconds for r in results):.1f} s",
                    flush=True,
                )
    import weasyprint

    every = [r for _, _, results in rows for r in results]
    lines = [
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"- Machine: {machine()}",
        f"- WeasyPrint {weasyprint.__version__}, tagged PDF/UA-1; one PDF at a time, fastest of {max(1, args.runs)} "
        "run(s)" + (f"; `mkdocs build` took {build_seconds:.1f} s" if build_seconds is not None else ""),
        "",
        "| Language | PDF | Files | Pages | Size (KiB) | Time (s) |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {lang} | {kind} | {len(results)} | {sum(r.pages for r in results)} | "
        f"{sum(r.size for r in results) / 1024:.0f} | {sum(r.seconds for r in results):.1f} |"
        for lang, kind, results in rows
    ]
    lines += [
        f"| all | all | {len(every)} | {sum(r.pages for r in every)} | {sum(r.size for r in every) / 1024:.0f} | "
        f"{sum(r.seconds for r in every):.1f} |",
        "",
    ]
    print("\n".join(lines))
    if args.record:
        record = args.record if args.record.is_absolute() else Path.cwd() / args.record
        if not record.exists():
            record.parent.mkdir(parents=True, exist_ok=True)
            record.write_text(
                "# PDF figures\n\nRecorded by `benchmarks/benchmark_pdf.py --record benchmarks/pdf.md`: "
                "time and size of each language's PDF, newest first.\n\n",
                encoding="utf-8",
            )
        head, _, rest = record.read_text(encoding="utf-8").partition("\n## ")
        record.write_text(
            head.rstrip("\n") + "\n\n" + "\n".join(lines) + ("\n## " + rest if rest else ""), encoding="utf-8"
        )
        print(f"==> recorded in {record}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
