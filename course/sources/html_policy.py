"""What a page may ask the browser to do: the course's content comes from
people the site's maintainers do not control, and nothing they write may run
script on a learner's page (AUTHORING.md, "What a page may contain").

- **No raw HTML.** A page is Markdown and the course's blocks. An HTML tag in
  the text (`<script>`, `<img onerror=…>`, `<iframe>`, `<style>`, even `<b>`)
  stops the build with its line; `&lt;` shows a '<' as text. Autolinks
  (`<https://…>`) and HTML comments (`<!-- a note for translators -->`) are fine.
- **Attribute lists** (`{#id}` after a heading) may set an id, classes, and
  `lang`/`dir` to mark a passage in another language: nothing else
  (no `onclick=`, no `style=`).
- **Links** lead to pages and files of the course, or to `http(s):`,
  `mailto:` and `tel:` addresses: never `javascript:`, `data:` or another scheme.

The same rules hold for the rendered page (course/web/safe_html.py), in case
Markdown ever turns text into markup no rule above foresaw.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from course.errors import ContentError
from course.sources.headings import ATTR_LIST, ATTR_TOKEN
from course.sources.markdown_source import Line, Page

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
ALLOWED_ATTRIBUTES = {"lang", "dir"}
TAG = re.compile(r"<(?P<close>/)?(?P<tag>[A-Za-z][\w:-]*)(?=[\s/>]|$)|<(?P<other>[!?])")
AUTOLINK = re.compile(r"<(?:[A-Za-z][\w+.-]*:[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>")
COMMENT_START, COMMENT_END = "<!--", "-->"
LANG_VALUE = re.compile(r"^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def url_problem(url: str) -> str | None:
    """Why a link's address is refused, or None. Browsers decode character references and
    ignore tabs and control characters inside a scheme ('java&#x09;script:'), so this does too."""
    plain = CONTROL.sub("", html.unescape(url))
    if SCHEME.match(plain) and urlsplit(plain).scheme.lower() not in ALLOWED_SCHEMES:
        return f"a link to a '{urlsplit(plain).scheme.lower()}:' address"
    return None


def check_html(page: Page) -> list[ContentError]:
    found = []
    in_comment = False
    for line in page.lines:
        if line.in_code:
            continue
        text = line.text
        if in_comment:
            if COMMENT_END not in text:
                continue
            text = text[text.index(COMMENT_END) + len(COMMENT_END) :]
            in_comment = False
        text, in_comment = _without_comments(AUTOLINK.sub(lambda m: " " * len(m.group(0)), text))
        for autolink in AUTOLINK.finditer(line.text):
            problem = url_problem(autolink.group(0)[1:-1])
            if problem:
                found.append(_refused(page, line.number, problem))
        tag = TAG.search(text)
        if tag:
            shown = text[tag.start() : tag.start() + 40].split(">")[0] + (">" if ">" in text[tag.start() :] else "")
            found.append(
                ContentError(
                    page.path,
                    f"HTML is not allowed in a course page: {shown!r}",
                    "write it in Markdown or with the course's blocks (AUTHORING.md); to show '<' as text, write '&lt;'",
                    line=line.number,
                )
            )
        found += _attribute_problems(page, line)
    return found


def _without_comments(text: str) -> tuple[str, bool]:
    """The text with its HTML comments blanked, and whether a comment is still open at its end."""
    while COMMENT_START in text:
        start = text.index(COMMENT_START)
        end = text.find(COMMENT_END, start + len(COMMENT_START))
        if end < 0:
            return text[:start], True
        text = text[:start] + " " * (end + len(COMMENT_END) - start) + text[end + len(COMMENT_END) :]
    return text, False


def _attribute_problems(page: Page, line: Line) -> list[ContentError]:
    found = []
    for attrs in ATTR_LIST.finditer(line.text):
        for token in ATTR_TOKEN.finditer(attrs["attrs"]):
            key = token["key"]
            if key is None:
                continue
            value = token["value"].strip("\"'")
            if key not in ALLOWED_ATTRIBUTES:
                found.append(
                    ContentError(
                        page.path,
                        f"the attribute '{key}' is not allowed in a course page",
                        "an attribute list may set an id ({#id}), classes ({.name}), and lang or dir for a passage "
                        "in another language ({lang=en}): nothing else",
                        line=line.number,
                    )
                )
            elif key == "dir" and value not in ("ltr", "rtl", "auto"):
                found.append(
                    ContentError(
                        page.path, f"dir={value!r} is not a direction", "write dir=ltr or dir=rtl", line=line.number
                    )
                )
            elif key == "lang" and not LANG_VALUE.match(value):
                found.append(
                    ContentError(
                        page.path,
                        f"lang={value!r} is not a language code",
                        "write a language code such as lang=en or lang=pt-BR",
                        line=line.number,
                    )
                )
    return found


def _refused(page: Page, number: int, problem: str) -> ContentError:
    return ContentError(
        page.path,
        f"{problem} is not allowed in a course page",
        "link to a page of the course, or to an http(s), mailto or tel address",
        line=number,
    )
