"""A preview of one language, or a few, for authors and translators:

    COURSE_PREVIEW=el .venv/bin/mkdocs serve          # Greek, at http://127.0.0.1:8000/
    COURSE_PREVIEW=el,sl .venv/bin/mkdocs serve       # Greek at /, Slovenian at /sl/

Only those languages are built (the first at the site's root), so a save is
rebuilt in about a second however many languages the course has; the
language switcher still lists every language (hooks/language_switcher.py).
Without COURSE_PREVIEW every language is built, as always."""

import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course.build.mkdocs_run import Run, i18n

VARIABLE = "COURSE_PREVIEW"


def on_startup(command, dirty):
    """What MkDocs was started for: `mkdocs serve` previews (no PDF pages, no offline lists, the
    source check's problems shown on the pages), `mkdocs build` builds."""
    Run.command = command


def preview_languages() -> list[str]:
    return [code.strip() for code in os.environ.get(VARIABLE, "").split(",") if code.strip()]


@event_priority(200)  # before static-i18n reads which languages to build
def on_config(config):
    wanted = preview_languages()
    plugin = i18n(config)
    if not wanted or plugin.current_language is not None:  # only at the first language's on_config
        return config
    known = [lang.locale for lang in plugin.config.languages]
    unknown = [code for code in wanted if code not in known]
    if unknown:
        raise PluginError(
            f"{VARIABLE}={','.join(wanted)}: {', '.join(unknown)} is not a language of the site "
            f"({', '.join(known)})\n  How to fix: name languages of mkdocs.yml, e.g. {VARIABLE}={known[-1]}"
        )
    for lang in plugin.config.languages:
        lang.build = lang.locale in wanted
        lang.default = lang.locale == wanted[0]
    return config
