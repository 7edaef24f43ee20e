"""Files for translation tools (scripts/translation_files.py, course/translation/po_files.py):
every page of every language exported as PO and imported back gives the same bytes, and every
file passes Debian's `msgfmt --check`; a file a translator merged with `msgmerge` and edited as
Poedit does imports and builds; a damaged or foreign file is refused with the file and the entry
named, and nothing in docs/ changes."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from conftest import copy_project, run_build
from site_pages import parse

from course import PROJECT_ROOT
from course.config import Project
from course.errors import ContentError
from course.sources.strings import load_strings
from course.translation.po_files import export, import_files
from course.translation.status import unit_state
from course.translation.status_report import pages_for

FILES = PROJECT_ROOT / "scripts" / "translation_files.py"
STATUS = PROJECT_ROOT / "scripts" / "translation_status.py"
UNIT = "what-is-peer-support.md"  # its source is Slovenian
needs_gettext = pytest.mark.skipif(not shutil.which("msgfmt"), reason="Debian's gettext is not installed")


def run(script: Path, project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(script), *args, "--project", str(project)], capture_output=True, text=True
    )


def docs_fingerprint(project: Path) -> dict[str, str]:
    return {
        p.relative_to(project).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((project / "docs").rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """One copy of the project for the tests that only read it or import files that must be refused."""
    return copy_project(tmp_path_factory.mktemp("po-project"))


@pytest.fixture(scope="module")
def exported(project, tmp_path_factory) -> dict[str, list[Path]]:
    """Every page of every language, exported: language -> its files."""
    target = tmp_path_factory.mktemp("po-files")
    found = Project(project)
    files = {}
    for lang in found.languages:
        done = export(found.docs, found.strings_dir, lang, pages_for(found, lang, []), target / lang)
        files[lang] = [d.path for d in done if d.path is not None]
    return files


def test_export_then_import_of_every_page_of_every_language_gives_back_the_same_bytes(project, exported):
    found = Project(project)
    before = docs_fingerprint(project)
    for lang, files in exported.items():
        translated = [p for p in pages_for(found, lang, []) if unit_state(found.docs, lang, p).translation != "source"]
        assert len(files) == len(translated) > 0, lang
        for result in import_files(found.docs, lang, files, found.languages):
            assert result.unchanged, f"{lang}/{result.page}: {result.changed} segment(s) came back changed"
    assert docs_fingerprint(project) == before


@needs_gettext
def test_every_exported_file_passes_msgfmt_check(exported):
    files = [str(f) for files in exported.values() for f in files]
    for file in files:
        check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", file], capture_output=True, text=True)
        assert check.returncode == 0 and not check.stderr, f"{file}:\n{check.stderr}"


def test_an_entry_says_what_it_is_where_it_is_and_what_to_keep(exported):
    po = polib.pofile(str(next(f for f in exported["el"] if f.name == "what-is-peer-support.po")))
    assert po.metadata["Language"] == "el" and po.metadata["X-Course-Source"] == f"docs/sl/{UNIT}"
    options = [e for e in po if e.comment.startswith("quiz option, wrong answer")]
    feedback = next(e for e in po if e.comment.startswith("feedback on a right answer"))
    assert options and all(e.msgctxt.startswith("quiz/q-") for e in options)
    opener = load_strings("el")["quiz"]["feedback_right"]
    assert opener in feedback.comment and "Keep as they are: #" in feedback.comment  # the opener, the link
    assert all(e.msgstr and not e.fuzzy for e in po), "an up-to-date translation exports fuzzy or empty entries"
    assert not any("{#" in e.msgid or "[x]" in e.msgid or "objective:" in e.msgid for e in po)


# --- A translator's round: msgmerge, Poedit, import, refresh, build ---------------------------------------


def poedit_save(po: polib.POFile, path: Path) -> None:
    """As Poedit saves a file: its own header lines, lines wrapped at 79 columns."""
    po.metadata.update(
        {"Last-Translator": "Eleni Example <eleni@example.org>", "X-Generator": "Poedit 3.4.2", "PO-Revision-Date": ""}
    )
    po.metadata["PO-Revision-Date"] = "2026-12-08 10:00+0100"
    po.wrapwidth = 79
    po.save(str(path))


@needs_gettext
def test_a_file_merged_with_msgmerge_and_edited_in_poedit_imports_and_builds(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    old, new, merged = tmp_path / "old", tmp_path / "new", tmp_path / "el-merged.po"
    assert run(FILES, project, "export", "el", UNIT, "--to", str(old)).returncode == 0
    # The translator's own copy, edited in Poedit: one entry reworded.
    mine = polib.pofile(str(old / "what-is-peer-support.po"))
    title = next(e for e in mine if e.msgctxt == "title")
    title.msgstr = "Τι είναι, τελικά, η υποστήριξη ομοτίμων;"
    poedit_save(mine, old / "what-is-peer-support.po")

    # Meanwhile the Slovenian original changes: one paragraph reworded, one list item added.
    source = project / f"docs/sl/{UNIT}"
    text = source.read_text(encoding="utf-8")
    paragraph = next(line for line in text.split("\n") if "Anonimni alkoholiki" in line)
    text = text.replace(paragraph, paragraph.replace("Matere", "Matere in očetje"), 1)
    first_form = next(line for line in text.split("\n") if line.startswith("- **") and "(" in line)
    text = text.replace(first_form, first_form + "\n- **Spletna vrstniška podpora** (forumi na spletu)", 1)
    source.write_text(text, encoding="utf-8")
    for other in Project(project).languages:  # the other translations follow (the build wants the same list items)
        page = project / "docs" / other / UNIT
        if other not in ("el", "sl"):
            lines = page.read_text(encoding="utf-8").split("\n")
            at = next(i for i, line in enumerate(lines) if line.startswith("- **") and "(" in line)
            page.write_text("\n".join([*lines[: at + 1], "- **Online peer support**", *lines[at + 1 :]]), "utf-8")
    assert run(FILES, project, "export", "el", UNIT, "--to", str(new)).returncode == 0
    result = subprocess.run(
        ["msgmerge", "--previous", "--quiet", "-o", str(merged), str(old / "what-is-peer-support.po"),
         str(new / "what-is-peer-support.po")],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr

    po = polib.pofile(str(merged))
    assert next(e for e in po if e.msgctxt == "title").msgstr == title.msgstr, "msgmerge lost the translator's work"
    changed = next(e for e in po if e.msgid.startswith(paragraph[:40]) or "Matere in očetje" in e.msgid)
    assert changed.fuzzy and changed.previous_msgid and "Matere" in changed.previous_msgid
    added = next(e for e in po if "Spletna" in e.msgid)
    # Poedit: the translator fixes the fuzzy entry and translates the new one.
    changed.msgstr = changed.msgstr.replace("Οι μητέρες", "Οι μητέρες και οι πατέρες")
    changed.flags.remove("fuzzy")
    changed.previous_msgid = changed.previous_msgctxt = None  # Poedit drops both with the flag
    added.msgstr = "**Διαδικτυακή υποστήριξη ομοτίμων** (φόρουμ στο διαδίκτυο)"
    added.flags = [f for f in added.flags if f != "fuzzy"]
    poedit_save(po, merged)
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(merged)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr

    result = run(FILES, project, "import", "el", str(merged))
    assert result.returncode == 0, result.stdout + result.stderr
    page = (project / f"docs/el/{UNIT}").read_text(encoding="utf-8")
    assert title.msgstr in page and "Οι μητέρες και οι πατέρες" in page and "Διαδικτυακή υποστήριξη" in page
    result = run(STATUS, project, "refresh", "el", UNIT)
    assert result.returncode == 0 and "recorded" in result.stdout, result.stdout
    assert unit_state(project / "docs", "el", UNIT).state == "draft"

    build = run_build(project, project / "site", COURSE_PREVIEW="el")
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    built = parse(project / "site" / UNIT.replace(".md", ".html")).select_one("article")
    assert "Διαδικτυακή υποστήριξη ομοτίμων" in built.get_text()
    assert built.select_one(".translation-status")["data-status"] == "draft"


# --- Refused, with the file and the entry named, and nothing written ------------------------------------


def damaged(po: polib.POFile, how: str) -> None:
    by_key = {e.msgctxt: e for e in po}
    link = next(e for e in po if "](#" in e.msgstr)
    paragraph = next(e for e in po if e.msgctxt.endswith("/p-1"))
    if how == "link target changed":
        link.msgstr = link.msgstr.replace("](#", "](#other-", 1)
    elif how == "heading id added":
        by_key["objectives/heading"].msgstr += " {#goals}"
    elif how == "new list item":
        paragraph.msgstr += "\n- an item of my own"
    elif how == "new paragraph":
        paragraph.msgstr += "\n\nA paragraph of my own."
    elif how == "table cell split":
        cell = next(e for e in po if "/table-" in e.msgctxt)
        cell.msgstr += " | extra"
    elif how == "quiz option marked right":
        option = next(e for e in po if e.comment.startswith("quiz option, wrong answer"))
        option.msgstr = "[x] " + option.msgstr
    elif how == "entry of another page":
        by_key["objectives/heading"].msgctxt = "no-such-section/heading"


DAMAGES = [
    "link target changed",
    "heading id added",
    "new list item",
    "new paragraph",
    "table cell split",
    "quiz option marked right",
    "entry of another page",
]


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_file_is_refused_naming_file_and_entry_and_nothing_changes(project, exported, tmp_path, how):
    good = next(f for f in exported["el"] if f.name == "about.po")
    bad = tmp_path / "what-is-peer-support.po"
    po = polib.pofile(str(next(f for f in exported["el"] if f.name == "what-is-peer-support.po")))
    damaged(po, how)
    po.save(str(bad))
    line = next(
        (n for n, text in enumerate(bad.read_text(encoding="utf-8").split("\n"), 1) if text.startswith("msgctxt")), 0
    )
    before = docs_fingerprint(project)
    with pytest.raises(ContentError) as refused:
        import_files(project / "docs", "el", [good, bad], Project(project).languages)
    assert refused.value.path == bad and refused.value.line and refused.value.line >= line, str(refused.value)
    assert "entry" in refused.value.problem or "parts" in refused.value.problem, str(refused.value)
    assert docs_fingerprint(project) == before


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("<html><body>A page saved by a browser</body></html>\n", "not a PO file"),
        ('msgid ""\nmsgstr ""\n"Language: el\\n"\n\nmsgid "Hello"\nmsgstr "Γεια"\n', "not exported from this course"),
    ],
    ids=["not PO", "another project's"],
)
def test_a_foreign_file_is_refused_by_the_command_naming_it(project, tmp_path, content, words):
    foreign = tmp_path / "foreign.po"
    foreign.write_text(content, encoding="utf-8")
    before = docs_fingerprint(project)
    result = run(FILES, project, "import", "el", str(foreign))
    assert result.returncode == 1 and "foreign.po" in result.stderr and words in result.stderr, result.stderr
    assert "Nothing was written" in result.stderr
    assert docs_fingerprint(project) == before


def test_a_file_for_another_language_is_refused(project, exported):
    with pytest.raises(ContentError, match="not of a page in docs/sl/"):
        import_files(project / "docs", "sl", exported["el"][:1], Project(project).languages)
