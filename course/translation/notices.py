"""What a page says about itself, at the top: that its translation is a draft,
not translated yet, or out of date, with a link to the page in the language it
comes from; and that it was written for this edition, not taken from the source
material (front matter `written_for_this_edition: true`). The words come from the
page's language (i18n/<lang>.yml `status:`)."""

from __future__ import annotations

import html
from pathlib import Path

from course.sources import strings
from course.sources.language_data import text_direction

NOTICE_STATUSES = ("draft", "untranslated", "outdated")


def status_notice(status: str, lang: str, source_lang: str, copy_lang: str, source_href: str, strings_dir: Path) -> str:
    """The notice of a page in `lang` whose state is `status`; `source_href` leads to the page in
    `source_lang`. An untranslated page is a copy in the language it was copied from (`copy_lang`,
    e.g. English), which need not be the source language: the notice names it."""
    words = strings.load_strings(lang, strings_dir)
    link = (
        f'<a href="{source_href}" hreflang="{source_lang}">'
        f"{html.escape(words['status']['read_source'])} ({language_name(source_lang, strings_dir)})</a>"
    )
    sentence = html.escape(words["status"][status]).replace("{language}", language_name(copy_lang, strings_dir))
    return (
        f'<aside class="translation-status translation-status--{status}" role="note" lang="{lang}" '
        f'dir="{text_direction(lang, strings_dir)}" data-status="{status}" data-search-exclude><p>{sentence} {link}</p></aside>'
    )


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
