"""Each page's front matter: checked, then shown (the one-line summary under the
title, and an honest notice on a page that is a draft or not translated)."""
import html
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from course import strings
from course.build import fails_loudly, page_language, site_languages, strings_dir
from course.front_matter import check_front_matter

H1_END = re.compile(r"</h1>", re.IGNORECASE)
NOTICE_STATUSES = ("draft", "untranslated", "outdated")


@fails_loudly
def on_page_markdown(markdown, page, config, files):
    check_front_matter(Path(page.file.abs_src_path), page_language(page), site_languages(config))
    return markdown


def on_page_content(content, page, config, files):
    meta = page.meta
    lang = page_language(page)
    after_title = f'<p class="page-summary">{html.escape(meta["description"])}</p>'
    status = "outdated" if meta.get("outdated") else meta["translation"]
    if status in NOTICE_STATUSES:
        after_title = _status_notice(status, page, lang, meta["source_language"], config) + after_title
    if not H1_END.search(content):
        return after_title + content
    return H1_END.sub("</h1>" + after_title, content, count=1)


def _status_notice(status, page, lang, source_lang, config):
    words = strings.load_strings(lang, strings_dir(config))
    source_words = strings.load_strings(source_lang, strings_dir(config))
    source_url = _url_in_language(page, source_lang, config)
    link = (f'<a href="{get_relative_url(source_url, page.url)}" hreflang="{source_lang}" lang="{source_lang}">'
            f'{html.escape(words["status"]["read_source"])} ({html.escape(source_words["language_name"])})</a>')
    return (f'<aside class="translation-status translation-status--{status}" role="note" '
            f'data-status="{status}"><p>{html.escape(words["status"][status])} {link}</p></aside>')


def _url_in_language(page, lang, config):
    """The same page in another language tree (the default language lives at the site root)."""
    plugin = config.plugins["i18n"]
    path = page.file.src_uri.split("/", 1)[1]
    url = path[:-3] + ".html"
    return url if lang == plugin.default_language else f"{lang}/{url}"
