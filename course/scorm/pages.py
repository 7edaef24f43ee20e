"""A built page of the site, made fit for a language's SCORM package.

On every page of the package:
- nothing of keeping the course on the device: no offline-copy.js (which would
  register the service worker), no app manifest, no offer to keep the course,
  no link to the offline zip;
- no language switcher (a package holds one language), and a link to a page
  or file the package lacks keeps its words but is no longer a link;
- in the page's data (#course-page, which course.js reads): no offline copy,
  and the words for a learner with no answer yet say nothing about where
  progress is kept (in a learning platform, the platform keeps it too);
- the course's progress panel (the home page's overview) no longer says
  that nothing is sent anywhere: it says that the units report to the
  platform.

On a unit's page (a SCO), also:
- scorm.js after course.js, with what it needs in the page's data (`scorm`:
  the unit's key, the mastery score, the package's root; the words);
- the privacy notice under the title, hidden until scorm.js has found the
  learning platform: what goes to it, and that the notebook stays here;
- the progress panel's "kept only in this browser" in a span of its own,
  which scorm.js rewords once connected.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from course.web.offline_copy import site_path

SCRIPT = "scorm.js"  # beside course.js in assets/javascripts/
COURSE_SCRIPT = "course.js"
REMOVED_SCRIPTS = ("offline-copy.js",)
REMOVED_LINKS = ("manifest", "apple-touch-icon")
# The offline zip's paragraph, the offer to keep the course, and its "new version saved" notice.
REMOVED_BLOCKS = ("course-offline", "offline-copy", "offline-update")  # classes
DOCTYPE = "<!doctype html>"


@dataclass(frozen=True)
class ScoPage:
    """What a unit's page tells scorm.js."""

    unit: str
    mastery_score: int
    package_root: str  # the package's root, relative to the page: '..' for el/unit.html, '.' for unit.html


def for_package(
    html: str,
    page_path: str,
    in_package: Callable[[str], bool],
    words: dict[str, Any],
    sco: ScoPage | None = None,
) -> str:
    """The page at `page_path` (from the site's root), as the package holds it. `in_package(path)`
    says whether a file (from the site's root) is in the package; `words` are the language's
    `scorm` UI words (i18n/<lang>.yml)."""
    root = lxml.html.document_fromstring(html)
    _remove_offline_copy(root)
    _remove_language_switcher(root)
    _unlink_outside(root, page_path, in_package)
    data = _page_data(root)
    if data is not None:
        data["offline"] = None
        data.setdefault("words", {}).setdefault("progress", {})["none_yet"] = words["none_yet"]
        if sco:
            data["scorm"] = {"sco": sco.unit, "mastery": sco.mastery_score, "root": sco.package_root}
            data["words"]["scorm"] = {"progress_where": words["progress_where"]}
        _set_page_data(root, data)
    if sco:
        _add_script(root)
        _add_notice(root, words)
        _mark_where_progress_is_kept(root)
    _say_the_units_report(root, words)
    return DOCTYPE + "\n" + lxml.html.tostring(root, encoding="unicode", method="html")


def _remove(element: HtmlElement) -> None:
    """Take an element out, keeping the text that followed it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _with_class(root: HtmlElement, name: str) -> list[HtmlElement]:
    return root.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def _remove_offline_copy(root: HtmlElement) -> None:
    for script in root.iter("script"):
        if posixpath.basename(script.get("src") or "") in REMOVED_SCRIPTS:
            _remove(script)
            break
    for link in list(root.iter("link")):
        if set((link.get("rel") or "").split()) & set(REMOVED_LINKS):
            _remove(link)
    for meta in root.xpath("//meta[@name='theme-color']"):
        _remove(meta)
    for name in REMOVED_BLOCKS:
        for element in _with_class(root, name):
            _remove(element)


def _remove_language_switcher(root: HtmlElement) -> None:
    """Material's language menu: the header option that holds links with `hreflang`."""
    for option in _with_class(root, "md-header__option"):
        if option.xpath(".//a[@hreflang]"):
            _remove(option)


def _unlink_outside(root: HtmlElement, page_path: str, in_package: Callable[[str], bool]) -> None:
    """A link to a page or file of the site that the package lacks (another language's page, the
    offline zip) keeps its words; an address on another host stays a link (the learner's choice)."""
    for link in list(root.iter("a")):
        href = link.get("href")
        if not href or href.startswith("#"):
            continue
        target = site_path(href, page_path)
        if target is None or in_package(target):
            continue
        link.drop_tag()


def _page_data(root: HtmlElement) -> dict[str, Any] | None:
    found = root.get_element_by_id("course-page", None)
    return json.loads(found.text or "{}") if found is not None else None


def _set_page_data(root: HtmlElement, data: dict[str, Any]) -> None:
    # As Jinja's tojson writes it: nothing in the text can close the <script> element.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for character, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("'", "\\u0027")):
        text = text.replace(character, escaped)
    root.get_element_by_id("course-page").text = text


def _add_script(root: HtmlElement) -> None:
    course_js = next(s for s in root.iter("script") if posixpath.basename(s.get("src") or "") == COURSE_SCRIPT)
    src = posixpath.join(posixpath.dirname(course_js.get("src") or ""), SCRIPT)
    script = lxml.html.Element("script", {"src": src})
    script.tail = course_js.tail
    course_js.tail = "\n"
    course_js.addnext(script)


def _add_notice(root: HtmlElement, words: dict[str, Any]) -> None:
    """The privacy notice, right under the unit's title."""
    title = root.xpath("//article//h1")[0]
    notice = lxml.html.Element(
        "aside", {"class": "scorm-notice", "role": "note", "aria-labelledby": "scorm-notice-title", "hidden": "hidden"}
    )
    heading = lxml.html.Element("p", {"class": "scorm-notice__title", "id": "scorm-notice-title"})
    heading.text = words["notice_title"]
    notice.append(heading)
    for text in (words["notice_sent"], words["notice_kept"]):
        paragraph = lxml.html.Element("p")
        paragraph.text = text
        notice.append(paragraph)
    notice.tail = title.tail
    title.tail = None
    title.addnext(notice)


def _say_the_units_report(root: HtmlElement, words: dict[str, Any]) -> None:
    """The course's progress panel (not a unit's: scorm.js rewords that one) reports nothing, but must
    not tell a learner in a learning platform that nothing is sent anywhere: the units do report."""
    for reset in root.xpath("//div[@id='course-progress-course']//button"):
        if "course-progress__reset" in (reset.get("class") or "").split():
            reset.getparent().text = words["progress_outside_units"] + " "


def _mark_where_progress_is_kept(root: HtmlElement) -> None:
    """The unit's progress panel says "kept only in this browser" before its reset button: that
    sentence gets a span of its own, for scorm.js to reword once a learning platform keeps it too."""
    for reset in root.xpath("//*[@id='course-progress-unit']//button"):
        if "course-progress__reset" not in (reset.get("class") or "").split():
            continue
        paragraph = reset.getparent()
        span = lxml.html.Element("span", {"class": "course-progress__where"})
        span.text = (paragraph.text or "").strip()
        span.tail = " "
        paragraph.text = None
        paragraph.insert(0, span)
