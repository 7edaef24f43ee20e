"""A real headless Chromium (Debian's package, never one downloaded by a test
tool), driven by Playwright, against the built site served on loopback or
opened from disk. Every request the page makes is recorded, and any request to
another host is refused before it leaves the machine, and reported."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parent.parent / "node_modules/axe-core/axe.min.js"
WCAG_21_AA = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@dataclass
class Traffic:
    allowed_origin: str  # "http://127.0.0.1:PORT" or "file://"
    requests: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def is_local(self, url: str) -> bool:
        if url.startswith(("data:", "blob:", "about:")):
            return True
        if self.allowed_origin == "file://":
            return url.startswith("file://")
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.allowed_origin


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    """A folder served on loopback that can be stopped, as if the network were gone, and
    started again on the same port: the same origin, so the same service worker and caches."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = 0
        self.server = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        handler = functools.partial(_QuietHandler, directory=str(self.folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


@contextmanager
def serve(site: Path):
    """The folder served on loopback while the block runs; yields its origin."""
    server = Server(site).start()
    try:
        yield server.origin
    finally:
        server.stop()


def require_chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/setup.sh does).")


@contextmanager
def browser_session():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def open_context(browser, traffic: Traffic, bypass_csp: bool = False, **options):
    """A fresh profile (own storage) whose every request is recorded; other hosts are refused.
    bypass_csp lets a test tool (axe-core) inject its script into pages that allow only the site's own;
    other options go to Playwright's new_context (accept_downloads=True, …)."""
    context = browser.new_context(bypass_csp=bypass_csp, **options)

    def route(route, request):
        traffic.requests.append(request.url)
        if traffic.is_local(request.url):
            route.continue_()
        else:
            traffic.refused.append(request.url)
            route.abort()

    context.route("**/*", route)
    return context


def axe_violations(page, label: str, run_only: dict = WCAG_21_AA) -> list[str]:
    """What axe-core (npm, pinned) finds on the page open in `page`: one line per element,
    starting with `label`. The context must bypass the page's CSP: axe is injected as a script."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run scripts/setup.sh (npm ci)")
    page.add_script_tag(path=str(AXE))
    # resultTypes: axe works out only what fails, not every passing node (the pages are many).
    found = page.evaluate(
        "only => axe.run(document, {runOnly: only, resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, help: v.help, "
        "targets: v.nodes.map(n => n.target.join(' '))})))",
        run_only,
    )
    return [f"{label}: {v['id']} ({v['help']}) at {target}" for v in found for target in v["targets"]]


def first_queries_lost(context, cases: list[tuple[str, str]], tries: int) -> list[str]:
    """Each page of `cases` (url, query) opened `tries` times in a fresh tab, as a learner does it:
    the page opens, a click into the search box, the query typed at once, key by key (letters that
    are not on the keyboard's layout arrive as text, as from a phone's keyboard or an input method).
    What is returned: each try whose query found nothing, the race of the query with the index."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    lost = []
    for url, query in cases:
        for attempt in range(1, tries + 1):
            page = context.new_page()
            page.goto(url, wait_until="load")
            page.locator("input.md-search__input").click()
            page.keyboard.type(query)
            try:
                page.wait_for_selector(".md-search-result__item", timeout=5000)
            except PlaywrightTimeout:
                said = page.locator(".md-search-result__meta").inner_text()
                lost.append(f"{url}: '{query}', typed at once, found nothing (try {attempt} of {tries}): '{said}'")
            page.close()
    return lost
