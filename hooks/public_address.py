"""The site's public address (COURSE_SITE_URL, mkdocs.yml `site_url`), for the
pages' canonical links (overrides/main.html) and the sitemap.

Built without it (for use from disk, or under an address not known yet), no
page names an address, and no sitemap is written: MkDocs would write one
whose every address begins with "None".

static-i18n builds the other languages inside the default language's
on_post_build: the sitemap is removed when the outermost build ends."""

from pathlib import Path

from mkdocs.plugins import event_priority

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")
_depth: list[int] = [0]


def on_pre_build(config):
    _depth[0] += 1


@event_priority(-400)  # after static-i18n has built the other languages (-100)
def on_post_build(config):
    _depth[0] -= 1
    if _depth[0] == 0 and not config.site_url:
        for name in SITEMAPS:
            (Path(config.site_dir) / name).unlink(missing_ok=True)
