"""The words of the site's chrome, from i18n/<lang>.yml, in the language being built.

Sets the site name and the direction of the language's script, translates the
navigation's section keys (mkdocs.yml's `nav:` names sections by key, e.g.
`part-1`) and gives templates `strings`, written into pages' JSON as UTF-8.
"""

from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section

from course.build.mkdocs_run import current_language, fails_loudly, i18n, site_languages, strings_dir
from course.config import language_root
from course.errors import ContentError
from course.sources import language_data, strings


@event_priority(-200)  # after static-i18n has switched the config to the language
@fails_loudly
def on_config(config):
    for lang in site_languages(config):  # report every language's gaps, not just this one's
        strings.load_strings(lang, strings_dir(config))
    lang = current_language(config)
    words = strings.load_strings(lang, strings_dir(config))
    config.site_name = words["site_name"]
    config.site_description = words["site_description"]
    # The direction comes from the language (its file, or course/sources/language_data.py), never from
    # whether the theme happens to know it: <html dir> and Material's layout follow it.
    config.theme["direction"] = language_data.direction(lang, words.get("direction"))
    return config


@event_priority(-200)
@fails_loudly
def on_nav(nav, config, files):
    lang = current_language(config)
    words = strings.load_strings(lang, strings_dir(config))
    for item in nav.items:
        _translate_section(item, words["nav"], lang, strings_dir(config))
    return nav


def _translate_section(item, nav_words, lang, folder):
    if not isinstance(item, Section):
        return
    if item.title not in nav_words:
        raise ContentError(
            strings.strings_file(lang, folder),
            f"the navigation section '{item.title}' has no title in language '{lang}'",
            f"add 'nav: {item.title}: …' to every i18n/<lang>.yml (the key is the section's name in mkdocs.yml)",
        )
    item.title = nav_words[item.title]
    for child in item.children:
        _translate_section(child, nav_words, lang, folder)


def on_env(env, config, files):
    folder = strings_dir(config)  # once: it resolves a path, and the templates ask for every nav item
    env.globals["strings"] = strings.load_strings(current_language(config), folder)
    env.globals["untranslated_text"] = lambda item: language_data.untranslated_text(getattr(item, "meta", None), folder)
    # For pages that speak every language at once (404.html): language -> (root path, words).
    plugin = i18n(config)
    env.globals["every_language"] = [
        {
            "code": lang,
            "root": language_root(lang, plugin.default_language),
            "words": strings.load_strings(lang, folder),
        }
        for lang in site_languages(config)
    ]
    # Words written into a page's JSON (the page's data, Material's config) as they are, in
    # UTF-8 like the page, not as \u escapes: a Greek letter then takes 2 bytes, not 6.
    # (`tojson` still escapes < > & ', so the JSON cannot close its <script>.)
    env.policies["json.dumps_kwargs"] = {**env.policies.get("json.dumps_kwargs", {}), "ensure_ascii": False}
    return env
