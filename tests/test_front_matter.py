"""Front-matter mistakes stop the build with the file, the line and the fix."""

import pytest
from conftest import build_copy

from course import DOCS_DIR
from course.config import languages
from course.errors import ContentError
from course.sources.front_matter import check_front_matter

LANGS = [lang.code for lang in languages()]


def test_every_page_has_valid_front_matter():
    for lang in LANGS:
        for page in sorted((DOCS_DIR / lang).rglob("*.md")):
            check_front_matter(page, lang, LANGS)


def write(tmp_path, text):
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return page


@pytest.mark.parametrize(
    ("text", "lang", "line", "words"),
    [
        ("# No front matter\n", "en", 1, "has no front matter"),
        ("---\ndescription: x\nsource_language: da\n---\n# T\n", "da", 4, "lacks 'translation'"),
        ("---\ndescription: x\nsource_language: fr\ntranslation: draft\n---\n", "en", 3, "source_language 'fr'"),
        ("---\ndescription: x\nsource_language: da\ntranslation: finished\n---\n", "en", 4, "translation 'finished'"),
        ("---\ndescription: x\nsource_language: da\ntranslation: draft\n---\n", "da", 4, "does not fit a page in 'da'"),
        (
            "---\ndescription: Peer support: what it is\nsource_language: da\ntranslation: draft\n---\n",
            "en",
            2,
            "holds ': '",
        ),
    ],
)
def test_front_matter_mistakes_name_the_line(tmp_path, text, lang, line, words):
    with pytest.raises(ContentError) as err:
        check_front_matter(write(tmp_path, text), lang, LANGS)
    assert err.value.line == line
    assert words in str(err.value)
    assert "How to fix" in str(err.value)


def test_a_front_matter_mistake_fails_the_build_naming_file_and_line(project_copy):
    page = project_copy / "docs/da/about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("translation: draft", "translation: finished", 1), encoding="utf-8")
    result = build_copy(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = text.split("\n").index("translation: draft") + 1
    assert f"docs/da/about.md:{line}: translation 'finished'" in output, output[-1500:]
