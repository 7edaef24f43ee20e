"""The language trees under docs/: every page must exist in every language.

static-i18n would quietly serve the English page where a translation is
missing (or, with fallback off, leave a hole); the course forbids both.
"""

from __future__ import annotations

import re
from pathlib import Path

from course import DOCS_DIR
from course.errors import ContentError
from course.translation.status import missing_advice

LANGUAGE_FOLDER = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$")


def pages_of(tree: Path) -> set[str]:
    """Every Markdown page of one language tree, as a path relative to the tree."""
    return {p.relative_to(tree).as_posix() for p in tree.rglob("*.md")}


def tree_problems(languages: list[str], docs_dir: Path = DOCS_DIR) -> list[ContentError]:
    """Everything that keeps the trees from being parallel, each as an error that names its fix."""
    problems = []
    for folder in sorted(p for p in docs_dir.iterdir() if p.is_dir()):
        if LANGUAGE_FOLDER.match(folder.name) and folder.name not in languages:
            problems.append(
                ContentError(
                    folder,
                    f"docs/{folder.name}/ looks like a language folder, but '{folder.name}' is not a language of the site",
                    f"add it with `python scripts/new_language.py {folder.name} --name NAME`, or list it under the i18n plugin's `languages:` in mkdocs.yml",
                )
            )
    for stray in sorted(docs_dir.glob("*.md")):
        problems.append(
            ContentError(
                stray,
                "a page outside every language folder is not part of any language",
                f"move it into docs/<lang>/ for each language (docs/{languages[0]}/{stray.name}, …)",
            )
        )
    trees = {lang: docs_dir / lang for lang in languages}
    for lang, tree in trees.items():
        if not tree.is_dir():
            problems.append(
                ContentError(
                    tree,
                    f"language '{lang}' is configured but has no folder",
                    f"create docs/{lang}/ with every page of docs/{languages[0]}/, or remove '{lang}' from mkdocs.yml",
                )
            )
    pages = {lang: pages_of(tree) for lang, tree in trees.items() if tree.is_dir()}
    every_page = set().union(*pages.values()) if pages else set()
    for page in sorted(every_page):
        lacking = [lang for lang in pages if page not in pages[lang]]
        if lacking:
            having = [lang for lang in pages if page in pages[lang]]
            advice = "one of these:" + "".join(
                f"\n    - {missing_advice(docs_dir, page, lang, languages)};" for lang in lacking
            )
            problems.append(
                ContentError(
                    docs_dir / having[0] / page,
                    f"page '{page}' exists in {', '.join(having)} but is missing in {', '.join(lacking)}",
                    advice + "\n    - or delete the page from every language",
                )
            )
    return problems
