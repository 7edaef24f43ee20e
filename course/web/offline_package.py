"""The whole built site as one zip, for learners who want the course with no
network: unzip it anywhere and open index.html (links, the language switcher,
search and quizzes all work from disk).

The zip is reproducible: with the same files and the same SOURCE_DATE_EPOCH,
two builds give the same bytes (entries in name order, each dated to the
edition, with the same permissions and compression)."""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path

ZIP_PATH = "downloads/peer-support-course-offline.zip"
TOP_FOLDER = "peer-support-course"
EARLIEST = 315532800  # 1980-01-01, the first date a zip can hold


def edition_time() -> tuple[int, int, int, int, int, int]:
    """The date every entry carries: SOURCE_DATE_EPOCH's when set (a reproducible build), else now."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH", time.time())), EARLIEST)
    return time.gmtime(epoch)[:6]


def package_site(site_dir: Path, zip_path: str = ZIP_PATH) -> Path:
    """Writes site_dir/zip_path with every file of the site except the zips beside it (itself, and
    the SCORM packages, which are for learning platforms: course/scorm/)."""
    site_dir = Path(site_dir)
    target = site_dir / zip_path
    files = sorted(
        (p for p in site_dir.rglob("*") if p.is_file() and not _is_zip_beside(p, target)),
        key=lambda p: p.relative_to(site_dir).as_posix(),
    )
    return write_zip(target, ((f"{TOP_FOLDER}/{p.relative_to(site_dir).as_posix()}", p.read_bytes()) for p in files))


def _is_zip_beside(path: Path, target: Path) -> bool:
    return path.parent == target.parent and path.name.endswith((".zip", ".zip.part"))


def write_zip(target: Path, entries: Iterable[tuple[str, bytes]]) -> Path:
    """A reproducible zip of (name, bytes) entries, in the order given, each dated to the edition
    with the same permissions and compression; written beside `target`, then put in its place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".zip.part")
    stamp = edition_time()
    with zipfile.ZipFile(partial, "w") as archive:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, whatever machine builds it
            entry.external_attr = 0o100644 << 16  # a plain file, rw-r--r--
            archive.writestr(entry, data, compresslevel=9)
    partial.replace(target)
    return target
