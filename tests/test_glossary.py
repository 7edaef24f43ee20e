"""One glossary, translated: the English glossary is the source, and every other
language's glossary has the same terms, in the same order, each pointing to the
same units, and is an up-to-date translation of it."""

from __future__ import annotations

import re

import pytest

from course import DOCS_DIR
from course.config import languages
from course.sources.front_matter import read_front_matter
from course.sources.headings import headings
from course.sources.links import links
from course.sources.markdown_source import read_page
from course.translation.status import unit_state

LANGS = [lang.code for lang in languages()]
SOURCE = read_front_matter(DOCS_DIR / LANGS[0] / "glossary.md").data["source_language"]


def terms(lang: str) -> list[tuple[str, list[str]]]:
    """Each term's id, and the pages its definition links to, in the glossary's order."""
    page = read_page(DOCS_DIR / lang / "glossary.md", lang, "glossary.md")
    entries = [h for h in headings(page) if h.level == 2]
    found = []
    for index, heading in enumerate(entries):
        end = entries[index + 1].line if index + 1 < len(entries) else 10**9
        targets = [re.sub(r"#.*", "", link.url) for link in links(page) if heading.line < link.line < end]
        found.append((heading.id, targets))
    return found


def test_the_glossary_has_one_source_language():
    assert {read_front_matter(DOCS_DIR / lang / "glossary.md").data["source_language"] for lang in LANGS} == {SOURCE}


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != SOURCE])
def test_each_glossary_has_the_source_glossarys_terms_in_its_order_with_the_same_units(lang):
    source, mine = terms(SOURCE), terms(lang)
    assert len(source) >= 50
    assert [t for t, _ in mine] == [t for t, _ in source], f"{lang}: the terms or their order differ from {SOURCE}'s"
    differ = [(term, theirs, ours) for (term, theirs), (_, ours) in zip(source, mine, strict=False) if theirs != ours]
    assert not differ, f"{lang}: these terms link to other units than in {SOURCE}: {differ}"


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != SOURCE])
def test_each_glossary_is_an_up_to_date_translation_of_the_source(lang):
    state = unit_state(DOCS_DIR, lang, "glossary.md")
    assert state.made_from == SOURCE, f"{lang}/glossary.md was made from {state.made_from}, not {SOURCE}"
    assert state.state in ("draft", "reviewed"), f"{lang}/glossary.md is {state.state}"
