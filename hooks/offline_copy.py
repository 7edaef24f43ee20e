"""The course kept on a learner's device, and added to their home screen: for
each language built, its web app manifest (course/web/web_app.py) and the list of
files its offline copy holds (course/web/offline_copy.py), both at the language's
root. The service worker (overrides/service-worker.js, copied to the site's
root) saves what the list names.

`mkdocs serve` writes neither, and its pages offer no offline copy: a preview
changes with every save, which a kept copy would hide.

static-i18n builds the other languages inside the default language's
on_post_build, so a stack tells each build's last step which language it
ends (as in hooks/search_per_language.py); the list is written after the
search index (priority -300), which it holds."""

from pathlib import Path

from mkdocs.plugins import event_priority

from course.build.mkdocs_run import Run, all_languages, current_language, fails_loudly, i18n, strings_dir
from course.config import language_root
from course.sources import language_data, strings
from course.web.offline_copy import APP_MANIFEST, LIST_NAME, language_list, write_list
from course.web.web_app import APPLE_TOUCH_ICON, THEME_COLOUR, app_manifest, as_json, icon_file

# The words of i18n `offline_copy:` that offline-copy.js writes (the others are in the page's HTML,
# or in the list, for the service worker).
SHOWN_BY_SCRIPT = (
    "size",
    "pdfs",
    "saving",
    "saved",
    "saved_pdfs",
    "removed",
    "failed_connection",
    "failed_space",
    "failed_changed",
)
_pages: dict[str, dict[str, str]] = {}  # language -> page path -> its HTML, as written
_building: list[str] = []


def _offered() -> bool:
    return Run.command != "serve"


def _root(config, lang=None) -> str:
    return language_root(lang or current_language(config), i18n(config).default_language)


def on_pre_build(config):
    lang = current_language(config)
    _building.append(lang)
    _pages[lang] = {}


def on_env(env, config, files):
    """What the templates need (overrides/main.html): whether to offer the copy; where the
    language's list, app manifest and icons are; the words offline-copy.js shows."""
    lang, root = current_language(config), _root(config)
    words = strings.load_strings(lang, strings_dir(config))["offline_copy"]
    env.globals["course_offline"] = (
        {
            "lang": lang,
            "list": root + LIST_NAME,
            "language_root": root,
            "app_manifest": root + APP_MANIFEST,
            "touch_icon": icon_file(APPLE_TOUCH_ICON),
            "theme_colour": THEME_COLOUR,
            "script_words": {key: words[key] for key in SHOWN_BY_SCRIPT},
        }
        if _offered()
        else None
    )
    return env


def on_post_page(output, page, config):
    if _offered():
        _pages[current_language(config)][page.file.dest_uri] = output
    return output


@event_priority(-400)  # after hooks/search_per_language.py has written the index (-300)
@fails_loudly
def on_post_build(config):
    lang = _building.pop()
    if not _offered():
        return
    site_dir = Path(config.site_dir)
    root = _root(config, lang)
    words = strings.load_strings(lang, strings_dir(config))
    direction = language_data.direction(lang, words.get("direction"))
    (site_dir / root / APP_MANIFEST).write_text(as_json(app_manifest(lang, root, words, direction)), encoding="utf-8")
    roots = {code: _root(config, code) for code in all_languages(config)}
    listing = language_list(site_dir, lang, root, _pages.pop(lang, {}), roots, direction, words["offline_copy"])
    write_list(site_dir, listing)
