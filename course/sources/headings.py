"""Headings and ids as AUTHORING.md asks for them: every `##` and `###` heading
ends with an explicit id in ASCII kebab-case (`## Key points {#key-points}`),
the same in every language, and no id is used twice on a page.

The ids of a page are also what links to it may point at (course/sources/links.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify, unique

from course.errors import ContentError
from course.sources.markdown_source import Page

HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?:\{:?[ \t]*(?P<attrs>[^}]*)\})?[ \t]*#*[ \t]*$")
# An attribute list anywhere (attr_list): `{#id}`, `{: .class lang=el }`.
ATTR_LIST = re.compile(r"\{:?[ \t]*(?P<attrs>[#.][^}\n]*|[\w-]+=[^}\n]*)\}")
ATTR_TOKEN = re.compile(r"""#(?P<id>[^\s}]+)|\.(?P<cls>[^\s}]+)|(?P<key>[\w:-]+)=(?P<value>"[^"]*"|'[^']*'|[^\s}]+)""")
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NEEDS_ID = (2, 3)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str | None  # the explicit id, or None
    line: int


def headings(page: Page) -> list[Heading]:
    found = []
    for line in page.lines:
        match = HEADING.match(line.text) if not line.in_code else None
        if match:
            ids = [t["id"] for t in ATTR_TOKEN.finditer(match["attrs"] or "") if t["id"]]
            found.append(Heading(len(match["hashes"]), match["text"], ids[0] if ids else None, line.number))
    return found


def explicit_ids(page: Page) -> list[tuple[str, int]]:
    """Every id an author set with an attribute list, with its line, in page order."""
    found = []
    for line in page.lines:
        if line.in_code:
            continue
        for attrs in ATTR_LIST.finditer(line.text):
            found += [(t["id"], line.number) for t in ATTR_TOKEN.finditer(attrs["attrs"]) if t["id"]]
    return found


def page_ids(page: Page) -> set[str]:
    """The ids a link may point at: explicit ids, and the ids Markdown gives headings without one."""
    ids = {identifier for identifier, _ in explicit_ids(page)}
    taken = set(ids)
    for heading in headings(page):
        if heading.id is None:
            auto = unique(slugify(_plain(heading.text), "-"), taken)
            ids.add(auto)
    return ids


def _plain(text: str) -> str:
    """A heading's words without Markdown marks, as the table of contents slugifies them."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text)


def check_headings(page: Page) -> list[ContentError]:
    found = []
    for heading in headings(page):
        if heading.level in NEEDS_ID and heading.id is None:
            found.append(
                ContentError(
                    page.path,
                    f"this heading has no id: {'#' * heading.level} {heading.text}",
                    "end it with an id in ASCII kebab-case, the same in every language, e.g. "
                    "'## Key points {#key-points}' (AUTHORING.md)",
                    line=heading.line,
                )
            )
        elif heading.id is not None and not KEBAB.match(heading.id):
            found.append(
                ContentError(
                    page.path,
                    f"the heading id '{heading.id}' is not ASCII kebab-case",
                    "use lower-case a-z, digits and hyphens, e.g. {#key-points}, the same in every language",
                    line=heading.line,
                )
            )
    first_seen: dict[str, int] = {}
    for identifier, line in explicit_ids(page):
        if identifier in first_seen:
            found.append(
                ContentError(
                    page.path,
                    f"the id '{identifier}' is used twice on this page (first on line {first_seen[identifier]})",
                    "give this heading or element an id of its own: ids must be unique on a page",
                    line=line,
                )
            )
        else:
            first_seen[identifier] = line
    return found
