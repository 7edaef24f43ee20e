"""Nothing a page's author writes may run script on a learner's page: the
rendered content of every page is checked against the HTML the course's
Markdown makes (course/web/safe_html.py), before the build adds its own parts."""

import re
from pathlib import Path

from mkdocs.plugins import event_priority

from course.build.mkdocs_run import fails_loudly
from course.errors import ContentError
from course.sources.source_text import read_text
from course.web.safe_html import aligned_cells_as_classes, violations


@event_priority(100)  # the author's content as Markdown made it, before the hooks that add to it
@fails_loudly
def on_page_content(content, page, config, files):
    found = violations(content)
    if found:
        path = Path(page.file.abs_src_path)
        raise ContentError(
            path,
            f"the page turns into HTML that no course page may hold: {', '.join(found[:3])}",
            'remove it: a page is Markdown and the course\'s blocks (AUTHORING.md, "What a page may contain")',
            line=_line_of(path, found[0]),
        )
    return aligned_cells_as_classes(content)


def _line_of(path: Path, violation: str) -> int | None:
    """The first line of the source that holds the offending element or attribute."""
    name = re.search(r"<(\w+)>|(\w[\w-]*)=", violation)
    needle = f"<{name[1]}" if name and name[1] else f"{name[2]}=" if name else None
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if needle and needle.lower() in line.lower():
            return number
    return None
