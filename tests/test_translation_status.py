"""Translation status: every page in every language is source, reviewed, draft,
outdated, untranslated or missing; editing a source page makes its translations
outdated (on the site and in the command) until the translator refreshes them;
a missing page or UI string is reported by name; the status page on the site
shows it all in the reader's language."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import build_copy
from site_pages import parse, resolve

from course import DOCS_DIR, PROJECT_ROOT
from course.config import Project, default_language, languages
from course.errors import ContentError
from course.sources.front_matter import read_front_matter
from course.sources.strings import load_strings
from course.translation.review import review
from course.translation.segments import segment
from course.translation.status import STATES, content_hash, made_from, report, set_front_matter, unit_state

STATUS = PROJECT_ROOT / "scripts" / "translation_status.py"
NEW_LANGUAGE = PROJECT_ROOT / "scripts" / "new_language.py"
LANGS = [lang.code for lang in languages()]
DEFAULT = default_language()
UNIT = "what-is-peer-support.md"  # a unit whose source language is not the default one
NEW = next(code for code in ("ga", "mt", "gd", "fy") if code not in LANGS)  # a language the site lacks


def run(script: Path, project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(script), *args, "--project", str(project)], capture_output=True, text=True
    )


def states(project: Path) -> dict:
    """What `translation_status.py show --json` says of every page (worked out in this process: faster)."""
    langs = Project(project).languages
    found = report(project / "docs", langs)
    return {page: {lang: found.states[lang][page].state for lang in langs} for page in found.pages}


def buildable(project: Path) -> Path:
    """The build serves files from node_modules (hooks/vendor_assets.py): the copy uses the project's."""
    modules = PROJECT_ROOT / "node_modules"
    if modules.is_dir() and not (project / "node_modules").exists():
        (project / "node_modules").symlink_to(modules)
    return project


# --- The hash --------------------------------------------------------------------------------


def test_the_hash_sees_the_text_and_the_description_but_not_the_bookkeeping(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ndescription: One line.\nsource_language: sl\ntranslation: source\n---\n\n# Title\n\nText.\n")
    original = content_hash(page)
    page.write_text(set_front_matter(page.read_text(), {"translation": "reviewed", "source_hash": "0" * 12}) + "\n  \n")
    assert content_hash(page) == original, "bookkeeping keys and trailing blank lines changed the hash"
    page.write_text(page.read_text().replace("Text.", "Text, changed."))
    changed = content_hash(page)
    assert changed != original, "a change to the text left the hash as it was"
    page.write_text(page.read_text().replace("One line.", "Another line."))
    assert content_hash(page) != changed, "a change to the description left the hash as it was"


def test_a_hash_of_digits_is_written_so_that_yaml_reads_it_back_as_text(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ndescription: x\nsource_language: sl\ntranslation: draft\n---\n# T\n")
    page.write_text(set_front_matter(page.read_text(), {"source_hash": "012345678901"}))
    assert read_front_matter(page).data["source_hash"] == "012345678901"


# --- Outdated, and the refresh the translator runs -----------------------------------------------


def test_a_source_change_shows_each_translator_what_changed_and_a_sign_off_changes_the_notice(project_copy):
    """One build of a copy: a paragraph of the source changed, a page reviewed before the change, a page
    reviewed and still up to date, one reviewed by someone who stays unnamed; then refresh."""
    project = buildable(project_copy)
    source = read_front_matter(project / f"docs/{DEFAULT}/{UNIT}").data["source_language"]
    # The pages made from the source page (an untranslated copy of another language's page is not).
    translations = [
        lang
        for lang in LANGS
        if lang != source and made_from(read_front_matter(project / f"docs/{lang}/{UNIT}").data) == source
    ]
    assert len(translations) >= 3
    reader, signed_then_changed = translations[-1], translations[0]
    run(STATUS, project, "refresh", "all", "--no-change-needed")  # reviewers may be mid-edit in the real tree
    before = states(project)
    assert not [p for p, row in before.items() for s in row.values() if s == "outdated"], before

    # Sign-offs: one of the unit (before its source changes), one of another page, one unnamed.
    other = next(p for p, row in before.items() if row[reader] == "draft" and p != UNIT)
    unnamed = next(p for p, row in before.items() if row[reader] == "draft" and p not in (UNIT, other))
    result = run(STATUS, project, "review", reader, other, "--by", "Eleni Example", "--on", "2026-12-01")
    assert result.returncode == 0 and "recorded" in result.stdout, result.stdout + result.stderr
    review(project / "docs", signed_then_changed, [UNIT], "Ana Example", on=date(2026, 12, 1))
    review(project / "docs", reader, [unnamed], None, on=date(2026, 12, 2))
    assert "Eleni" not in (project / f"docs/{reader}/{unnamed}").read_text(encoding="utf-8")
    signed = states(project)
    assert signed[other][reader] == signed[unnamed][reader] == signed[UNIT][signed_then_changed] == "reviewed"

    # The source changes: words in one paragraph.
    page = project / f"docs/{source}/{UNIT}"
    text = page.read_text(encoding="utf-8")
    paragraph = next(line for line in text.split("\n")[8:] if len(line) > 120 and line[0].isupper())
    words = paragraph.split(" ")
    old_word, new_words = words[3], "ZAMENJANO NOVO"
    changed = " ".join([*words[:3], new_words, *words[4:]])
    page.write_text(text.replace(paragraph, changed, 1), encoding="utf-8")
    after = states(project)
    assert {lang: after[UNIT][lang] for lang in translations} == dict.fromkeys(translations, "outdated")
    assert after[UNIT][source] == "source"
    assert {p: row for p, row in after.items() if p != UNIT} == {p: row for p, row in signed.items() if p != UNIT}

    # In a terminal, without git.
    diff = run(STATUS, project, "--lang", reader, "--diff").stdout
    assert f"[-{old_word}-]" in diff and f"{{+{new_words}+}}" in diff, diff[-3000:]
    assert f"docs/{reader}/{UNIT}:" in diff

    build = build_copy(project)
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    site = project / "site"

    def built(lang: str, page: str) -> Path:
        return Path("" if lang == DEFAULT else lang) / page.replace(".md", ".html")

    # The reader's page: out of date, linking to the page it was made from, with the old and the new
    # paragraph and the changed words marked, and where to work in the translation.
    notice = parse(site / built(reader, UNIT)).select_one("article .translation-status")
    assert notice is not None and notice["data-status"] == "outdated", notice
    assert load_strings(reader, project / "i18n")["status"]["outdated"] in notice.get_text()
    target, _ = resolve(site, built(reader, UNIT), notice.select_one("a")["href"])
    assert target == Path(source) / UNIT.replace(".md", ".html")
    change = notice.select_one('.source-change[data-change="changed"]')
    assert change is not None, notice
    assert old_word in change.select_one(".source-change__old del").get_text()
    assert new_words in change.select_one(".source-change__new ins").get_text()
    assert change.select_one(".source-change__old").get_text().count(words[-1]) >= 1
    assert change.select_one(".source-change__text")["lang"] == source
    key = next(s.key for s in segment(text).segments if s.text == paragraph)
    there = segment((project / f"docs/{reader}/{UNIT}").read_text(encoding="utf-8")).by_key()[key]
    where = change.select_one(".source-change__where").get_text()
    assert change["data-segment"] == str(there.number) and str(there.line) in where, where

    # The page reviewed before the change says so, with what changed since the review.
    notice = parse(site / built(signed_then_changed, UNIT)).select_one("article .translation-status")
    assert notice["data-status"] == "outdated" and "2026-12-01" in notice.get_text()
    assert notice.select_one(".source-change ins") is not None
    # A page reviewed and still up to date: the reviewed notice, in the reader's words, instead of the draft one.
    notice = parse(site / built(reader, other)).select_one("article .translation-status")
    reviewed = load_strings(reader, project / "i18n")["status"]["reviewed"].replace("{date}", "2026-12-01")
    assert notice["data-status"] == "reviewed" and reviewed in notice.get_text(), notice

    # The status page: the outdated cell links to the same changes; the reviewed pages are counted, and the
    # named reviewer is named.
    status = parse(site / "translation-status.html")
    cell = status.select_one(f'tr[data-page="{UNIT}"] td[data-language="{reader}"]')
    assert cell.select_one("[data-state]")["data-state"] == "outdated"
    shown = status.select_one(cell.select_one("a")["href"])
    assert shown is not None and new_words in shown.select_one("ins").get_text()
    assert "Eleni Example" in status.select_one(f'tr[data-page="{other}"] td[data-language="{reader}"]').get_text()
    assert "2026-12-02" in status.select_one(f'tr[data-page="{unnamed}"] td[data-language="{reader}"]').get_text()
    totals = status.select_one(f'.translation-report--totals tr[data-language="{reader}"] td[data-state="reviewed"]')
    assert totals.get_text() == "2"

    # Refresh without touching the translation: a warning, nothing recorded.
    result = run(STATUS, project, "refresh", reader, UNIT)
    assert result.returncode == 1 and "NOT recorded" in result.stdout, result.stdout + result.stderr
    assert states(project)[UNIT][reader] == "outdated"
    # The translator carries the change over and refreshes: only that language is up to date again.
    mine = project / f"docs/{reader}/{UNIT}"
    mine.write_text(mine.read_text(encoding="utf-8").replace("\n## ", f"\n{new_words}.\n\n## ", 1), encoding="utf-8")
    result = run(STATUS, project, "refresh", reader, UNIT)
    assert result.returncode == 0 and "recorded" in result.stdout, result.stdout + result.stderr
    refreshed = states(project)[UNIT]
    assert refreshed[reader] == before[UNIT][reader]
    assert all(refreshed[lang] == "outdated" for lang in translations if lang != reader)
    # The reviewed page, refreshed after its source changed, is a draft again: the change is not reviewed.
    signed_page = project / f"docs/{signed_then_changed}/{UNIT}"
    signed_page.write_text(signed_page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = run(STATUS, project, "refresh", signed_then_changed, UNIT, "--no-change-needed")
    assert "back to draft" in result.stdout, result.stdout
    assert states(project)[UNIT][signed_then_changed] == "draft"


def test_recopy_refreshes_stale_copies_and_fills_missing_pages_but_never_overwrites_a_translation(project_copy):
    project = project_copy
    assert run(NEW_LANGUAGE, project, NEW, "--name", "Nouvelle").returncode == 0
    (project / f"docs/{NEW}/glossary.md").unlink()  # as if the page were added to the course later
    assert states(project)["glossary.md"][NEW] == "missing"
    copy = project / f"docs/{NEW}/about.md"
    translated = project / f"docs/{NEW}/index.md"
    translated.write_text(
        translated.read_text(encoding="utf-8")
        .replace("translation: untranslated", "translation: draft")
        .replace("Welcome.", "Fáilte."),
        encoding="utf-8",
    )
    for page in ("about.md", "index.md"):
        original = project / f"docs/{DEFAULT}/{page}"
        original.write_text(original.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    assert states(project)["about.md"][NEW] == "outdated"
    before = translated.read_text(encoding="utf-8")
    result = run(STATUS, project, "recopy", NEW)
    assert result.returncode == 0, result.stderr
    assert "A new closing line." in copy.read_text(encoding="utf-8")
    assert states(project)["about.md"][NEW] == "untranslated"
    assert states(project)["glossary.md"][NEW] == "untranslated"
    assert translated.read_text(encoding="utf-8") == before, "recopy overwrote a translation"
    assert states(project)["index.md"][NEW] == "outdated"


# --- What stops the build, named --------------------------------------------------------------------


def test_deleting_a_unit_from_one_language_fails_with_a_message_naming_it(project_copy):
    project = buildable(project_copy)
    (project / "docs/da/about.md").unlink()
    result = run(STATUS, project)
    assert result.returncode == 1
    assert "docs/da/about.md is missing" in result.stdout, result.stdout
    assert states(project)["about.md"]["da"] == "missing"
    build = build_copy(project)
    assert build.returncode != 0 and "docs/da/about.md" in build.stdout + build.stderr


def test_a_ui_strings_file_missing_a_key_is_reported(project_copy):
    project = buildable(project_copy)
    strings = project / "i18n/da.yml"
    text = strings.read_text(encoding="utf-8")
    check_line = next(line for line in text.split("\n") if line.strip().startswith("check:"))
    strings.write_text(text.replace(check_line + "\n", "", 1), encoding="utf-8")
    result = run(STATUS, project)
    assert result.returncode == 1
    assert "da: MISSING 1 key(s): quiz.check" in result.stdout, result.stdout
    build = build_copy(project)
    assert build.returncode != 0 and "quiz.check" in build.stdout + build.stderr


def test_a_ui_string_left_as_in_another_language_is_pointed_out(project_copy):
    strings = project_copy / "i18n/sl.yml"
    english = load_strings("en", project_copy / "i18n")["exercise"]["label"]
    text = strings.read_text(encoding="utf-8")
    label = load_strings("sl", project_copy / "i18n")["exercise"]["label"]
    strings.write_text(text.replace(f"label: {label}", f"label: {english}", 1), encoding="utf-8")
    result = run(STATUS, project_copy, "--lang", "sl")
    assert "perhaps not translated yet" in result.stdout and "exercise.label" in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('source_hash: "12345"', "source_hash '12345' is not a hash written by the refresh command"),
        ("translated_from: fr", "translated_from 'fr' is not another language of the site"),
    ],
)
def test_a_wrong_bookkeeping_key_fails_the_build_naming_file_and_line(project_copy, line, words):
    project = buildable(project_copy)
    page = project / f"docs/{DEFAULT}/{UNIT}"  # a translation in the language built first: the build stops early
    lines = page.read_text(encoding="utf-8").split("\n")
    lines = [entry for entry in lines if not entry.startswith(line.split(":")[0] + ":")]
    lines.insert(3, line)
    page.write_text("\n".join(lines), encoding="utf-8")
    build = build_copy(project)
    output = build.stdout + build.stderr
    assert build.returncode != 0
    assert f"docs/{DEFAULT}/{UNIT}:4: {words}" in output, output[-2000:]


def test_refresh_names_a_page_that_does_not_exist():
    result = run(STATUS, PROJECT_ROOT, "refresh", "da", "no-such-page.md")
    assert result.returncode == 1 and "there is no page 'no-such-page.md' in docs/da/" in result.stderr


# --- On the real site --------------------------------------------------------------------------------


def test_the_status_page_shows_every_page_in_every_language_in_the_readers_words(site):
    pages = sorted(p.relative_to(DOCS_DIR / DEFAULT).as_posix() for p in (DOCS_DIR / DEFAULT).rglob("*.md"))
    for lang in LANGS:
        words = load_strings(lang)["translation_status"]["states"]
        soup = parse(site / ("" if lang == DEFAULT else lang) / "translation-status.html")
        rows = soup.select(".translation-report--pages tbody tr")
        assert sorted(row["data-page"] for row in rows) == pages, lang
        for row in rows:
            cells = row.select("td[data-language]")
            assert [c["data-language"] for c in cells] == LANGS, f"{lang}: {row['data-page']}"
            for cell in cells:
                state = cell.select_one("[data-state]")
                assert state["data-state"] in STATES and state.get_text() == words[state["data-state"]]
                source = (
                    read_front_matter(DOCS_DIR / cell["data-language"] / row["data-page"]).data["translation"]
                    == "source"
                )
                assert (state["data-state"] == "source") == source, (
                    f"{lang}: {row['data-page']} [{cell['data-language']}]"
                )
        for total in soup.select(".translation-report--totals tbody tr"):
            counts = [int(td.get_text()) for td in total.select("td[data-state]")]
            assert counts[-1] == sum(counts[:-1]) == len(pages), f"{lang}: totals {counts}"
        assert [tr["data-language"] for tr in soup.select(".translation-report--totals tbody tr")] == LANGS


def test_a_notice_tells_the_reader_of_every_page_not_up_to_date_and_only_those(site):
    for lang in LANGS:
        words = load_strings(lang)["status"]
        for md in sorted((DOCS_DIR / lang).rglob("*.md")):
            page = md.relative_to(DOCS_DIR / lang).as_posix()
            built = Path("" if lang == DEFAULT else lang) / page.replace(".md", ".html")
            notice = parse(site / built).select_one("article .translation-status")
            translation = read_front_matter(md).data["translation"]
            if translation == "source":
                assert notice is None, f"{built}: a source page has a notice"
                continue
            if translation in ("draft", "untranslated"):
                assert notice is not None, f"{built} is {translation} and has no notice"
            if notice is None:
                continue
            status = notice["data-status"]
            assert status in ("draft", "outdated", "untranslated")
            assert words[status].split("{")[0].strip() in notice.get_text(), f"{built}: not in the reader's words"
            target, _ = resolve(site, built, notice.select_one("a")["href"])
            assert (site / target).is_file(), f"{built}: the notice's link leads nowhere"


def test_every_translation_s_bookkeeping_is_valid():
    from course.translation.status import check_translation_keys

    for lang in LANGS:
        for md in sorted((DOCS_DIR / lang).rglob("*.md")):
            try:
                check_translation_keys(md, read_front_matter(md), lang, LANGS)
            except ContentError as err:
                pytest.fail(str(err))
            assert unit_state(DOCS_DIR, lang, md.relative_to(DOCS_DIR / lang).as_posix()).state in STATES
