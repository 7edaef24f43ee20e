#!/usr/bin/env python3
"""How the build's cost grows with languages, beside a plain Material + static-i18n build.

  .venv/bin/python benchmarks/benchmark_site.py [--languages 4,16,24] [--runs 2] [--pdfs]
                                             [--record benchmarks/site.md]

For each number of languages N, a temporary copy of the project gets N - 4
languages more, added with scripts/new_language.py as a translator would
(every page copied and marked untranslated). Then, in the same run:

- this project's `mkdocs build --strict`, --runs times (the fastest counts);
- the same pages built with a plain Material + static-i18n configuration
  (the same languages and navigation, the usual Markdown extensions, none of
  the course's hooks, blocks or templates): what one would pick instead;
- the time per page (build time / pages built) and the peak memory of each;
- with --pdfs, the time to make every language's PDF (no cache, one per core).

With --record, a dated section with the figures is added to that Markdown
file (newest first). Figures to compare between changes, not a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import PROJECT_ROOT
from course.config import languages, read_mkdocs_yml

PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "i18n", "course")
# Languages to add, in this order: each has Material's words, so nothing but new_language.py is needed.
MORE = [
    "de",
    "fr",
    "it",
    "es",
    "pt",
    "nl",
    "pl",
    "cs",
    "sk",
    "hu",
    "ro",
    "bg",
    "hr",
    "fi",
    "sv",
    "nb",
    "et",
    "lv",
    "lt",
    "tr",
    "uk",
    "ca",
    "is",
    "ga",
    "mt",
    "eu",
    "gl",
    "cy",
]
# What a plain site would use: the theme, its search, static-i18n, the usual extensions; no hooks.
PLAIN_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tasklist",
]


@dataclass
class Figures:
    languages: int
    pages: int
    ours: float  # fastest build, seconds
    plain: float
    ours_memory: int  # peak, MiB
    plain_memory: int
    pdfs: float | None = None

    @property
    def ratio(self) -> float:
        return self.ours / self.plain


def log(message: str) -> None:
    print(f"==> {message}", flush=True)


def project_with(count: int, folder: Path) -> Path:
    """A copy of the project with `count` languages (its own, then languages of MORE)."""
    for part in PARTS:
        source = PROJECT_ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    (folder / "node_modules").symlink_to(PROJECT_ROOT / "node_modules")
    have = len(languages(folder / "mkdocs.yml"))
    for code in MORE[: max(count - have, 0)]:
        subprocess.run(
            [
                sys.executable,
                str(PROJECT_ROOT / "scripts" / "new_language.py"),
                code,
                "--name",
                code.upper(),
                "--project",
                str(folder),
            ],
            check=True,
            capture_output=True,
        )
    return folder


def plain_config(project: Path) -> Path:
    """mkdocs-plain.yml: the same pages, languages and navigation, with nothing of the course's own."""
    import yaml

    ours = read_mkdocs_yml(project / "mkdocs.yml")
    i18n = next(p["i18n"] for p in ours["plugins"] if isinstance(p, dict) and "i18n" in p)
    config = {
        "site_name": ours["site_name"],
        "docs_dir": "docs",
        "use_directory_urls": False,
        "theme": {"name": "material", "language": "en", "font": False},
        "plugins": [
            "search",
            {
                "i18n": {
                    "docs_structure": "folder",
                    "fallback_to_default": False,
                    "reconfigure_search": False,
                    "languages": i18n["languages"],
                }
            },
        ],
        "markdown_extensions": PLAIN_EXTENSIONS,
        "nav": ours["nav"],
    }
    target = project / "mkdocs-plain.yml"
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def timed_build(project: Path, config: Path, site: Path) -> tuple[float, int]:
    """(seconds, peak MiB) of one `mkdocs build`, run in a process of its own."""
    measure = (
        "import resource, subprocess, sys, time; start = time.perf_counter(); "
        "code = subprocess.run(sys.argv[1:], capture_output=True).returncode; "
        "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
    )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            measure,
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(config),
            "--site-dir",
            str(site),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"error: the build with {config.name} failed in {project}")
    return float(out[0]), int(out[1]) // 1024


def fastest(project: Path, config: Path, runs: int, label: str) -> tuple[float, int]:
    results = []
    for run in range(1, runs + 1):
        site = project / f"site-{config.stem}"
        shutil.rmtree(site, ignore_errors=True)
        results.append(timed_build(project, config, site))
        log(f"{label}: build {run}/{runs}: {results[-1][0]:.1f} s, {results[-1][1]} MiB")
    return min(r[0] for r in results), max(r[1] for r in results)


def pdf_time(project: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "scripts" / "build_pdfs.py"),
            "--site-dir",
            str(project / "site-mkdocs"),
            "--config-file",
            str(project / "mkdocs.yml"),
            "--no-cache",
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def measure(count: int, runs: int, pdfs: bool) -> Figures:
    with tempfile.TemporaryDirectory() as tmp:
        log(f"{count} languages: preparing a copy of the project (scripts/new_language.py)")
        project = project_with(count, Path(tmp))
        plain = plain_config(project)
        pages = sum(1 for _ in (project / "docs").rglob("*.md"))
        ours = fastest(project, project / "mkdocs.yml", runs, f"{count} languages, this project")
        base = fastest(project, plain, runs, f"{count} languages, plain Material + static-i18n")
        figures = Figures(count, pages, ours[0], base[0], ours[1], base[1])
        if pdfs:
            figures.pdfs = pdf_time(project)
            log(f"{count} languages: every PDF in {figures.pdfs:.0f} s")
        return figures


def table(rows: list[Figures]) -> list[str]:
    lines = [
        "| Languages | Pages | This project (s) | Plain (s) | Ratio | Per page, this project (ms) | "
        "Per page, plain (ms) | Peak memory, this project (MiB) | Peak memory, plain (MiB) | All PDFs (s) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for f in rows:
        pdfs = f"{f.pdfs:.0f}" if f.pdfs is not None else "–"
        lines.append(
            f"| {f.languages} | {f.pages} | {f.ours:.1f} | {f.plain:.1f} | {f.ratio:.2f} | "
            f"{1000 * f.ours / f.pages:.0f} | {1000 * f.plain / f.pages:.0f} | {f.ours_memory} | "
            f"{f.plain_memory} | {pdfs} |"
        )
    return lines


def record(path: Path, lines: list[str], title: str) -> None:
    old = path.read_text(encoding="utf-8") if path.exists() else f"# {title}\n\n"
    head, _, rest = old.partition("\n## ")
    path.write_text(head.rstrip("\n") + "\n\n" + "\n".join(lines) + ("\n## " + rest if rest else ""), encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--languages", default="4,16,24", help="numbers of languages to build (default: 4,16,24)")
    parser.add_argument("--runs", type=int, default=2, help="builds of each kind; the fastest counts (default: 2)")
    parser.add_argument("--pdfs", action="store_true", help="also time making every language's PDF")
    parser.add_argument("--record", type=Path, metavar="FILE", help="add the figures to this Markdown file")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.languages.split(",")]
    if max(counts) > len(languages()) + len(MORE):
        parser.error(f"at most {len(languages()) + len(MORE)} languages")
    rows = [measure(count, args.runs, args.pdfs) for count in counts]
    lines = [
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: build time by number of languages",
        "",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, "
        f"Python {platform.python_version()}; fastest of {args.runs} build(s) of each kind",
        "- Plain: the same pages, languages and `nav:` with Material + static-i18n and the usual Markdown "
        "extensions, without this project's hooks, blocks and templates (benchmarks/benchmark_site.py)",
        "",
        *table(rows),
        "",
    ]
    print("\n".join(lines))
    if args.record:
        record(args.record, lines, "Site figures")
        log(f"recorded in {args.record}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
