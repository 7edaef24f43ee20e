"""The printed course: during each language's build, writes that language's
print page (<lang prefix>print.html, course/print_book.py) from the rendered
pages in the order of mkdocs.yml's `nav:`, and tells every page where its
language's PDF is. The PDFs themselves are made after `mkdocs build` by
scripts/build_site.py (course/pdf_build.py). `mkdocs serve` writes no print
page, so that a save is rebuilt fast.
"""
import os
from datetime import datetime, timezone
from pathlib import Path

from mkdocs.plugins import event_priority

from course import print_book, strings
from course.build import Run, current_language, fails_loudly, project_dir, strings_dir
from course.errors import ContentError
from course.language_data import text_direction

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
    env.globals["course_pdf"] = print_book.pdf_path(current_language(config), _default_language(config))
    return env


@event_priority(-100)  # after the hooks that change page.content in on_page_context (course_map)
def on_page_context(context, page, config, nav):
    if not _printing():
        return context
    lang = current_language(config)
    src = page.file.src_uri
    src = src.split("/", 1)[1] if src.startswith(f"{lang}/") else src
    _pages.setdefault(lang, {})[src] = print_book.Unit(
        src=src, title=page.title or "", url=page.url, content=page.content or "",
        description=page.meta.get("description", ""), printed=page.meta.get("print", True) is not False)
    return context


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
    html = print_book.render_book(items, lang=lang, default=default, words=words,
                                  template_dir=project_dir(config) / "overrides" / "print", date=_build_date(),
                                  direction=text_direction(lang, strings_dir(config)))
    target = Path(config.site_dir) / print_page
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


def _build_date() -> str:
    """The edition's date: SOURCE_DATE_EPOCH when set (a reproducible build), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return when.strftime("%Y-%m-%d")
