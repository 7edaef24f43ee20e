"""Files for translation tools (Poedit, Weblate, OmegaT, Crowdin, memoQ…): a
language exported as gettext PO files, one per page, and a translated file
imported back into docs/<lang>/.

One entry per segment (course/translation/segments.py): the text of the page
the translation is made from as `msgid`, the translation as `msgstr` where it
exists; `msgctxt` is the segment's place (`forms/item-2`), which stays the same
when other parts of the page change, so that `msgmerge` carries translations
over to a new export. An entry whose source changed since the translation was
last brought up to date is fuzzy, with the previous source text (`#| msgid`,
from the version kept in translation-sources/). Comments say what the segment
is ("quiz option, wrong answer"), under which heading it sits, and where it is
in both files.

Import changes only text: heading ids, block lines and settings, the `[x]`
answer keys, list and table markup stay as they are, and a translation must
keep the link targets and code of its source. A file that would change any of
them, a file for another language or page, or one that is no PO file at all is
refused with the file, the entry's line and what to do, and nothing in docs/
is written: every file is checked before any page is.

The PO format itself is polib's (reading, writing, escaping, wrapping, fuzzy
and previous entries), not ours.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polib

from course.errors import ContentError
from course.sources import strings
from course.sources.source_text import read_text
from course.translation import snapshots
from course.translation.changes import align
from course.translation.segments import Segment, SegmentedPage, match, protected, segment
from course.translation.status import FROM_KEY, UnitState, set_front_matter, unit_state, write_atomically

PAGE_HEADER = "X-Course-Page"  # docs/<lang>/<page>: the page the file is the translation of
SOURCE_HEADER = "X-Course-Source"  # docs/<lang>/<page>: the page its msgids come from
SOURCE_VERSION_HEADER = "X-Course-Source-Version"  # that page's hash at export
FOLDER = "translation-files"  # where exported files go by default: translation-files/<lang>/<page>.po
ONE_LINE = {
    "description",
    "title",
    "heading",
    "table heading",
    "table cell",
    "quiz question",
    "quiz option, right answer",
    "quiz option, wrong answer",
    "exercise title",
    "picture caption",
    "note title",
}
# What Markdown or the course's blocks read at the start of a line: never the start of a translated line.
LINE_MARK = re.compile(r"^(?:[-*+][ \t]|\d+[.)][ \t]|#{1,6}[ \t]|>|\[[ xX]?\][ \t]?|/{3,}|\||:[ \t]|!!!|\?\?\?)")
IMPORT = ".venv/bin/python scripts/translation_files.py import"
EXPORT = ".venv/bin/python scripts/translation_files.py export"


# --- Export ----------------------------------------------------------------------------------------


@dataclass
class Exported:
    page: str
    path: Path | None  # None when nothing was written (a source page)
    entries: int = 0
    translated: int = 0
    fuzzy: int = 0
    note: str = ""


def catalog(docs_dir: Path, strings_dir: Path, lang: str, page: str, base: str | None = None) -> polib.POFile | None:
    """The PO file of docs/<lang>/<page>; None for a page in its source language. Its msgids come
    from the page the translation was made from, or, for a page not translated yet, from `base`
    (default: the page's source language, the original)."""
    state = unit_state(docs_dir, lang, page)
    if state.translation == "source":
        return None
    if state.state == "missing":
        raise ContentError(Path(docs_dir) / lang / page, "this page is missing", state.advice or "copy it first")
    untranslated = state.translation == "untranslated"
    origin_lang = (base or state.source_language) if untranslated else state.made_from
    origin = Path(docs_dir) / str(origin_lang) / page
    if not origin.is_file():
        raise ContentError(origin, "the page to translate from does not exist", "export from another language (--from)")
    source = segment(read_text(origin))
    translation = segment(read_text(Path(docs_dir) / lang / page))
    old = None if untranslated else _old_source(docs_dir, state)
    previous = {} if old is None else {new.key: was for was, new in align(old, source.segments) if was and new}
    mine = match(old if old is not None else source.segments, translation.segments)
    words = strings.load_strings(lang, strings_dir)
    po = polib.POFile(wrapwidth=0)  # one line per text, as in the pages (tools wrap as they like)
    po.header = (
        f"Translation of docs/{origin_lang}/{page} into {words['language_name']} ({lang}).\n"
        f"Translate each msgstr; keep link targets (…) and code `…` as they are.\n"
        f"Import it with: {IMPORT} {lang} FILE (TRANSLATING.md)"
    )
    po.metadata = {
        "Project-Id-Version": f"peer-support-course {page}",
        "POT-Creation-Date": _now(),
        "PO-Revision-Date": _now(),
        "Last-Translator": "",
        "Language-Team": f"{words['language_name']} ({lang})",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        PAGE_HEADER: f"docs/{lang}/{page}",
        SOURCE_HEADER: f"docs/{origin_lang}/{page}",
        SOURCE_VERSION_HEADER: snapshots.content_hash(origin),
    }
    for item in source.segments:
        there: Segment | None = None
        fuzzy, before = False, None
        if not untranslated:
            if old is not None:
                was = previous.get(item.key)
                there = mine.get(was.key) if was is not None else None
                if was is not None and (was.kind, was.text) != (item.kind, item.text):
                    fuzzy, before = True, was.text
            else:
                there = mine.get(item.key)
                # out of date, and the version it was made from was not kept: every entry to check
                fuzzy = state.state == "outdated"
        entry = polib.POEntry(
            msgctxt=item.key,
            msgid=item.text,
            msgstr=there.text if there is not None else "",
            occurrences=[(f"docs/{origin_lang}/{page}", str(item.line))],
            comment=_comment(item, there, lang, page, words, state),
        )
        if fuzzy and entry.msgstr:
            entry.flags.append("fuzzy")
            entry.previous_msgid = before
        po.append(entry)
    return po


def _now() -> str:
    """The time of the export, as gettext writes it (SOURCE_DATE_EPOCH when set: the same files twice)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return when.strftime("%Y-%m-%d %H:%M+0000")


def _old_source(docs_dir: Path, state: UnitState) -> list[Segment] | None:
    """For an out-of-date translation, the segments of its source as they were when it was last brought
    up to date; None when it is up to date, or when that version was not kept."""
    if state.state != "outdated" or state.since is None:
        return None
    old = snapshots.text_of(docs_dir, state.since)
    return None if old is None else segment(old).segments


def _comment(
    item: Segment, there: Segment | None, lang: str, page: str, words: dict[str, Any], state: UnitState
) -> str:
    lines = [f"{item.kind}, segment {item.number}, under “{item.heading}”"]
    if there is not None:
        lines.append(f"In the translation: docs/{lang}/{page}:{there.line}")
    if item.kind.startswith("feedback on a"):
        opener = words["quiz"]["feedback_right" if "right" in item.kind else "feedback_wrong"]
        lines.append(
            f"Open it with “{opener}” (i18n/{lang}.yml, quiz.feedback_{'right' if 'right' in item.kind else 'wrong'})"
        )
    kept = sorted(protected(item.text))
    if kept:
        lines.append("Keep as they are: " + " ".join(kept))
    return "\n".join(lines)


def export(
    docs_dir: Path, strings_dir: Path, lang: str, pages: list[str], target: Path, base: str | None = None
) -> list[Exported]:
    """Write the PO file of each page of `pages` into `target` (<page>.po, folders kept)."""
    done = []
    for page in pages:
        po = catalog(docs_dir, strings_dir, lang, page, base)
        if po is None:
            done.append(Exported(page, None, note="in its source language here: nothing to translate"))
            continue
        path = Path(target) / f"{page[: -len('.md')]}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, str(po) + "\n")
        done.append(
            Exported(
                page,
                path,
                len(po),
                sum(1 for e in po if e.msgstr and not e.fuzzy),
                sum(1 for e in po if e.fuzzy),
            )
        )
    return done


# --- Import ------------------------------------------------------------------------------------------


@dataclass
class Imported:
    file: Path
    page: str
    text: str  # the page's new text, as it will be written
    changed: int  # segments whose text changed
    fuzzy: int  # entries still marked fuzzy
    untranslated: int  # entries with no translation
    stale: int  # entries translated from another text of the source than today's
    now_draft: bool = False  # an untranslated page that the file translates whole
    notes: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return self.changed == 0 and not self.now_draft


def read_po(file: Path) -> polib.POFile:
    """The file as polib reads it, or a ContentError naming it."""
    try:
        return polib.pofile(str(file), wrapwidth=0)
    except (OSError, ValueError, UnicodeDecodeError) as err:
        line = _line_in(str(err))
        raise ContentError(
            file,
            f"this is not a PO file that can be read: {err}",
            "open it in your translation tool and save it again as PO, or export the page again "
            f"(`{EXPORT} LANG PAGE`)",
            line=line,
        ) from None


def _line_in(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found[1]) if found else None


def prepare(docs_dir: Path, lang: str, file: Path, languages: list[str]) -> Imported:
    """The page a translated PO file makes, checked (a ContentError names the file, the entry and the
    fix); nothing is written."""
    po = read_po(file)
    page = _page_of(po, file, lang)
    path = Path(docs_dir) / lang / page
    state = unit_state(docs_dir, lang, page)
    if state.translation == "source":
        raise ContentError(file, f"docs/{lang}/{page} is the source page: it is not translated", "import another file")
    origin_lang = _origin_of(po, file, lang, page, languages, state)
    raw = path.read_bytes()
    bom = raw.startswith(codecs.BOM_UTF8)
    current = raw.decode("utf-8-sig")
    crlf = "\r\n" in current
    translation = segment(current.replace("\r\n", "\n"))
    source = segment(read_text(Path(docs_dir) / origin_lang / page))
    entries = _entries(po, file)
    mine, theirs = translation.by_key(), source.by_key()
    unknown = [e for key, e in entries.items() if key not in mine and key not in theirs]
    if unknown or set(entries) != set(theirs):
        culprit = unknown[0] if unknown else None
        raise ContentError(
            file,
            (f"the entry “{culprit.msgctxt}” is not a part of docs/{lang}/{page} or of its source: this file was "
             "made for another version of the page") if culprit else
            f"docs/{origin_lang}/{page} has changed its parts since this file was exported",
            f"export the page again (`{EXPORT} {lang} {page}`) and merge your file into the new one with "
            "msgmerge, or translate the new file (TRANSLATING.md)",
            line=culprit.linenum if culprit else None,
        )  # fmt: skip
    texts = {key: _normal(e.msgstr) for key, e in entries.items() if e.msgstr.strip()}
    # Each entry's place in the translation: the translation keeps its own shape (a translator's note,
    # its glossary's order) unless the file fills a part it lacks; then the page takes its source's shape.
    placed = match(source.segments, translation.segments)
    if all(key in placed for key in texts):
        base, texts_in_base = translation, {placed[key].key: text for key, text in texts.items()}
        entry_of = {placed[key].key: entry for key, entry in entries.items() if key in placed}
    else:
        base, texts_in_base, entry_of = source, texts, entries
    base_segments = base.by_key()
    for key, text in texts.items():
        _check_entry(file, entries[key], text, placed.get(key), theirs.get(key))
    new = base.fill(texts_in_base)
    if base is source:
        new = _with_front_matter(new, current.replace("\r\n", "\n"), texts.get("description"))
    _check_shape(file, entry_of, base, new, texts_in_base, set(base_segments))
    before = {s.text for s in translation.segments}
    changed = sum(1 for text in texts.values() if text not in before)
    untranslated_entries = [e for e in entries.values() if not e.msgstr.strip()]
    found = Imported(
        file,
        page,
        new,
        changed,
        sum(1 for e in entries.values() if e.fuzzy),
        len(untranslated_entries),
        sum(1 for key, e in entries.items() if key in theirs and e.msgid != theirs[key].text),
    )
    if state.translation == "untranslated" and not found.untranslated and not found.fuzzy:
        values = {"translation": "draft", FROM_KEY: None if origin_lang == state.source_language else origin_lang}
        found.text, found.now_draft = set_front_matter(found.text, values), True
    if crlf:
        found.text = found.text.replace("\n", "\r\n")
    if bom:
        found.text = "\ufeff" + found.text
    return found


def _normal(msgstr: str) -> str:
    """A translation as the page holds it: each line without the spaces around it (a tool may add
    some), Unix line ends."""
    return "\n".join(line.strip() for line in msgstr.replace("\r\n", "\n").split("\n")).strip()


def _page_of(po: polib.POFile, file: Path, lang: str) -> str:
    where = str(po.metadata.get(PAGE_HEADER, ""))
    if not where:
        raise ContentError(
            file,
            f"this file was not exported from this course: it has no '{PAGE_HEADER}' line in its header",
            f"export the pages to translate with `{EXPORT} {lang}` and translate those files",
        )
    language = str(po.metadata.get("Language", "")).replace("_", "-")
    if not where.startswith(f"docs/{lang}/") or (language and language.split("-")[0] != lang.split("-")[0]):
        raise ContentError(
            file,
            f"this file is the translation of {where} (language '{language}'), not of a page in docs/{lang}/",
            f"import it for its own language, or export the pages of '{lang}' with `{EXPORT} {lang}`",
        )
    page = where[len(f"docs/{lang}/") :]
    if not page.endswith(".md") or ".." in page.split("/"):
        raise ContentError(
            file, f"'{PAGE_HEADER}: {where}' names no page of the course", f"export the page again (`{EXPORT} {lang}`)"
        )
    return page


def _origin_of(po: polib.POFile, file: Path, lang: str, page: str, languages: list[str], state: UnitState) -> str:
    where = str(po.metadata.get(SOURCE_HEADER, ""))
    origin = where.split("/")[1] if where.count("/") >= 2 else str(state.made_from)
    if origin not in languages or origin == lang:
        raise ContentError(
            file,
            f"'{SOURCE_HEADER}: {where}' is not a page of another language of the course",
            f"export the page again (`{EXPORT} {lang} {page}`)",
        )
    return origin


def _entries(po: polib.POFile, file: Path) -> dict[str, polib.POEntry]:
    found: dict[str, polib.POEntry] = {}
    for entry in po:
        if entry.obsolete:
            continue
        if not entry.msgctxt:
            raise ContentError(
                file,
                f"the entry “{entry.msgid[:60]}” has no context (msgctxt): the course cannot tell where it goes",
                "keep every entry's context as the export wrote it; export the page again if it was lost",
                line=entry.linenum,
            )
        if entry.msgctxt in found:
            raise ContentError(
                file, f"the entry “{entry.msgctxt}” is in the file twice", "delete one of them", line=entry.linenum
            )
        found[entry.msgctxt] = entry
    return found


def _where(entry: polib.POEntry) -> str:
    return f"the entry “{entry.msgctxt}”"


def _check_entry(file: Path, entry: polib.POEntry, text: str, current: Segment | None, source: Segment | None) -> None:
    known = current or source
    kind = known.kind if known is not None else ""
    if kind in ONE_LINE and "\n" in text:
        raise ContentError(
            file,
            f"{_where(entry)} ({kind}) holds a line break: a {kind} is one line on the page",
            "write its translation on one line",
            line=entry.linenum,
        )
    if "\n\n" in text or any(not line.strip() for line in text.split("\n")):
        raise ContentError(
            file,
            f"{_where(entry)} ({kind}) holds an empty line, which would start a new paragraph on the page",
            "write its translation as one paragraph",
            line=entry.linenum,
        )
    marks = [m for m in (LINE_MARK.match(line) for line in text.split("\n")) if m]
    if marks and not any(s is not None and LINE_MARK.match(s.text) for s in (source, current)):
        raise ContentError(
            file,
            f"{_where(entry)} ({kind}) has a line that starts with {marks[0][0].strip()!r}, which "
            "the page would read as a list item, a heading, an answer mark or a block, not as words",
            "start the line with a word (the marks of the page, such as '- [x]', stay where they are)",
            line=entry.linenum,
        )
    kept = protected(text)
    allowed = [protected(s.text) for s in (source, current) if s is not None] or [protected(entry.msgid)]
    if kept not in allowed:
        want = allowed[0]
        missing = sorted((want - kept).elements())
        added = sorted((kept - want).elements())
        said = "; ".join(
            part
            for part in (
                f"it lacks {', '.join(missing)}" if missing else "",
                f"it adds {', '.join(added)}" if added else "",
            )
            if part
        )
        raise ContentError(
            file,
            f"{_where(entry)} ({kind}) changes what a translation keeps as in the source ({said})",
            "keep every link target (…), id {#…} and code `…` of the source text as it is; translate only the words",
            line=entry.linenum,
        )


def _check_shape(
    file: Path,
    entries: dict[str, polib.POEntry],
    base: SegmentedPage,
    new: str,
    texts: dict[str, str],
    expected: set[str],
) -> None:
    """The new page has the same parts as the page it was filled from, and everything between them
    (ids, block lines, settings, [x] marks, list and table markup) is the same to the byte."""
    again = segment(new)
    keys = again.by_key()
    marks = {s.key: f"\0{n}\0" for n, s in enumerate(base.segments)}
    for key, text in texts.items():
        if key not in expected:
            continue
        if key not in keys or keys[key].text != text:
            raise ContentError(
                file,
                f"{_where(entries[key])} would change the page's structure, not only its words "
                "(a list mark, a table's |, a heading's {#id} or a block line in its text?)",
                "translate only the words, and keep the Markdown marks of the source text as they are",
                line=entries[key].linenum,
            )
    if set(keys) != {s.key for s in base.segments} or _body(again.fill(marks)) != _body(base.fill(marks)):
        extra = sorted(set(keys) - {s.key for s in base.segments})
        culprit = next((entries[k] for k in texts if k in entries and k in extra), None) or next(iter(entries.values()))
        raise ContentError(
            file,
            f"{_where(culprit)} would change the page's structure, not only its words",
            "translate only the words, and keep the Markdown marks of the source text as they are",
            line=culprit.linenum,
        )


def _split(text: str) -> tuple[str, str]:
    """A page's front matter (its '---' lines included) and its body."""
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), -1)
    return "\n".join(lines[: end + 1]), "\n".join(lines[end + 1 :])


def _body(text: str) -> str:
    return _split(text)[1]


def _with_front_matter(new: str, current: str, description: str | None) -> str:
    """`new` (made from the source page's shape) with the translation's own front matter."""
    front, _ = _split(current)
    _, body = _split(new)
    if description is not None:
        front = set_front_matter(front + "\n", {"description": description})[:-1]
    return front + "\n" + body


def import_files(docs_dir: Path, lang: str, files: list[Path], languages: list[str]) -> list[Imported]:
    """Check every file, then write the pages they change: all of them, or (on a ContentError) none."""
    prepared = [prepare(docs_dir, lang, Path(file), languages) for file in files]
    pages = [p.page for p in prepared]
    twice = next((p for p in pages if pages.count(p) > 1), None)
    if twice:
        raise ContentError(
            Path(docs_dir) / lang / twice, "two of the files given are translations of this page", "import one of them"
        )
    for found in prepared:
        path = Path(docs_dir) / lang / found.page
        if path.read_bytes() != found.text.encode("utf-8"):
            write_atomically(path, found.text)
    return prepared
