"""The trainers' page on learning platforms (`/// scorm-packages`): a link to each
language's SCORM package (course/scorm/), the page's own language first. The
packages are made after `mkdocs build`, by scripts/build_site.py."""

import html
import re

from mkdocs.utils import get_relative_url

from course.build.mkdocs_run import current_language, strings_dir
from course.scorm.package import packages_html
from course.sources import strings

PLACEHOLDER = re.compile(r'<div class="scorm-packages" data-scorm-packages="pending">\s*</div>')


def on_page_context(context, page, config, nav):
    if PLACEHOLDER.search(page.content or ""):
        page.content = PLACEHOLDER.sub(lambda _: _links(page, config), page.content, count=1)
    return context


def _links(here, config) -> str:
    lang = current_language(config)
    named = [(entry.locale, entry.name) for entry in config.plugins["i18n"].config.languages]
    ordered = sorted(named, key=lambda entry: entry[0] != lang)

    def link(path, text):
        href = html.escape(get_relative_url(path, here.url))
        return f'<a href="{href}" type="application/zip" download>{html.escape(text)}</a>'

    return packages_html(ordered, strings.load_strings(lang, strings_dir(config))["scorm"], link)
