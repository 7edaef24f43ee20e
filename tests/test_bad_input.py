"""The mistakes authors and translators make, each made on purpose in a copy of
the project: the README build (scripts/build_site.py) stops with exit code 1,
names the source file and line and says how to fix it, shows no traceback,
and leaves the last good site exactly as it was."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import PROJECT_PARTS, copy_project

from course import PROJECT_ROOT

BUILD = PROJECT_ROOT / "scripts" / "build_site.py"


@dataclass
class Case:
    id: str
    break_it: Callable[[Path], None]
    file: str  # the file the message must name, as in the project
    line: str | int | None  # the line: a number, or a text whose first line in `file` it is
    words: str  # what the message must say ("…" stands for any text: a line range, say)


# ---- ways to break a page -------------------------------------------------------------------


def append(page: str, text: str):
    def change(project: Path):
        path = project / page
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text, encoding="utf-8")

    return change


def replace(page: str, old: str, new: str, count: int = 1):
    def change(project: Path):
        path = project / page
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{page} holds no {old!r}: the case needs updating"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return change


def replace_line(page: str, pattern: str, new: Callable[[str], str]):
    """Replace the first line matching `pattern` (a regex) with new(line)."""

    def change(project: Path):
        path = project / page
        lines = path.read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(lines) if re.search(pattern, line))
        lines[index] = new(lines[index])
        path.write_text("\n".join(lines), encoding="utf-8")

    return change


def save_as(page: str, encoding: str):
    def change(project: Path):
        path = project / page
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))

    return change


def write_bytes(page: str, data: bytes):
    return lambda project: (project / page).write_bytes(data)


LATIN_1_PAGE = (
    "---\ndescription: Om kurset.\nsource_language: en\ntranslation: draft\n---\n\n# Om kurset\n\n"
    "Kurset er skrevet på dansk.\n"
)  # 'å' on line 9


def empty(page: str):
    return lambda project: (project / page).write_text("", encoding="utf-8")


def delete(page: str):
    return lambda project: (project / page).unlink()


def only_in(lang: str, page: str, source_language: str):
    """A new page written in one language only."""

    def change(project: Path):
        (project / "docs" / lang / page).write_text(
            f"---\ndescription: Ny side.\nsource_language: {source_language}\ntranslation: source\n---\n\n# Ny side\n",
            encoding="utf-8",
        )

    return change


def move_first_answer(page: str):
    """In the page's first quiz, the right option becomes wrong and the first wrong one right."""

    def change(project: Path):
        path = project / page
        lines = path.read_text(encoding="utf-8").split("\n")
        start = next(i for i, line in enumerate(lines) if line.startswith("/// quiz"))
        end = next(i for i in range(start + 1, len(lines)) if lines[i].strip() == "///")
        right = next(i for i in range(start, end) if lines[i].startswith("- [x]"))
        wrong = next(i for i in range(start, end) if lines[i].startswith("- [ ]"))
        lines[right] = lines[right].replace("- [x]", "- [ ]", 1)
        lines[wrong] = lines[wrong].replace("- [ ]", "- [x]", 1)
        path.write_text("\n".join(lines), encoding="utf-8")

    return change


def both(*changes):
    def change(project: Path):
        for c in changes:
            c(project)

    return change


QUIZ = """/// quiz | {question}
- [x] {right}
    Yes. The unit says so in its second part, where it is explained.
- [ ] A wrong option.
    Not quite. The unit says something else about it in that part.
- [ ] Another wrong option.
    Not quite. This belongs to another unit of the course, not this one.
///
"""
SECTION = "## A repeated section {#repeated}\n\nSome text.\n"
QUIZ_PAGE = "docs/sl/good-peer-support.md"  # a unit whose source is Slovenian
FIRST_OPTION = r"^- \[x\]"

CASES = [
    # The sixteen mistakes seen when trying the build as a new author (issue 12).
    Case(
        "unclosed quote in front matter",
        replace_line("docs/el/about.md", r"^description:", lambda line: line.replace(": ", ': "', 1)),
        "docs/el/about.md",
        2,
        "quote on this line is never closed",
    ),
    Case(
        "unclosed last quiz",
        append(
            "docs/en/about.md", "/// quiz | Is this closed?\n- [x] No.\n    Yes. It is not closed at all, see below.\n"
        ),
        "docs/en/about.md",
        "/// quiz | Is this closed?",
        "never closed",
    ),
    Case(
        "unclosed quiz in the middle of a page",
        replace_line(QUIZ_PAGE, r"^///\s*$", lambda line: ""),
        QUIZ_PAGE,
        "/// quiz",
        "still open where this block starts",
    ),
    Case(
        "link to a missing page",
        append("docs/el/about.md", "[Μια σελίδα](no-such-unit.md)\n"),
        "docs/el/about.md",
        "no-such-unit.md",
        "'no-such-unit.md', which does not exist in docs/el/",
    ),
    Case(
        "link to a missing heading",
        append("docs/da/about.md", "[Et afsnit](good-peer-support.md#no-such-heading)\n"),
        "docs/da/about.md",
        "no-such-heading",
        "'#no-such-heading' does not exist on good-peer-support.md",
    ),
    Case(
        "picture that does not exist",
        append("docs/sl/about.md", "![Slika](images/circles.png)\n"),
        "docs/sl/about.md",
        "images/circles.png",
        "'images/circles.png', which does not exist in docs/sl/",
    ),
    Case(
        "raw <img> of a missing file",
        append("docs/sl/about.md", '<img src="images/circles.png" alt="">\n'),
        "docs/sl/about.md",
        "<img",
        "HTML is not allowed",
    ),
    Case(
        "nav entry to a missing file",
        replace("mkdocs.yml", "      - mixed-teams.md", "      - mixed-team.md"),
        "mkdocs.yml",
        "mixed-team.md",
        "'mixed-team.md', which does not exist in any language",
    ),
    Case(
        "colon in an unquoted value",
        replace_line("docs/da/about.md", r"^description:", lambda _: "description: Om kurset: kilder"),
        "docs/da/about.md",
        2,
        "holds ': '",
    ),
    Case("page saved as UTF-16", save_as("docs/el/glossary.md", "utf-16"), "docs/el/glossary.md", 1, "saved as UTF-16"),
    Case(
        "page saved as Latin-1",
        write_bytes("docs/da/about.md", LATIN_1_PAGE.encode("latin-1")),
        "docs/da/about.md",
        9,
        "is not UTF-8",
    ),
    Case("empty page", empty("docs/sl/glossary.md"), "docs/sl/glossary.md", 1, "this page is empty"),
    Case(
        "one explicit id twice on a page",
        append("docs/en/about.md", "## Licence again {#licence}\n\nText.\n"),
        "docs/en/about.md",
        "## Licence again {#licence}",
        "the id 'licence' is used twice",
    ),
    Case(
        "fifty copies of a section",
        append("docs/en/about.md", SECTION * 50),
        "docs/en/about.md",
        0,
        "the id 'repeated' is used twice",
    ),  # line 0: the second copy (computed below)
    Case(
        "missing page in its source language",
        delete("docs/sl/what-is-peer-support.md"),
        "docs/en/what-is-peer-support.md",
        None,
        "docs/sl/what-is-peer-support.md is the source page",
    ),
    Case(
        "page only in Danish",
        only_in("da", "ny-side.md", "da"),
        "docs/da/ny-side.md",
        None,
        "recopy en ny-side.md --from da",
    ),
    Case(
        "<script> in a paragraph",
        append("docs/el/about.md", "Κείμενο <script>alert(1)</script> εδώ.\n"),
        "docs/el/about.md",
        "<script>alert(1)",
        "HTML is not allowed in a course page: '<script>'",
    ),
    Case(
        "<script> in a quiz question",
        append(QUIZ_PAGE, QUIZ.format(question="Kaj <script>alert(1)</script>?", right="Da.")),
        QUIZ_PAGE,
        "<script>alert(1)",
        "HTML is not allowed",
    ),
    Case(
        "<script> in quiz feedback",
        append(
            QUIZ_PAGE,
            QUIZ.format(question="Kaj?", right="Da.").replace(
                "Yes. The unit", "Yes. <script>alert(1)</script> The unit"
            ),
        ),
        QUIZ_PAGE,
        "<script>alert(1)",
        "HTML is not allowed",
    ),
    Case(
        "quoted onerror handler",
        append("docs/en/about.md", '<img src="x.png" onerror="alert(1)">\n'),
        "docs/en/about.md",
        "onerror",
        "HTML is not allowed",
    ),
    Case(
        "javascript: link",
        append("docs/en/about.md", "[Click](javascript:alert(1))\n"),
        "docs/en/about.md",
        "javascript:alert",
        "a link to a 'javascript:' address is not allowed",
    ),
    Case(
        "javascript: link hidden by an entity and capitals",
        append("docs/en/about.md", "[Click](JaVa&#x09;ScRiPt:alert(1))\n"),
        "docs/en/about.md",
        "ScRiPt:alert",
        "'javascript:' address is not allowed",
    ),
    Case(
        "<script> in a UI word",
        replace("i18n/el.yml", "site_name: ", "site_name: <script>alert(1)</script>"),
        "i18n/el.yml",
        "site_name:",
        "the UI word 'site_name' holds HTML",
    ),
    Case(
        "event handler in an attribute list",
        append("docs/en/about.md", 'A paragraph.\n{: onclick="alert(1)" }\n'),
        "docs/en/about.md",
        "onclick",
        "the attribute 'onclick' is not allowed",
    ),
    Case(
        "<iframe>",
        append("docs/da/about.md", '<iframe src="https://example.org/"></iframe>\n'),
        "docs/da/about.md",
        "<iframe",
        "HTML is not allowed in a course page: '<iframe",
    ),
    Case(
        "<style>",
        append("docs/da/about.md", "<style>body { display: none }</style>\n"),
        "docs/da/about.md",
        "<style>",
        "HTML is not allowed",
    ),
    Case(
        "<object>",
        append("docs/da/about.md", '<object data="x.swf"></object>\n'),
        "docs/da/about.md",
        "<object",
        "HTML is not allowed",
    ),
    Case(
        "unknown block name",
        append("docs/en/about.md", "/// quizz | A typo?\n///\n"),
        "docs/en/about.md",
        "/// quizz",
        "'quizz' is not a block the course knows",
    ),
    Case(
        "no right answer in one language only",
        replace_line("docs/da/good-peer-support.md", FIRST_OPTION, lambda line: line.replace("[x]", "[ ]", 1)),
        "docs/da/good-peer-support.md",
        None,
        "no option of this question is marked as right",
    ),
    Case(
        "right answer moved in one translation",
        move_first_answer("docs/el/good-peer-support.md"),
        "docs/el/good-peer-support.md",
        "/// quiz",
        "as right, its source marks",
    ),
    # One per rule of AUTHORING.md.
    Case(
        "front matter without description",
        replace_line("docs/el/about.md", r"^description:", lambda line: ""),
        "docs/el/about.md",
        None,
        "the front matter lacks 'description'",
    ),
    Case(
        "description that is not a sentence",
        replace_line("docs/el/about.md", r"^description:", lambda _: "description: [a, b]"),
        "docs/el/about.md",
        2,
        "'description' must be one sentence of text",
    ),
    Case(
        "unknown source language",
        replace("docs/el/about.md", "source_language: en", "source_language: fr"),
        "docs/el/about.md",
        "source_language:",
        "source_language 'fr' is not a language of the site",
    ),
    Case(
        "unknown translation state",
        replace("docs/el/about.md", "translation: draft", "translation: finished"),
        "docs/el/about.md",
        "translation:",
        "translation 'finished' is not one of",
    ),
    Case(
        "source page marked draft",
        replace("docs/en/about.md", "translation: source", "translation: draft"),
        "docs/en/about.md",
        "translation:",
        "does not fit a page in 'en'",
    ),
    Case(
        "hash edited by hand",
        replace_line("docs/el/about.md", r"^source_hash:", lambda _: 'source_hash: "abc"'),
        "docs/el/about.md",
        "source_hash:",
        "is not a hash written by the refresh command",
    ),
    Case(
        "translated_from a language the site lacks",
        replace("docs/el/about.md", "translation: draft", "translation: draft\ntranslated_from: fr"),
        "docs/el/about.md",
        "translated_from:",
        "translated_from 'fr' is not another language of the site",
    ),
    Case(
        "heading without an id",
        append("docs/en/about.md", "## A heading without an id\n\nText.\n"),
        "docs/en/about.md",
        "## A heading without an id",
        "this heading has no id",
    ),
    Case(
        "heading id not in kebab-case",
        append("docs/en/about.md", "## A heading {#A_Heading}\n\nText.\n"),
        "docs/en/about.md",
        "{#A_Heading}",
        "is not ASCII kebab-case",
    ),
    Case(
        "translation with another heading id",
        replace("docs/da/about.md", "{#licence}", "{#licens}"),
        "docs/da/about.md",
        "{#licens}",
        "differs from the source page",
    ),
    Case(
        "quiz option without a marker",
        replace_line(QUIZ_PAGE, FIRST_OPTION, lambda line: "- " + line[6:]),
        QUIZ_PAGE,
        None,
        "this option has no '[x]' or '[ ]' marker",
    ),
    Case(
        "quiz option without feedback",
        append(
            "docs/en/about.md",
            "/// quiz | Is there feedback?\n- [x] No.\n- [ ] Yes.\n    Not quite. There is none under the first option.\n///\n",
        ),
        "docs/en/about.md",
        "- [x] No.",
        "has no feedback",
    ),
    Case(
        "setting a block does not take",
        append("docs/en/about.md", "/// exercise | Think\n    line: 8\n\nWrite.\n///\n"),
        "docs/en/about.md",
        "    line: 8",
        "the exercise block has no setting 'line'",
    ),
    Case(
        "setting with a wrong value",
        append("docs/en/about.md", "/// exercise | Think\n    lines: many\n\nWrite.\n///\n"),
        "docs/en/about.md",
        "    lines: many",
        "is not a value the exercise block's 'lines' takes",
    ),
    Case(
        "nested block without more slashes",
        append("docs/en/about.md", "/// exercise | Think\nWrite.\n/// answer\nThis.\n///\n///\n"),
        "docs/en/about.md",
        "/// exercise | Think",
        "nest this block with more slashes",
    ),
    Case(
        "block closed with the wrong slashes",
        append("docs/en/about.md", "/// exercise | Think\nWrite.\n////\n"),
        "docs/en/about.md",
        "////",
        "closes a block with 4 slashes",
    ),
    Case(
        "missing UI word",
        replace_line("i18n/da.yml", r"^\s+check:", lambda line: ""),
        "i18n/da.yml",
        None,
        "language 'da' lacks the UI string(s): quiz.check",
    ),
    Case(
        "link out of the language tree",
        append("docs/el/about.md", "[English](../en/about.md)\n"),
        "docs/el/about.md",
        "../en/about.md",
        "leads out of docs/el/",
    ),
    Case(
        "exercise without an id",
        append("docs/en/about.md", "/// exercise | Think\n    lines: 4\n\nWrite.\n///\n"),
        "docs/en/about.md",
        "/// exercise | Think",
        "this exercise has no id",
    ),
    Case(
        "exercise id used twice",
        append(
            "docs/en/about.md",
            "/// exercise | One\n    id: think\n\nA.\n///\n\n/// exercise | Two\n    id: think\n\nB.\n///\n",
        ),
        "docs/en/about.md",
        "/// exercise | Two",
        "the exercise id 'think' is used twice",
    ),
    Case(
        "rating of a question the exercise lacks",
        append("docs/en/about.md", "/// exercise | Rate\n    id: rate\n    ratings: 3\n\n- How much?\n///\n"),
        "docs/en/about.md",
        "/// exercise | Rate",
        "'ratings: 3' does not name questions of this exercise",
    ),
    Case(
        "translation with another exercise id",
        replace("docs/da/supportive-communication.md", "id: grow-will", "id: grow-vilje"),
        "docs/da/supportive-communication.md",
        "/// exercise | W:",
        "this exercise differs from the source page",
    ),
    Case(
        "a translated placeholder in the UI words",
        replace("i18n/el.yml", "{done}", "{έγιναν}"),
        "i18n/el.yml",
        "{έγιναν}",
        "lacks {done}; has {έγιναν}, which the site does not fill in",
    ),
    Case(
        "a list item dropped in a translation",
        replace(
            "docs/da/what-is-peer-support.md",
            "\n- **I et dagcenter / en tur rundt i centret** (naturlig: at finde mennesker, der ligner en selv)",
            "",
        ),
        "docs/da/what-is-peer-support.md",
        "- **Klinisk peer-støtte**",
        "{#forms}, this page has 4 list items (lines …), its source 5 (docs/sl/what-is-peer-support.md:",
    ),
    Case(
        "a misspelled front matter key",
        replace("docs/el/about.md", "description:", "descripton:"),
        "docs/el/about.md",
        "descripton:",
        "the front matter has a key 'descripton', which no page takes: did you mean 'description'?",
    ),
    # One term per concept per language: the glossary's term base (course/sources/terms.py).
    Case(
        "a variant the glossary asks to avoid",
        append("docs/da/about.md", "Der kan opstå en ubalance i magt i en blandet gruppe.\n"),
        "docs/da/about.md",
        "Der kan opstå en ubalance i magt",
        "«ubalance i magt» is a variant the glossary asks to avoid: the term is «Magtubalance»",
    ),
    Case(
        "a term base entry for a term the glossary lacks",
        replace("docs/da/glossary.md", "  power-imbalance: [", "  power-balance: ["),
        "docs/da/glossary.md",
        "avoid:",
        "names the term id 'power-balance', which this glossary has no heading for",
    ),
    Case(
        "page missing in one translation",
        delete("docs/el/glossary.md"),
        "docs/en/glossary.md",
        None,
        "recopy el glossary.md",
    ),
]


# ---- running the build on a broken copy --------------------------------------------------------


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("pristine"))


def fresh_copy(pristine: Path, target: Path) -> Path:
    for part in PROJECT_PARTS:
        src = pristine / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / part)
    (target / "node_modules").symlink_to(PROJECT_ROOT / "node_modules")
    return target


def last_good_site(site: Path) -> None:
    """A stand-in for a site being served: a few files, nested."""
    (site / "el").mkdir(parents=True)
    (site / "index.html").write_text("<p>the last good site</p>", encoding="utf-8")
    (site / "el" / "index.html").write_text("<p>ο τελευταίος καλός ιστότοπος</p>", encoding="utf-8")


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def build(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, COURSE_PDF_CACHE=str(project / ".pdf-cache"))
    return subprocess.run(
        [sys.executable, str(BUILD), "--project", str(project)], cwd=project, env=env, capture_output=True, text=True
    )


def expected_line(case: Case, project: Path) -> int | None:
    if case.line is None or (isinstance(case.line, int) and case.line > 0):
        return case.line
    lines = (project / case.file).read_text(encoding="utf-8", errors="replace").split("\n")
    if case.line == 0:  # the second occurrence of the repeated section's id
        return [i for i, line in enumerate(lines, start=1) if "{#repeated}" in line][1]
    needle = case.line if isinstance(case.line, str) else ""
    encoded = [i for i, line in enumerate(lines, start=1) if needle in line]
    assert encoded, f"{case.file} holds no line with {needle!r}"
    return encoded[-1] if case.id.startswith(("unclosed last", "one explicit")) else encoded[0]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_mistake_stops_the_build_naming_file_line_and_fix_and_keeps_the_last_good_site(pristine, tmp_path, case):
    project = fresh_copy(pristine, tmp_path)
    last_good_site(project / "site")
    before = snapshot(project / "site")
    case.break_it(project)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, f"exit code {result.returncode}:\n{output[-3000:]}"
    assert "Traceback" not in output, output[-3000:]
    line = expected_line(case, project)
    where = f"{case.file}:{line}:" if line else f"{case.file}"
    assert where in output, f"the message does not name {where}:\n{output[-3000:]}"
    message = next((m for m in _messages(output) if m.startswith(where) and _says(m, case.words)), "")
    assert message, f"no message for {where} says {case.words!r}:\n{output[-3000:]}"
    assert "How to fix:" in message, f"the message gives no fix:\n{message}"
    assert snapshot(project / "site") == before, "the last good site was changed"
    assert "site/ is unchanged" in output
    assert not (project / ".site.new").exists(), "the half-built site was left behind"


def _says(message: str, words: str) -> bool:
    """The message holds the words, in order; "…" in them stands for any text."""
    at = 0
    for part in words.split("…"):
        at = message.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def _messages(output: str) -> list[str]:
    """The build's problems, each with its indented lines (How to fix: …)."""
    messages, current = [], []
    for line in output.split("\n"):
        if line.startswith((" ", "\t")) and current:
            current.append(line)
        else:
            if current:
                messages.append("\n".join(current))
            current = [line]
    return messages + (["\n".join(current)] if current else [])


def test_a_byte_order_mark_is_harmless(pristine, tmp_path):
    """Some editors write a UTF-8 byte-order mark: the page builds, and the mark is not shown."""
    project = fresh_copy(pristine, tmp_path)
    page = project / "docs/da/about.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    from course.build.source_check import check_project
    from course.sources.markdown_source import read_page

    assert not check_project(project), "a page with a BOM was refused"
    assert read_page(page, "da", "about.md").front_matter.data["source_language"] == "en"
