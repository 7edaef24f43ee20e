"""The site's translation status page (docs/<lang>/translation-status.md): the
tables the build puts in place of its placeholders, from course/translation/status.py.

The page's Markdown holds, where each part goes:

    <div class="translation-report" data-translation-report="legend"></div>
    <div class="translation-report" data-translation-report="totals"></div>
    <div class="translation-report" data-translation-report="pages"></div>

Every word comes from the `translation_status:` section of i18n/<lang>.yml.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from course.translation.status import STATES, Report

PLACEHOLDER = re.compile(
    r'<div class="translation-report" data-translation-report="(?P<part>legend|totals|pages)">\s*</div>'
)


@dataclass
class PageLink:
    page: str  # e.g. "trainer/guidelines.md"
    title: str
    href: str  # relative to the status page


def fill(
    content: str, report: Report, words: dict[str, Any], language_names: dict[str, str], links: dict[str, PageLink]
) -> str:
    """`content` with each placeholder replaced by its part of the report, in the page's language."""
    parts = {
        "legend": lambda: legend(words),
        "totals": lambda: totals_table(report, words, language_names),
        "pages": lambda: pages_table(report, words, language_names, links),
    }
    return PLACEHOLDER.sub(lambda m: parts[m["part"]](), content)


def _state(state: str, words: dict[str, Any]) -> str:
    return (
        f'<span class="translation-state translation-state--{state}" data-state="{state}">'
        f"{html.escape(words['states'][state])}</span>"
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


def pages_table(report: Report, words: dict[str, Any], names: dict[str, str], links: dict[str, PageLink]) -> str:
    head = "".join(f'<th scope="col">{_language(lang, names)}</th>' for lang in report.languages)
    rows = []
    for page in report.pages:
        link = links.get(page)
        title = f'<a href="{html.escape(link.href)}">{html.escape(link.title)}</a>' if link else html.escape(page)
        cells = "".join(
            f'<td data-language="{lang}">{_state(report.states[lang][page].state, words)}</td>'
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
