"""scripts/build_site.py, the build the README gives: a good build replaces the
site in one step and prints only its own progress; two builds of one edition
give the same offline zip, byte for byte; a build that fails late (a PDF)
still leaves the last good site as it was, and says which source line holds
what the PDF cannot print."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import copy_project
from test_bad_input import last_good_site, snapshot

from course import PROJECT_ROOT
from course.config import languages
from course.print.print_book import pdf_path
from course.web.offline_package import ZIP_PATH

BUILD = PROJECT_ROOT / "scripts" / "build_site.py"
LANGS = [lang.code for lang in languages()]
TOOL_NOISE = re.compile(r"\b(INFO|WARNING|DEBUG)\b|Traceback")


def build(project: Path, site_dir: Path, pdf_cache: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, COURSE_PDF_CACHE=str(pdf_cache))
    return subprocess.run(
        [sys.executable, str(BUILD), "--project", str(project), "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def two_builds(site, pdf_cache, tmp_path_factory):
    """Two builds of this edition (the `site` fixture has put its PDFs into the cache): the first over
    an older site."""
    first, second = tmp_path_factory.mktemp("first") / "site", tmp_path_factory.mktemp("second") / "site"
    last_good_site(first)
    return [(target, build(PROJECT_ROOT, target, pdf_cache)) for target in (first, second)]


def test_a_good_build_replaces_the_site_and_prints_only_its_own_progress(two_builds):
    target, result = two_builds[0]
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    noise = [line for line in output.splitlines() if TOOL_NOISE.search(line) or not line.startswith("==> ")]
    assert not noise, "the build printed lines that are not its own progress:\n" + "\n".join(noise)
    assert "the last good site" not in (target / "index.html").read_text(encoding="utf-8"), (
        "the old site is still there"
    )
    for lang in LANGS:
        home = target / ("index.html" if lang == LANGS[0] else f"{lang}/index.html")
        assert f'lang="{lang}"' in home.read_text(encoding="utf-8")
        assert (target / pdf_path(lang, LANGS[0])).is_file()
    assert zipfile.is_zipfile(target / ZIP_PATH)
    assert not target.with_name(".site.new").exists()
    rendered = re.findall(r"==> PDF .*\(rendered in", output)
    assert re.findall(r"==> PDF .*unchanged, from the cache", output) and not rendered, (
        f"a PDF whose inputs did not change was rendered again: {rendered}"
    )


def test_two_builds_of_one_edition_give_the_same_offline_zip_byte_for_byte(two_builds):
    (first, a), (second, b) = two_builds
    assert a.returncode == 0 and b.returncode == 0, (a.stdout + a.stderr + b.stdout + b.stderr)[-3000:]
    zip_a, zip_b = (first / ZIP_PATH).read_bytes(), (second / ZIP_PATH).read_bytes()
    if zip_a != zip_b:
        differ = sorted(name for name, digest in snapshot(first).items() if snapshot(second).get(name) != digest)
        pytest.fail(f"the zips differ; so do these files of the two builds: {differ[:20]}")


def test_a_pdf_that_cannot_be_made_leaves_the_site_as_it_was_and_names_the_source_line(site, pdf_cache, tmp_path):
    """A character no font of the book has (here an emoji pasted into a Danish page): the site is built,
    the Danish PDF is not, and the build stops before replacing anything."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    target = project / "site"
    last_good_site(target)
    before = snapshot(target)
    page = project / "docs/da/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nTak for i dag \U0001faf6\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").split("\n").index("Tak for i dag \U0001faf6") + 1
    result = build(project, target, pdf_cache)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert f"docs/da/about.md:{line}: the PDF of 'da' cannot print" in output, output[-3000:]
    assert "How to fix:" in output
    assert snapshot(target) == before, "the last good site was changed"
    assert "site/ is unchanged" in output


def test_a_one_page_edit_renders_only_the_pdf_that_holds_the_page(site, pdf_cache, tmp_path):
    """The PDF cache is keyed by what goes into each PDF: after an edit of one Danish page, the
    Danish book is rendered again, every other PDF comes from the cache."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    page = project / "docs/da/about.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("\n## ", "\nEn ny sætning om kurset.\n\n## ", 1), encoding="utf-8"
    )
    result = build(project, project / "site", pdf_cache)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    rendered = re.findall(r"==> PDF (\S+ \S+): .*\(rendered in", output)
    cached = re.findall(r"==> PDF (\S+ \S+): .*from the cache", output)
    assert rendered == ["da book"], f"rendered: {rendered}, from the cache: {cached}"
    assert len(cached) > 40, cached
