"""One command adds a language, even one Material has no words for: every page
copied and marked untranslated, the UI words, Material's words, the language
registered in mkdocs.yml; and the site builds with --strict right after, each
new page saying in its notice that it is not translated, with a working link
to the page in its source language."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import build_copy, copy_project
from site_pages import parse, resolve

from course import PROJECT_ROOT
from course.config import languages
from course.sources.front_matter import check_front_matter, read_front_matter
from course.sources.strings import missing_keys
from course.translation.new_language import material_has
from course.translation.status import check_translation_keys, content_hash

# A real ISO 639-1 code that static-i18n accepts, Material has no language file for, and the site lacks:
# Irish, Maltese, Scottish Gaelic or Western Frisian.
LANG, NAME = next(
    (code, name)
    for code, name in (("ga", "Gaeilge"), ("mt", "Malti"), ("gd", "Gàidhlig"), ("fy", "Frysk"))
    if not material_has(code) and code not in {lang.code for lang in languages()}
)
SCRIPT = PROJECT_ROOT / "scripts" / "new_language.py"


def new_language(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--project", str(project)], capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def added(tmp_path_factory):
    """A copy of the project with Irish added by the command, then built strictly."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    command = new_language(project, LANG, "--name", NAME, "--from", "en")
    build = build_copy(project) if command.returncode == 0 else None
    return project, before, command, build


def base_pages(project: Path) -> list[str]:
    return sorted(p.relative_to(project / "docs/en").as_posix() for p in (project / "docs/en").rglob("*.md"))


def test_the_test_language_is_one_material_has_no_file_for():
    assert not material_has(LANG), f"Material has {LANG}.html: pick another language for this test"


def test_the_site_builds_strictly_right_after_adding_a_language(added):
    _project, _, command, build = added
    assert command.returncode == 0, command.stdout + command.stderr
    assert build.returncode == 0, (
        f"the site does not build after adding {LANG}:\n{build.stdout[-3000:]}\n{build.stderr[-3000:]}"
    )


def test_every_page_is_copied_from_the_base_language_and_marked_untranslated(added):
    project, *_ = added
    codes = [lang.code for lang in languages(project / "mkdocs.yml")]
    pages = base_pages(project)
    assert (
        sorted(p.relative_to(project / f"docs/{LANG}").as_posix() for p in (project / f"docs/{LANG}").rglob("*.md"))
        == pages
    )
    for page in pages:
        path = project / f"docs/{LANG}/{page}"
        fm = check_front_matter(path, LANG, codes)
        check_translation_keys(path, fm, LANG, codes)
        assert fm.data["translation"] == "untranslated", page
        assert fm.data["translated_from"] == "en", page
        assert fm.data["source_hash"] == content_hash(project / f"docs/en/{page}"), page
        assert fm.data["source_language"] == read_front_matter(project / f"docs/en/{page}").data["source_language"]


def test_the_language_is_registered_with_its_words_and_mkdocs_yml_keeps_its_comments(added):
    project, before, *_ = added
    found = {lang.code: lang.name for lang in languages(project / "mkdocs.yml")}
    assert found.get(LANG) == NAME
    after = (project / "mkdocs.yml").read_text(encoding="utf-8")
    diff = list(difflib.ndiff(before.split("\n"), after.split("\n")))
    assert not [line for line in diff if line.startswith("- ")], "a line of mkdocs.yml was changed or lost"
    assert [line[2:].strip() for line in diff if line.startswith("+ ")] == [
        f"- locale: {LANG}",
        f"name: {NAME}",
        "build: true",
    ]
    assert missing_keys(LANG, project / "i18n") == []
    assert f"language_name: {NAME}" in (project / f"i18n/{LANG}.yml").read_text(encoding="utf-8")
    material_words = (project / f"overrides/partials/languages/{LANG}.html").read_text(encoding="utf-8")
    assert f'"language": "{LANG}"' in material_words


def test_every_new_page_is_in_the_new_language_and_says_it_is_not_translated(added):
    project, *_ = added
    site = project / "site"
    default = next(lang.code for lang in languages(project / "mkdocs.yml"))
    for page in base_pages(project):
        built = Path(LANG) / Path(page).with_suffix(".html")
        soup = parse(site / built)
        assert soup.html["lang"] == LANG, str(built)
        notice = soup.select_one("article .translation-status")
        assert notice is not None and notice["data-status"] == "untranslated", f"{built}: {notice}"
        # The copy's language is named, and the link leads to the page in its source language.
        assert notice.select_one('span[lang="en"]') is not None, f"{built}: {notice}"
        link = notice.select_one("a[hreflang]")
        source = read_front_matter(project / f"docs/{LANG}/{page}").data["source_language"]
        target, _ = resolve(site, built, link["href"])
        in_tree = Path(page).with_suffix(".html")
        expected = in_tree if source == default else Path(source) / in_tree
        assert link["hreflang"] == source and target == expected, f"{built}: the link leads to {target}, not {expected}"
        assert (site / target).is_file()


def test_the_status_page_counts_every_page_of_the_new_language_as_untranslated(added):
    project, *_ = added
    soup = parse(project / "site/translation-status.html")
    row = soup.select_one(f'.translation-report--totals tr[data-language="{LANG}"]')
    assert row is not None, "the status page has no row for the new language"
    count = len(base_pages(project))
    assert row.select_one('td[data-state="untranslated"]').get_text() == str(count)
    assert row.select_one('td[data-state="total"]').get_text() == str(count)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("tlh", "'tlh' is not a language code the site can use"),
        (languages()[-1].code, f"'{languages()[-1].code}' is already a language of the site"),
    ],
)
def test_a_code_the_site_cannot_use_is_refused_and_nothing_is_changed(project_copy, code, message):
    before = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    result = new_language(project_copy, code, "--name", "X")
    assert result.returncode == 1
    assert message in result.stderr and "How to fix" in result.stderr, result.stderr
    assert (project_copy / "mkdocs.yml").read_text(encoding="utf-8") == before
    assert not (project_copy / "i18n/tlh.yml").exists() and not (project_copy / "docs/tlh").exists()


def test_a_new_language_gets_its_own_search_index(added):
    """Search takes its languages from mkdocs.yml: nothing else to register. (Its PDFs, made by the
    README build, are tests/test_new_scripts.py's, for six languages in one build.)"""
    project, _, _command, build = added
    assert build is not None and build.returncode == 0
    index = project / "site" / LANG / "search" / "search_index.json"
    assert index.is_file(), f"no search index for {LANG}"
    assert '"location":"index.html"' in index.read_text(encoding="utf-8")


def test_a_regional_variant_gets_the_themes_own_words_to_change(project_copy):
    """Material's 'pt' words are Brazilian; with --theme-words a European Portuguese translator gets
    them in overrides/ to change, and the built page shows the changed word. (A project that has 'pt'
    already is tried with its other Portuguese code.)"""
    code = next(c for c in ("pt", "pt-BR") if c not in {lang.code for lang in languages()})
    result = new_language(project_copy, code, "--name", "Português", "--theme-words")
    assert result.returncode == 0, result.stdout + result.stderr
    words = project_copy / f"overrides/partials/languages/{code}.html"
    assert '"search.placeholder": "Buscar"' in words.read_text(encoding="utf-8")
    words.write_text(words.read_text(encoding="utf-8").replace('"Buscar"', '"Pesquisar"'), encoding="utf-8")
    site = project_copy / "site"
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project_copy,
        env={**os.environ, "COURSE_PREVIEW": code, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert 'placeholder="Pesquisar"' in (site / "index.html").read_text(encoding="utf-8")
