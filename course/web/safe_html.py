"""The HTML a page's Markdown may turn into, checked after rendering: the second
line of defence behind course/sources/html_policy.py. Whatever a page's text, its
rendered content holds only the elements and attributes that Markdown and the
course's blocks make, and only links the course allows; anything else (a
script, an event handler, a frame, a style) stops the build, naming the page.

The one attribute Markdown writes that a Content-Security-Policy would block
is `style="text-align: …"` on aligned table columns: it becomes a class."""

from __future__ import annotations

import re

import lxml.html

from course.sources.html_policy import url_problem

ELEMENTS = {
    # Markdown and its extensions (tables, def_list, footnotes, abbr, admonition, details, tasklist)
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "hr",
    "br",
    "img",
    "abbr",
    "div",
    "span",
    "sup",
    "sub",
    "details",
    "summary",
    "del",
    "ins",
    "mark",
    "kbd",
    "small",
    "s",
    "label",
    "input",
    # the course's blocks (course/blocks/extension.py)
    "section",
    "form",
    "fieldset",
    "legend",
    "button",
    "figure",
    "figcaption",
    "nav",
    "aside",
    "svg",
    "circle",
    "ellipse",
    "line",
    "text",
    "title",
    "textarea",
    # the course's page template around the content (overrides/partials/offline-copy.html)
    "progress",
}
ATTRIBUTES = {
    "id",
    "class",
    "href",
    "src",
    "alt",
    "title",
    "lang",
    "dir",
    "colspan",
    "rowspan",
    "open",
    "start",
    "reversed",
    "type",
    "name",
    "value",
    "for",
    "checked",
    "disabled",
    "hidden",
    "novalidate",
    "role",
    "scope",
    "hreflang",
    "rel",
    "download",
    "rows",
    "min",
    "max",
    "inputmode",
    "accept",
    "xmlns",
    "viewbox",
    "cx",
    "cy",
    "r",
    "x",
    "y",
    "text-anchor",
    "textlength",
    "lengthadjust",
    "focusable",
    # the drawings' own look, for paper (course/blocks/drawings.py): presentation attributes, no script
    "rx",
    "ry",
    "x1",
    "y1",
    "x2",
    "y2",
    "fill",
    "stroke",
    "stroke-width",
    "font-size",
    "font-family",
}
ATTRIBUTE_PREFIXES = ("aria-", "data-")
URL_ATTRIBUTES = ("href", "src")
ALIGN_STYLE = re.compile(r"^\s*text-align:\s*(left|right|center);?\s*$")


def violations(html: str) -> list[str]:
    """What the rendered content holds that no page may hold, each as a short description."""
    if not html.strip():
        return []
    found = []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for el in root.iter():
        if not isinstance(el.tag, str):
            if el.tag is lxml.html.HtmlComment or el.tag is lxml.etree.Comment:
                continue
            found.append("<?…> or <!…> markup")
            continue
        tag = el.tag.split("}")[-1].lower()
        if el is not root and tag not in ELEMENTS:
            found.append(f"<{tag}>")
        for name, value in el.attrib.items():
            name = name.split("}")[-1].lower()
            if name == "style" and ALIGN_STYLE.match(value):
                continue
            if name not in ATTRIBUTES and not name.startswith(ATTRIBUTE_PREFIXES):
                found.append(f"the attribute {name}= on <{tag}>")
            elif name in URL_ATTRIBUTES and url_problem(value):
                found.append(f"{url_problem(value)} in {name}= on <{tag}>")
    return found


def aligned_cells_as_classes(html: str) -> str:
    """`style="text-align: left;"` (tables) -> `class="align-left"`: a CSP without 'unsafe-inline' blocks the first."""
    return re.sub(r'\sstyle="text-align:\s*(left|right|center);?"', r' class="align-\1"', html)
