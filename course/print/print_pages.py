"""Writing a language's print pages into the built site, at the end of its
MkDocs build (hooks/print_book.py hands in what the build rendered): the book,
the trainers' material and a handout per unit, each from course/print/print_book.py;
and the list of every PDF on the trainers' page *Material to print*."""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from course.config import NavItem
from course.errors import ContentError
from course.print import print_book


def edition_date() -> str:
    """The edition's date: SOURCE_DATE_EPOCH when set (a reproducible build), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return when.strftime("%Y-%m-%d")


def write_print_pages(
    site_dir: Path,
    docs_dir: Path,
    lang: str,
    default: str,
    nav: list[NavItem],
    pages: dict[str, print_book.Unit],
    words: dict[str, Any],
    config_file: Path,
    template_dir: Path,
    direction: str,
    translation_states: dict[str, str] | None = None,
    date: str | None = None,
) -> list[print_book.PrintJob]:
    """Every print page of one language, from its rendered pages (nav path -> unit), dated `date`
    (default: the edition's date); `translation_states` (nav path -> source, reviewed, draft, …) for
    the trainers' list of reviewed translations; returns their jobs."""
    print_page = print_book.print_page_path(lang, default)
    for unit in pages.values():
        if unit.url == print_page:
            raise ContentError(
                Path(docs_dir) / lang / unit.src,
                f"this page would be built as {print_page}, the print page of the PDF",
                "rename the page",
            )
    items = print_book.outline(nav, pages, words["nav"], config_file)
    printed = print_book.prepare(items, print_page, [str(letter) for letter in words["quiz"]["letters"]])
    jobs = [print_book.book_job(lang, default), print_book.trainers_job(lang, default)]
    jobs += [print_book.handout_job(lang, default, unit.src) for unit in print_book.handout_units(items)]
    jobs += [print_book.handout_job(lang, default, unit.src) for unit in print_book.hand_out_units(items)]
    for job in jobs:
        page = print_book.render_print_page(
            job,
            printed,
            lang=lang,
            words=words,
            date=date or edition_date(),
            template_dir=template_dir,
            direction=direction,
            translation_states=translation_states,
        )
        target = Path(site_dir) / job.page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    return jobs


def printables_html(
    lang: str,
    default: str,
    nav: list[NavItem],
    titles: dict[str, str],
    words: dict[str, Any],
    link: Callable[[str, str], str],
    unprinted: set[str] | None = None,
    hand_outs: set[str] | None = None,
) -> str:
    """The trainers' page's list of every PDF of the language, and what the material for trainers
    holds (its pages, in course order, and the answer key: what it is now, from `nav:`, not a list
    of words to keep up to date); `link(path, text)` writes one link from the page that holds the
    list; `unprinted`: the pages kept out of print (front matter `print: false`); `hand_outs`: the
    trainers' pages that go to participants (front matter `hand_out: true`), each a PDF of its own."""
    handout_words = words["handouts"]
    handouts = "".join(
        f"<li>{link(print_book.handout_job(lang, default, src).pdf, titles.get(src, src))}</li>"
        for src in print_book.handout_sources(nav)
    )
    trainer_pages = [
        src for src in print_book.trainer_sources(nav) if src not in (unprinted or set()) and src in titles
    ]
    holds = "".join(f"<li>{html.escape(titles[src])}</li>" for src in trainer_pages)
    holds += f"<li>{html.escape(words['print']['answer_key'])}</li>"
    forms = "".join(
        f"<li>{link(print_book.handout_job(lang, default, src).pdf, titles[src])}</li>"
        for src in trainer_pages
        if src in (hand_outs or set())
    )
    return (
        f'<div class="printables" role="region" aria-label="{html.escape(handout_words["label"])}"><ul>'
        f"<li>{link(print_book.pdf_path(lang, default), handout_words['book'])}</li>"
        f"<li>{link(print_book.trainers_job(lang, default).pdf, handout_words['trainers'])}<ul>{holds}</ul></li></ul>"
        f"<p>{html.escape(handout_words['units'])}</p><ol>{handouts}</ol>"
        + (f"<p>{html.escape(handout_words['forms'])}</p><ul>{forms}</ul>" if forms else "")
        + "</div>"
    )
