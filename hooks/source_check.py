"""Before MkDocs renders anything: every rule of AUTHORING.md that can be
checked in the files people edit (course/build/source_check.py), once per build for
all languages, each problem with its file, line and fix. static-i18n runs
on_config once per language; the check runs on the first."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course.build.mkdocs_run import all_languages, project_dir
from course.build.source_check import check_project, report

_checked: list[bool] = []  # this module is loaded afresh for every build (and every `mkdocs serve` rebuild)


@event_priority(100)
def on_config(config):
    if _checked:
        return
    problems = check_project(project_dir(config), all_languages(config))
    if problems:
        raise PluginError(report(problems))
    _checked.append(True)
