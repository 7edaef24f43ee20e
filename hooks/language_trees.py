"""Every page exists in every language tree, or the build stops and says which."""
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course.build import site_languages
from course.trees import tree_problems
from pathlib import Path


@event_priority(100)
def on_config(config):
    problems = tree_problems(site_languages(config), Path(config.docs_dir))
    if problems:
        raise PluginError(
            f"The language trees under {config.docs_dir} are not parallel "
            f"({len(problems)} problem(s)):\n" + "\n".join(str(p) for p in problems)
        )
