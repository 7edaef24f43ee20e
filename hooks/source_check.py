"""Before MkDocs renders anything: every rule of AUTHORING.md that can be checked in
the files people edit (course/build/source_check.py), once per build for all
languages, each problem with its file, line and fix.

`mkdocs build` stops on a problem. `mkdocs serve` checks again on every save, prints
the problems in the terminal and keeps serving: a page with problems shows them, with
their lines, in place of its content, so a broken quiz is never shown as text.
static-i18n runs on_config once per language, on one config object per build."""

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course.build.mkdocs_run import Run, all_languages, current_language, project_dir, strings_dir
from course.build.source_check import check_project, preview_of_problems, problems_by_page, report
from course.sources import strings

# The config of the build last checked (a new one for every `mkdocs serve` rebuild; MkDocs loads
# this module once per process), and its problems by file.
_checked: list = [None]
_problems: dict = {}


@event_priority(100)
def on_config(config):
    if _checked[0] is config:
        return
    _checked[0] = config
    _problems.clear()
    problems = check_project(project_dir(config), all_languages(config))
    if not problems:
        return
    if Run.command != "serve":
        raise PluginError(report(problems))
    print(f"\n{report(problems)}\n==> the preview shows each page's problems in place of its text\n", file=sys.stderr)
    _problems.update(problems_by_page(problems))
    # A page shown as its problems has lost its headings: links to them are not the translator's mistake.
    config.validation.links.anchors = logging.DEBUG


def on_page_markdown(markdown, page, config, files):
    found = _problems.get(Path(page.file.abs_src_path).resolve())
    if not found:
        return markdown
    words = strings.load_strings(current_language(config), strings_dir(config))["preview"]
    return preview_of_problems(page.title or page.file.src_uri, found, words)
