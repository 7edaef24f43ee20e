"""The glossary as the course's term base: one term per concept per language.

Each language's glossary (docs/<lang>/glossary.md) defines the terms, one `##`
heading per term with the English entry's id (`## Magtubalance {#power-imbalance}`).
Its front matter may list, per term id, the variants to avoid in that language:
slips a review found, wrong wherever they occur on a page of that language.

    avoid:
      power-imbalance: [ubalance i magt]
      peer: [selv er ligestillet, selv ligestillet]

The source check (course/build/source_check.py) reports every page of the
language that holds a variant to avoid, with its line, the term to use and
where the glossary lists it. A variant is matched case-insensitively, from the
start of a word; a variant that is right in some contexts does not belong in
the list (a reviewer looks for those)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from course.errors import ContentError
from course.sources.headings import headings
from course.sources.markdown_source import Page, read_page

GLOSSARY = "glossary.md"
AVOID_KEY = "avoid"
HOW_TO_LIST = (
    "write the variants under the glossary's front matter key 'avoid:', per term id, as a list: "
    "'avoid:' then '  power-imbalance: [ubalance i magt]'"
)


@dataclass(frozen=True)
class Variant:
    text: str  # as the glossary lists it
    term_id: str
    term: str  # the glossary's heading for the term, in the language
    line: int  # where the glossary lists it
    pattern: re.Pattern[str]


def variants_to_avoid(glossary: Page) -> tuple[list[Variant], list[ContentError]]:
    """The variants a language's glossary lists, and the mistakes in how it lists them."""
    listed = glossary.front_matter.data.get(AVOID_KEY)
    line = glossary.front_matter.lines.get(AVOID_KEY, 1)
    if listed is None:
        return [], []
    if not isinstance(listed, dict):
        return [], [ContentError(glossary.path, f"'{AVOID_KEY}:' must list variants per term id", HOW_TO_LIST, line)]
    terms = {h.id: h.text for h in headings(glossary) if h.level == 2}
    found: list[Variant] = []
    problems: list[ContentError] = []
    for term_id, variants in listed.items():
        if term_id not in terms:
            problems.append(
                ContentError(
                    glossary.path,
                    f"'{AVOID_KEY}:' names the term id '{term_id}', which this glossary has no heading for",
                    "use the id of a term's heading ({#id}), e.g. 'power-imbalance'",
                    line,
                )
            )
            continue
        if isinstance(variants, str):
            variants = [variants]
        if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
            problems.append(
                ContentError(glossary.path, f"the variants of '{term_id}' must be a list of words", HOW_TO_LIST, line)
            )
            continue
        for text in variants:
            pattern = re.compile(r"(?<!\w)" + re.escape(text.strip()), re.IGNORECASE)
            found.append(Variant(text.strip(), term_id, terms[term_id], line, pattern))
    return found, problems


def term_problems(page: Page, variants: list[Variant], glossary_path: Path) -> list[ContentError]:
    """Every line of `page` that holds a variant to avoid (the glossary's own list is left out)."""
    found = []
    for line in page.lines:
        if line.in_code:
            continue
        for variant in variants:
            if variant.pattern.search(line.text):
                found.append(
                    ContentError(
                        page.path,
                        f"«{variant.text}» is a variant the glossary asks to avoid: the term is «{variant.term}»",
                        f"write it with the glossary's term (docs/{page.lang}/{GLOSSARY}, #{variant.term_id}); "
                        f"the variants to avoid are listed at {glossary_path.as_posix()}:{variant.line}",
                        line.number,
                    )
                )
    return found


def read_glossary(docs: Path, lang: str) -> Page | None:
    path = Path(docs) / lang / GLOSSARY
    return read_page(path, lang, GLOSSARY) if path.is_file() else None
