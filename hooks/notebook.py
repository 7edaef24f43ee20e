"""The learner's notebook page (docs/<lang>/notebook.md, `/// notebook`): the
build puts the course's exercises there, in course order (each unit's
exercises, their titles and questions, as JSON), for notebook.js to show the
learner's answers unit by unit with links back; and it tells every page where
its language's notebook is, for the link under each exercise."""

from mkdocs.utils import get_relative_url

from course.build.mkdocs_run import current_language, i18n, unit_key
from course.config import language_root
from course.web.notebook import unit_exercises

PENDING = 'data-notebook="pending"'
NOTEBOOK_PAGE = "notebook.md"


def on_env(env, config, files):
    root = language_root(current_language(config), i18n(config).default_language)
    env.globals["course_notebook"] = root + NOTEBOOK_PAGE.replace(".md", ".html")
    return env


def on_page_context(context, page, config, nav):
    if PENDING in (page.content or ""):
        page.content = page.content.replace(PENDING, 'data-notebook=""', 1)
        page.notebook_exercises = _catalog(nav, page)  # overrides/main.html writes it as JSON data
    return context


def _catalog(nav, here) -> list[dict]:
    """Every unit that has exercises, in course order: its title, link and exercises with their questions."""
    units = []
    for page in nav.pages:
        exercises = unit_exercises(page.content or "")
        if exercises:
            units.append(
                {
                    "unit": unit_key(page),
                    "title": page.title or "",
                    "url": get_relative_url(page.url, here.url),
                    "exercises": exercises,
                }
            )
    return units
