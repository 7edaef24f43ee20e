"""The translation status page (docs/<lang>/translation-status.md): the build
fills its placeholders with where every page stands in every language, worked
out from the language trees (course/translation/status.py), in the page's language."""

from pathlib import Path

from mkdocs.utils import get_relative_url

from course.build.mkdocs_run import all_languages, fails_loudly, page_language, strings_dir, unit_key
from course.sources import strings
from course.sources.language_data import text_direction
from course.translation.status import report
from course.translation.status_page import PLACEHOLDER, PageLink, fill


@fails_loudly
def on_page_context(context, page, config, nav):
    if not PLACEHOLDER.search(page.content or ""):
        return context
    languages = all_languages(config)
    words = strings.load_strings(page_language(page), strings_dir(config))
    names = {lang: strings.load_strings(lang, strings_dir(config))["language_name"] for lang in languages}
    links = {}
    for other in nav.pages:
        path = unit_key(other) + ".md"
        links[path] = PageLink(path, other.title or path, get_relative_url(other.url, page.url))
    found = report(Path(config.docs_dir), languages, list(links))
    directions = {lang: text_direction(lang, strings_dir(config)) for lang in languages}
    page.content = fill(
        page.content, found, words["translation_status"], names, links, Path(config.docs_dir), directions
    )
    return context
