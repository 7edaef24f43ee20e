"""The site's translation status page (docs/<lang>/translation-status.md): the
tables the build puts in place of its placeholders, from course/translation/status.py.

The page's Markdown holds, where each part goes:

    <div class="translation-report" data-translation-report="legend"></div>
    <div class="translation-report" data-translation-report="totals"></div>
    <div class="translation-report" data-translation-report="pages"></div>

Every word comes from the `translation_status:` section of i18n/<lang>.yml.
A reviewed page's cell names its reviewer (unless they stay unnamed) and the
date; under the pages' table, each out-of-date translation lists what changed
in the page it was made from (course/translation/changes.py), and its cell
links there.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from course.translation.changes import PageChanges, changes_html, page_changes
from course.translation.status import STATES, Report, UnitState

PLACEHOLDER = re.compile(
    r'<div class="translation-report" data-translation-report="(?P<part>legend|totals|pages)">\s*</div>'
)


@dataclass
class PageLink:
    page: str  # e.g. "trainer/guidelines.md"
    title: str
    href: str  # relative to the status page


def fill(
    content: str,
    report: Report,
    words: dict[str, Any],
    language_names: dict[str, str],
    links: dict[str, PageLink],
    docs_dir: Path | None = None,
    directions: dict[str, str] | None = None,
) -> str:
    """`content` with each placeholder replaced by its part of the report, in the page's language;
    given `docs_dir`, what changed in the sources of the out-of-date translations too."""
    changes = outdated_changes(docs_dir, report) if docs_dir is not None else {}
    parts = {
        "legend": lambda: legend(words),
        "totals": lambda: totals_table(report, words, language_names),
        "pages": lambda: (
            pages_table(report, words, language_names, links, changes)
            + changes_part(changes, words, language_names, links, directions or {})
        ),
    }
    return PLACEHOLDER.sub(lambda m: parts[m["part"]](), content)


def _state(state: str, words: dict[str, Any]) -> str:
    return (
        f'<span class="translation-state translation-state--{state}" data-state="{state}">'
        f"{html.escape(words['states'][state])}</span>"
    )


def _cell(found: UnitState, words: dict[str, Any], changes: dict[tuple[str, str], PageChanges]) -> str:
    """A page's state in one language: who reviewed it, and a link to what changed in its source."""
    shown = _state(found.state, words)
    if (found.lang, found.page) in changes:
        shown = f'<a href="#{changes_id(found)}">{shown}</a>'
    if found.state == "reviewed" and found.reviewed_on:
        who = (
            words["reviewed_by"].replace("{name}", found.reviewed_by).replace("{date}", found.reviewed_on)
            if found.reviewed_by
            else found.reviewed_on
        )
        shown += f'<br><small class="translation-reviewer">{html.escape(who)}</small>'
    return shown


def changes_id(found: UnitState) -> str:
    return "changes-" + re.sub(r"[^a-z0-9]+", "-", f"{found.lang}-{found.page[: -len('.md')]}".lower())


def outdated_changes(docs_dir: Path, report: Report) -> dict[tuple[str, str], PageChanges]:
    """What changed in the source of every out-of-date translation (not of untranslated copies)."""
    found = {}
    for state in report.by_state("outdated"):
        changes = page_changes(docs_dir, state)
        if changes is not None:
            found[(state.lang, state.page)] = changes
    return found


def changes_part(
    changes: dict[tuple[str, str], PageChanges],
    words: dict[str, Any],
    names: dict[str, str],
    links: dict[str, PageLink],
    directions: dict[str, str],
) -> str:
    if not changes:
        return ""
    blocks = []
    for (lang, page), found in changes.items():
        link = links.get(page)
        title = html.escape(link.title if link else page)
        count = len(found.changes) if found.kept else "?"
        source = str(found.state.made_from)
        blocks.append(
            f'<details class="source-changes" id="{changes_id(found.state)}" data-language="{lang}" '
            f'data-page="{html.escape(page)}"><summary>{_language(lang, names)} · {title} · '
            f"<code>{html.escape(found.state.path)}</code> ({count})</summary>"
            f"{changes_html(found, words['changes'], source, directions.get(source, 'ltr'))}</details>"
        )
    return (
        f'<div class="translation-report translation-report--changes">'
        f"<h3>{html.escape(words['changes']['title'])}</h3>{''.join(blocks)}</div>"
    )


def _language(code: str, names: dict[str, str]) -> str:
    return f'<span lang="{code}">{html.escape(names[code])}</span>'


def legend(words: dict[str, Any]) -> str:
    items = "".join(f"<li>{_state(s, words)}: {html.escape(words['explain'][s])}</li>" for s in STATES)
    return f'<div class="translation-report translation-report--legend"><ul>{items}</ul></div>'


def totals_table(report: Report, words: dict[str, Any], names: dict[str, str]) -> str:
    head = "".join(f'<th scope="col" data-state="{s}">{html.escape(words["states"][s])}</th>' for s in STATES)
    rows = []
    for lang in report.languages:
        counts = report.totals(lang)
        cells = "".join(f'<td data-state="{s}">{counts.get(s, 0)}</td>' for s in STATES)
        rows.append(
            f'<tr data-language="{lang}"><th scope="row">{_language(lang, names)}</th>{cells}'
            f'<td data-state="total">{sum(counts.values())}</td></tr>'
        )
    return (
        f'<div class="translation-report translation-report--totals"><table>'
        f'<thead><tr><th scope="col">{html.escape(words["language"])}</th>{head}'
        f'<th scope="col">{html.escape(words["total"])}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def pages_table(
    report: Report,
    words: dict[str, Any],
    names: dict[str, str],
    links: dict[str, PageLink],
    changes: dict[tuple[str, str], PageChanges] | None = None,
) -> str:
    head = "".join(f'<th scope="col">{_language(lang, names)}</th>' for lang in report.languages)
    rows = []
    for page in report.pages:
        link = links.get(page)
        title = f'<a href="{html.escape(link.href)}">{html.escape(link.title)}</a>' if link else html.escape(page)
        cells = "".join(
            f'<td data-language="{lang}">{_cell(report.states[lang][page], words, changes or {})}</td>'
            for lang in report.languages
        )
        rows.append(
            f'<tr data-page="{html.escape(page)}"><th scope="row">{title}<br>'
            f"<code>{html.escape(page)}</code></th>{cells}</tr>"
        )
    return (
        f'<div class="translation-report translation-report--pages"><table>'
        f'<thead><tr><th scope="col">{html.escape(words["page"])}</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
