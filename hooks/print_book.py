"""The printed course: during each language's build, writes that language's
print pages (course/print/print_book.py) from the rendered pages in the order of
mkdocs.yml's `nav:`: the book (<lang prefix>print.html), the trainers'
material, and a handout per unit; and tells every page where its language's
PDFs are. The PDFs themselves are made after `mkdocs build` by
scripts/build_site.py (course/print/pdf_build.py). `mkdocs serve` writes no print
page, so that a save is rebuilt fast.
"""

import html
import re
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.utils import get_relative_url

from course.build.mkdocs_run import Run, current_language, fails_loudly, project_dir, strings_dir, unit_key
from course.print import print_book, print_pages
from course.sources import strings
from course.sources.language_data import text_direction, untranslated_text
from course.translation.status import unit_state

_pages: dict[str, dict[str, print_book.Unit]] = {}  # language -> nav path -> unit


def _printing() -> bool:
    """`mkdocs serve` is for reading while writing: no print page (no PDF is made from it)."""
    return Run.command != "serve"


def _default_language(config) -> str:
    return config.plugins["i18n"].default_language


def on_pre_build(config):
    _pages.pop(current_language(config), None)


def on_env(env, config, files):
    lang, default = current_language(config), _default_language(config)
    env.globals["course_pdf"] = print_book.pdf_path(lang, default)
    env.globals["course_trainers_pdf"] = print_book.trainers_job(lang, default).pdf
    env.globals["course_handouts"] = {
        src: print_book.handout_job(lang, default, src).pdf for src in print_book.handout_sources(config.nav)
    }
    return env


PRINTABLES = re.compile(r'<div class="printables" data-printables="pending">\s*</div>')


def _fill_printables(context, page, config, nav):
    """The trainers' page of printable material: every PDF of the language, with its link."""
    if PRINTABLES.search(page.content or ""):
        page.content = PRINTABLES.sub(lambda _: _printables(page, nav, config), page.content, count=1)
    return context


def _printables(here, nav, config) -> str:
    lang = current_language(config)

    def link(path, text):
        return (
            f'<a href="{html.escape(get_relative_url(path, here.url))}" type="application/pdf">{html.escape(text)}</a>'
        )

    return print_pages.printables_html(
        lang,
        _default_language(config),
        config.nav,
        {unit_key(p) + ".md": p.title or "" for p in nav.pages},
        strings.load_strings(lang, strings_dir(config)),
        link,
        {unit_key(p) + ".md" for p in nav.pages if p.meta.get("print", True) is False},
        {unit_key(p) + ".md" for p in nav.pages if p.meta.get("hand_out") is True},
    )


@event_priority(-100)  # after the hooks that change page.content in on_page_context (course_map)
def _collect_for_print(context, page, config, nav):
    if not _printing():
        return context
    lang = current_language(config)
    src = page.file.src_uri
    src = src.split("/", 1)[1] if src.startswith(f"{lang}/") else src
    _pages.setdefault(lang, {})[src] = print_book.Unit(
        src=src,
        title=page.title or "",
        url=page.url,
        content=page.content or "",
        description=page.meta.get("description", ""),
        printed=page.meta.get("print", True) is not False,
        other_language=untranslated_text(page.meta, strings_dir(config)),
        written_for_this_edition=page.meta.get("written_for_this_edition") is True,
        hand_out=page.meta.get("hand_out") is True,
    )
    return context


on_page_context = CombinedEvent(_fill_printables, _collect_for_print)


@fails_loudly
def on_post_build(config):
    if not _printing():
        return
    lang = current_language(config)
    print_pages.write_print_pages(
        Path(config.site_dir),
        Path(config.docs_dir),
        lang,
        _default_language(config),
        config.nav,
        _pages.get(lang, {}),
        strings.load_strings(lang, strings_dir(config)),
        Path(config.config_file_path),
        project_dir(config) / "overrides" / "print",
        text_direction(lang, strings_dir(config)),
        # The last page of the book and of the trainers' material: which translations are reviewed.
        {src: unit_state(Path(config.docs_dir), lang, src).state for src in _pages.get(lang, {})},
    )
