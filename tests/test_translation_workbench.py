"""The translator's workbench, piece by piece: the segments of a page (one segmenter for the
page diffs and the PO files), the changed words, the source versions kept in the project for
every translation, the sign-off's bookkeeping, and the trainers' PDF that says which translations
a native speaker has reviewed. (The whole round, on a built copy: tests/test_translation_status.py;
the PO files: tests/test_translation_files.py.)"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from pypdf import PdfReader
from test_pdf import normal

from course import DOCS_DIR, PROJECT_ROOT
from course.config import Project, default_language
from course.errors import ContentError
from course.print import print_book
from course.sources.front_matter import read_front_matter
from course.sources.strings import load_strings
from course.translation import snapshots
from course.translation.changes import compare, word_diff
from course.translation.review import review
from course.translation.segments import segment
from course.translation.status import (
    check_translation_keys,
    missing_versions,
    referenced_versions,
    set_front_matter,
    unit_state,
)

STATUS = PROJECT_ROOT / "scripts" / "translation_status.py"
PAGE = """---
description: "A page: with a description."
source_language: en
translation: source
---

# The title

An opening paragraph with a [link](#second) and `code`.

## First section {#first}

- an item
- another item
    - a nested item

| Kind | What |
| --- | --- |
| One | The first |
| 2 | 3 |

## Second section {#second}

> A quoted sentence.

/// quiz | A question?
    objective: 1
- [ ] A wrong option.
    Not quite. Because.
- [x] The right option.
    Yes. Because ([see](#first)).
///

/// exercise | An exercise
    id: an-exercise
    lines: 4

Its task.

- its first question
///
"""


def test_a_page_s_segments_have_kinds_and_stable_keys_and_fill_gives_the_page_back():
    page = segment(PAGE)
    found = {s.key: (s.kind, s.text) for s in page.segments}
    assert found["description"] == ("description", "A page: with a description.")
    assert found["title"] == ("title", "The title")
    assert found["top/p-1"][1] == "An opening paragraph with a [link](#second) and `code`."
    assert found["first/heading"] == ("heading", "First section")  # the id stays out
    assert found["first/item-3"] == ("list item", "a nested item")
    assert found["first/table-1/row-0/cell-2"] == ("table heading", "What")
    assert "first/table-1/row-2/cell-1" not in found  # digits only: nothing to translate
    assert found["second/quote-1"] == ("quote", "A quoted sentence.")
    assert found["second/q-1/title"] == ("quiz question", "A question?")
    assert found["second/q-1/option-2"] == ("quiz option, right answer", "The right option.")
    assert found["second/q-1/option-1/feedback"] == ("feedback on a wrong answer", "Not quite. Because.")
    assert found["exercise:an-exercise/title"] == ("exercise title", "An exercise")
    assert found["exercise:an-exercise/item-1"] == ("exercise question", "its first question")
    assert not any("objective" in text or "[x]" in text or "{#" in text for _, text in found.values())
    assert page.fill({}) == PAGE
    assert page.fill({key: text for key, (_, text) in found.items()}) == PAGE

    # An item added in the first section leaves every key of the second section as it was.
    grown = segment(PAGE.replace("- another item\n", "- another item\n- a new item\n"))
    assert {s.key: s.text for s in grown.segments if s.section == "second"} == {
        s.key: s.text for s in page.segments if s.section == "second"
    }
    # Filled with other words, the page keeps its marks and settings.
    other = page.fill({"second/q-1/option-2": "Die richtige Antwort.", "description": "Eine Seite: mit Text."})
    assert "- [x] Die richtige Antwort.\n" in other and 'description: "Eine Seite: mit Text."' in other
    assert segment(other).by_key()["description"].text == "Eine Seite: mit Text."


def test_the_changed_words_are_marked_and_a_change_is_placed_in_the_translation():
    before, after = word_diff("Mothers talk to other mothers.", "Mothers and fathers talk to other parents.")
    assert [t for t, changed in before if changed] == ["mothers"]
    marked = "|".join(t for t, changed in after if changed)
    assert "and fathers" in marked and "parents" in marked and "talk" not in marked, after
    old = PAGE
    new = PAGE.replace("- an item\n", "- an item\n- an added item\n").replace("A quoted sentence.", "A quoted line.")
    translation = PAGE.replace("A quoted sentence.", "Ein zitierter Satz.").replace("Second section", "Zweiter Teil")
    changes = {c.action: c for c in compare(old, new, translation)}
    assert set(changes) == {"added", "changed"}
    assert changes["changed"].where.text == "Ein zitierter Satz." and changes["changed"].heading == "Zweiter Teil"
    assert changes["added"].new.text == "an added item" and changes["added"].where.text == "an item"
    # A translator's note (a paragraph the source has not) does not shift where the changes go.
    noted = translation.replace("> Ein zitierter", "Eine Anmerkung der Übersetzerin.\n\n> Ein zitierter")
    changes = {c.action: c for c in compare(old, new, noted)}
    assert changes["changed"].where.text == "Ein zitierter Satz."


def test_every_translation_s_source_text_is_kept_in_the_project_and_nothing_else():
    project = Project()
    missing = missing_versions(project.docs, project.languages)
    assert not missing, (
        f"{len(missing)} source text(s) that translations refer to are not in {snapshots.FOLDER}/, e.g. "
        f"{missing[0]}: run `.venv/bin/python scripts/translation_status.py versions`"
    )
    extra = set(snapshots.kept(project.docs)) - referenced_versions(project.docs, project.languages)
    assert not extra, f"{snapshots.FOLDER}/ keeps texts no translation refers to: {sorted(extra)[:3]} (run `versions`)"
    for version, path in snapshots.kept(project.docs).items():
        assert snapshots.content_hash(path) == version.hash, f"{path} was edited by hand"


def test_no_real_page_is_signed_off_yet():
    """No native speaker has reviewed a page: a sign-off is theirs to record, never the developers'."""
    for md in DOCS_DIR.rglob("*.md"):
        assert read_front_matter(md).data.get("translation") != "reviewed", md


def test_a_review_records_who_when_and_against_what_and_refuses_an_out_of_date_page(project_copy):
    docs = project_copy / "docs"
    lang = next(code for code in Project(project_copy).languages if code != "sl")
    page = "what-is-peer-support.md"
    result = subprocess.run(
        [sys.executable, str(STATUS), "review", lang, page, "--project", str(project_copy)],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "--by" in result.stderr + result.stdout
    (change,) = review(
        docs, lang, [page], "Ana Example", on=date(2026, 12, 3), languages=Project(project_copy).languages
    )
    assert change.action == "recorded", change
    data = read_front_matter(docs / lang / page).data
    state = unit_state(docs, lang, page)
    assert (data["reviewed_by"], str(data["reviewed_on"]), data["reviewed_hash"]) == (
        "Ana Example",
        "2026-12-03",
        state.current_hash,
    )
    assert state.state == "reviewed"
    # Edited after the review: a draft again until it is reviewed again.
    path = docs / lang / page
    path.write_text(
        path.read_text(encoding="utf-8").replace("\n## ", "\nOne more sentence.\n\n## ", 1), encoding="utf-8"
    )
    assert unit_state(docs, lang, page).state == "draft"
    # The source changes: an out-of-date page cannot be signed off.
    source = docs / "sl" / page
    source.write_text(source.read_text(encoding="utf-8") + "\nNov stavek.\n", encoding="utf-8")
    (change,) = review(docs, lang, [page], "Ana Example")
    assert change.action == "skipped" and "out of date" in change.detail


def test_a_page_marked_reviewed_by_hand_is_refused_with_the_command_to_use(tmp_path):
    page = tmp_path / "docs" / "el" / "about.md"
    page.parent.mkdir(parents=True)
    text = (DOCS_DIR / "el" / "about.md").read_text(encoding="utf-8")
    page.write_text(set_front_matter(text, {"translation": "reviewed"}), encoding="utf-8")
    with pytest.raises(ContentError, match="recorded by the review command") as refused:
        check_translation_keys(page, read_front_matter(page), "el", Project().languages)
    assert refused.value.line == 4 and "review el about.md --by" in refused.value.fix


def test_the_trainers_pdf_says_which_translations_are_reviewed_and_which_are_drafts(site, site_languages):
    default = default_language()
    for lang in site_languages:
        words = load_strings(lang)
        reader = PdfReader(str(site / print_book.trainers_job(lang, default).pdf))
        text = normal(reader.pages[-1].extract_text() or "")  # the last page
        assert normal(words["print"]["answer_key"]) not in text
        assert normal(words["print"]["translations"]) in text, f"{lang}: the trainers' PDF has no list of translations"
        states = {unit_state(DOCS_DIR, lang, src).state for src in ("what-is-peer-support.md", "trainer/guidelines.md")}
        for state in states:
            assert normal(words["translation_status"]["states"][state]) in text, f"{lang}: no '{state}' in the list"
