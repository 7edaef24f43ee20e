"""Where each translation stands: for every language and page, one of

- source:       the page in the unit's source language (the original);
- reviewed:     translated and checked by a native speaker;
- draft:        translated, not reviewed yet;
- untranslated: a copy of the page in another language, waiting for a translator;
- outdated:     the page it was made from has changed since it was last brought up to date;
- missing:      the file does not exist (the build stops until it does).

A translation records in its front matter the page it was made from and a hash
of that page as it was when the translation was last brought up to date:

    translated_from: en          # only when it was not made from `source_language`
    source_hash: "3f2a9c0d1b7e"  # written by `translation_status.py refresh`

When the hash of the page it was made from no longer matches, the translation
is outdated. The translator updates it and runs

    .venv/bin/python scripts/translation_status.py refresh <lang> [<page>…]

which also records a hash of the translation's own text (`translation_hash`)
and keeps the version of the source it records (course/translation/snapshots.py),
so that the next time the source changes, what changed can be shown. A native
speaker's review records who, when and against which version:

    translation: reviewed
    reviewed_by: Maria Example    # none for a reviewer who stays unnamed
    reviewed_on: "2026-12-08"
    reviewed_hash: "3f2a9c0d1b7e"  # the source_hash it was reviewed against

A reviewed page counts as reviewed while both texts stay as they were reviewed;
after a change of either, it is out of date (the source changed) or a draft
again (the translation was edited).

One module for the build's notices (hooks/page_front_matter.py), the site's
status page (hooks/translation_status.py) and the command line
(scripts/translation_status.py, scripts/new_language.py).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course.errors import ContentError
from course.sources.front_matter import FrontMatter, check_front_matter, read_front_matter
from course.translation import snapshots
from course.translation.snapshots import HASH_LENGTH, Version, content_hash

# The order the states are shown in, from done to not started.
STATES = ("source", "reviewed", "draft", "outdated", "untranslated", "missing")
HASH_KEY = "source_hash"
FROM_KEY = "translated_from"
# Written by `refresh`: a hash of the translation's own text then, so that the next refresh can tell
# that the source changed and the translation did not.
OWN_HASH_KEY = "translation_hash"
# Written by `review`: who reviewed the translation (or nothing, for a reviewer who stays unnamed),
# when, and against which version of the page it was made from.
REVIEWED_BY_KEY = "reviewed_by"
REVIEWED_ON_KEY = "reviewed_on"
REVIEWED_HASH_KEY = "reviewed_hash"
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HASH_PATTERN = re.compile(rf"^[0-9a-f]{{{HASH_LENGTH}}}$")
REFRESH = ".venv/bin/python scripts/translation_status.py refresh"
RECOPY = ".venv/bin/python scripts/translation_status.py recopy"
REVIEW = ".venv/bin/python scripts/translation_status.py review"
DIFF = ".venv/bin/python scripts/translation_status.py --diff --lang"


def made_from(data: dict[str, Any]) -> str | None:
    """The language of the page a translation was made from."""
    return data.get(FROM_KEY) or data.get("source_language")


# --- A page one language lacks ---------------------------------------------------------------


def page_source_language(docs_dir: Path, page: str, languages: list[str]) -> str | None:
    """The source language recorded by the copies of `page` that exist."""
    for lang in languages:
        path = Path(docs_dir) / lang / page
        if path.is_file():
            try:
                return read_front_matter(path).data.get("source_language")
            except ContentError:
                continue
    return None


def copy_origin(docs_dir: Path, page: str, languages: list[str]) -> str | None:
    """The language a missing copy of `page` is best copied from: its source language when
    that page exists, else the default language (languages[0]), else any language that has it,
    a page someone wrote before an untranslated copy."""
    source = page_source_language(docs_dir, page, languages)
    having = [
        lang
        for lang in dict.fromkeys([source, *languages])
        if lang in languages and (Path(docs_dir) / lang / page).is_file()
    ]
    written = [
        lang
        for lang in having
        if read_front_matter(Path(docs_dir) / lang / page).data.get("translation") != "untranslated"
    ]  # an untranslated copy is only a copy of another language
    return next(iter(written or having), None)


def missing_advice(docs_dir: Path, page: str, lang: str, languages: list[str]) -> str:
    """What to do about docs/<lang>/<page> missing: never a command that would write a translation
    over a source page, and always the --from that makes the command work."""
    source = page_source_language(docs_dir, page, languages)
    if lang == source:
        return (
            f"docs/{lang}/{page} is the source page, which the translations are made from: restore it "
            f"(`git checkout -- docs/{lang}/{page}`, if the project is kept in git) or write it again; "
            "never copy a translation in its place"
        )
    origin = copy_origin(docs_dir, page, languages)
    command = f"{RECOPY} {lang} {page}" + (f" --from {origin}" if origin and origin != languages[0] else "")
    return f"translate docs/{lang}/{page}, or copy it, marked untranslated, with `{command}`"


# --- The state of one page in one language ------------------------------------------------


@dataclass
class UnitState:
    page: str  # the page's path in its language tree, e.g. "trainer/guidelines.md"
    lang: str
    state: str  # one of STATES
    translation: str | None = None  # the front matter's `translation:`
    source_language: str | None = None
    made_from: str | None = None
    recorded_hash: str | None = None
    current_hash: str | None = None
    advice: str = ""  # what to do when the page is missing
    reviewed_on: str | None = None  # the date of the last review, if any
    reviewed_by: str | None = None  # None when the reviewer stays unnamed
    reviewed_hash: str | None = None

    @property
    def path(self) -> str:
        return f"docs/{self.lang}/{self.page}"

    @property
    def was_reviewed(self) -> bool:
        """Marked reviewed, whether or not the review still holds."""
        return self.translation == "reviewed" and self.reviewed_on is not None

    @property
    def since(self) -> Version | None:
        """The version of the page it was made from that the translation was last brought up to date
        with (for an outdated page: what changed since is what to carry over)."""
        if self.recorded_hash is None or self.made_from is None:
            return None
        return Version(self.made_from, self.page, self.recorded_hash)

    @property
    def needs_notice(self) -> str | None:
        """The notice a reader of this page gets: draft, untranslated, outdated, reviewed or none.
        An untranslated copy says it is untranslated even when its copy is stale."""
        if self.translation == "untranslated":
            return "untranslated"
        if self.state in ("draft", "outdated", "reviewed"):
            return self.state
        return None

    def reason(self) -> str:
        """One line for the command line: why this state, and what to do."""
        if self.state == "missing":
            return f"{self.path} is missing: {self.advice}"
        if self.state != "outdated":
            return ""
        origin = f"docs/{self.made_from}/{self.page}"
        if self.translation == "untranslated":
            return (
                f"{self.path} is an untranslated copy of {origin}, which has changed since: "
                f"translate it, or copy it again with `{RECOPY} {self.lang} {self.page}`"
            )
        if self.recorded_hash is None:
            return (
                f"{self.path} records no `{HASH_KEY}`: check it against {origin}, "
                f"then run `{REFRESH} {self.lang} {self.page}`"
            )
        reviewed = f" (reviewed on {self.reviewed_on})" if self.was_reviewed else ""
        return (
            f"{origin} has changed since {self.path}{reviewed} was last brought up to date: update the "
            f"translation (what changed: `{DIFF} {self.lang}`), then run `{REFRESH} {self.lang} {self.page}`"
        )


def _text(value: object) -> str | None:
    """A front-matter value as text (YAML reads an unquoted date as a date)."""
    return None if value is None else str(value)


def unit_state(docs_dir: Path, lang: str, page: str) -> UnitState:
    path = Path(docs_dir) / lang / page
    if not path.is_file():
        return UnitState(page, lang, "missing")
    data = read_front_matter(path).data
    found = UnitState(page, lang, "source", data.get("translation"), data.get("source_language"), made_from(data))
    if found.translation == "source":
        return found
    recorded = data.get(HASH_KEY)
    found.recorded_hash = recorded if isinstance(recorded, str) else None
    found.reviewed_on = _text(data.get(REVIEWED_ON_KEY))
    found.reviewed_by = _text(data.get(REVIEWED_BY_KEY))
    found.reviewed_hash = _text(data.get(REVIEWED_HASH_KEY))
    origin = Path(docs_dir) / str(found.made_from) / page
    found.current_hash = content_hash(origin) if origin.is_file() else None
    if found.current_hash is None or found.recorded_hash != found.current_hash:
        found.state = "outdated"
    elif found.translation == "reviewed":
        found.state = "reviewed" if review_holds(path, data) else "draft"
    elif found.translation is not None:  # None only on a page the front matter check refuses
        found.state = found.translation
    return found


def review_holds(path: Path, data: dict[str, Any]) -> bool:
    """A review counts while the translation is the text reviewed, against the version it records."""
    own = data.get(OWN_HASH_KEY)
    return (
        data.get(REVIEWED_ON_KEY) is not None
        and data.get(REVIEWED_HASH_KEY) == data.get(HASH_KEY)
        and (own is None or own == content_hash(path))
    )


def _page_name(path: Path, lang: str) -> str:
    """docs/<lang>/trainer/guidelines.md -> trainer/guidelines.md"""
    parts = Path(path).parts
    where = max((i for i, part in enumerate(parts) if part == lang), default=len(parts) - 2)
    return "/".join(parts[where + 1 :])


def check_translation_keys(path: Path, fm: FrontMatter, lang: str, languages: list[str]) -> None:
    """The bookkeeping keys of a translation, checked: a mistake names its line and the fix."""
    data = fm.data
    if data.get("translation") == "source":
        for key in (FROM_KEY, HASH_KEY, OWN_HASH_KEY, REVIEWED_BY_KEY, REVIEWED_ON_KEY, REVIEWED_HASH_KEY):
            if key in data:
                raise ContentError(
                    path,
                    f"'{key}' belongs on a translation, and this page is the source",
                    f"delete the line '{key}: …'",
                    line=fm.lines.get(key),
                )
        return
    origin = data.get(FROM_KEY)
    if origin is not None and (origin not in languages or origin == lang):
        raise ContentError(
            path,
            f"{FROM_KEY} '{origin}' is not another language of the site ({', '.join(languages)})",
            f"set it to the language you translated this page from, or delete the line "
            f"(then it is '{data.get('source_language')}', the source language)",
            line=fm.lines.get(FROM_KEY),
        )
    for key in (HASH_KEY, OWN_HASH_KEY, REVIEWED_HASH_KEY):
        recorded = data.get(key)
        if recorded is not None and not (isinstance(recorded, str) and HASH_PATTERN.match(recorded)):
            page = _page_name(path, lang)
            raise ContentError(
                path,
                f"{key} {recorded!r} is not a hash written by the {'review' if key == REVIEWED_HASH_KEY else 'refresh'} command",
                f"delete the line, check the translation, then run `{REFRESH} {lang} {page}`",
                line=fm.lines.get(key),
            )
    reviewed_on = data.get(REVIEWED_ON_KEY)
    if reviewed_on is not None and not DATE_PATTERN.match(str(reviewed_on)):
        raise ContentError(
            path,
            f"{REVIEWED_ON_KEY} {reviewed_on!r} is not a date written by the review command",
            f"write the date of the review as YYYY-MM-DD, or record the review again with `{REVIEW}`",
            line=fm.lines.get(REVIEWED_ON_KEY),
        )
    if data.get("translation") == "reviewed" and (reviewed_on is None or data.get(REVIEWED_HASH_KEY) is None):
        page = _page_name(path, lang)
        raise ContentError(
            path,
            "'translation: reviewed' is recorded by the review command, with who reviewed the page and when",
            f'ask the native speaker who reviewed it to run `{REVIEW} {lang} {page} --by "NAME"` '
            "(TRANSLATING.md), or write 'translation: draft'",
            line=fm.lines.get("translation"),
        )


# --- Every page in every language -----------------------------------------------------------


@dataclass
class Report:
    languages: list[str]
    pages: list[str]
    states: dict[str, dict[str, UnitState]] = field(default_factory=dict)  # lang -> page -> state

    def totals(self, lang: str) -> Counter[str]:
        return Counter(s.state for s in self.states[lang].values())

    def by_state(self, state: str) -> list[UnitState]:
        return [s for lang in self.languages for s in self.states[lang].values() if s.state == state]


def ordered_pages(docs_dir: Path, languages: list[str], nav_order: list[str] | None = None) -> list[str]:
    """Every page of every tree: those in the navigation in its order, then the rest by name."""
    found: set[str] = set()
    for lang in languages:
        tree = Path(docs_dir) / lang
        if tree.is_dir():
            found |= {p.relative_to(tree).as_posix() for p in tree.rglob("*.md")}
    in_nav = [p for p in dict.fromkeys(nav_order or []) if p in found]
    return in_nav + sorted(found - set(in_nav))


def report(docs_dir: Path, languages: list[str], nav_order: list[str] | None = None) -> Report:
    """Where every page stands in every language. A page whose front matter is wrong
    stops it with that page's file and line (the same check as the build's)."""
    result = Report(list(languages), ordered_pages(docs_dir, languages, nav_order))
    for lang in languages:
        for page in result.pages:
            if (Path(docs_dir) / lang / page).is_file():
                check_front_matter(Path(docs_dir) / lang / page, lang, list(languages))
        result.states[lang] = {page: unit_state(docs_dir, lang, page) for page in result.pages}
        for state in result.states[lang].values():
            if state.state == "missing":
                state.advice = missing_advice(docs_dir, state.page, lang, list(languages))
    return result


# --- Editing front matter line by line (comments and order kept) -----------------------------


def set_front_matter(text: str, values: dict[str, str | None], after: str = "translation") -> str:
    """`text` with each key set to its value (a new key goes after `after`), or removed for None.
    Values are written as YAML double-quoted strings when plain YAML would read them otherwise."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    if not lines or lines[0].strip() != "---":
        raise ValueError("the page has no front matter")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    for key, value in values.items():
        where = next((i for i in range(1, end) if re.match(rf"^{re.escape(key)}\s*:", lines[i])), None)
        if value is None:
            if where is not None:
                del lines[where]
                end -= 1
            continue
        line = f"{key}: {_yaml_scalar(value)}"
        if where is not None:
            lines[where] = line
        else:
            anchor = next((i for i in range(1, end) if re.match(rf"^{re.escape(after)}\s*:", lines[i])), end - 1)
            lines.insert(anchor + 1, line)
            end += 1
        after = key
    return newline.join(lines)


def _yaml_scalar(value: str) -> str:
    import json

    import yaml

    if HASH_PATTERN.match(value):
        return f'"{value}"'  # a hash of digits would be read as a number
    try:
        plain_ok = yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        plain_ok = False
    return value if plain_ok else json.dumps(value, ensure_ascii=False)


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step, so that a reader never sees half a page."""
    path = Path(path)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def untranslated_copy(origin: Path, origin_lang: str) -> str:
    """The text of an untranslated copy of `origin`: the same page, marked as a copy of it."""
    text = Path(origin).read_text(encoding="utf-8-sig")
    # A copy of a translation is nobody's translation yet: its review and its own hash stay behind.
    records: dict[str, str | None] = dict.fromkeys((OWN_HASH_KEY, REVIEWED_BY_KEY, REVIEWED_ON_KEY, REVIEWED_HASH_KEY))
    return set_front_matter(
        text, {"translation": "untranslated", FROM_KEY: origin_lang, HASH_KEY: content_hash(origin), **records}
    )


# --- What the translator runs when done ---------------------------------------------------------


@dataclass
class Change:
    page: str
    action: str  # "recorded", "unchanged", "skipped", "copied", "source"
    detail: str = ""


def refresh(
    docs_dir: Path,
    lang: str,
    pages: list[str],
    made_from_lang: str | None = None,
    *,
    no_change_needed: bool = False,
    languages: list[str] | None = None,
) -> list[Change]:
    """Record, in each translation of `lang` among `pages`, the hash of the page it was made
    from as it is now, and the hash of its own text: the translator says "this translation is up
    to date". Untranslated copies and source pages are left alone. `made_from_lang` also records
    which language the translation was made from (dropped when it is the source language).

    A translation whose source changed since its last refresh while its own text did not is not
    recorded (the translator most likely has not carried the change over yet), unless
    `no_change_needed`. A reviewed page whose source or text changed since the review becomes a
    draft again. The version recorded is kept (snapshots), and, given `languages`, the versions no
    translation refers to any more are deleted."""
    changes = []
    for page in pages:
        path = Path(docs_dir) / lang / page
        if not path.is_file():
            changes.append(Change(page, "skipped", f"docs/{lang}/{page} does not exist"))
            continue
        data = read_front_matter(path).data
        translation = data.get("translation")
        if translation == "source":
            changes.append(Change(page, "source", "the source page: nothing to record"))
            continue
        if translation == "untranslated":
            changes.append(
                Change(
                    page,
                    "skipped",
                    "marked `translation: untranslated`: change it to `draft` once "
                    f"you have translated it, or copy it again with `{RECOPY}`",
                )
            )
            continue
        values: dict[str, str | None] = {}
        origin_lang: str | None
        if made_from_lang is not None:
            values[FROM_KEY] = None if made_from_lang == data.get("source_language") else made_from_lang
            origin_lang = made_from_lang
        else:
            origin_lang = made_from(data)
        origin = Path(docs_dir) / str(origin_lang) / page
        if not origin.is_file():
            changes.append(
                Change(page, "skipped", f"docs/{origin_lang}/{page}, which it was made from, does not exist")
            )
            continue
        source_now, own_now = content_hash(origin), content_hash(path)
        untouched = (
            origin_lang == made_from(data)
            and data.get(HASH_KEY) not in (None, source_now)
            and data.get(OWN_HASH_KEY) == own_now
        )
        if untouched and not no_change_needed:
            changes.append(
                Change(
                    page,
                    "warned",
                    f"NOT recorded: docs/{origin_lang}/{page} has changed since the last refresh, but this "
                    f"translation has not. Carry the changes over first (they are listed by `{DIFF} {lang}`); "
                    f"if the translation needs no change, say so: `{REFRESH} {lang} {page} --no-change-needed`",
                )
            )
            continue
        values[HASH_KEY], values[OWN_HASH_KEY] = source_now, own_now
        detail = f"up to date with docs/{origin_lang}/{page} ({source_now})"
        if translation == "reviewed" and not (
            data.get(REVIEWED_HASH_KEY) == source_now and data.get(OWN_HASH_KEY) in (None, own_now)
        ):
            values["translation"] = "draft"
            detail += (
                f"; back to draft: the changes since the review of {_text(data.get(REVIEWED_ON_KEY))} "
                f"are not reviewed yet (`{REVIEW} {lang} {page} --by NAME`)"
            )
        snapshots.keep(docs_dir, Version(str(origin_lang), page, source_now))
        text = path.read_text(encoding="utf-8-sig")
        new = set_front_matter(text, values)
        if new == text:
            changes.append(Change(page, "unchanged", f"already up to date with docs/{origin_lang}/{page}"))
        else:
            write_atomically(path, new)
            changes.append(Change(page, "recorded", detail))
    if languages is not None:
        keep_versions(docs_dir, languages)
    return changes


# --- The versions of the source pages that the translations refer to ----------------------------


def referenced_versions(docs_dir: Path, languages: list[str]) -> set[Version]:
    """What each translation was last brought up to date with, and what it was reviewed against.
    An untranslated copy refers to none: there is nothing to carry over into it."""
    found: set[Version] = set()
    for lang in languages:
        tree = Path(docs_dir) / lang
        for md in sorted(tree.rglob("*.md")) if tree.is_dir() else []:
            try:
                data = read_front_matter(md).data
            except ContentError:
                continue
            origin = made_from(data)
            if data.get("translation") in ("source", "untranslated", None) or not origin:
                continue
            page = md.relative_to(tree).as_posix()
            for key in (HASH_KEY, REVIEWED_HASH_KEY):
                value = data.get(key)
                if isinstance(value, str) and HASH_PATTERN.match(value):
                    found.add(Version(str(origin), page, value))
    return found


def missing_versions(docs_dir: Path, languages: list[str]) -> list[Version]:
    """The versions some translation refers to that are not kept."""
    have = snapshots.kept(docs_dir)
    return sorted(v for v in referenced_versions(docs_dir, languages) if v not in have)


def keep_versions(docs_dir: Path, languages: list[str]) -> tuple[list[Path], list[Path]]:
    """Keep every version an up-to-date translation refers to (the page as it is now), and delete
    those no translation refers to: the files written and deleted."""
    written = []
    for version in missing_versions(docs_dir, languages):
        page = Path(docs_dir) / version.lang / version.page
        if page.is_file() and content_hash(page) == version.hash:
            written.append(snapshots.keep(docs_dir, version))
    return written, snapshots.remove(docs_dir, referenced_versions(docs_dir, languages))


def recopy(
    docs_dir: Path, lang: str, pages: list[str], only_outdated: bool, languages: list[str], base: str | None = None
) -> list[Change]:
    """Copy again, from the page they were copied from, the pages of `lang` still marked untranslated;
    copy the pages `lang` lacks, marked untranslated, from `base` or else from the best language that has
    them (copy_origin). A page whose source language is `lang` is never made from a copy."""
    changes = []
    for page in pages:
        path = Path(docs_dir) / lang / page
        state = unit_state(docs_dir, lang, page)
        if state.state == "missing":
            if page_source_language(docs_dir, page, languages) == lang:
                changes.append(Change(page, "skipped", missing_advice(docs_dir, page, lang, languages)))
                continue
            origin_lang = base or copy_origin(docs_dir, page, languages)
            origin = Path(docs_dir) / str(origin_lang) / page
            if origin_lang is None or not origin.is_file():
                changes.append(Change(page, "skipped", f"docs/{origin_lang}/{page} does not exist either"))
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, untranslated_copy(origin, origin_lang))
            changes.append(
                Change(page, "copied", f"was missing: copied from docs/{origin_lang}/{page}, marked untranslated")
            )
            continue
        if state.translation != "untranslated":
            if not only_outdated:
                changes.append(
                    Change(
                        page,
                        "skipped",
                        f"marked `translation: {state.translation}`, not untranslated: "
                        "a translation is never overwritten",
                    )
                )
            continue
        if only_outdated and state.state != "outdated":
            continue
        origin = Path(docs_dir) / str(state.made_from) / page
        if not origin.is_file():
            changes.append(Change(page, "skipped", f"docs/{state.made_from}/{page} does not exist"))
            continue
        write_atomically(path, untranslated_copy(origin, str(state.made_from)))
        changes.append(Change(page, "copied", f"copied again from docs/{state.made_from}/{page}"))
    return changes


def resolve_page(docs_dir: Path, lang: str, name: str, also_in: list[str] | None = None) -> str:
    """A page as a translator may name it: 'about', 'about.md', 'docs/de/about.md', 'de/about.md';
    it must exist in docs/<lang>/ (or, given `also_in`, in one of those languages' trees)."""
    name = name.replace("\\", "/").strip("/")
    for prefix in (f"docs/{lang}/", f"{lang}/", "docs/"):
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    if not name.endswith(".md"):
        name += ".md"
    if not any((Path(docs_dir) / code / name).is_file() for code in [lang, *(also_in or [])]):
        raise ContentError(
            Path(docs_dir) / lang / name,
            f"there is no page '{name}' in docs/{lang}/",
            f"name a page as its path in docs/{lang}/, e.g. about.md or trainer/guidelines.md",
        )
    return name
