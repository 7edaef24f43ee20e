"""The SCORM 1.2 package of every language (course/scorm/), read from the zip the
build wrote: a manifest valid against ADL's schemas, with a SCO per unit in the
order of `nav:`, grouped by part, the trainers' pages not among them; every
file listed exists, every file of the package is listed, and every file a SCO's
page loads is in that SCO's resources; no service worker, nothing from another
host, no link that leads out of the package; the trainers' page links to every
package. What a learner does in it is tests/test_browser_scorm.py's."""

from __future__ import annotations

import posixpath
import re
import shutil
from urllib.parse import urlsplit

import lxml.html
import pytest
from lxml import etree
from scorm_package import NS, SCORMTYPE, XML_LANG, open_package
from site_pages import parse, resolve
from test_privacy import external_loads

from course.config import Project, default_language, language_root, read_mkdocs_yml
from course.print.print_book import TRAINER_SECTION
from course.scorm.manifest import SCHEMA_FILES, SCHEMA_SUPPORT, schema_problems
from course.scorm.package import MASTERY_SCORE, make_package, zip_path
from course.sources.strings import load_strings
from course.web.offline_copy import page_references
from course.web.offline_package import ZIP_PATH

PROJECT = Project()
LANGS = PROJECT.languages
CONTROL_FILES = {"imsmanifest.xml", *SCHEMA_FILES.values(), *SCHEMA_SUPPORT}
NOT_IN_A_PACKAGE = ("service-worker.js", "offline-copy.js", "offline-copy.json", "manifest.webmanifest")


def units_by_part() -> list[tuple[str, list[str]]]:
    """The parts of mkdocs.yml's nav (but the trainers'), each with its pages' keys, read here."""
    parts = []
    for entry in read_mkdocs_yml(PROJECT.mkdocs_yml)["nav"]:
        if isinstance(entry, dict):
            for key, pages in entry.items():
                if key != TRAINER_SECTION:
                    parts.append((key, [page.removesuffix(".md") for page in pages]))
    return parts


def h1(html: str) -> str:
    heading = lxml.html.document_fromstring(html).xpath("//article//h1")[0]
    return heading.text_content().replace("¶", "").strip()


@pytest.mark.parametrize("lang", LANGS)
def test_the_manifest_is_valid_against_the_scorm_schemas_shipped_beside_it(site, lang):
    package = open_package(site, lang)
    assert package.path.is_file(), f"{zip_path(lang)} was not made"
    assert schema_problems(package.manifest_bytes) == []
    # The control documents the manifest names are at the root of the package.
    locations = package.manifest.get(f"{{{NS['xsi']}}}schemaLocation").split()
    named = set(locations[1::2])
    assert named == set(SCHEMA_FILES.values())
    for name in CONTROL_FILES:
        assert name in package.names, f"{lang}: {name} is not at the package's root"
    assert package.manifest.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert package.manifest.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"


def test_the_schemas_refuse_a_manifest_that_breaks_them(site):
    """The validation can fail: a SCO without its scormtype, a mastery score too long, an unknown element."""
    manifest = open_package(site, LANGS[0]).manifest
    broken = etree.fromstring(etree.tostring(manifest))
    broken.find(".//adlcp:masteryscore", NS).text = "7" * 201
    assert any("masteryscore" in p for p in schema_problems(etree.tostring(broken)))
    broken = etree.fromstring(etree.tostring(manifest))
    etree.SubElement(broken.find("cp:organizations/cp:organization", NS), f"{{{NS['cp']}}}chapter")
    assert schema_problems(etree.tostring(broken))
    broken = etree.fromstring(etree.tostring(manifest))
    broken.find("cp:resources/cp:resource", NS).set(SCORMTYPE, "lesson")
    assert schema_problems(etree.tostring(broken))


@pytest.mark.parametrize("lang", LANGS)
def test_the_metadata_give_the_title_and_the_language(site, lang):
    package = open_package(site, lang)
    words = load_strings(lang)
    general = package.manifest.find("cp:metadata/md:lom/md:general", NS)
    title = general.find("md:title/md:langstring", NS)
    assert (title.text, title.get(XML_LANG)) == (words["site_name"], lang)
    assert general.findtext("md:language", namespaces=NS) == lang
    description = general.find("md:description/md:langstring", NS)
    assert (description.text, description.get(XML_LANG)) == (words["site_description"], lang)
    assert package.manifest.findtext("cp:organizations/cp:organization/cp:title", namespaces=NS) == words["site_name"]


@pytest.mark.parametrize("lang", LANGS)
def test_one_sco_per_unit_in_the_order_of_nav_grouped_by_part(site, lang):
    package = open_package(site, lang)
    root = language_root(lang, default_language())
    words = load_strings(lang)
    parts = package.manifest.xpath("//cp:organization/cp:item", namespaces=NS)
    expected = units_by_part()
    assert [p.findtext("cp:title", namespaces=NS) for p in parts] == [words["nav"][key] for key, _ in expected]
    for part in parts:
        assert part.get("identifierref") is None, "a part is a group of units, not something to launch"
    assert [sco.unit for sco in package.scos] == [unit for _, units in expected for unit in units]
    for sco in package.scos:
        assert sco.href == f"{root}{sco.unit}.html"
        assert sco.parameters == f"?sco={sco.unit}"
        assert sco.mastery_score == str(MASTERY_SCORE)
        assert sco.title == h1(package.text(sco.href)), f"{lang}: {sco.unit}'s title is not its page's"
        resource = package.manifest.xpath(f"//cp:resource[@href='{sco.href}']", namespaces=NS)[0]
        assert resource.get(SCORMTYPE) == "sco"
    assert not any(sco.unit.startswith("trainer/") for sco in package.scos), "the trainers' pages are not SCOs"
    assert f"{root}trainer/guidelines.html" in package.names, "the trainers' pages are in the package"


@pytest.mark.parametrize("lang", LANGS)
def test_every_file_is_listed_once_and_every_listed_file_exists(site, lang):
    package = open_package(site, lang)
    listed = package.listed
    twice = sorted({f for f in listed if listed.count(f) > 1})
    assert not twice, f"{lang}: listed in more than one resource: {twice}"
    assert set(listed) - set(package.names) == set(), f"{lang}: listed but not in the zip"
    assert set(package.names) - set(listed) - CONTROL_FILES == set(), f"{lang}: in the zip but not listed"
    assert len(package.names) == len(set(package.names))


@pytest.mark.parametrize("lang", LANGS)
def test_every_file_a_sco_loads_is_in_its_resources(site, lang):
    """What the page names (scripts, styles, pictures, the search worker) and what its styles load;
    tests/test_browser_scorm.py checks the requests a SCO really makes."""
    package = open_package(site, lang)
    for sco in package.scos:
        todo = page_references(package.text(sco.href), sco.href)
        seen: set[str] = set()
        while todo:
            path = todo.pop()
            if path in seen:
                continue
            seen.add(path)
            assert path in sco.files, f"{lang}: {sco.unit} loads {path}, which its resources do not list"
            if path.endswith(".css"):
                css = package.text(path)
                for ref in re.findall(r"""url\(\s*['"]?([^'")]+)""", css):
                    if not ref.startswith("data:"):
                        todo.add(posixpath.normpath(posixpath.join(posixpath.dirname(path), ref.split("#")[0])))


@pytest.mark.parametrize("lang", LANGS)
def test_a_package_holds_one_language_no_service_worker_and_loads_nothing_from_elsewhere(site, lang):
    package = open_package(site, lang)
    root = language_root(lang, default_language())
    others = [language_root(other, default_language()) for other in LANGS if other != lang]
    for name in package.names:
        assert posixpath.basename(name) not in NOT_IN_A_PACKAGE, f"{lang}: {name} is in the package"
        assert not any(other and name.startswith(other) for other in others), f"{lang}: {name} is another language's"
        assert name in CONTROL_FILES or name.startswith((root, "assets/")), name
    for name, soup in package.pages.items():
        assert not list(external_loads(soup)), f"{lang}: {name} loads from another host"
        assert "serviceWorker" not in package.text(name)
        assert soup.select_one("meta[http-equiv='Content-Security-Policy']"), f"{name} lost its CSP"
        assert not soup.select("a[hreflang]"), f"{lang}: {name} still has the language switcher"
        assert not soup.select("#offline-copy, .course-offline, link[rel='manifest']"), name
    for name in (n for n in package.names if n.endswith((".js", ".css"))):
        assert "serviceWorker.register" not in package.text(name), f"{lang}: {name} registers a service worker"


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_inside_the_package_leads_to_a_file_of_the_package(site, lang):
    package = open_package(site, lang)
    names = set(package.names)
    for name, soup in package.pages.items():
        for link in soup.select("a[href]"):
            href = link["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("#", "//")):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), parts.path))
            assert target in names, f"{lang}: {name} links to {href}, which the package lacks"


@pytest.mark.parametrize("lang", LANGS)
def test_a_units_page_carries_the_reporting_script_and_the_notice_in_its_language(site, lang):
    package = open_package(site, lang)
    words = load_strings(lang)["scorm"]
    sco_pages = {sco.href for sco in package.scos}
    for name, soup in package.pages.items():
        scripts = [posixpath.basename(s["src"]) for s in soup.select("script[src]")]
        if name not in sco_pages:
            assert "scorm.js" not in scripts and not soup.select(".scorm-notice"), name
            continue
        assert scripts.index("scorm.js") == scripts.index("course.js") + 1, f"{name}: scorm.js right after course.js"
        notice = soup.select_one("article h1 + .scorm-notice")
        assert notice is not None and notice.has_attr("hidden"), f"{name}: the notice under the title, hidden"
        text = notice.get_text(" ", strip=True)
        for key in ("notice_title", "notice_sent", "notice_kept"):
            assert words[key] in text


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_of_a_package_says_that_nothing_is_sent(site, lang):
    """The home page's progress overview is not a unit and reports nothing, but inside a learning
    platform the units do: it says so, in the language, instead of "Nothing is sent anywhere"."""
    package = open_package(site, lang)
    words = load_strings(lang)
    panels = [
        (name, panel.get_text(" ", strip=True))
        for name, soup in package.pages.items()
        for panel in soup.select(".course-progress")
        if panel.get("id") == "course-progress-course"
    ]
    assert panels, "no progress overview in the package"
    for name, text in panels:
        assert words["progress"]["stored_here"] not in text, f"{name}: {text}"
        assert words["scorm"]["progress_outside_units"] in text, f"{name}: {text}"


def test_the_package_is_the_same_bytes_when_made_again(site, tmp_path):
    """Reproducible, like the offline zip: the same site and SOURCE_DATE_EPOCH give the same zip."""
    lang = LANGS[-1]
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("*.zip", "*.pdf"))
    for pdf in site.rglob("*.pdf"):
        target = copy / pdf.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(pdf)
    assert make_package(copy, lang).read_bytes() == (site / zip_path(lang)).read_bytes()


@pytest.mark.parametrize("lang", LANGS)
def test_the_trainers_page_links_to_every_package_its_own_language_first(site, lang):
    page = f"{language_root(lang, default_language())}trainer/learning-platform.html"
    links = parse(site / page).select(".scorm-packages a[href]")
    targets = [resolve(site, page, a["href"])[0].as_posix() for a in links]
    assert targets[0] == zip_path(lang)
    assert sorted(targets) == sorted(zip_path(code) for code in LANGS)
    for target in targets:
        assert (site / target).is_file(), target


def test_the_offline_zip_leaves_the_scorm_packages_out(site):
    import zipfile

    with zipfile.ZipFile(site / ZIP_PATH) as packed:
        assert not [n for n in packed.namelist() if n.endswith("-scorm12.zip")]
