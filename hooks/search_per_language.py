"""Each language gets its own search index at <language root>/search/, with its
search rules (course/web/search_index.py), as JSON for a server and as a script
for a site opened from disk; its pages search only that index, through the
course's worker (overrides/assets/javascripts/search-worker.js).

static-i18n rebuilds the site once per language and, after the last, writes
one index mixing every language at the root: so entries are taken from
Material's search plugin early in each language's build (priority 50) and
written late (priority -300), after static-i18n's merge."""

from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.utils import get_relative_url

from course.build.mkdocs_run import current_language, i18n, strings_dir
from course.config import language_root
from course.sources import strings
from course.web.search_index import as_json, as_script, language_index

WORKERS = "assets/javascripts/workers/search."
_entries: dict[str, list] = {}
# static-i18n builds the other languages inside the default language's
# on_post_build: a stack tells each build's last step which language it ends.
_building: list[str] = []


def _prefix(config, lang=None) -> str:
    lang = lang or current_language(config)
    return language_root(lang, i18n(config).default_language)


def on_pre_build(config):
    _building.append(current_language(config))


def on_env(env, config, files):
    """The worker Material ships (its name carries a hash), for overrides/main.html to hand to ours."""
    worker = next(f for f in files if f.src_uri.startswith(WORKERS) and f.src_uri.endswith(".min.js"))
    env.globals["material_search_worker"] = worker.src_uri.removeprefix("assets/javascripts/")
    return env


def on_page_context(context, page, config, nav):
    # Material's search looks for search/search_index.* under `base`: point it at this language's root.
    context["search_base"] = (
        get_relative_url(_prefix(config) + "index.html", page.url).removesuffix("index.html") or "."
    )
    return context


@event_priority(50)
def _take_entries(config):
    _entries[current_language(config)] = list(config.plugins["material/search"].search_index.entries)


@event_priority(-300)
def _write_index(config):
    lang = _building.pop()
    rules = strings.load_strings(lang, strings_dir(config))["search"]
    index = language_index(_entries.get(lang, []), _prefix(config, lang), rules, lang)
    folder = Path(config.site_dir) / _prefix(config, lang) / "search"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "search_index.json").write_text(as_json(index), encoding="utf-8")
    (folder / "search_index.js").write_text(as_script(index), encoding="utf-8")


on_post_build = CombinedEvent(_take_entries, _write_index)
