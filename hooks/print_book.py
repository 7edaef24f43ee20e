"""The printed course: during each language's build, writes that language's
print pages (course/print/print_book.py) from the rendered pages in the order of
mkdocs.yml's `nav:`: the book (<lang prefix>print.html), the trainers'
material, and a handout per unit; and tells every page where its language's
PDFs are. The PDFs themselves are made after `mkdocs build` by
scripts/build_site.py (course/print/pdf_build.py). `mkdocs serve` writes no print
page, so that a save is rebuilt fast.
"""
import html
import os
import re
from datetime import datetime, timezone
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.utils import get_relative_url

from course.print import print_book
from course.sources import strings
from course.build.mkdocs_run import Run, current_language, fails_loudly, project_dir, strings_dir, unit_key
from course.errors import ContentError
from course.sources.language_data import text_direction

_pages: dict[str, dict[str, print_book.Unit]] = {}   # language -> nav path -> unit


def on_startup(command, dirty):
    Run.command = command


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
    env.globals["course_handouts"] = {src: print_book.handout_job(lang, default, src).pdf
                                      for src in print_book.handout_sources(config.nav)}
    return env


PRINTABLES = re.compile(r'<div class="printables" data-printables="pending">\s*</div>')


def _fill_printables(context, page, config, nav):
    """The trainers' page of printable material: every PDF of the language, with its link."""
    if PRINTABLES.search(page.content or ""):
        page.content = PRINTABLES.sub(lambda _: _printables(page, nav, config), page.content, count=1)
    return context


def _printables(here, nav, config) -> str:
    lang, default = current_language(config), _default_language(config)
    words = strings.load_strings(lang, strings_dir(config))["handouts"]
    titles = {unit_key(p) + ".md": p.title or "" for p in nav.pages}

    def link(path, text):
        return f'<a href="{html.escape(get_relative_url(path, here.url))}" type="application/pdf">{html.escape(text)}</a>'

    handouts = "".join(f"<li>{link(print_book.handout_job(lang, default, src).pdf, titles.get(src, src))}</li>"
                       for src in print_book.handout_sources(config.nav))
    return (f'<div class="printables" role="region" aria-label="{html.escape(words["label"])}"><ul>'
            f'<li>{link(print_book.pdf_path(lang, default), words["book"])}</li>'
            f'<li>{link(print_book.trainers_job(lang, default).pdf, words["trainers"])}</li></ul>'
            f'<p>{html.escape(words["units"])}</p><ol>{handouts}</ol></div>')


@event_priority(-100)  # after the hooks that change page.content in on_page_context (course_map)
def _collect_for_print(context, page, config, nav):
    if not _printing():
        return context
    lang = current_language(config)
    src = page.file.src_uri
    src = src.split("/", 1)[1] if src.startswith(f"{lang}/") else src
    _pages.setdefault(lang, {})[src] = print_book.Unit(
        src=src, title=page.title or "", url=page.url, content=page.content or "",
        description=page.meta.get("description", ""), printed=page.meta.get("print", True) is not False)
    return context


on_page_context = CombinedEvent(_fill_printables, _collect_for_print)


@fails_loudly
def on_post_build(config):
    if not _printing():
        return
    lang = current_language(config)
    default = _default_language(config)
    words = strings.load_strings(lang, strings_dir(config))
    print_page = print_book.print_page_path(lang, default)
    for unit in _pages.get(lang, {}).values():
        if unit.url == print_page:
            raise ContentError(Path(config.docs_dir) / lang / unit.src, f"this page would be built as {print_page}, "
                               "the print page of the PDF", "rename the page")
    items = print_book.outline(config.nav, _pages.get(lang, {}), words["nav"], Path(config.config_file_path))
    printed = print_book.prepare(items, print_page)
    jobs = [print_book.book_job(lang, default), print_book.trainers_job(lang, default)]
    jobs += [print_book.handout_job(lang, default, unit.src) for unit in print_book.handout_units(items)]
    for job in jobs:
        html = print_book.render_print_page(job, printed, lang=lang, words=words, date=_build_date(),
                                            template_dir=project_dir(config) / "overrides" / "print",
                                            direction=text_direction(lang, strings_dir(config)))
        target = Path(config.site_dir) / job.page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def _build_date() -> str:
    """The edition's date: SOURCE_DATE_EPOCH when set (a reproducible build), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return when.strftime("%Y-%m-%d")
