"""What changed in a source page since a translation of it was last brought up to
date (or reviewed), segment by segment (course/translation/segments.py): the old
and the new text of each changed segment, the changed words marked, and where to
work in the translation (its segment, under its heading, at its line).

The old text comes from the version kept when the translation was last
refreshed (course/translation/snapshots.py): no history, no git. The same
changes are shown in the page's notice, on the translation status page, and by
`translation_status.py --diff` in a terminal.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from course.sources.source_text import read_text
from course.translation import snapshots
from course.translation.segments import Segment, match, segment
from course.translation.status import UnitState

TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class SegmentChange:
    action: str  # "changed", "added" or "removed"
    old: Segment | None  # in the version the translation was made from
    new: Segment | None  # in the page as it is now
    # The translation's segment to update (changed), to delete (removed), or after which to add (added).
    where: Segment | None
    heading: str  # the translation's heading of the section it sits in

    @property
    def section(self) -> str:
        return (self.new or self.old).section  # type: ignore[union-attr]


@dataclass
class PageChanges:
    state: UnitState
    kept: bool  # False when the version it was made from was not kept: nothing to compare with
    changes: list[SegmentChange]

    @property
    def origin(self) -> str:
        return f"docs/{self.state.made_from}/{self.state.page}"


def align(old: Sequence[Segment], new: Sequence[Segment]) -> list[tuple[Segment | None, Segment | None]]:
    """The segments of two versions of a page, paired: section by section (by heading id), the
    same text with the same text, a changed one with the one in its place; None on one side for a
    segment added or removed."""
    pairs: list[tuple[Segment | None, Segment | None]] = []
    sections = list(dict.fromkeys([s.section for s in new] + [s.section for s in old]))
    for section in sections:
        before = [s for s in old if s.section == section]
        after = [s for s in new if s.section == section]
        matcher = SequenceMatcher(None, [(s.kind, s.text) for s in before], [(s.kind, s.text) for s in after])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                pairs += zip(before[i1:i2], after[j1:j2], strict=True)
                continue
            olds, news = before[i1:i2], after[j1:j2]
            while olds and news and _family(olds[0]) == _family(news[0]):
                pairs.append((olds.pop(0), news.pop(0)))
            pairs += [(o, None) for o in olds] + [(None, n) for n in news]
    return pairs


def _family(s: Segment) -> str:
    """Segments that may replace one another: an option stays an option when its [x] moves."""
    return s.kind.split(",")[0].replace("feedback on a right answer", "feedback on a wrong answer")


def compare(old_text: str, new_text: str, translation_text: str) -> list[SegmentChange]:
    """The changes from `old_text` to `new_text` (two versions of a source page), placed in the
    translation `translation_text`."""
    translation = segment(translation_text).segments
    before = segment(old_text).segments
    by_key = match(before, translation)  # each old segment's place in the translation
    headings = {s.section: s.heading for s in translation}
    found: list[SegmentChange] = []
    last_old: Segment | None = None
    for old, new in align(before, segment(new_text).segments):
        if old is not None and new is not None and (old.kind, old.text) == (new.kind, new.text):
            last_old = old
            continue
        section = (new or old).section  # type: ignore[union-attr]
        heading = headings.get(section, (new or old).heading)  # type: ignore[union-attr]
        if old is None:
            anchor = last_old if last_old is not None and last_old.section == section else None
            where = by_key.get(anchor.key if anchor else f"{section}/heading")
            found.append(SegmentChange("added", None, new, where, heading))
            continue
        action = "removed" if new is None else "changed"
        found.append(SegmentChange(action, old, new, by_key.get(old.key), heading))
        last_old = old
    return found


def page_changes(docs_dir: Path, state: UnitState) -> PageChanges | None:
    """What changed in the page `state`'s translation was made from, since it was last brought up to
    date; None unless it is out of date (a translation, not an untranslated copy)."""
    if state.state != "outdated" or state.translation == "untranslated" or state.since is None:
        return None
    origin = Path(docs_dir) / str(state.made_from) / state.page
    old = snapshots.text_of(docs_dir, state.since)
    if old is None or not origin.is_file():
        return PageChanges(state, False, [])
    translation = read_text(Path(docs_dir) / state.lang / state.page)
    return PageChanges(state, True, compare(old, read_text(origin), translation))


# --- The changed words --------------------------------------------------------------------------


def word_diff(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Both texts as runs of (words, changed): what the new text lacks of the old one, and the
    reverse. A space between two changed words is part of the change."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    before: list[tuple[str, bool]] = []
    after: list[tuple[str, bool]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            before.append(("".join(a[i1:i2]), False))
            after.append(("".join(b[j1:j2]), False))
            continue
        if i2 > i1:
            before.append(("".join(a[i1:i2]), True))
        if j2 > j1:
            after.append(("".join(b[j1:j2]), True))
    return _joined(before), _joined(after)


def _joined(runs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for i, (text, changed) in enumerate(runs):
        if not changed and text.isspace() and 0 < i < len(runs) - 1 and runs[i - 1][1] and runs[i + 1][1]:
            changed = True
        if out and out[-1][1] == changed:
            out[-1] = (out[-1][0] + text, changed)
        else:
            out.append((text, changed))
    return out


# --- As HTML, in the reader's words ----------------------------------------------------------------


def changes_html(found: PageChanges, words: dict[str, Any], source_lang: str, direction: str = "ltr") -> str:
    """The changes as an ordered list; `words` is the `translation_status: changes:` of the page's
    language; the texts are marked as being in `source_lang`."""
    if not found.kept:
        return f'<p class="source-changes__unknown">{html.escape(words["unknown"])}</p>'
    if not found.changes:
        return f'<p class="source-changes__none">{html.escape(words["only_settings"])}</p>'
    items = []
    for change in found.changes:
        where = _where(change, words)
        texts = []
        if change.action == "changed" and change.old and change.new:
            before, after = word_diff(change.old.text, change.new.text)
            texts.append(_text(words["before"], before, "del", source_lang, direction, "old"))
            texts.append(_text(words["now"], after, "ins", source_lang, direction, "new"))
        elif change.action == "added" and change.new:
            texts.append(_text(words["added"], [(change.new.text, True)], "ins", source_lang, direction, "new"))
        elif change.old:
            texts.append(_text(words["removed"], [(change.old.text, True)], "del", source_lang, direction, "old"))
        number = change.where.number if change.where else ""
        items.append(
            f'<li class="source-change source-change--{change.action}" data-change="{change.action}" '
            f'data-segment="{number}"><p class="source-change__where">{where}</p>{"".join(texts)}</li>'
        )
    return f'<ol class="source-changes__list">{"".join(items)}</ol>'


def _where(change: SegmentChange, words: dict[str, Any]) -> str:
    if change.where is None:
        return html.escape(change.heading)
    template = words["where_new"] if change.action == "added" else words["where"]
    return html.escape(
        template.replace("{number}", str(change.where.number))
        .replace("{heading}", _plain(change.heading))
        .replace("{line}", str(change.where.line))
    )


def _plain(heading: str) -> str:
    """A heading's words without Markdown's marks."""
    return re.sub(r"[*_`]|\{[^}]*\}", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)).strip()


def _text(label: str, runs: list[tuple[str, bool]], mark: str, lang: str, direction: str, which: str) -> str:
    body = "".join(f"<{mark}>{html.escape(t)}</{mark}>" if changed else html.escape(t) for t, changed in runs)
    return (
        f'<p class="source-change__{which}"><span class="source-change__label">{html.escape(label)}</span> '
        f'<span class="source-change__text" lang="{lang}" dir="{direction}">{body}</span></p>'
    )


def details_html(found: PageChanges, words: dict[str, Any], source_lang: str, direction: str = "ltr") -> str:
    """The changes folded under a summary that counts them: for a page's notice."""
    count = len(found.changes) if found.kept else "?"
    summary = html.escape(words["summary"]).replace("{count}", str(count))
    return (
        f'<details class="source-changes"><summary>{summary}</summary>'
        f"{changes_html(found, words, source_lang, direction)}</details>"
    )


# --- As text, for a terminal ---------------------------------------------------------------------------


def changes_text(found: PageChanges) -> list[str]:
    """The changes as lines for a terminal, the changed words marked as git's word diff marks
    them: [-removed-] and {+added+}."""
    state = found.state
    since = f" (reviewed on {state.reviewed_on})" if state.was_reviewed else ""
    out = [f"{state.path}{since}: what changed in {found.origin} since {state.recorded_hash}"]
    if not found.kept:
        out.append(
            f"  the version it was made from ({state.recorded_hash}) was not kept: compare {state.path} "
            f"with {found.origin} yourself"
        )
        return out
    if not found.changes:
        out.append("  only settings changed (ids, links, quiz settings): the words to translate are the same")
    for change in found.changes:
        where = change.where
        kind = (change.new or change.old).kind  # type: ignore[union-attr]
        place = f"under “{_plain(change.heading)}”"
        if where is None:
            out.append(f"  {change.action} {kind}, {place}")
        elif change.action == "added":
            out.append(f"  added {kind}: after segment {where.number}, {place}, {state.path}:{where.line}")
        else:
            out.append(f"  {change.action} segment {where.number} ({kind}), {place}, {state.path}:{where.line}")
        if change.action == "changed" and change.old and change.new:
            before, after = word_diff(change.old.text, change.new.text)
            out.append("    before: " + "".join(f"[-{t}-]" if c else t for t, c in before))
            out.append("    now:    " + "".join(f"{{+{t}+}}" if c else t for t, c in after))
        elif change.action == "added" and change.new:
            out.append("    new:    {+" + change.new.text + "+}")
        elif change.old:
            out.append("    before: [-" + change.old.text + "-]")
    return out
