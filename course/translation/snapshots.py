"""The source text each translation was made from, kept in the project itself, so
that what changed in a source page since its translation was brought up to date
can be shown on a fresh copy of the project, with no history (no git needed).

One file per version of a source page that some translation still refers to:

    translation-sources/<lang>/<page>.<hash>.md

is docs/<lang>/<page> as it was when its hash (course/translation/status.py,
`content_hash`) was <hash>: the `source_hash` a translation records, or the
`reviewed_hash` of a review. The folder is outside docs/, so MkDocs never sees
it. A version is kept once however many languages were translated from it, and
`refresh` (and `review`) write the version they record and delete the ones no
translation refers to any more: the folder holds one file per source page in
the usual case (every translation up to date), and the old version too while
some translation is out of date.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from course.errors import ContentError
from course.sources.front_matter import read_front_matter
from course.sources.source_text import once_per_change, read_text

FOLDER = "translation-sources"
HASH_LENGTH = 12


@once_per_change
def content_hash(path: Path) -> str:
    """A hash of a page's description and body: what a translation is made from.
    The bookkeeping keys of the front matter (translation, source_hash, …) and
    trailing spaces do not count, so marking a page reviewed changes nothing."""
    fm = read_front_matter(path)
    lines = read_text(path).split("\n")
    body = "\n".join(line.rstrip() for line in lines[fm.end_line :]).strip("\n")
    description = " ".join(str(fm.data.get("description") or "").split())
    digest = hashlib.sha256(f"{description}\n\0\n{body}\n".encode()).hexdigest()
    return digest[:HASH_LENGTH]


@dataclass(frozen=True, order=True)
class Version:
    lang: str  # the language of the page a translation was made from
    page: str  # e.g. 'trainer/guidelines.md'
    hash: str  # its content_hash then


def folder(docs_dir: Path) -> Path:
    """Where the versions are kept: beside docs/."""
    return Path(docs_dir).resolve().parent / FOLDER


def path_of(docs_dir: Path, version: Version) -> Path:
    return folder(docs_dir) / version.lang / f"{version.page[: -len('.md')]}.{version.hash}.md"


def keep(docs_dir: Path, version: Version) -> Path:
    """Keep docs/<lang>/<page>, whose hash is now `version.hash`, as that version (once)."""
    target = path_of(docs_dir, version)
    if target.is_file():
        return target
    page = Path(docs_dir) / version.lang / version.page
    if content_hash(page) != version.hash:
        raise ValueError(f"{page} is no longer the version {version.hash}")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as f:
        f.write(page.read_text(encoding="utf-8-sig"))
    os.chmod(temp, 0o644)
    os.replace(temp, target)
    return target


def text_of(docs_dir: Path, version: Version) -> str | None:
    """The page's text as it was in `version`, or None when it was not kept (or was edited by hand)."""
    target = path_of(docs_dir, version)
    if not target.is_file():
        return None
    try:
        if content_hash(target) != version.hash:
            return None
    except ContentError:
        return None
    return read_text(target)


def kept(docs_dir: Path) -> dict[Version, Path]:
    """Every version in the folder."""
    found: dict[Version, Path] = {}
    root = folder(docs_dir)
    for path in sorted(root.glob("*/**/*.md")) if root.is_dir() else []:
        relative = path.relative_to(root)
        lang, rest = relative.parts[0], Path(*relative.parts[1:]).as_posix()
        stem, _, digest = rest[: -len(".md")].rpartition(".")
        if stem and digest:
            found[Version(lang, stem + ".md", digest)] = path
    return found


def remove(docs_dir: Path, versions: set[Version]) -> list[Path]:
    """Delete the versions kept that are not in `versions`; the files deleted."""
    removed = []
    root = folder(docs_dir)
    for version, path in kept(docs_dir).items():
        if version in versions:
            continue
        path.unlink()
        removed.append(path)
        for parent in path.parents:
            if parent == root or any(parent.iterdir()):
                break
            parent.rmdir()
    return removed
