"""The front matter every course page carries, and its checks (see AUTHORING.md)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from course.errors import ContentError

STATUSES = ("source", "draft", "reviewed", "untranslated")
# `translation`, not `status`: Material reads `status` as its own page badge.
REQUIRED = ("description", "source_language", "translation")


@dataclass
class FrontMatter:
    data: dict
    lines: dict[str, int]  # key -> line number in the file, for messages
    end_line: int          # the line of the closing '---'


def read_front_matter(path: Path) -> FrontMatter:
    text = Path(path).read_text(encoding="utf-8")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ContentError(path, "the page has no front matter", "start the file with a '---' block: see AUTHORING.md", line=1)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        raise ContentError(path, "the front matter is never closed", "add a line '---' after the last key", line=1) from None
    block = "\n".join(lines[1:end])
    try:
        data = yaml.safe_load(block) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise ContentError(
            path, f"the front matter is not valid YAML ({getattr(err, 'problem', err)})",
            "quote values that hold a colon, e.g. description: \"Peer support: what it is\"",
            line=(mark.line + 2) if mark else 1,
        ) from None
    if not isinstance(data, dict):
        raise ContentError(path, "the front matter must be 'key: value' lines", "see AUTHORING.md", line=2)
    key_lines = {}
    for number, line in enumerate(lines[1:end], start=2):
        key = line.split(":", 1)[0].strip()
        if key and not line.startswith((" ", "\t", "#")):
            key_lines.setdefault(key, number)
    return FrontMatter(data, key_lines, end + 1)


def check_front_matter(path: Path, lang: str, languages: list[str], fm: FrontMatter | None = None) -> FrontMatter:
    """Raise a ContentError naming the line and the fix for the first mistake found."""
    fm = fm or read_front_matter(path)
    data = fm.data
    for key in REQUIRED:
        if key not in data or data[key] in (None, ""):
            raise ContentError(path, f"the front matter lacks '{key}'", f"add '{key}: …' (see AUTHORING.md)", line=fm.end_line)
    if not isinstance(data["description"], str):
        raise ContentError(path, "'description' must be one sentence of text", "write it on one line after 'description:'",
                           line=fm.lines.get("description"))
    source = data["source_language"]
    if source not in languages:
        raise ContentError(path, f"source_language '{source}' is not a language of the site ({', '.join(languages)})",
                           "set it to the language of the unit's seed: el, sl or da (en for pages written in English)",
                           line=fm.lines.get("source_language"))
    status = data["translation"]
    if status not in STATUSES:
        raise ContentError(path, f"translation '{status}' is not one of {', '.join(STATUSES)}",
                           "use 'source' on the source-language page and 'draft' on a translation not yet reviewed",
                           line=fm.lines.get("translation"))
    if (status == "source") != (lang == source):
        fix = ("set 'translation: source': this page is in the unit's source language" if lang == source
               else f"use draft, reviewed or untranslated: only the {source} page is the source")
        raise ContentError(path, f"translation '{status}' does not fit a page in '{lang}' whose source is '{source}'", fix,
                           line=fm.lines.get("translation"))
    return fm
