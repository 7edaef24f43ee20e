"""What a page says about itself, at the top: that its translation is a draft,
not translated yet, reviewed by a native speaker, or out of date, with a link to
the page in the language it comes from; and that it was written for this edition,
not taken from the source material (front matter `written_for_this_edition: true`).
An out-of-date page also lists what changed in the page it was translated from
(course/translation/changes.py), folded, for its translator. The words come from
the page's language (i18n/<lang>.yml `status:` and `translation_status: changes:`)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from course.sources import strings
from course.sources.language_data import text_direction
from course.translation.changes import details_html, page_changes
from course.translation.status import UnitState

NOTICE_STATUSES = ("draft", "untranslated", "outdated", "reviewed")


@dataclass(frozen=True)
class NoticeLink:
    lang: str  # the language of the page linked to
    href: str
    original: bool  # the page in the source language ("Read the original"), or the page it was translated from


def status_notice(
    status: str,
    lang: str,
    link: NoticeLink,
    copy_lang: str,
    strings_dir: Path,
    *,
    reviewed_on: str | None = None,
    changes: str = "",
) -> str:
    """The notice of a page in `lang` whose state is `status`. An untranslated page is a copy in the
    language it was copied from (`copy_lang`, e.g. English), which need not be the source language:
    the notice names it. A reviewed page gives the date of the review (`reviewed_on`), and so does an
    out-of-date page that had been reviewed. `changes` is the HTML of what changed (changes.py)."""
    words = strings.load_strings(lang, strings_dir)["status"]
    label = words["read_source"] if link.original else words["read_made_from"]
    anchor = (
        f'<a href="{html.escape(link.href)}" hreflang="{link.lang}">'
        f"{html.escape(label)} ({language_name(link.lang, strings_dir)})</a>"
    )
    sentence = html.escape(words[status]).replace("{language}", language_name(copy_lang, strings_dir))
    if reviewed_on and status in ("reviewed", "outdated"):
        sentence = sentence.replace("{date}", _date(reviewed_on))
        if status == "outdated":
            sentence += " " + html.escape(words["reviewed_before"]).replace("{date}", _date(reviewed_on))
    return (
        f'<aside class="translation-status translation-status--{status}" role="note" lang="{lang}" '
        f'dir="{text_direction(lang, strings_dir)}" data-status="{status}" data-search-exclude>'
        f"<p>{sentence} {anchor}</p>{changes}</aside>"
    )


def page_notice(
    docs_dir: Path, state: UnitState, source_lang: str, href_to: Callable[[str], str], strings_dir: Path
) -> str:
    """The notice of the page whose state is `state`; `href_to(lang)` links to the same page in `lang`.
    An out-of-date page links to the page it was translated from, and lists what changed in it since;
    the others link to the original."""
    status = str(state.needs_notice)
    target = state.made_from if status == "outdated" and state.made_from else source_lang
    changes = ""
    found = page_changes(docs_dir, state) if status == "outdated" else None
    if found is not None:
        words = strings.load_strings(state.lang, strings_dir)["translation_status"]["changes"]
        changes = details_html(found, words, target, text_direction(target, strings_dir))
    return status_notice(
        status,
        state.lang,
        NoticeLink(target, href_to(target), original=target == source_lang),
        str(state.made_from),
        strings_dir,
        reviewed_on=state.reviewed_on if state.was_reviewed else None,
        changes=changes,
    )


def _date(value: str) -> str:
    return html.escape(value)


def edition_notice(lang: str, strings_dir: Path) -> str:
    """The notice of a page this edition added: not part of the source material. Printed too, and
    the print stylesheet repeats its words at the foot of every page the page prints on."""
    words = strings.load_strings(lang, strings_dir)
    return edition_notice_in(words["status"]["edition"], lang, text_direction(lang, strings_dir))


def edition_notice_in(sentence: str, lang: str, direction: str) -> str:
    return (
        f'<aside class="edition-notice" role="note" lang="{lang}" dir="{direction}" '
        f"data-search-exclude><p>{html.escape(sentence)}</p></aside>"
    )


def language_name(lang: str, strings_dir: Path) -> str:
    """A language's own name, marked with its language and direction."""
    name = strings.load_strings(lang, strings_dir)["language_name"]
    return f'<span lang="{lang}" dir="{text_direction(lang, strings_dir)}">{html.escape(name)}</span>'
