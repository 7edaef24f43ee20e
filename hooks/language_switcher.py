"""The language switcher's links, in the form static-i18n itself expects.

With plain .html URLs (use_directory_urls: false), static-i18n writes the
switcher's links as '/el/index.html', then, building the next language, warns
that its own links should be '/el/' (an INFO line per language and link, on
every build). Its per-page step replaces each link with the page's twin in
that language anyway, so the links are stored in the form it checks for."""
from mkdocs.plugins import event_priority

from course.build import i18n


@event_priority(-100)   # after static-i18n has made the links
def on_config(config):
    plugin = i18n(config)
    for alternates in (config.extra.get("alternate") or [], plugin.extra_alternate or []):
        for alternate in alternates:
            link = alternate.get("link", "")
            if link.startswith("/") and link.endswith("/index.html"):
                alternate["link"] = link.removesuffix("index.html")
    return config
