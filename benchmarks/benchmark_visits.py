#!/usr/bin/env python3
"""What a learner's browser downloads to open a page: a first visit and a
repeat visit, for the home page and one unit of every language, side by side
for this checkout, the course as it was before (a git revision), and a plain
Material + static-i18n build of the same pages.

  .venv/bin/python benchmarks/benchmark_visits.py [--before REV] [--unit what-peer-support-can-do]
                                               [--lighthouse CLI] [--record benchmarks/visits.md]

The three sites are built into a temporary folder and served on loopback as
a static host serves plain files: text files gzip-compressed (level 6), with
an ETag and a Last-Modified date, and `Cache-Control: no-cache`, so a browser may keep a file but asks
whether it changed before using it again (a 304 answer, headers only). That
is Netlify's and Cloudflare Pages' default for HTML, and what GitHub Pages
does ten minutes after a visit. Debian's chromium loads each page, and the
host counts every byte it sends (headers and compressed bodies), whoever
asked (the page, its workers, the service worker), until the page has been
idle for a second. Its headers are short (about 150 bytes an answer); a real
host sends more, so fewer requests weigh more there than here.

- First visit: a browser that has never seen the site.
- Repeat visit: the same browser, having opened another page of the same
  language before (the home page, for a unit; a unit, for the home page), so
  it has every file it kept, and the page's own HTML is new to it.
- Kept on the device (this checkout only): the repeat visit once the learner
  has saved the language's course (overrides/service-worker.js): what still
  goes over the network is the check for a new version.

With `--lighthouse` (the command of a Lighthouse CLI, for example
`npx --yes lighthouse@12.8.2`, which npm fetches; the tests need none of it),
the same pages of the three sites also get Lighthouse's four scores, for a
phone (its default: a slow 4G and a slow processor, simulated), and the
accessibility audits that fail are named.

The goal (issue 15): a first visit at most half of the course's before, a
repeat visit within 1.5 times the page's own compressed HTML, and
accessibility 100.
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import hashlib
import http.server
import json
import mimetypes
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from course import PROJECT_ROOT
from course.config import default_language, language_root, languages

PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "i18n", "course")
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".webmanifest", ".txt", ".map"}
TYPES = {".webmanifest": "application/manifest+json", ".js": "text/javascript", ".json": "application/json"}


def log(message: str) -> None:
    print(f"==> {message}", flush=True)


# ---- the three sites ----------------------------------------------------------------------------


def build(project: Path, site: Path, config: str = "mkdocs.yml") -> Path:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config, "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"error: the build of {project} ({config}) failed:\n{result.stderr[-3000:]}")
    return site


def this_checkout(folder: Path) -> Path:
    folder.mkdir()
    for part in PARTS:
        source = PROJECT_ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    return folder


def at_revision(revision: str, folder: Path) -> Path:
    folder.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(PROJECT_ROOT), "archive", revision], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    if (folder / "package-lock.json").is_file():  # what that revision's build loads from npm
        subprocess.run(
            ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=folder,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return folder


def default_before() -> str:
    found = subprocess.run(
        ["git", "-C", str(PROJECT_ROOT), "merge-base", "HEAD", "main"], capture_output=True, text=True
    )
    return found.stdout.strip() or "HEAD"


def plain_site(project: Path, site: Path) -> Path:
    from benchmark_site import plain_config  # benchmarks/benchmark_site.py: the plain configuration

    return build(project, site, plain_config(project).name)


# ---- a static host ------------------------------------------------------------------------------


class Tally:
    """What a server has sent since it was last read: bytes (headers and bodies) and answers."""

    def __init__(self):
        self.bytes = 0
        self.answers: list[tuple[str, int, int]] = []  # (path, status, bytes)

    def read(self) -> Visit:
        visit = Visit(
            self.bytes, len(self.answers), sum(1 for _, status, _ in self.answers if status == 200), list(self.answers)
        )
        self.bytes, self.answers = 0, []
        return visit


class _Counted:
    """A connection's output: what it sent, and into the tally of all connections (one lock, as
    the host answers requests side by side)."""

    lock = threading.Lock()

    def __init__(self, stream, tally: Tally):
        self.stream, self.tally, self.sent = stream, tally, 0

    def write(self, data):
        self.sent += len(data)
        with self.lock:
            self.tally.bytes += len(data)
        return self.stream.write(data)

    def __getattr__(self, name):
        return getattr(self.stream, name)


class StaticHost(http.server.BaseHTTPRequestHandler):
    """Plain files, as a static host serves them (the module's docstring); every byte sent is
    counted, whoever asked for it: the page, its workers, the service worker."""

    protocol_version = "HTTP/1.1"  # as hosts speak it: browsers ignore an HTTP/1.0 answer's ETag

    def __init__(self, *args, folder: Path, tally: Tally, **kwargs):
        self.folder, self.tally = folder, tally
        super().__init__(*args, **kwargs)

    def setup(self):
        super().setup()
        self.wfile = _Counted(self.wfile, self.tally)

    def log_message(self, *args):
        pass

    def answer(self, status: int, headers: dict[str, str], body: bytes = b"") -> None:
        sent = self.wfile.sent
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        with _Counted.lock:
            self.tally.answers.append((self.path.split("?")[0], status, self.wfile.sent - sent))

    def do_GET(self):
        path = self.folder / self.path.split("?")[0].split("#")[0].lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.answer(404, {"Content-Length": "0"})
            return
        data = path.read_bytes()
        tag = '"' + hashlib.sha256(data).hexdigest()[:20] + '"'
        headers = {
            "ETag": tag,
            "Last-Modified": email.utils.formatdate(path.stat().st_mtime, usegmt=True),
            "Cache-Control": "no-cache",
        }
        if self.headers.get("If-None-Match") == tag:
            self.answer(304, {**headers, "Content-Length": "0"})
            return
        headers["Content-Type"] = (
            TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        )
        if path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, compresslevel=6, mtime=0)
            headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(data))
        self.answer(200, headers, data)


@dataclass
class Site:
    origin: str
    server: http.server.ThreadingHTTPServer
    tally: Tally


def serve(folder: Path) -> Site:
    tally = Tally()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(StaticHost, folder=folder, tally=tally)
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return Site(f"http://127.0.0.1:{server.server_address[1]}", server, tally)


# ---- measuring in Chromium ----------------------------------------------------------------------


@dataclass
class Visit:
    bytes: int
    requests: int
    downloaded: int  # answers with a body (not 304)
    answers: list[tuple[str, int, int]]


def visit(page, url: str, site: Site) -> Visit:
    site.tally.read()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1000)
    return site.tally.read()


def first_and_repeat(browser, site: Site, url: str, before_url: str) -> tuple[Visit, Visit]:
    context = browser.new_context()
    first = visit(context.new_page(), url, site)
    context.close()
    context = browser.new_context()
    page = context.new_page()
    visit(page, before_url, site)
    repeat = visit(page, url, site)
    context.close()
    return first, repeat


def kept_on_the_device(browser, site: Site, home: str, url: str, before_url: str) -> Visit:
    """The repeat visit after the learner has saved the language's course."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(home, wait_until="networkidle")
    page.click(".offline-copy__start")
    page.click(".offline-copy__save")
    page.locator(".offline-copy__remove").wait_for(timeout=60000)
    visit(page, before_url, site)
    kept = visit(page, url, site)
    context.close()
    return kept


LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass
class Scores:
    scores: dict[str, int]
    failed: list[str]  # accessibility audits that fail


def lighthouse(cli: list[str], url: str) -> Scores:
    """Lighthouse's scores of one page, in Debian's chromium, as a phone (Lighthouse's default)."""
    from browser import CHROMIUM, CHROMIUM_ARGS

    command = [
        *cli,
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
    if result.returncode:
        raise SystemExit(f"error: Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in LIGHTHOUSE_CATEGORIES}
    failed = [
        ref["id"]
        for ref in report["categories"]["accessibility"]["auditRefs"]
        if ref["weight"] and report["audits"][ref["id"]]["score"] == 0
    ]
    return Scores(scores, failed)


def scores_table(measured: list[tuple[str, str, dict[str, Scores]]]) -> list[str]:
    names = ("before", "ours", "plain")
    lines = [
        "| Page | "
        + " | ".join(f"{name}: perf. / access. / best pr. / SEO" for name in names)
        + " | Accessibility audits failed now |",
        "| --- |" + " --- |" * (len(names) + 1),
    ]
    for lang, page, by_site in measured:
        cells = [" / ".join(str(by_site[name].scores[c]) for c in LIGHTHOUSE_CATEGORIES) for name in names]
        lines.append(f"| {lang} {page} | " + " | ".join(cells) + f" | {', '.join(by_site['ours'].failed) or 'none'} |")
    return lines


def gzipped(file: Path) -> int:
    return len(gzip.compress(file.read_bytes(), compresslevel=6, mtime=0))


# ---- the record ---------------------------------------------------------------------------------


@dataclass
class Row:
    lang: str
    page: str
    html: int  # the page's own HTML, gzip-compressed
    before: tuple[Visit, Visit]
    ours: tuple[Visit, Visit]
    plain: tuple[Visit, Visit]
    kept: Visit


def kib(n: int) -> str:
    return f"{n / 1024:.1f}"


def table(rows: list[Row]) -> list[str]:
    lines = [
        "| Page | HTML, gzip (KiB) | First: before | First: now | First: plain | Now / before | "
        "Repeat: before | Repeat: now | Repeat: plain | Now / HTML | Kept on the device |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.lang} {r.page} | {kib(r.html)} | {kib(r.before[0].bytes)} | {kib(r.ours[0].bytes)} | "
            f"{kib(r.plain[0].bytes)} | {r.ours[0].bytes / r.before[0].bytes:.2f} | {kib(r.before[1].bytes)} | "
            f"{kib(r.ours[1].bytes)} | {kib(r.plain[1].bytes)} | {r.ours[1].bytes / r.html:.2f} | {kib(r.kept.bytes)} |"
        )
    return lines


def breakdown(row: Row) -> list[str]:
    """Where the bytes of a first visit go, file by file, now."""
    lines = [f"| {row.lang} {row.page}, first visit now: file | KiB |", "| --- | ---: |"]
    for path, _, sent in sorted(row.ours[0].answers, key=lambda answer: -answer[2]):
        lines.append(f"| `{path}` | {kib(sent)} |")
    return lines


def index_table(sites: dict[str, Path], langs: list[str], default: str) -> list[str]:
    lines = ["| Language | Search index: before (KiB, gzip) | Now | Plain |", "| --- | ---: | ---: | ---: |"]
    for lang in langs:
        cells = []
        for name in ("before", "ours"):
            index = sites[name] / language_root(lang, default) / "search" / "search_index.json"
            cells.append(f"{index.stat().st_size / 1024:.0f} ({kib(gzipped(index))})")
        plain = sites["plain"] / "search" / "search_index.json"  # plain static-i18n: one index, every language
        cells.append(f"{plain.stat().st_size / 1024:.0f} ({kib(gzipped(plain))}), all languages")
        lines.append(f"| {lang} | " + " | ".join(cells) + " |")
    return lines


def record(path: Path, lines: list[str]) -> None:
    old = (
        path.read_text(encoding="utf-8")
        if path.exists()
        else (
            "# Page weight\n\nRecorded by `benchmarks/benchmark_visits.py --record benchmarks/visits.md`, newest first.\n"
        )
    )
    head, _, rest = old.partition("\n## ")
    path.write_text(head.rstrip("\n") + "\n\n" + "\n".join(lines) + ("\n## " + rest if rest else ""), encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--before", default=None, help="the git revision to compare with (default: the merge base with main)"
    )
    parser.add_argument("--unit", default="what-peer-support-can-do", help="the unit measured in every language")
    parser.add_argument(
        "--lighthouse",
        metavar="CLI",
        help="also Lighthouse's scores, with this command (for example 'npx --yes lighthouse@12.8.2')",
    )
    parser.add_argument("--record", type=Path, metavar="FILE", help="add the figures to this Markdown file")
    args = parser.parse_args(argv)
    before = args.before or default_before()
    langs = [lang.code for lang in languages()]
    default = default_language()
    from browser import browser_session

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        log("building this checkout, the course at " + before[:12] + ", and a plain Material + static-i18n site")
        ours_project = this_checkout(tmp / "ours")
        sites = {
            "ours": build(ours_project, tmp / "site-ours"),
            "before": build(at_revision(before, tmp / "before"), tmp / "site-before"),
            "plain": plain_site(ours_project, tmp / "site-plain"),
        }
        served = {name: serve(site) for name, site in sites.items()}
        rows, scored = [], []
        with browser_session() as browser:
            for lang in langs:
                prefix = language_root(lang, default)
                for page, other in (("index", args.unit), (args.unit, "index")):
                    log(f"{lang}: {page}")
                    measured = {
                        name: first_and_repeat(
                            browser, site, f"{site.origin}/{prefix}{page}.html", f"{site.origin}/{prefix}{other}.html"
                        )
                        for name, site in served.items()
                    }
                    ours = served["ours"]
                    kept = kept_on_the_device(
                        browser,
                        ours,
                        f"{ours.origin}/{prefix}index.html",
                        f"{ours.origin}/{prefix}{page}.html",
                        f"{ours.origin}/{prefix}{other}.html",
                    )
                    rows.append(
                        Row(
                            lang,
                            page,
                            gzipped(sites["ours"] / prefix / f"{page}.html"),
                            measured["before"],
                            measured["ours"],
                            measured["plain"],
                            kept,
                        )
                    )
                    if args.lighthouse:
                        scored.append(
                            (
                                lang,
                                page,
                                {
                                    name: lighthouse(shlex.split(args.lighthouse), f"{site.origin}/{prefix}{page}.html")
                                    for name, site in served.items()
                                },
                            )
                        )
        for site in served.values():
            site.server.shutdown()
        indexes = index_table(sites, langs, default)

    lines = [
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: what a visit downloads",
        "",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores; Debian's chromium, headless, 1280×720",
        f"- Before: the course at `{before[:12]}`; now: this checkout; plain: the same pages with Material + "
        "static-i18n and nothing of the course's own (benchmarks/benchmark_site.py)",
        "- KiB the host sent (headers and gzip-compressed bodies), until the page is idle; the host asks "
        "browsers to check every file again (`Cache-Control: no-cache`, ETag: 304 answers)",
        "- Repeat: another page of the language opened first; kept: the same, with the language's course "
        "saved on the device (what remains is the check for a new version)",
        "",
        *table(rows),
        "",
        *indexes,
        "",
        *breakdown(next(r for r in rows if r.lang != default)),
        "",
    ]
    if scored:
        lines += [
            "Lighthouse (its mobile defaults: a slow 4G and processor, simulated), on the same hosts:",
            "",
            *scores_table(scored),
            "",
        ]
    print("\n".join(lines))
    if args.record:
        record(args.record, lines)
        log(f"recorded in {args.record}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
