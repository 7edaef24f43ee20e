"""Every rule of AUTHORING.md that can be checked in the files people edit,
checked once per build for every language, before MkDocs renders a page.

Each problem is a ContentError that names the file, the line and the fix.
All of them are reported at once (a translator fixing a tree sees the whole
list), and a file that cannot be read (not UTF-8, bad front matter) is
reported once, without the problems that would follow from it.

The checks, one job each:
- course/translation/trees.py          every page in every language tree
- course/config.py         `nav:` names pages that exist, in every language
- course/sources/strings.py        every UI word in every language, as plain text
- course/sources/source_text.py    UTF-8, not empty
- course/sources/front_matter.py   front matter (and course/translation/status.py: its bookkeeping keys)
- course/blocks/syntax.py         the course's blocks: names, titles, settings, closed
- course/blocks/quiz.py           quiz questions: options, right answers, feedback
- course/blocks/exercises.py      exercise ids (the learner's notes are kept under them) and answer fields
- course/sources/headings.py       heading ids: present, kebab-case, unique
- course/sources/html_policy.py    no HTML, no attributes that run script, no refused link schemes
- course/sources/links.py          links and pictures lead somewhere
- course/blocks/quiz_quality.py   quizzes that test understanding, not guessing
- below                    a translation keeps its source's heading ids and quiz answers
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from course.blocks import quiz_quality
from course.blocks.exercises import ExerciseSource, check_exercises, exercises
from course.blocks.extension import FIELD_KINDS
from course.blocks.quiz import Question, questions_in
from course.blocks.syntax import check_blocks
from course.config import Project, nav_entries
from course.errors import ContentError
from course.sources import strings, terms
from course.sources.front_matter import check_front_matter
from course.sources.headings import check_headings, headings, page_ids
from course.sources.html_policy import check_html
from course.sources.links import check_links
from course.sources.markdown_source import Page, read_page
from course.sources.source_text import once_per_change
from course.translation.parity import structure_problems
from course.translation.status import check_translation_keys
from course.translation.trees import tree_problems

MAX_SHOWN = 40


@dataclass
class CheckedPage:
    page: Page
    questions: list[Question] | None = None  # None when the page's quiz could not be read


def check_project(root: Path, languages: list[str] | None = None) -> list[ContentError]:
    """Every problem of the project's sources (of `languages`, default all of mkdocs.yml's)."""
    project = Project(Path(root), tuple(languages) if languages else None)
    problems = tree_problems(project.languages, project.docs)
    problems += nav_problems(project)
    problems += string_problems(project)
    pages: dict[tuple[str, str], CheckedPage] = {}
    for lang in project.languages:
        tree = project.docs / lang
        for path in sorted(tree.rglob("*.md")) if tree.is_dir() else []:
            name = path.relative_to(tree).as_posix()
            checked, found = _check_page(path, lang, name, project.languages)
            problems += found
            if checked:
                pages[(lang, name)] = checked
    ids = {key: page_ids(checked.page) for key, checked in pages.items()}
    every_page = {name for _, name in pages}
    for (lang, _name), checked in pages.items():
        twins = frozenset(page for page in every_page if (lang, page) not in pages)

        def ids_of(target: str, lang: str = lang) -> set[str] | None:
            return ids.get((lang, target))

        problems += check_links(checked.page, project.docs / lang, ids_of, twins)
    problems += parity_problems(pages, project.languages)
    problems += quiz_rule_problems(project, pages)
    problems += term_base_problems(project, pages)
    return sorted(problems, key=lambda p: (str(p.path), p.line or 0))


def term_base_problems(project: Project, pages: dict[tuple[str, str], CheckedPage]) -> list[ContentError]:
    """One term per concept per language (course/sources/terms.py): no page of a language holds a
    variant its glossary asks to avoid. An untranslated copy is another language's text."""
    found: list[ContentError] = []
    for lang in project.languages:
        glossary = pages.get((lang, terms.GLOSSARY))
        if glossary is None:
            continue
        variants, listing_problems = terms.variants_to_avoid(glossary.page)
        found += listing_problems
        for (code, _name), checked in pages.items():
            if code == lang and variants and checked.page.front_matter.data.get("translation") != "untranslated":
                found += terms.term_problems(checked.page, variants, glossary.page.path.relative_to(project.root))
    return found


def quiz_rule_problems(project: Project, pages: dict[tuple[str, str], CheckedPage]) -> list[ContentError]:
    """Quizzes that test understanding (course/blocks/quiz_quality.py), in every language; an untranslated
    copy is another language's text, and is left out."""
    found = []
    order = {name: index for index, (name, _) in enumerate(nav_entries(project.mkdocs_yml))}
    every_language = []
    for lang in project.languages:
        quizzes = sorted(
            (
                (
                    name,
                    checked.page.path,
                    checked.questions,
                    quiz_quality.learning_objectives([line.raw for line in checked.page.lines]),
                    checked.page.front_matter.data.get("translation") == "source",
                )
                for (code, name), checked in pages.items()
                if code == lang
                and checked.questions
                and checked.page.front_matter.data.get("translation") != "untranslated"
            ),
            key=lambda quiz: order.get(quiz[0], len(order)),
        )
        figures = quiz_quality.figures_of(lang, quizzes)
        every_language.append(figures)
        try:
            openers = strings.load_strings(lang, project.strings_dir)["quiz"]
        except ContentError:
            continue  # reported by string_problems
        found += quiz_quality.problems(figures, openers)
    return found + quiz_quality.course_problems(quiz_quality.source_units(every_language))


def _check_page(
    path: Path, lang: str, name: str, languages: list[str]
) -> tuple[CheckedPage | None, list[ContentError]]:
    """One page's own checks, worked out once per change of the file (`mkdocs serve` rebuilds on
    every save: only the saved page is checked again; links and parity are checked every time)."""
    return _check_page_once(path, lang, name, tuple(languages))


@once_per_change
def _check_page_once(
    path: Path, lang: str, name: str, languages: tuple[str, ...]
) -> tuple[CheckedPage | None, list[ContentError]]:
    codes = list(languages)
    try:
        page = read_page(path, lang, name)
        check_front_matter(path, lang, codes, page.front_matter)
        check_translation_keys(path, page.front_matter, lang, codes)
    except ContentError as err:
        return None, [err]
    found = check_blocks(page) + check_headings(page) + check_html(page) + check_exercises(page)
    checked = CheckedPage(page)
    if not any("block" in p.problem for p in found):
        try:
            checked.questions = questions_in(page.body, path, first_line=page.body_start)
        except ContentError as err:
            found.append(err)
    return checked, found


def nav_problems(project: Project) -> list[ContentError]:
    found = []
    for page, line in nav_entries(project.mkdocs_yml):
        # A page that some languages have and others lack is the trees check's to report.
        if any((project.docs / lang / page).is_file() for lang in project.languages):
            continue
        found.append(
            ContentError(
                project.mkdocs_yml,
                f"nav: names '{page}', which does not exist in any language "
                f"({', '.join(f'docs/{lang}/' for lang in project.languages)})",
                "check the file name under nav: (a path inside docs/<lang>/), or add the page to every language tree",
                line=line,
            )
        )
    return found


def string_problems(project: Project) -> list[ContentError]:
    found = []
    for lang in project.languages:
        try:
            strings.load_strings(lang, project.strings_dir)
        except ContentError as err:
            # Every placeholder problem at once (load_strings stops at the first).
            placeholders = [] if "lacks the UI string" in err.problem else _placeholders(lang, project)
            found += placeholders or [err]
    return found


def _placeholders(lang: str, project: Project) -> list[ContentError]:
    try:
        return strings.placeholder_problems(lang, project.strings_dir)
    except ContentError:
        return []


def parity_problems(pages: dict[tuple[str, str], CheckedPage], languages: list[str]) -> list[ContentError]:
    """A translation keeps its source page's heading ids (in order), its structure section by section
    (list items, table rows, links: course/translation/parity.py) and its quiz's answer key."""
    found = []
    for (lang, name), checked in pages.items():
        source_lang = checked.page.front_matter.data["source_language"]  # checked: every page here has one
        source = pages.get((source_lang, name))
        if source is None or source_lang == lang:
            continue
        headings_differ = _heading_differences(checked.page, source.page)
        found += headings_differ
        found += _exercise_differences(checked.page, source.page)
        if not headings_differ and checked.page.front_matter.data.get("translation") != "untranslated":
            found += structure_problems(checked.page, source.page)
        if checked.questions is not None and source.questions is not None:
            found += _quiz_differences(checked, source)
    return found


def _heading_differences(page: Page, source: Page) -> list[ContentError]:
    mine = [h for h in headings(page) if h.id]
    theirs = [h for h in headings(source) if h.id]
    if source.front_matter.data.get("sorted_per_language"):  # each language in its own alphabetical order
        mine, theirs = sorted(mine, key=lambda h: h.id or ""), sorted(theirs, key=lambda h: h.id or "")
    for index, heading in enumerate(mine):
        expected = theirs[index] if index < len(theirs) else None
        if expected is None or heading.id != expected.id:
            should = (
                f"the source has #{expected.id} here ({_where(source, expected.line)})"
                if expected
                else f"the source has no more headings with ids ({_where(source, None)})"
            )
            return [
                ContentError(
                    page.path,
                    f"this heading's id #{heading.id} differs from the source page: {should}",
                    "keep the source's heading ids, in the same order, in every language",
                    line=heading.line,
                )
            ]
    if len(mine) < len(theirs):
        missing = theirs[len(mine)]
        return [
            ContentError(
                page.path,
                f"the heading #{missing.id} of the source ({_where(source, missing.line)}) is missing from this page",
                "translate every heading of the source and keep its {#id}",
                line=mine[-1].line if mine else page.body_start,
            )
        ]
    return []


def _exercise_differences(page: Page, source: Page) -> list[ContentError]:
    """A translation's exercises keep the source's ids and answer fields, in order: the learner's
    notes follow them from one language to another."""

    def shape(exercise: ExerciseSource) -> tuple[str, dict[str, str]]:
        return exercise.id, {k: v for k, v in exercise.settings.items() if k in FIELD_KINDS}

    mine, theirs = exercises(page), exercises(source)
    for index, exercise in enumerate(mine):
        expected = theirs[index] if index < len(theirs) else None
        if expected is None or shape(exercise) != shape(expected):
            should = (
                f"the source's exercise {index + 1} has id '{expected.id}' and fields "
                f"{shape(expected)[1] or 'of text only'} ({_where(source, expected.line)})"
                if expected
                else f"the source has {len(theirs)} exercises ({_where(source, None)})"
            )
            return [
                ContentError(
                    page.path,
                    f"this exercise differs from the source page: {should}",
                    "keep the settings lines of the source's exercises (id, lists, ratings, rated-lists) "
                    "as they are, in the same order",
                    line=exercise.line,
                )
            ]
    if len(mine) < len(theirs):
        return [
            ContentError(
                page.path,
                f"the source has {len(theirs)} exercises, this page {len(mine)} ({_where(source, None)})",
                "translate every exercise of the source",
                line=page.body_start,
            )
        ]
    return []


def _quiz_differences(checked: CheckedPage, source: CheckedPage) -> list[ContentError]:
    mine, theirs = checked.questions, source.questions
    assert mine is not None and theirs is not None  # parity_problems compares only quizzes that were read
    path = checked.page.path
    if len(mine) != len(theirs):
        line = mine[-1].line if mine else checked.page.body_start
        return [
            ContentError(
                path,
                f"this page has {len(mine)} quiz questions, its source has {len(theirs)} ({_where(source.page, None)})",
                "translate every question of the source, no more, no fewer",
                line=line,
            )
        ]
    found = []
    for number, (q, s) in enumerate(zip(mine, theirs, strict=True), start=1):
        if len(q.options) != len(s.options):
            problem = f"question {number} has {len(q.options)} options, its source has {len(s.options)}"
        elif q.answer_key != s.answer_key:
            problem = (
                f"question {number} marks option(s) {_numbers(q.answer_key)} as right, its source marks "
                f"{_numbers(s.answer_key)}"
            )
        elif q.situation != s.situation:
            problem = (
                f"question {number} {'is' if q.situation else 'is not'} marked 'situation: true', unlike its source"
            )
        elif q.objective != s.objective:
            problem = f"question {number} tests objective {q.objective or 'none'}, its source objective {s.objective or 'none'}"
        else:
            continue
        found.append(
            ContentError(
                path,
                f"{problem} ({_where(source.page, s.line)})",
                "keep the source's options in the same order, with [x] on the same ones, and its "
                "settings lines (situation, objective) as they are",
                line=q.line,
            )
        )
    return found


def _numbers(key: tuple[int, ...]) -> str:
    return ", ".join(str(i + 1) for i in key) or "none"


def _where(page: Page, line: int | None) -> str:
    return f"docs/{page.lang}/{page.name}" + (f":{line}" if line else "")


def problems_by_page(problems: list[ContentError]) -> dict[Path, list[ContentError]]:
    """The problems of each file, by its resolved path."""
    found: dict[Path, list[ContentError]] = {}
    for problem in problems:
        found.setdefault(problem.path.resolve(), []).append(problem)
    return found


def preview_of_problems(title: str, problems: list[ContentError], words: dict[str, str]) -> str:
    """What `mkdocs serve` shows in place of a page that has problems (Markdown): its title, the
    problems with their lines and fixes, and nothing of its content, which may be broken (a quiz
    whose setting is misspelled shows its answers as plain text)."""
    lines = [f"# {_plain(title)}", "", _plain(words["intro"].format(count=len(problems))), ""]
    for problem in problems:
        where = f"{problem.line}: " if problem.line else ""
        lines += [f"- `{where}{_code(problem.problem)}`", "", f"    {_plain(words['fix'])} `{_code(problem.fix)}`", ""]
    return "\n".join(lines)


def _plain(text: str) -> str:
    """Text shown as it is in Markdown: nothing in it becomes markup or a link."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", text)


def _code(text: str) -> str:
    return text.replace("`", "'")


def report(problems: list[ContentError]) -> str:
    """One message for a build that stops: every problem, each with its file, line and fix."""
    shown = problems[:MAX_SHOWN]
    more = f"\n… and {len(problems) - MAX_SHOWN} more" if len(problems) > MAX_SHOWN else ""
    return (
        f"The course's files have {len(problems)} problem(s) to fix before the site can be built:\n"
        + "\n".join(str(p) for p in shown)
        + more
    )
