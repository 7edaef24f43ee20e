"""Each page's front matter, shown: the one-line summary under the title, an
honest notice on a page that is a draft, not translated, reviewed by a native
speaker or out of date (with what changed in the page it was translated from),
and one on a page written for this edition (not part of the source material).
(hooks/source_check.py has checked it before the build.)"""

import html
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from course.build.mkdocs_run import fails_loudly, page_language, strings_dir
from course.config import language_root
from course.sources.language_data import untranslated_text
from course.translation.notices import NOTICE_STATUSES, edition_notice, page_notice
from course.translation.status import unit_state

H1_END = re.compile(r"</h1>", re.IGNORECASE)


@fails_loudly
def on_page_content(content, page, config, files):
    meta = page.meta
    lang = page_language(page)
    after_title = f'<p class="page-summary">{html.escape(meta["description"])}</p>'
    # draft, untranslated, reviewed or outdated (course/translation/status.py): None on a source page.
    state = unit_state(Path(config.docs_dir), lang, page.file.src_uri.split("/", 1)[1])
    status = state.needs_notice
    if status in NOTICE_STATUSES:
        after_title = _status_notice(status, state, page, lang, meta["source_language"], config) + after_title
    if meta.get("written_for_this_edition") is True:
        after_title = edition_notice(lang, strings_dir(config)) + after_title
    if not H1_END.search(content):
        content = after_title + content
    else:
        content = H1_END.sub("</h1>" + after_title, content, count=1)
    copy = untranslated_text(meta, strings_dir(config))
    if copy:
        # The copied text is in another language: marked so, for screen readers and for the PDF;
        # the notice inside it keeps the page's own language.
        content = f'<div class="untranslated-text" lang="{copy["lang"]}" dir="{copy["dir"]}">{content}</div>'
    return content


def _status_notice(status, state, page, lang, source_lang, config):
    return page_notice(
        Path(config.docs_dir),
        state,
        source_lang,
        lambda target: get_relative_url(_url_in_language(page, target, config), page.url),
        strings_dir(config),
    )


def _url_in_language(page, lang, config):
    """The same page in another language tree (the default language lives at the site root)."""
    plugin = config.plugins["i18n"]
    path = page.file.src_uri.split("/", 1)[1]
    url = path[:-3] + ".html"
    return language_root(lang, plugin.default_language) + url
