"""Every translation of a page has the structure of its source-language page:
the same headings, list items, table rows, links, numbers and URLs, and the
same quiz answer key. A mismatch names the page, the language and what differs."""

import pytest
from structure import page_structure

from course import DOCS_DIR
from course.config import default_language, language_root, languages
from course.sources.front_matter import read_front_matter

LANGS = [lang.code for lang in languages()]
DEFAULT = default_language()
PAGES = sorted(p.relative_to(DOCS_DIR / DEFAULT).as_posix() for p in (DOCS_DIR / DEFAULT).rglob("*.md"))


def built(site, lang, page):
    prefix = language_root(lang, DEFAULT)
    return (site / f"{prefix}{page.removesuffix('.md')}.html").read_text(encoding="utf-8")


def source_language(page):
    return read_front_matter(DOCS_DIR / DEFAULT / page).data["source_language"]


def structure(site, lang, page):
    """A page sorted in each language's own alphabet (the glossary) is compared without its order."""
    found = page_structure(built(site, lang, page))
    return found.unordered() if read_front_matter(DOCS_DIR / DEFAULT / page).data.get("sorted_per_language") else found


@pytest.mark.parametrize("page", PAGES)
def test_translations_have_the_structure_of_their_source(site, page):
    source = source_language(page)
    reference = structure(site, source, page)
    problems = []
    for lang in LANGS:
        if lang != source:
            problems += [f"{page} [{lang}]: {d}" for d in reference.differences(structure(site, lang, page))]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", PAGES)
def test_the_quiz_answer_key_is_the_same_in_every_language(site, page):
    source = source_language(page)
    reference = page_structure(built(site, source, page))
    problems = []
    for lang in LANGS:
        if lang != source:
            problems += [
                f"{page} [{lang}]: {d}" for d in reference.quiz_differences(page_structure(built(site, lang, page)))
            ]
    assert not problems, "\n".join(problems)


def test_a_dropped_list_item_and_a_changed_number_are_reported():
    """The comparison can fail: it sees what a careless translation loses."""
    source = page_structure("<article><h2 id='a'>A</h2><ul><li>16 peers</li><li>8 managers</li></ul></article>")
    translation = page_structure("<article><h2 id='a'>A</h2><ul><li>15 peers</li></ul></article>")
    found = " ".join(source.differences(translation))
    assert "list items: source 2, translation 1" in found
    assert "missing ['16', '8'], added ['15']" in found
