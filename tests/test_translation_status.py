"""Translation status: every page in every language is source, reviewed, draft,
outdated, untranslated or missing; editing a source page makes its translations
outdated (on the site and in the command) until the translator refreshes them;
a missing page or UI string is reported by name; the status page on the site
shows it all in the reader's language."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import build_copy
from site_pages import parse, resolve

from course import DOCS_DIR, PROJECT_ROOT
from course.config import default_language, languages
from course.errors import ContentError
from course.sources.front_matter import read_front_matter
from course.sources.strings import load_strings
from course.translation.status import STATES, content_hash, made_from, set_front_matter, unit_state

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
    result = run(STATUS, project, "show", "--json")
    return json.loads(result.stdout)["pages"]


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


def test_editing_a_source_unit_marks_its_translations_outdated_until_refreshed(project_copy):
    project = buildable(project_copy)
    source = read_front_matter(project / f"docs/{DEFAULT}/{UNIT}").data["source_language"]
    # The pages made from the source page (an untranslated copy of another language's page is not).
    translations = [
        lang
        for lang in LANGS
        if lang != source and made_from(read_front_matter(project / f"docs/{lang}/{UNIT}").data) == source
    ]
    assert len(translations) >= 2
    run(STATUS, project, "refresh", "all")  # reviewers may be mid-edit in the real tree
    before = states(project)
    assert not [p for p, row in before.items() for s in row.values() if s == "outdated"], before

    page = project / f"docs/{source}/{UNIT}"
    page.write_text(
        page.read_text(encoding="utf-8").replace("\n## ", "\nOne more sentence in the source.\n\n## ", 1),
        encoding="utf-8",
    )
    after = states(project)
    assert {lang: after[UNIT][lang] for lang in translations} == dict.fromkeys(translations, "outdated")
    assert after[UNIT][source] == "source"
    assert {p: row for p, row in after.items() if p != UNIT} == {p: row for p, row in before.items() if p != UNIT}

    # On the site: an outdated notice in the reader's language, linking to the source page; the status page agrees.
    build = build_copy(project)
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    site = project / "site"
    reader = translations[-1]
    built = Path("" if reader == DEFAULT else reader) / UNIT.replace(".md", ".html")
    notice = parse(site / built).select_one("article .translation-status")
    assert notice is not None and notice["data-status"] == "outdated", notice
    assert load_strings(reader, project / "i18n")["status"]["outdated"] in notice.get_text()
    target, _ = resolve(site, built, notice.select_one("a")["href"])
    assert target == Path(source) / UNIT.replace(".md", ".html")
    cell = parse(site / "translation-status.html").select_one(
        f'tr[data-page="{UNIT}"] td[data-language="{reader}"] [data-state]'
    )
    assert cell["data-state"] == "outdated"

    # The translator updates one language and refreshes it: only that one is up to date again.
    result = run(STATUS, project, "refresh", reader, UNIT)
    assert result.returncode == 0 and "recorded" in result.stdout, result.stdout + result.stderr
    refreshed = states(project)[UNIT]
    assert refreshed[reader] == before[UNIT][reader]
    assert all(refreshed[lang] == "outdated" for lang in translations if lang != reader)


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
