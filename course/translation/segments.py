"""A page split into the units a translator translates, each with a stable place:
the description, the title and headings, paragraphs, list items, table cells,
quotes, quiz questions, options and feedback, exercise titles, texts and
questions, the captions and labels of pictures. One segmenter serves the
comparison of two versions of a source page (course/translation/changes.py)
and the files for translation tools (course/translation/po_files.py).

What is not translatable stays out of every segment: heading ids (`{#…}`),
block lines and settings (`/// quiz | `, `    objective: 2`), the `[x]`
markers, list and table markup, code. Link targets and attribute lists stay
inside a segment's text (they sit in the middle of a sentence) and are
checked, not translated (`protected`).

A segment's key says where it sits, and stays the same when other parts of the
page change: `forms/item-2` (the second list item under the heading
`{#forms}`), `quiz/q3/option-2/feedback`, `exercise:grow-goal/title`. A
translation has the same keys as its source (the build's parity checks make
sure of the structure), so segments are matched by key, whatever the order of
the sections (the glossary is sorted in each language's own order).

`fill` puts other texts in place of the segments and gives back the page: with
the same texts, the same bytes.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from course.blocks.extension import BLOCKS
from course.blocks.quiz import OPTION, SETTING
from course.sources.headings import ATTR_TOKEN, HEADING
from course.sources.source_text import load_yaml

BLOCK_START = re.compile(r"^[ ]{0,3}(?P<slashes>/{3,})[ ]*(?P<name>[\w-]+)[ ]*(?:\|[ ]*(?P<arg>.*?)[ ]*)?$")
BLOCK_END = re.compile(r"^[ ]{0,3}/{3,}[ ]*$")
FENCE = re.compile(r"^\s*(```+|~~~+)")
LIST_ITEM = re.compile(r"^(?P<prefix>\s*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(?P<text>\S.*)$")
QUOTE = re.compile(r"^(?P<prefix>\s*>[ \t]?)(?P<text>.*)$")
TABLE_ROW = re.compile(r"^\s*\|")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
ABBREVIATION = re.compile(r"^(?P<prefix>\*\[[^\]]+\]:[ \t]*)(?P<text>.*)$")
FOOTNOTE = re.compile(r"^(?P<prefix>\[\^[^\]]+\]:[ \t]*)(?P<text>.*)$")
DEFINITION = re.compile(r"^(?P<prefix>:[ \t]+)(?P<text>.*)$")
ADMONITION = re.compile(r'^(?P<prefix>\s*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*[ \t]+")(?P<text>[^"]*)"\s*$')
LITERAL_LINE = re.compile(
    r"^(?:\s*\{:?[^}]*\}\s*"  # an attribute list on its own line
    r"|[ ]{0,3}\[[^\]^]+\]:\s*\S+.*"  # a link reference
    r"|\s*([-*_])(?:\s*\1){2,}\s*"  # a horizontal rule
    r"|\s*(?:!!!|\?\?\?\+?).*)$"  # an admonition without a title
)
CELL_BORDER = re.compile(r"(?<!\\)\|")
LETTER = re.compile(r"[^\W\d_]")

# Inside a segment's text, what a translation keeps as it is: link targets, ids, autolinks and
# code. (Other attributes may differ: `{lang=da}` marks Danish words on a page that is not Danish.)
PROTECTED = re.compile(
    r"\]\((?P<target>[^\s)]*)"
    r"|\{:?[^}\n]*?(?P<id>#[\w-]+)[^}\n]*\}"
    r"|(?P<autolink><(?:https?|mailto|tel):[^>\s]+>)"
    r"|(?P<code>(`+)[^`].*?\5)"
)

# What each kind of block holds, as a translator reads it.
LIST_KIND = {"exercise": "exercise question", "cards": "card", "steps": "step", "circles": "picture label"}
TEXT_KIND = {"exercise": "exercise text", "answer": "model answer", "cards": "card", "steps": "step"}
TITLE_KIND = {"quiz": "quiz question", "exercise": "exercise title", "circles": "picture caption"}
# A short name per kind in a segment's key.
KEY_PART = {
    "paragraph": "p",
    "exercise text": "p",
    "model answer": "p",
    "list item": "item",
    "exercise question": "item",
    "card": "item",
    "step": "item",
    "picture label": "item",
    "quote": "quote",
    "abbreviation": "abbr",
    "footnote": "note",
    "definition": "def",
    "note title": "note",
}


@dataclass(frozen=True)
class Segment:
    number: int  # its place in the page, from 1
    key: str  # where it sits, stable across edits elsewhere: 'forms/item-2'
    kind: str  # what it is: 'list item', 'quiz option, wrong answer', …
    text: str  # the words, as Markdown (continuation lines joined with '\n')
    line: int  # its first line in the file, from 1
    section: str  # the id of the heading it sits under ('' above the first)
    heading: str  # that heading's words (the page's title above the first)


@dataclass
class _Span:
    start: int  # offsets in the page's text
    end: int
    kind: str
    key: str
    line: int
    section: str
    continuation: str = ""  # what starts each continuation line (indentation, '> ')
    lines: list[str] = field(default_factory=list)


@dataclass
class SegmentedPage:
    """A page's text and its segments; `fill` writes it again with other texts."""

    text: str
    segments: list[Segment]
    spans: list[tuple[int, int, str]]  # per segment: start and end offset, continuation prefix
    description_span: tuple[int, int] | None = None

    def by_key(self) -> dict[str, Segment]:
        return {segment.key: segment for segment in self.segments}

    def fill(self, texts: Mapping[str, str]) -> str:
        """The page with `texts[key]` in place of each segment named; the others, and everything
        that is not a segment, as they are. An unchanged text gives back the same bytes."""
        out, at = [], 0
        for segment, (start, end, continuation) in sorted(
            zip(self.segments, self.spans, strict=True), key=lambda pair: pair[1][0]
        ):
            new = texts.get(segment.key)
            out.append(self.text[at:start])
            if new is None or new == segment.text:
                out.append(self.text[start:end])
            elif segment.kind == "description":
                out.append(yaml_scalar(new))
            else:
                out.append(new.replace("\n", "\n" + continuation))
            at = end
        out.append(self.text[at:])
        return "".join(out)


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar on one line: plain when YAML reads it back the same, else double-quoted."""
    import json

    try:
        plain_ok = load_yaml(f"k: {value}") == {"k": value}
    except Exception:  # any YAML error: quote it
        plain_ok = False
    return value if plain_ok and value == value.strip() else json.dumps(value, ensure_ascii=False)


def protected(text: str) -> Counter[str]:
    """What a translation of `text` must keep: its link targets, attribute lists, autolinks and code."""
    return Counter(next(value for value in match.groups() if value) for match in PROTECTED.finditer(text))


def translatable(text: str) -> bool:
    """A segment worth translating holds a letter (a table cell of digits is left out)."""
    return bool(LETTER.search(PROTECTED.sub("", text)))


# --- The segmenter ---------------------------------------------------------------------------------


@dataclass
class _Block:
    name: str
    scope: str  # the key prefix of what it holds
    option: int = 0  # in a quiz: the current option
    right: bool = False  # in a quiz: whether the current option is right


class _Segmenter:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.offsets = []
        at = 0
        for line in self.lines:
            self.offsets.append(at)
            at += len(line) + 1
        self.spans: list[_Span] = []
        self.section = ""
        self.headings: dict[str, str] = {}
        self.counts: Counter[str] = Counter()
        self.blocks: list[_Block] = []
        self.open: _Span | None = None  # the segment a next line of text continues
        self.description: tuple[int, int] | None = None

    # --- helpers

    def count(self, scope: str, part: str) -> int:
        self.counts[f"{scope}/{part}"] += 1
        return self.counts[f"{scope}/{part}"]

    @property
    def scope(self) -> str:
        return self.blocks[-1].scope if self.blocks else (self.section or "top")

    @property
    def block(self) -> str:
        return self.blocks[-1].name if self.blocks else ""

    def add(
        self, index: int, column: int, kind: str, key: str, continuable: bool = False, end: int | None = None
    ) -> _Span | None:
        """A segment from `column` of line `index` to `end` or the end of the line (trailing spaces left out)."""
        line = self.lines[index]
        body = line[column:end].rstrip()
        self.open = None
        if not body:
            return None
        start = self.offsets[index] + column
        span = _Span(start, start + len(body), kind, key, index + 1, self.section, lines=[body])
        self.spans.append(span)
        if continuable:
            self.open = span
        return span

    def extend(self, span: _Span, index: int, column: int) -> None:
        line = self.lines[index]
        body = line[column:].rstrip()
        if not span.continuation:
            span.continuation = line[:column]
        span.end = self.offsets[index] + column + len(body)
        span.lines.append(body)

    # --- the page

    def run(self) -> SegmentedPage:
        index = self.front_matter()
        fence: str | None = None
        while index < len(self.lines):
            line = self.lines[index]
            if fence is not None:
                if line.strip().startswith(fence):
                    fence = None
                index += 1
                continue
            opening = FENCE.match(line)
            if opening:
                fence, self.open = opening.group(1)[0] * 3, None
                index += 1
                continue
            if line.strip().startswith("<!--"):
                while index < len(self.lines) and "-->" not in self.lines[index]:
                    index += 1
                self.open = None
                index += 1
                continue
            index = self.line(index)
        return self.result()

    def front_matter(self) -> int:
        if not self.lines or self.lines[0].strip() != "---":
            return 0
        end = next((i for i in range(1, len(self.lines)) if self.lines[i].strip() in ("---", "...")), None)
        if end is None:
            return 0
        for i in range(1, end):
            match = re.match(r"^description[ \t]*:[ \t]*", self.lines[i])
            if not match:
                continue
            last = i
            while last + 1 < end and self.lines[last + 1][:1] in (" ", "\t"):
                last += 1
            start = self.offsets[i] + match.end()
            stop = self.offsets[last] + len(self.lines[last].rstrip())
            self.description = (start, stop)
            break
        return end + 1

    def line(self, index: int) -> int:
        line = self.lines[index]
        if not line.strip():
            self.open = None
            return index + 1
        if BLOCK_END.match(line):
            if self.blocks:
                self.blocks.pop()
            self.open = None
            return index + 1
        start = BLOCK_START.match(line)
        if start:
            return self.block_start(index, start)
        if self.block == "quiz":
            self.quiz_line(index)
            return index + 1
        if self.blocks and BLOCKS.get(self.block) is not None and self._raw(self.block):
            return index + 1  # a placeholder block: nothing to translate
        heading = HEADING.match(line)
        if heading:
            self.heading(index, heading)
            return index + 1
        if TABLE_ROW.match(line):
            self.table_row(index)
            return index + 1
        if LITERAL_LINE.match(line):
            self.open = None
            return index + 1
        for pattern, kind in ((ABBREVIATION, "abbreviation"), (FOOTNOTE, "footnote"), (DEFINITION, "definition")):
            match = pattern.match(line)
            if match:
                self.add(index, match.start("text"), kind, self.key(kind), continuable=True)
                return index + 1
        match = ADMONITION.match(line)
        if match:
            self.add(index, match.start("text"), "note title", self.key("note title"))
            return index + 1
        item = LIST_ITEM.match(line)
        if item:
            kind = LIST_KIND.get(self.block, "list item")
            self.add(index, item.start("text"), kind, self.key(kind), continuable=True)
            return index + 1
        quote = QUOTE.match(line)
        if quote:
            if self.open is not None and self.open.kind == "quote" and quote["text"].strip():
                self.extend(self.open, index, quote.start("text"))
            elif quote["text"].strip():
                self.add(index, quote.start("text"), "quote", self.key("quote"), continuable=True)
            else:
                self.open = None
            return index + 1
        column = len(line) - len(line.lstrip())
        if self.open is not None:
            self.extend(self.open, index, column)
            return index + 1
        kind = TEXT_KIND.get(self.block, "paragraph")
        self.add(index, column, kind, self.key(kind), continuable=True)
        return index + 1

    def key(self, kind: str) -> str:
        part = KEY_PART.get(kind, "p")
        return f"{self.scope}/{part}-{self.count(self.scope, part)}"

    @staticmethod
    def _raw(name: str) -> bool:
        block = BLOCKS[name]
        return block.on_markdown(block.__new__(block)) == "raw"

    def block_start(self, index: int, start: re.Match[str]) -> int:
        name = start["name"]
        settings: dict[str, str] = {}
        after = index + 1
        while after < len(self.lines) and (setting := SETTING.match(self.lines[after])):
            settings[setting["key"]] = setting["value"]
            after += 1
        if name == "exercise" and settings.get("id"):
            scope = f"exercise:{settings['id']}"
        else:
            short = "q" if name == "quiz" else name
            scope = f"{self.scope}/{short}-{self.count(self.scope, short)}"
        self.blocks.append(_Block(name, scope))
        block = BLOCKS.get(name)
        title = name in TITLE_KIND and block is not None and not getattr(block, "CHOICES", None)
        if title and start["arg"]:
            self.add(index, start.start("arg"), TITLE_KIND[name], f"{scope}/title", end=start.end("arg"))
        self.open = None
        return after

    def quiz_line(self, index: int) -> None:
        line, quiz = self.lines[index], self.blocks[-1]
        option = OPTION.match(line)
        if option:
            quiz.option += 1
            quiz.right = option["mark"] in ("x", "X")
            kind = "quiz option, " + ("right answer" if quiz.right else "wrong answer")
            self.add(index, option.start("text"), kind, f"{quiz.scope}/option-{quiz.option}")
            return
        column = len(line) - len(line.lstrip())
        if self.open is not None and self.open.kind.startswith("feedback"):
            self.extend(self.open, index, column)
            return
        kind = "feedback on a " + ("right answer" if quiz.right else "wrong answer")
        key = f"{quiz.scope}/option-{quiz.option}/feedback"
        taken = self.count(key, "feedback") - 1  # a second feedback paragraph, after an empty line
        self.add(index, column, kind, key + (f"-{taken + 1}" if taken else ""), continuable=True)

    def heading(self, index: int, match: re.Match[str]) -> None:
        ids = [token["id"] for token in ATTR_TOKEN.finditer(match["attrs"] or "") if token["id"]]
        level = len(match["hashes"])
        if level == 1 and not self.blocks:
            self.section, key, kind = "", "title", "title"
        elif ids and not self.blocks:
            self.section, key, kind = ids[0], f"{ids[0]}/heading", "heading"
        else:
            key, kind = self.key("heading"), "heading"
        self.add(index, match.start("text"), kind, key, end=match.end("text"))
        if kind == "title" or key == f"{self.section}/heading":
            self.headings[self.section] = match["text"]

    def table_row(self, index: int) -> None:
        line = self.lines[index]
        self.open = None
        previous = self.lines[index - 1] if index else ""
        if not TABLE_ROW.match(previous):
            self.count(self.scope, "table")
            self.counts[f"{self.scope}/row"] = 0
        if TABLE_RULE.match(line):
            return
        table = self.counts[f"{self.scope}/table"]
        row = self.counts[f"{self.scope}/row"]
        self.counts[f"{self.scope}/row"] += 1
        borders = [m.start() for m in CELL_BORDER.finditer(_without_code(line))]
        kind = "table heading" if row == 0 else "table cell"
        for column, (left, right) in enumerate(itertools.pairwise(borders), start=1):
            cell = line[left + 1 : right]
            body = cell.strip()
            if not body:
                continue
            start = self.offsets[index] + left + 1 + (len(cell) - len(cell.lstrip()))
            key = f"{self.scope}/table-{table}/row-{row}/cell-{column}"
            self.spans.append(_Span(start, start + len(body), kind, key, index + 1, self.section, lines=[body]))

    def result(self) -> SegmentedPage:
        segments: list[Segment] = []
        spans: list[tuple[int, int, str]] = []
        description = None
        if self.description is not None:
            value = _description(self.text)
            if value is not None:
                start, end = self.description
                self.spans.insert(0, _Span(start, end, "description", "description", 0, "", lines=[value]))
                description = self.description
        for span in self.spans:
            text = "\n".join(part.strip() for part in span.lines) if span.kind != "description" else span.lines[0]
            if span.kind != "description" and not translatable(text):
                continue
            line = span.line or _line_of(self.text, span.start)
            heading = self.headings.get(span.section, self.headings.get("", ""))
            segments.append(Segment(len(segments) + 1, span.key, span.kind, text, line, span.section, heading))
            spans.append((span.start, span.end, span.continuation))
        return SegmentedPage(self.text, segments, spans, description)


def _without_code(line: str) -> str:
    """The line with inline code blanked out, so that a `|` in code is no cell border."""
    return re.sub(r"(`+)(.+?)\1", lambda m: " " * len(m.group(0)), line)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _description(text: str) -> str | None:
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return None
    try:
        data = load_yaml("\n".join(lines[1:end]))
    except Exception:  # the source check names a broken front matter
        return None
    value = data.get("description") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def segment(text: str) -> SegmentedPage:
    """The segments of a page, given its text (Unix line ends, no byte-order mark)."""
    return _Segmenter(text).run()


# --- A translation's segments matched with its source's --------------------------------------------

DIGITS = re.compile(r"\d+")
GAP = -1.0  # a segment one page has and the other has not (a translator's note, a part not yet translated)


def match(source: list[Segment], translation: list[Segment]) -> dict[str, Segment]:
    """For each segment of a source page (by key), the segment of a translation in its place.

    Sections are matched by their heading id; within a section, segments of the same kind in the
    same order, which is all there is to it when the two have the same parts (keys). When a
    translation has a part its source has not (a translator's note) or lacks one (not carried
    over yet), the pairing that keeps the most alike segments together wins: same kind always,
    then the same link targets and numbers, then a similar length."""
    found: dict[str, Segment] = {}
    theirs: dict[str, list[Segment]] = {}
    for segment_ in translation:
        theirs.setdefault(segment_.section, []).append(segment_)
    mine: dict[str, list[Segment]] = {}
    for segment_ in source:
        mine.setdefault(segment_.section, []).append(segment_)
    for section, originals in mine.items():
        others = theirs.get(section, [])
        if [s.kind for s in originals] == [s.kind for s in others]:
            found.update({s.key: t for s, t in zip(originals, others, strict=True)})
            continue
        for s, t in _aligned(originals, others):
            found[s.key] = t
    return found


def _likeness(a: Segment, b: Segment) -> float | None:
    if a.kind != b.kind:
        return None
    score = 2.0
    score += 1.0 if protected(a.text) == protected(b.text) else 0.0
    score += 0.5 if sorted(DIGITS.findall(a.text)) == sorted(DIGITS.findall(b.text)) else 0.0
    longer, shorter = max(len(a.text), len(b.text)) + 10, min(len(a.text), len(b.text)) + 10
    return score - (longer / shorter - 1)


def _aligned(a: list[Segment], b: list[Segment]) -> list[tuple[Segment, Segment]]:
    """The best pairing of two runs of segments, in order (Needleman–Wunsch)."""
    rows, cols = len(a) + 1, len(b) + 1
    best = [[0.0] * cols for _ in range(rows)]
    step = [[""] * cols for _ in range(rows)]
    for i in range(1, rows):
        best[i][0], step[i][0] = best[i - 1][0] + GAP, "up"
    for j in range(1, cols):
        best[0][j], step[0][j] = best[0][j - 1] + GAP, "left"
    for i in range(1, rows):
        for j in range(1, cols):
            choices = [(best[i - 1][j] + GAP, "up"), (best[i][j - 1] + GAP, "left")]
            alike = _likeness(a[i - 1], b[j - 1])
            if alike is not None:
                choices.append((best[i - 1][j - 1] + alike, "both"))
            best[i][j], step[i][j] = max(choices)
    pairs = []
    i, j = len(a), len(b)
    while i and j:
        if step[i][j] == "both":
            pairs.append((a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif step[i][j] == "up":
            i -= 1
        else:
            j -= 1
    return pairs[::-1]
