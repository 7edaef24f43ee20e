"""What a learner's device keeps of one language, to use the course with no
connection: the list the service worker saves (overrides/service-worker.js).

For each language the build writes `<language root>offline-copy.json`:

- `files`: every page of the language, its search index, and every file its
  pages load (styles, scripts, the search worker, pictures, the app's
  manifest and icons), each with its size and the start of its SHA-256, so
  the learner sees the size before saving, and the worker checks every file
  it saves: a copy is whole, of one version, or it is not kept;
- `pdfs`: the language's PDFs, kept only if the learner asks (added after
  the PDFs are made: `add_pdfs`);
- `version`: a hash of both lists. A new version of the course is a new list,
  which the worker saves beside the old one and then uses as a whole;
- what the worker needs to know of the site: where each language's tree is
  (`roots`), the language's home page, direction, and the words of the page it
  shows offline for a page that was not kept.

Paths are relative to the site's root, so the site works under any address.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, TypedDict
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html

LIST_NAME = "offline-copy.json"
APP_MANIFEST = "manifest.webmanifest"
FORMAT = 1  # overrides/service-worker.js reads this format
HASH_LENGTH = 32  # hex digits of SHA-256 kept per file: enough to tell versions apart
NOT_SAVED_WORDS = ("not_saved_title", "not_saved_text", "not_saved_home")
# <link rel> whose file a page loads (not prev, next, canonical: pages, listed as pages).
LOADED_LINKS = {"stylesheet", "icon", "manifest", "apple-touch-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
SITE = "https://site.invalid/"  # a base to resolve relative links against


class FileEntry(TypedDict):
    """A file of the list: its path from the site root, its size and the start of its SHA-256."""

    url: str
    bytes: int
    sha256: str


class OfflineList(TypedDict):
    """One language's `offline-copy.json` (the module's docstring)."""

    format: int
    language: str
    root: str
    home: str
    dir: str
    roots: dict[str, str]
    words: dict[str, str]
    version: str
    files: list[FileEntry]
    pdfs: list[FileEntry]


def _references(html: str) -> tuple[list[str], str]:
    """The files an HTML page loads, as written in it, and the text of Material's #__config.
    (lxml's parser: Python's own took a tenth of the build, reading every page.)"""
    root = lxml.html.fromstring(html)
    found, config_text = [], ""
    for element in root.iter("script", "link", "img", "source", "audio", "video"):
        attrs = element.attrib
        if element.tag == "script":
            if attrs.get("src"):
                found.append(attrs["src"])
            elif attrs.get("id") == "__config":
                config_text = element.text or ""
        elif element.tag == "link":
            if attrs.get("href") and LOADED_LINKS & set((attrs.get("rel") or "").split()):
                found.append(attrs["href"])
        elif attrs.get("src"):
            found.append(attrs["src"])
        if attrs.get("srcset"):
            found += [part.split()[0] for part in attrs["srcset"].split(",") if part.strip()]
    return found, config_text


def site_path(reference: str, from_path: str) -> str | None:
    """A reference in the file at `from_path` (relative to the site root), as a path from the
    site root; None for another host, a data: URL, or a path outside the site."""
    url = urljoin(SITE + from_path, reference)
    if not url.startswith(SITE):
        return None
    return urlsplit(url).path[len(urlsplit(SITE).path) :] or None


def page_references(html: str, page_path: str) -> set[str]:
    """The files a page loads, from the site root: what it links, and Material's search
    worker (named in the page's #__config), which ours runs (search-worker.js?material=…)."""
    references, config_text = _references(html)
    found = {site_path(ref, page_path) for ref in references}
    if config_text.strip():
        worker = json.loads(config_text).get("search")
        if worker:
            worker_path = site_path(worker, page_path)
            found.add(worker_path)
            if worker_path is not None:
                for material in parse_qs(urlsplit(worker).query).get("material", []):
                    found.add(site_path(material, worker_path))
    return {path for path in found if path}


def css_references(css: str, css_path: str) -> set[str]:
    found = {site_path(ref, css_path) for ref in CSS_URL.findall(css) if not ref.startswith("data:")}
    return {path for path in found if path}


def app_manifest_references(manifest: str, manifest_path: str) -> set[str]:
    found = {site_path(icon["src"], manifest_path) for icon in json.loads(manifest).get("icons", [])}
    return {path for path in found if path}


def files_loaded(site_dir: Path, pages: dict[str, str]) -> set[str]:
    """Every file the pages (path -> HTML) load, and the files those load in turn (a style's
    pictures and fonts, the app manifest's icons), that exist in the site."""
    todo = set().union(*(page_references(html, path) for path, html in pages.items())) if pages else set()
    found: set[str] = set()
    while todo:
        path = todo.pop()
        file = site_dir / path
        if path in found or path in pages or not file.is_file():
            continue
        found.add(path)
        if path.endswith(".css"):
            todo |= css_references(file.read_text(encoding="utf-8"), path)
        elif path.endswith(APP_MANIFEST):
            todo |= app_manifest_references(file.read_text(encoding="utf-8"), path)
    return found


def describe(site_dir: Path, path: str) -> FileEntry:
    data = (site_dir / path).read_bytes()
    return {"url": path, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()[:HASH_LENGTH]}


def version(files: list[FileEntry], pdfs: list[FileEntry]) -> str:
    listing = "".join(f"{f['url']} {f['sha256']}\n" for f in files + pdfs)
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()[:16]


def language_list(
    site_dir: Path,
    lang: str,
    root: str,
    pages: dict[str, str],
    roots: dict[str, str],
    direction: str,
    words: dict[str, Any],
) -> OfflineList:
    """The list of one language's copy (the module's docstring), without its PDFs."""
    search_index = f"{root}search/search_index.json"
    paths = set(pages) | files_loaded(site_dir, pages) | {search_index}
    files = [describe(site_dir, path) for path in sorted(paths) if (site_dir / path).is_file()]
    return {
        "format": FORMAT,
        "language": lang,
        "root": root,
        "home": f"{root}index.html",
        "dir": direction,
        "roots": roots,
        "words": {key: words[key] for key in NOT_SAVED_WORDS},
        "version": version(files, []),
        "files": files,
        "pdfs": [],
    }


def write_list(site_dir: Path, listing: OfflineList) -> Path:
    target = site_dir / listing["root"] / LIST_NAME
    target.write_text(json.dumps(listing, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    return target


def lists(site_dir: Path) -> list[Path]:
    """Every language's list in a built site."""
    return sorted(p for p in Path(site_dir).rglob(LIST_NAME) if "assets" not in p.relative_to(site_dir).parts)


def add_pdfs(site_dir: Path) -> list[Path]:
    """After the PDFs are made: each language's PDFs (in its downloads/ folder) into its list,
    which then names a new version. Returns the lists written."""
    site_dir = Path(site_dir)
    written = []
    for path in lists(site_dir):
        listing: OfflineList = json.loads(path.read_text(encoding="utf-8"))
        downloads = site_dir / listing["root"] / "downloads"
        pdfs = (
            sorted(p.relative_to(site_dir).as_posix() for p in downloads.rglob("*.pdf")) if downloads.is_dir() else []
        )
        listing["pdfs"] = [describe(site_dir, pdf) for pdf in pdfs]
        listing["version"] = version(listing["files"], listing["pdfs"])
        written.append(write_list(site_dir, listing))
    return written
