"""A native speaker's sign-off: `translation_status.py review LANG [PAGE…] --by NAME`
records in each page who reviewed it, when, and against which version of the page
it was translated from (course/translation/status.py reads it back). The page then
says "Reviewed by a native speaker on <date>" instead of the draft notice; the
status page counts it and names the reviewer, unless they asked to stay unnamed
(`--anonymous`: then no name is written anywhere in the project)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from course.sources.front_matter import read_front_matter
from course.translation import snapshots
from course.translation.status import (
    HASH_KEY,
    OWN_HASH_KEY,
    REFRESH,
    REVIEWED_BY_KEY,
    REVIEWED_HASH_KEY,
    REVIEWED_ON_KEY,
    Change,
    Version,
    content_hash,
    keep_versions,
    set_front_matter,
    unit_state,
    write_atomically,
)


def review(
    docs_dir: Path,
    lang: str,
    pages: list[str],
    by: str | None,
    *,
    on: date | None = None,
    languages: list[str] | None = None,
) -> list[Change]:
    """Record the review of each translated, up-to-date page of `pages` by `by` (None: a reviewer who
    stays unnamed) on `on` (default today). A page out of date, untranslated or the source is skipped,
    with what to do."""
    when = (on or date.today()).isoformat()
    changes = []
    for page in pages:
        state = unit_state(docs_dir, lang, page)
        if state.state == "missing":
            changes.append(Change(page, "skipped", f"docs/{lang}/{page} does not exist"))
            continue
        if state.translation == "source":
            changes.append(Change(page, "source", "the source page: nothing to review"))
            continue
        if state.translation == "untranslated":
            changes.append(Change(page, "skipped", "not translated yet (`translation: untranslated`)"))
            continue
        if state.state == "outdated":
            changes.append(
                Change(
                    page,
                    "skipped",
                    f"out of date: docs/{state.made_from}/{page} has changed since it was last brought up to "
                    f"date; the translator updates it and runs `{REFRESH} {lang} {page}`, then review it",
                )
            )
            continue
        path = Path(docs_dir) / lang / page
        values: dict[str, str | None] = {
            "translation": "reviewed",
            REVIEWED_BY_KEY: by,
            REVIEWED_ON_KEY: when,
            REVIEWED_HASH_KEY: state.current_hash,
            OWN_HASH_KEY: content_hash(path),
        }
        snapshots.keep(docs_dir, Version(str(state.made_from), page, str(state.current_hash)))
        text = path.read_text(encoding="utf-8-sig")
        new = set_front_matter(
            text, values, after=HASH_KEY if HASH_KEY in read_front_matter(path).data else "translation"
        )
        if new == text:
            changes.append(Change(page, "unchanged", f"already recorded as reviewed on {when}"))
            continue
        write_atomically(path, new)
        who = f"by {by}" if by else "by a reviewer who stays unnamed"
        changes.append(
            Change(
                page,
                "recorded",
                f"reviewed {who} on {when}, against docs/{state.made_from}/{page} ({state.current_hash})",
            )
        )
    if languages is not None:
        keep_versions(docs_dir, languages)
    return changes
