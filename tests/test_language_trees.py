"""No silent fallback: every page exists in every language, and a gap fails loudly."""

from conftest import build_copy

from course import DOCS_DIR
from course.config import languages
from course.translation.trees import tree_problems


def test_every_page_exists_in_every_language():
    problems = tree_problems([lang.code for lang in languages()], DOCS_DIR)
    assert not problems, "\n".join(map(str, problems))


def test_a_page_missing_in_one_language_fails_the_build_naming_it(project_copy):
    (project_copy / "docs/sl/about.md").unlink()
    result = build_copy(project_copy)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    having = ", ".join(lang.code for lang in languages() if lang.code != "sl")  # a language added later is listed too
    assert f"page 'about.md' exists in {having} but is missing in sl" in output
    assert "docs/sl/about.md" in output


def test_a_page_missing_in_two_languages_names_both(project_copy):
    for lang in ("el", "da"):
        (project_copy / f"docs/{lang}/about.md").unlink()
    result = build_copy(project_copy)
    assert result.returncode != 0
    assert "is missing in el, da" in result.stdout + result.stderr


def test_a_language_folder_not_configured_fails_the_build(project_copy):
    code = next(c for c in ("de", "fr", "it", "nl") if c not in {lang.code for lang in languages()})
    (project_copy / f"docs/{code}").mkdir()
    (project_copy / f"docs/{code}/index.md").write_text("# Start\n", encoding="utf-8")
    result = build_copy(project_copy)
    assert result.returncode != 0
    assert (
        f"docs/{code}/ looks like a language folder, but '{code}' is not a language of the site"
        in result.stdout + result.stderr
    )


def test_the_site_never_serves_another_language_in_place_of_a_missing_page(site, site_languages):
    """Every built page sits in its own language's tree and says so in <html lang>."""
    from site_pages import course_pages

    default = site_languages[0]
    for lang in site_languages:
        for page in course_pages(site, lang, site_languages, default):
            assert page.soup.html["lang"] == lang, f"{page} is served as '{page.soup.html['lang']}' in the {lang} tree"
