"""A course page's Markdown as the source checks read it: line by line, with
the file's own line numbers, code left out (a fenced block, an inline `code`
span), so that a check never trips over an example and always names the
line an author sees in their editor."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from course.sources.front_matter import FrontMatter, read_front_matter
from course.sources.source_text import read_text

FENCE = re.compile(r"^\s*(```+|~~~+)")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")


@dataclass(frozen=True)
class Line:
    number: int  # in the file, from 1
    text: str  # the line with inline code blanked out ('' inside a fenced code block)
    raw: str  # the line as written
    in_code: bool = False


@dataclass
class Page:
    path: Path
    lang: str
    name: str  # path in the language tree: 'trainer/guidelines.md'
    front_matter: FrontMatter
    lines: list[Line]  # the body, after the front matter

    @property
    def body(self) -> str:
        return "\n".join(line.raw for line in self.lines)

    @property
    def body_start(self) -> int:
        return self.front_matter.end_line + 1


def read_page(path: Path, lang: str, name: str) -> Page:
    """A page's front matter and body lines; a ContentError if the file cannot be read as a page."""
    fm = read_front_matter(path)
    raw = read_text(path).split("\n")[fm.end_line :]
    return Page(Path(path), lang, name, fm, list(scan(raw, first_line=fm.end_line + 1)))


def scan(lines: list[str], first_line: int = 1) -> Iterator[Line]:
    fence: str | None = None
    for number, raw in enumerate(lines, start=first_line):
        opening = FENCE.match(raw)
        if fence is None and opening:
            fence = opening.group(1)[0] * 3
            yield Line(number, "", raw, True)
        elif fence is not None:
            if raw.strip().startswith(fence):
                fence = None
            yield Line(number, "", raw, True)
        else:
            yield Line(number, CODE_SPAN.sub(lambda m: " " * len(m.group(0)), raw), raw)
