"""Links and pictures, checked in the Markdown an author wrote, so that a
mistake names its file and line (MkDocs' own check names neither): a link to a
page or file that does not exist in the page's language tree, to a heading id
the page lacks, out of the tree, or to an address with a scheme the course
refuses (course/sources/html_policy.py)."""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from course.errors import ContentError
from course.sources.html_policy import SCHEME, url_problem
from course.sources.markdown_source import Page

INLINE = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*"
    r"(?P<url><[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*(?P<url><[^>]*>|\S+)")


@dataclass(frozen=True)
class Link:
    url: str
    line: int
    image: bool


def links(page: Page) -> list[Link]:
    found = []
    for line in page.lines:
        if line.in_code:
            continue
        for match in INLINE.finditer(line.text):
            found.append(Link(match["url"].strip("<>"), line.number, bool(match["image"])))
        reference = REFERENCE.match(line.text)
        if reference:
            found.append(Link(reference["url"].strip("<>"), line.number, False))
    return found


def check_links(
    page: Page, tree: Path, ids_of: Callable[[str], set[str] | None], missing_twins: frozenset[str] = frozenset()
) -> list[ContentError]:
    """`tree` is docs/<lang>/; `ids_of(name)` gives the ids of a page of that tree (None if it has none).
    A link to a page in `missing_twins` (missing here, present in another language, which the trees
    check reports) is not reported again."""
    found = []
    for link in links(page):
        problem = _problem(link, page, tree, ids_of, missing_twins)
        if problem:
            found.append(ContentError(page.path, problem[0], problem[1], line=link.line))
    return found


def _problem(
    link: Link, page: Page, tree: Path, ids_of: Callable[[str], set[str] | None], missing_twins: frozenset[str]
) -> tuple[str, str] | None:
    what = "picture" if link.image else "link"
    refused = url_problem(link.url)
    if refused:
        return (
            f"{refused} is not allowed in a course page",
            "link to a page of the course, or to an http(s), mailto or tel address",
        )
    if SCHEME.match(link.url) or link.url.startswith("//"):
        return None
    if not link.url:
        return f"this {what} has no address", "write the page or address between the round brackets"
    parts = urlsplit(link.url)
    fragment = unquote(parts.fragment)
    if not parts.path:
        return _anchor_problem(page.name, fragment, ids_of, this_page=True)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.name), unquote(parts.path)))
    lang = tree.name
    if target.startswith("../") or target == "..":
        return (
            f"this {what} leads out of docs/{lang}/ ({link.url})",
            "link to the page of this language's tree, e.g. [text](other-unit.md): the same link works in every language",
        )
    if not (tree / target).is_file():
        if target in missing_twins:
            return None
        return (
            f"this {what} leads to '{target}', which does not exist in docs/{lang}/",
            _suggest(tree, target, link.image),
        )
    if target.endswith(".md") and fragment:
        return _anchor_problem(target, fragment, ids_of, this_page=False)
    return None


def _anchor_problem(
    name: str, fragment: str, ids_of: Callable[[str], set[str] | None], this_page: bool
) -> tuple[str, str] | None:
    ids = ids_of(name) or set()
    if not fragment or fragment in ids:
        return None
    where = "this page" if this_page else name
    close = difflib.get_close_matches(fragment, sorted(ids), n=3)
    hint = (
        f"did you mean {', '.join('#' + c for c in close)}?"
        if close
        else f"its ids are: {', '.join('#' + i for i in sorted(ids)) or 'none'}"
    )
    return f"the link's heading '#{fragment}' does not exist on {where}", f"use an id of {where}: {hint}"


def _suggest(tree: Path, target: str, image: bool) -> str:
    pattern = "*" if image else "*.md"
    names = sorted(p.relative_to(tree).as_posix() for p in tree.rglob(pattern) if p.is_file())
    close = difflib.get_close_matches(target, names, n=3)
    if close:
        return f"check the file name: did you mean {', '.join(close)}?"
    return (
        "put the file into docs/<lang>/ of every language, beside the page"
        if image
        else "check the file name under docs/ (the same in every language)"
    )
