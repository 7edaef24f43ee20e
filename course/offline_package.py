"""The whole built site as one zip, for learners who want the course with no
network: unzip it anywhere and open index.html (links, the language switcher,
search and quizzes all work from disk)."""
from __future__ import annotations

import zipfile
from pathlib import Path

ZIP_PATH = "downloads/peer-support-course-offline.zip"
TOP_FOLDER = "peer-support-course"


def package_site(site_dir: Path, zip_path: str = ZIP_PATH) -> Path:
    """Writes site_dir/zip_path with every file of the site except the zip itself."""
    site_dir = Path(site_dir)
    target = site_dir / zip_path
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and path not in (target, partial):
                archive.write(path, f"{TOP_FOLDER}/{path.relative_to(site_dir).as_posix()}")
    partial.replace(target)
    return target
