"""The home page's list of parts and units, made from the navigation so it
always shows the units that exist, in course order, with their summaries."""

import html
import re

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from course.build.mkdocs_run import page_language, strings_dir, unit_key
from course.sources import strings

PLACEHOLDER = re.compile(r'<div class="course-map" data-course-map="pending">\s*</div>')


def on_page_context(context, page, config, nav):
    if PLACEHOLDER.search(page.content or ""):
        words = strings.load_strings(page_language(page), strings_dir(config))
        page.content = PLACEHOLDER.sub(lambda _: _course_map(nav, page, words), page.content, count=1)
    return context


def _course_map(nav, here, words):
    parts = []
    for item in nav.items:
        if isinstance(item, Section):
            units = "".join(_unit(p, here) for p in item.children if isinstance(p, Page))
            parts.append(f'<li class="course-map__part"><h3>{html.escape(item.title)}</h3><ol>{units}</ol></li>')
    return (
        f'<nav class="course-map" aria-label="{html.escape(words["course_map"]["label"])}">'
        f'<ol class="course-map__parts">{"".join(parts)}</ol></nav>'
    )


def _unit(page, here):
    summary = html.escape(page.meta.get("description", ""))
    # How many quiz questions the unit has (hooks/course_blocks.py counted them when it was
    # rendered): course.js counts only units with a quiz towards the learner's progress.
    questions = getattr(page, "quiz_questions", 0)
    return (
        f'<li class="course-map__unit" data-unit="{unit_key(page)}" data-questions="{questions}">'
        f'<a href="{get_relative_url(page.url, here.url)}">{html.escape(page.title or "")}</a>'
        f'<p class="course-map__summary">{summary}</p></li>'
    )
