"""The language switcher's links.

- With plain .html URLs (use_directory_urls: false), static-i18n writes the
  switcher's links as '/el/index.html', then, building the next language, warns
  that its own links should be '/el/' (an INFO line per language and link, on
  every build). Its per-page step replaces each link with the page's twin in
  that language anyway, so the links are stored in the form it checks for.
- In a preview of some languages (hooks/preview.py), static-i18n lists only
  the languages built; the switcher still lists every language."""

from mkdocs.plugins import event_priority

from course.build.mkdocs_run import all_languages, i18n, site_languages, strings_dir
from course.sources import strings


@event_priority(-100)  # after static-i18n has made the links
def on_config(config):
    plugin = i18n(config)
    for alternates in (config.extra.get("alternate") or [], plugin.extra_alternate or []):
        for alternate in alternates:
            link = alternate.get("link", "")
            if link.startswith("/") and link.endswith("/index.html"):
                alternate["link"] = link.removesuffix("index.html")
    if len(site_languages(config)) < len(all_languages(config)):
        _list_every_language(config)
    return config


def _list_every_language(config):
    """Add the languages a preview does not build, in the order of mkdocs.yml (static-i18n copies
    its own list onto every page, so both lists get them)."""
    plugin = i18n(config)
    for alternates in (config.extra.setdefault("alternate", []), plugin.extra_alternate):
        if alternates is None or (alternates is plugin.extra_alternate and not alternates):
            continue
        listed = {alternate["lang"] for alternate in alternates}
        for code in all_languages(config):
            if code not in listed:
                name = strings.load_strings(code, strings_dir(config))["language_name"]
                link = "/" if code == plugin.default_language else f"/{code}/"
                alternates.append({"name": name, "link": link, "lang": code})
