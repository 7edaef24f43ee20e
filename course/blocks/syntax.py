"""The course's blocks as authors write them (`/// quiz | …` … `///`), checked
before a build: pymdownx.blocks renders a block it cannot read as a plain
paragraph, silently, so every mistake is found here with its line:

- a block name the course does not know;
- a title (`| …`) missing where the block needs one, or given where it takes none;
- a setting (an indented `key: value` line under the first line) the block does
  not take, or a value it refuses;
- a block never closed, or closed with a different number of slashes;
- a block opened inside another one without more slashes (`////`), which is
  what an unclosed block looks like from the next block on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from course.blocks.extension import BLOCKS
from course.blocks.quiz import SETTING
from course.errors import ContentError
from course.sources.markdown_source import Line, Page

START = re.compile(r"^[ ]{0,3}(?P<slashes>/{3,})[ ]*(?P<name>[\w-]+)[ ]*(?:\|[ ]*(?P<arg>.*?)[ ]*)?$")
END = re.compile(r"^[ ]{0,3}(?P<slashes>/{3,})[ ]*$")
SEE = "see AUTHORING.md"


@dataclass
class Open:
    name: str
    slashes: int
    line: int


def check_blocks(page: Page) -> list[ContentError]:
    found: list[ContentError] = []
    stack: list[Open] = []
    lines = page.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.in_code:
            i += 1
            continue
        start, end = START.match(line.raw), END.match(line.raw)
        if start:
            slashes = len(start["slashes"])
            if stack and (slashes <= stack[-1].slashes or _is_raw(stack[-1].name)):
                outer = stack[-1]
                found.append(
                    ContentError(
                        page.path,
                        f"the {outer.name} block opened on line {outer.line} is still open where this block starts",
                        f"close it with a line '{'/' * outer.slashes}' before line {line.number}"
                        + (
                            ""
                            if _is_raw(outer.name)
                            else f", or nest this block with more slashes ('{'/' * (outer.slashes + 1)} {start['name']}')"
                        ),
                        line=outer.line,
                    )
                )
                return found
            problem = _start_problem(start, page, line.number)
            if problem:
                found.append(problem)
            i = _check_settings(lines, i + 1, start["name"], page, found)
            stack.append(Open(start["name"], slashes, line.number))
            continue
        if end:
            slashes = len(end["slashes"])
            if not stack:
                found.append(
                    ContentError(
                        page.path,
                        f"this '{end['slashes']}' closes no block",
                        "delete the line, or open the block it was meant to close (" + SEE + ")",
                        line=line.number,
                    )
                )
            elif slashes != stack[-1].slashes:
                outer = stack[-1]
                found.append(
                    ContentError(
                        page.path,
                        f"this line closes a block with {slashes} slashes, but the "
                        f"{outer.name} block of line {outer.line} opened with {outer.slashes}",
                        f"close it with '{'/' * outer.slashes}'",
                        line=line.number,
                    )
                )
                return found
            else:
                stack.pop()
        i += 1
    for block in stack:
        found.append(
            ContentError(
                page.path,
                f"this {block.name} block is never closed",
                f"end it with a line '{'/' * block.slashes}'",
                line=block.line,
            )
        )
    return found


def _is_raw(name: str) -> bool:
    """A block whose body is not Markdown (a quiz): no other block can start inside it."""
    block = BLOCKS.get(name)
    return block is not None and block.on_markdown(block.__new__(block)) == "raw"


def _start_problem(start: re.Match[str], page: Page, number: int) -> ContentError | None:
    name, arg = start["name"], (start["arg"] or "").strip()
    block = BLOCKS.get(name)
    if block is None:
        return ContentError(
            page.path,
            f"'{name}' is not a block the course knows",
            f"use one of: {', '.join(sorted(BLOCKS))} ({SEE})",
            line=number,
        )
    if block.ARGUMENT is True and not arg:
        return ContentError(
            page.path, f"this {name} block has no title", f"write it after a '|': '/// {name} | …'", line=number
        )
    if block.ARGUMENT is False and arg:
        return ContentError(
            page.path,
            f"a {name} block takes no title ('| {arg}')",
            f"write '/// {name}' alone on the line ({SEE})",
            line=number,
        )
    choices = getattr(block, "CHOICES", None)
    if choices and arg not in choices:
        return ContentError(
            page.path,
            f"a {name} block takes one of {', '.join(choices)}, not '{arg}'",
            f"write '/// {name} | {choices[0]}' (or another of them)",
            line=number,
        )
    return None


def _check_settings(lines: list[Line], i: int, name: str, page: Page, found: list[ContentError]) -> int:
    """The indented `key: value` lines under a block's first line; the index of the line after them."""
    options = getattr(BLOCKS.get(name), "OPTIONS", {}) or {}
    while i < len(lines) and not lines[i].in_code and (match := SETTING.match(lines[i].raw)):
        key, value = match["key"], match["value"]
        if name in BLOCKS and key not in options:
            takes = f"it takes: {', '.join(options)}" if options else "it takes none"
            found.append(
                ContentError(
                    page.path, f"the {name} block has no setting '{key}'", takes + f" ({SEE})", line=lines[i].number
                )
            )
        elif key in options:
            try:
                options[key][1](yaml.safe_load(value))  # as pymdownx.blocks reads it: YAML
            except (ValueError, TypeError, yaml.YAMLError):
                found.append(
                    ContentError(
                        page.path,
                        f"'{key}: {value}' is not a value the {name} block's '{key}' takes",
                        f"write a value like the default, '{key}: {_yaml(options[key][0])}' ({SEE})",
                        line=lines[i].number,
                    )
                )
        i += 1
    return i


def _yaml(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
