"""The course's Markdown blocks (course/markdown_blocks.py): given the words of
the language being built, and checked with file and line before they render."""
from pathlib import Path

from mkdocs.plugins import event_priority

from course import strings
from course.build import current_language, fails_loudly, strings_dir, unit_key
from course.errors import ContentError
from course.front_matter import read_front_matter
from course.quiz import BLOCK_START, FENCE, questions_in

EXTENSION = "course.markdown_blocks"
KNOWN_BLOCKS = {"quiz", "exercise", "answer", "cards", "circles", "steps", "course-map"}


@event_priority(-200)  # after static-i18n has switched the config to the language
@fails_loudly
def on_config(config):
    if EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(EXTENSION)
    config.mdx_configs[EXTENSION] = {"strings": strings.load_strings(current_language(config), strings_dir(config))}
    return config


@fails_loudly
def on_page_markdown(markdown, page, config, files):
    path = Path(page.file.abs_src_path)
    source = path.read_text(encoding="utf-8")
    body_start = read_front_matter(path).end_line + 1
    body = "\n".join(source.split("\n")[body_start - 1:])
    _check_block_names(body, path, body_start)
    questions_in(body, path, first_line=body_start)
    return markdown


def on_page_content(content, page, config, files):
    """Tell the page template which unit this is and how many questions it holds (for progress)."""
    page.course_unit = unit_key(page)
    page.quiz_questions = content.count('class="quiz-question"')
    return content


def _check_block_names(body, path, first_line):
    in_fence = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else BLOCK_START.match(line)
        if match and match["name"] not in KNOWN_BLOCKS:
            raise ContentError(path, f"'{match['name']}' is not a block the course knows",
                               f"use one of: {', '.join(sorted(KNOWN_BLOCKS))} (see AUTHORING.md)", line=number)
