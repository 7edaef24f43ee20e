"""The course's Markdown blocks (course/blocks/extension.py), given the words of
the language being built. (hooks/source_check.py has checked every block before.)"""

from mkdocs.plugins import event_priority

from course.build.mkdocs_run import current_language, fails_loudly, strings_dir, unit_key
from course.sources import strings

EXTENSION = "course.blocks.extension"


@event_priority(-200)  # after static-i18n has switched the config to the language
@fails_loudly
def on_config(config):
    if EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(EXTENSION)
    config.mdx_configs[EXTENSION] = {"strings": strings.load_strings(current_language(config), strings_dir(config))}
    return config


def on_page_content(content, page, config, files):
    """Tell the page template which unit this is and how many questions it holds (for progress)."""
    page.course_unit = unit_key(page)
    page.quiz_questions = content.count('class="quiz-question"')
    return content
