"""A language's SCORM 1.2 package, made from the built site:
`downloads/peer-support-course-<lang>-scorm12.zip`.

What goes in:
- every page of the language in `nav:` (the units, which are the SCOs, and the
  other pages, which links and search reach), made fit for the package
  (course/scorm/pages.py);
- every file those pages load (styles, scripts, pictures, the language's search
  index, the search worker and, from disk, its frame), found in the pages as
  the offline copy finds them (course/web/offline_copy.py);
- the language's PDFs, which the pages link to;
- `imsmanifest.xml` and the SCORM 1.2 schemas, at the root.

Files keep their paths in the site (`el/unit.html`, `assets/…`), so that every
relative link of the built pages works unchanged. Nothing else: no service
worker, no offline copy's list or app manifest, no other language.

The zip is reproducible, like the offline zip (course/web/offline_package.py).
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html

from course.config import NavItem, Project, language_root, read_mkdocs_yml
from course.errors import ContentError
from course.print.print_book import TRAINER_SECTION
from course.scorm.manifest import (
    SCHEMA_FILES,
    SCHEMA_SUPPORT,
    SCHEMAS,
    Manifest,
    Part,
    Sco,
    manifest_xml,
    schema_problems,
)
from course.scorm.pages import ScoPage, for_package
from course.sources.strings import load_strings
from course.web.offline_copy import files_loaded
from course.web.offline_package import edition_time, write_zip

ZIP_PATH = "downloads/peer-support-course-{lang}-scorm12.zip"
MANIFEST = "imsmanifest.xml"
# The share of a unit's questions right on the first try that passes it. A unit has 4 to 6
# questions (AUTHORING.md): 75 passes it with at most one of them wrong on the first try.
# The trainers' page says so (docs/<lang>/trainer/learning-platform.md).
MASTERY_SCORE = 75
# Files a script loads that no page names: the frame in which search runs from disk.
LOADED_BY_SCRIPTS = {"assets/javascripts/worker-from-disk.js": ("assets/javascripts/worker-frame.js",)}
# The language's search index, in its root: fetched as JSON over http(s), loaded as a script from
# disk (hooks/search_per_language.py writes both).
SEARCH_INDEX = ("search/search_index.json", "search/search_index.js")


def zip_path(lang: str) -> str:
    return ZIP_PATH.format(lang=lang)


def parts_of(nav: list[NavItem]) -> list[tuple[str, list[str]]]:
    """The parts of `nav:` (its sections, but the trainers'), each with its pages, in order."""
    found = []
    for entry in nav or []:
        if isinstance(entry, dict):
            for key, value in entry.items():
                if isinstance(value, list) and key != TRAINER_SECTION:
                    found.append((str(key), _pages(value)))
    return found


def _pages(items: list[NavItem]) -> list[str]:
    pages: list[str] = []
    for item in items:
        if isinstance(item, str):
            pages.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                pages += _pages(value) if isinstance(value, list) else [value] if isinstance(value, str) else []
    return [page for page in pages if page.endswith(".md")]


def html_path(root: str, page: str) -> str:
    """'el/', 'trainer/guide.md' -> 'el/trainer/guide.html'."""
    return root + page.removesuffix(".md") + ".html"


def page_title(html: str) -> str:
    """The page's first heading, without its permalink sign."""
    heading = lxml.html.document_fromstring(html).xpath("//article//h1")[0]
    for link in heading.xpath(".//a[contains(concat(' ', @class, ' '), ' headerlink ')]"):
        link.drop_tree()
    return " ".join(heading.text_content().split())


def relative_root(page: str) -> str:
    """The package's root seen from a page: '.' for 'unit.html', '..' for 'el/unit.html'."""
    depth = page.count("/")
    return "/".join([".."] * depth) or "."


def loaded_by(site_dir: Path, path: str, html: str, root: str) -> set[str]:
    """Every file the page loads, as the offline copy finds them, with the language's search
    index (loaded when the learner searches) and the files scripts load by themselves."""
    found = files_loaded(site_dir, {path: html}) | {root + index for index in SEARCH_INDEX}
    for script, more in LOADED_BY_SCRIPTS.items():
        if script in found:
            found |= set(more)
    return {file for file in found if (site_dir / file).is_file()}


def make_package(site_dir: Path, lang: str, project: Project | None = None) -> Path:
    """Writes the language's package into the built site; returns its path."""
    project = project or Project()
    site_dir = Path(site_dir)
    root = language_root(lang, project.default_language)
    nav = read_mkdocs_yml(project.mkdocs_yml).get("nav") or []
    words = load_strings(lang, project.strings_dir)
    units = {html_path(root, page): page.removesuffix(".md") for _, part in parts_of(nav) for page in part}
    pdfs = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / root / "downloads").rglob("*.pdf"))
    pages = packaged_pages(site_dir, lang, project, units, pdfs, words["scorm"])
    loads = {page: loaded_by(site_dir, page, html, root) for page, html in pages.items()}
    manifest = _manifest(lang, words, nav, root, pages, loads, pdfs)
    xml = manifest_xml(manifest)
    problems = schema_problems(xml)
    if problems:  # a mistake of this module's, never of a page: say it plainly
        raise ValueError(f"the SCORM manifest of '{lang}' is not valid: {'; '.join(problems[:5])}")
    control = sorted([*SCHEMA_FILES.values(), *SCHEMA_SUPPORT])
    files = sorted(set(pages) | set(pdfs) | {file for found in loads.values() for file in found})
    entries = [(MANIFEST, xml), *((name, (SCHEMAS / name).read_bytes()) for name in control)]
    entries += [
        (path, pages[path].encode("utf-8") if path in pages else (site_dir / path).read_bytes()) for path in files
    ]
    return write_zip(site_dir / zip_path(lang), entries)


def packaged_pages(
    site_dir: Path, lang: str, project: Project, units: dict[str, str], pdfs: list[str], words: dict[str, Any]
) -> dict[str, str]:
    """Every page of the language in `nav:` (path from the site's root -> HTML), made fit for the
    package; `units` are the SCOs' pages (-> their unit's key)."""
    root = language_root(lang, project.default_language)
    paths = [html_path(root, page) for page in project.nav_pages]
    missing = [path for path in paths if not (site_dir / path).is_file()]
    if missing:
        raise ContentError(
            project.mkdocs_yml,
            f"the SCORM package of '{lang}' needs {', '.join(missing)}, which the build did not write",
            "build the whole site first (scripts/build_site.py)",
        )
    built = {path: (site_dir / path).read_text(encoding="utf-8") for path in paths}
    # What a link may lead to: the pages, the PDFs, and whatever the pages load as built.
    linkable = set(paths) | set(pdfs) | set().union(*(loaded_by(site_dir, p, h, root) for p, h in built.items()))
    return {
        path: for_package(
            html,
            path,
            linkable.__contains__,
            words,
            ScoPage(units[path], MASTERY_SCORE, relative_root(path)) if path in units else None,
        )
        for path, html in built.items()
    }


def _manifest(
    lang: str,
    words: dict[str, Any],
    nav: list[NavItem],
    root: str,
    pages: dict[str, str],
    loads: dict[str, set[str]],
    pdfs: list[str],
) -> Manifest:
    """The package's manifest: a SCO per unit with the files only its page loads, the files
    several pages load as one shared asset, and everything else as another."""
    users = Counter(file for files in loads.values() for file in files)
    parts = []
    for key, part in parts_of(nav):
        scos = []
        for page in part:
            path = html_path(root, page)
            own = sorted(f for f in loads[path] if users[f] == 1)
            scos.append(Sco(page.removesuffix(".md"), page_title(pages[path]), path, own))
        parts.append(Part(key, words["nav"].get(key, key), scos))
    shared = sorted(file for file, count in users.items() if count > 1)
    in_scos = {file for part in parts for sco in part.scos for file in (sco.href, *sco.files)}
    return Manifest(
        identifier=f"peer-support-course-{lang}-scorm12",
        lang=lang,
        title=words["site_name"],
        description=words["site_description"],
        version="{:04d}-{:02d}-{:02d}".format(*edition_time()[:3]),
        mastery_score=MASTERY_SCORE,
        parts=parts,
        shared=shared,
        other=sorted((set(pages) | set(pdfs) | set(users)) - in_scos - set(shared)),
    )


def make_packages(site_dir: Path, project: Project | None = None) -> list[Path]:
    """Every language's package, in the order of mkdocs.yml."""
    project = project or Project()
    return [make_package(site_dir, lang, project) for lang in project.languages]


def packages_html(languages: list[tuple[str, str]], words: dict[str, str], link: Callable[[str, str], str]) -> str:
    """The trainers' page's links to the packages, one per language of `languages` ((code, name),
    in the order given); `link(path, text)` writes one link from the page to a path from the
    site's root. The words are the language's `scorm` UI words."""
    items = "".join(
        f"<li>{link(zip_path(code), words['package'].format(language=name))}</li>" for code, name in languages
    )
    label = html.escape(words["packages_label"])
    return f'<div class="scorm-packages" role="region" aria-label="{label}"><ul>{items}</ul></div>'
