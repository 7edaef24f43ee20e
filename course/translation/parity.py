"""A translation keeps its source page's structure, section by section: the same
number of list items and table rows, links to the same places, and the same
numbers (a year, a count, a level: "1. klynge" for the source's "Prvi sklop"
is a number the source does not have). A difference
is named with the section (its heading and id), the line in the translation and
the line in the source, so a translator finds the dropped list item or row
without comparing the pages by eye.

Sections are the parts of a page under each heading with an id (and the part
before the first one); they are matched by id, so a page whose headings each
language sorts in its own order (the glossary) is compared too. A quiz is
compared question by question elsewhere (course/build/source_check.py), and its
lines are left out here; an exercise's questions are list items like any other."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from course.errors import ContentError
from course.sources.headings import headings
from course.sources.markdown_source import Line, Page

LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
TABLE_ROW = re.compile(r"^\s*\|")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
BLOCK_START = re.compile(r"^/{3,}\s*quiz\b")
BLOCK_END = re.compile(r"^/{3,}\s*$")
SETTING = re.compile(r"^(?:[ ]{4,}|\t)[\w-]+\s*:\s*\S*\s*$")  # a block's `objective: 3` line
NOT_TEXT = re.compile(r"\]\([^)]*\)|\{[^}]*\}|https?://\S+|^\s*(?:\d+[.)]|[-*+])\s+|^\s*/{3,}.*$")
DIGITS = re.compile(r"\d+")


@dataclass
class Section:
    id: str  # the heading's id; '' for the part before the first heading with an id
    title: str
    line: int  # the heading's line (the page's first body line for the top part)
    list_items: list[int] = field(default_factory=list)  # their lines
    table_rows: list[int] = field(default_factory=list)
    links: list[tuple[str, int]] = field(default_factory=list)  # (target, line)
    numbers: list[tuple[str, int]] = field(default_factory=list)  # (number, line) in the text

    def where(self) -> str:
        return f"under '{self.title}' {{#{self.id}}}" if self.id else "before the first section"


def sections(page: Page) -> dict[str, Section]:
    """The page's sections by id, each with the lines of its list items, table rows and links."""
    found: dict[str, Section] = {}
    current = found.setdefault("", Section("", "", page.body_start))
    with_ids = {h.line: h for h in headings(page) if h.id}
    in_block = False
    for line in page.lines:
        if line.in_code:
            continue
        if in_block or BLOCK_START.match(line.text):
            in_block = not BLOCK_END.match(line.text)
            if not SETTING.match(line.text):
                _count_numbers(current, line)  # a quiz's text holds numbers too
            continue
        heading = with_ids.get(line.number)
        if heading and heading.id:
            current = found.setdefault(heading.id, Section(heading.id, heading.text, line.number))
            continue
        _count(current, line)
    return found


def _count_numbers(section: Section, line: Line) -> None:
    text = NOT_TEXT.sub(" ", line.text)
    text = re.sub(r"^-\s*\[[ xX]?\]", " ", text.strip())  # a quiz option's marker
    section.numbers += [(number, line.number) for number in DIGITS.findall(text)]


def _count(section: Section, line: Line) -> None:
    _count_numbers(section, line)
    if LIST_ITEM.match(line.text):
        section.list_items.append(line.number)
    elif TABLE_ROW.match(line.text) and not TABLE_RULE.match(line.text):
        section.table_rows.append(line.number)
    section.links += [(target, line.number) for target in LINK_TARGET.findall(line.text)]


def structure_problems(page: Page, source: Page) -> list[ContentError]:
    """Where `page` (a translation) does not keep the structure of `source`, section by section."""
    mine, theirs = sections(page), sections(source)
    found = []
    for section_id, expected in theirs.items():
        section = mine.get(section_id)
        if section is None:
            continue  # a missing heading is reported by the heading check
        problem = _difference(section, expected, source)
        if problem:
            found.append(problem.as_error(page))
    return found


@dataclass
class _Problem:
    what: str
    fix: str
    line: int

    def as_error(self, page: Page) -> ContentError:
        return ContentError(page.path, self.what, self.fix, line=self.line)


def _difference(section: Section, expected: Section, source: Page) -> _Problem | None:
    source_at = f"docs/{source.lang}/{source.name}"
    for kind, mine, theirs in (
        ("list items", section.list_items, expected.list_items),
        ("table rows", section.table_rows, expected.table_rows),
    ):
        if len(mine) != len(theirs):
            lines = f"lines {_span(mine)}" if mine else "none"
            return _Problem(
                f"{section.where()}, this page has {len(mine)} {kind} ({lines}), its source "
                f"{len(theirs)} ({source_at}:{_span(theirs) or expected.line})",
                f"translate every {kind[:-1]} of the source, one for one, in the same order",
                (mine or [section.line])[-1] if len(mine) < len(theirs) else mine[len(theirs)],
            )
    return _counted_difference(
        section,
        expected,
        source_at,
        section.numbers,
        expected.numbers,
        ("this page has the number(s) {}, its source does not", "the source has the number(s) {}, this page does not"),
        "keep the source's numbers, and write a number where the source does (in words where it uses words)",
    ) or _counted_difference(
        section,
        expected,
        source_at,
        section.links,
        expected.links,
        ("this page links to {}, its source does not", "the source links to {} here, this page does not"),
        "keep every link of the source, to the same page or address (translate only the link's words)",
    )


def _counted_difference(
    section: Section,
    expected: Section,
    source_at: str,
    mine: list[tuple[str, int]],
    theirs: list[tuple[str, int]],
    says: tuple[str, str],
    fix: str,
) -> _Problem | None:
    """What this page holds more or less often than its source (numbers, link targets: `(value,
    line)` each), said with `says` (what this page adds, what it lacks), at the first line it adds."""
    have, want = Counter(value for value, _ in mine), Counter(value for value, _ in theirs)
    if have == want:
        return None
    extra, missing = have - want, want - have
    said = "; ".join(
        template.format(", ".join(sorted(counted.elements())))
        for template, counted in zip(says, (extra, missing), strict=True)
        if counted
    )
    line = next((n for value, n in mine if value in extra), section.line)
    return _Problem(f"{section.where()}, {said} ({source_at}:{expected.line})", fix, line)


def _span(lines: list[int]) -> str:
    if not lines:
        return ""
    return f"{lines[0]}–{lines[-1]}" if len(lines) > 1 else str(lines[0])
