"""Theme templates compiled once per build, not once per language.

static-i18n builds each language with a new Jinja environment, which would
compile every template of Material and of overrides/ again for every language
(about a third of a language's build). An in-memory bytecode cache, shared by
those environments, keeps each compiled template; Jinja checks the template's
source against the cached one, so an edited template is compiled again."""

from course.build.mkdocs_run import TEMPLATE_CACHE


def on_env(env, config, files):
    env.bytecode_cache = TEMPLATE_CACHE
    return env
