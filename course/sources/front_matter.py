"""The front matter every course page carries, and its checks (see AUTHORING.md)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from course.errors import ContentError
from course.sources.source_text import load_yaml, once_per_change, read_text

STATUSES = ("source", "draft", "reviewed", "untranslated")
# `translation`, not `status`: Material reads `status` as its own page badge.
REQUIRED = ("description", "source_language", "translation")
# Every key a course page's front matter may hold (AUTHORING.md); any other is a slip of the pen,
# reported on its own line with the key it probably means.
KNOWN_KEYS = (
    *REQUIRED,
    "translated_from",  # the language a translation was made from, when not the source language
    "source_hash",  # the source text a translation was made from (course/translation/status.py)
    "translation_hash",  # the translation's own text at its last refresh
    "reviewed_by",  # a native speaker's review (course/translation/review.py): who,
    "reviewed_on",  # when,
    "reviewed_hash",  # and against which source text
    "print",  # false: the page is not printed in the book
    "sorted_per_language",  # the glossary: each language sorts its terms
    "written_for_this_edition",  # trainer pages this edition adds, not from the source material
    "hand_out",  # true: a trainer page that goes to participants, also printed on its own (a form)
    "avoid",  # the glossary's term base (course/sources/terms.py)
)


@dataclass
class FrontMatter:
    data: dict[str, Any]  # the keys and values as YAML reads them
    lines: dict[str, int]  # key -> line number in the file, for messages
    end_line: int  # the line of the closing '---'


@once_per_change
def read_front_matter(path: Path) -> FrontMatter:
    """The page's front matter, parsed once per change of the file (course/sources/source_text.py)."""
    return _parse(read_text(path), Path(path))


def _parse(text: str, path: Path) -> FrontMatter:
    if not text.strip():
        raise ContentError(
            path,
            "this page is empty",
            "write the page, starting with its front matter (AUTHORING.md), or delete it in every language",
            line=1,
        )
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise ContentError(
            path,
            "the page has no front matter: its first line is not '---'",
            "start the file with a '---' block: see AUTHORING.md",
            line=1,
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        raise ContentError(
            path, "the front matter is never closed", "add a line '---' after the last key", line=1
        ) from None
    block = "\n".join(lines[1:end])
    for number, line in enumerate(lines[1:end], start=2):
        if _unclosed_quote(line):
            raise ContentError(
                path,
                "the front matter is not valid: a quote on this line is never closed",
                "end the value with the same quote mark it starts with (one value per line)",
                line=number,
            )
    try:
        data = load_yaml(block) or {}
    except yaml.YAMLError as err:
        raise _yaml_error(path, err, first_line=2) from None
    if not isinstance(data, dict):
        raise ContentError(path, "the front matter must be 'key: value' lines", "see AUTHORING.md", line=2)
    key_lines: dict[str, int] = {}
    for number, line in enumerate(lines[1:end], start=2):
        key = line.split(":", 1)[0].strip()
        if key and not line.startswith((" ", "\t", "#")):
            key_lines.setdefault(key, number)
    return FrontMatter(data, key_lines, end + 1)


QUOTED_VALUE = re.compile(r"^[\w-]+:[ \t]*(?P<quote>[\"'])(?P<rest>.*)$")


def _unclosed_quote(line: str) -> bool:
    """`key: "value` with no closing quote on the line: YAML would read on into the next keys
    and report the mistake lines later, or not at all."""
    match = QUOTED_VALUE.match(line)
    if not match:
        return False
    rest = match["rest"]
    if match["quote"] == '"':
        return re.search(r'(?<!\\)(?:\\\\)*"', rest) is None
    return re.search(r"'(?!')", rest.replace("''", "")) is None


def _yaml_error(path: Path, err: yaml.YAMLError, first_line: int) -> ContentError:
    """The YAML mistake at the line where it starts: an unclosed quote is found only at the end of
    the block, but PyYAML also tells where the quoted value began (its context)."""
    context, problem = getattr(err, "context", None) or "", getattr(err, "problem", None) or str(err)
    mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
    line = mark.line + first_line if mark else first_line
    if "quoted scalar" in context:
        what, fix = "a quote on this line is never closed", "end the value with the same quote mark it starts with"
    elif "mapping values are not allowed" in problem:
        what, fix = (
            "a value on this line holds ': '",
            'put the value in double quotes, e.g. description: "Peer support: what it is"',
        )
    else:
        what, fix = f"this is not valid YAML ({problem})", "write one 'key: value' per line, and check the quotes"
    return ContentError(path, f"the front matter is not valid: {what}", fix, line=line)


def unknown_key(path: Path, key: str, line: int) -> ContentError:
    guess = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.6)
    what = f"the front matter has a key '{key}', which no page takes"
    return ContentError(
        path,
        what + (f": did you mean '{guess[0]}'?" if guess else ""),
        (f"write '{guess[0]}:'" if guess else "remove the line")
        + f" (the keys a page takes: {', '.join(KNOWN_KEYS)}; see AUTHORING.md)",
        line=line,
    )


def check_front_matter(path: Path, lang: str, languages: list[str], fm: FrontMatter | None = None) -> FrontMatter:
    """Raise a ContentError naming the line and the fix for the first mistake found."""
    fm = fm or read_front_matter(path)
    data = fm.data
    for key, line in fm.lines.items():
        if key not in KNOWN_KEYS:
            raise unknown_key(path, key, line)
    for key in REQUIRED:
        if key not in data or data[key] in (None, ""):
            raise ContentError(
                path, f"the front matter lacks '{key}'", f"add '{key}: …' (see AUTHORING.md)", line=fm.end_line
            )
    if not isinstance(data["description"], str):
        raise ContentError(
            path,
            "'description' must be one sentence of text",
            "write it on one line after 'description:'",
            line=fm.lines.get("description"),
        )
    source = data["source_language"]
    if source not in languages:
        raise ContentError(
            path,
            f"source_language '{source}' is not a language of the site ({', '.join(languages)})",
            "set it to the language of the unit's seed: el, sl or da (en for pages written in English)",
            line=fm.lines.get("source_language"),
        )
    status = data["translation"]
    if status not in STATUSES:
        raise ContentError(
            path,
            f"translation '{status}' is not one of {', '.join(STATUSES)}",
            "use 'source' on the source-language page and 'draft' on a translation not yet reviewed",
            line=fm.lines.get("translation"),
        )
    if (status == "source") != (lang == source):
        fix = (
            "set 'translation: source': this page is in the unit's source language"
            if lang == source
            else f"use draft, reviewed or untranslated: only the {source} page is the source"
        )
        raise ContentError(
            path,
            f"translation '{status}' does not fit a page in '{lang}' whose source is '{source}'",
            fix,
            line=fm.lines.get("translation"),
        )
    return fm
