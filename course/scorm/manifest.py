"""A package's `imsmanifest.xml` (SCORM 1.2, IMS Content Packaging 1.1.2).

- metadata: the course's title and description in the package's language
  (`xml:lang` on each `langstring`, the one place the schemas allow it) and the
  language itself;
- one organization: an item per part of `nav:`, holding an item per unit, each
  launching that unit's SCO with `?sco=<unit>` (the `parameters` an LMS adds to
  the launch address: scorm.js reports only from the page the LMS launched) and
  carrying the mastery score;
- resources: a SCO per unit (its page and the files only it loads), the files
  several pages share (an asset every SCO depends on), and the rest of the
  package (the other pages, the PDFs) as one asset, so that every file of the
  package is listed once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from lxml.etree._docloader import _InputDocument

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
MD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
# The control documents the manifest names, shipped at the package's root (course/scorm/schemas/).
SCHEMA_FILES = {CP: "imscp_rootv1p1p2.xsd", MD: "imsmd_rootv1p2p1.xsd", ADLCP: "adlcp_rootv1p2.xsd"}
SCHEMA_SUPPORT = ("ims_xml.xsd",)  # imported by the others
TITLE_LIMIT = 200  # characters of an item's <title> (imscp_rootv1p1p2.xsd)
SCHEMAS = Path(__file__).resolve().parent / "schemas"
# libxml2 (lxml) refuses two things of ADL's files that other validators let pass; the files are
# shipped as ADL published them, and only the validator reads them with these two changes:
# - ims_xml.xsd makes the xml namespace its default one, which libxml2 forbids (it declares the
#   xml: attributes all the same);
# - IMS MD's `grp.any` takes an element of any namespace after optional elements of its own, which
#   breaks the Unique Particle Attribution rule libxml2 enforces; `##other` is what IMS CP's own
#   `grp.any` says (and the manifest puts no foreign element there).
LIBXML2_READINGS = {
    "ims_xml.xsd": ('xmlns="http://www.w3.org/XML/1998/namespace"', ""),
    "imsmd_rootv1p2p1.xsd": ('namespace="##any"', 'namespace="##other"'),
}
SHARED = "shared-files"
OTHER = "other-files"


@dataclass
class Sco:
    """A unit: its key (`what-is-peer-support`, `part/unit`), title, page and the files only it loads."""

    unit: str
    title: str
    href: str  # from the package's root
    files: list[str] = field(default_factory=list)

    @property
    def identifier(self) -> str:
        return "unit-" + _id_part(self.unit)


@dataclass
class Part:
    key: str  # the `nav:` section's key, `part-1`
    title: str
    scos: list[Sco]


@dataclass
class Manifest:
    identifier: str
    lang: str
    title: str
    description: str
    version: str
    mastery_score: int
    parts: list[Part]
    shared: list[str]  # files several pages load: every SCO depends on them
    other: list[str]  # the rest of the package: other pages, their files, the PDFs


class _SchemaReader(etree.Resolver):
    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> _InputDocument | None:
        name = (system_url or "").rsplit("/", 1)[-1]
        if name not in LIBXML2_READINGS:
            return None
        text = (SCHEMAS / name).read_text(encoding="utf-8")
        old, new = LIBXML2_READINGS[name]
        return self.resolve_string(text.replace(old, new), context, base_url=(SCHEMAS / name).as_uri())


@cache
def schema() -> etree.XMLSchema:
    """SCORM 1.2's three schemas at once (course/scorm/schemas/README.md)."""
    parser = etree.XMLParser()
    parser.resolvers.add(_SchemaReader())
    imports = "".join(f'<xs:import namespace="{ns}" schemaLocation="{file}"/>' for ns, file in SCHEMA_FILES.items())
    wrapper = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), parser, base_url=SCHEMAS.as_uri() + "/"))


def schema_problems(xml: bytes) -> list[str]:
    """What the schemas find wrong in a manifest: one line per problem, none for a valid one."""
    validator = schema()
    if validator.validate(etree.fromstring(xml)):
        return []
    return [f"line {error.line}: {error.message}" for error in validator.error_log]


def _id_part(text: str) -> str:
    """A fragment of an xsd:ID (letters, digits, '-', '_', '.'): 'trainer/guide' -> 'trainer-guide'."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text)


def _title(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_LIMIT else text[: TITLE_LIMIT - 1] + "…"


def _sub(parent: etree._Element, ns: str, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ns}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def _langstring(parent: etree._Element, tag: str, text: str, lang: str) -> None:
    holder = _sub(parent, MD, tag)
    _sub(holder, MD, "langstring", text).set(f"{{{XML}}}lang", lang)


def _files(resource: etree._Element, files: Iterable[str]) -> None:
    for path in files:
        _sub(resource, CP, "file", href=path)


def manifest_xml(manifest: Manifest) -> bytes:
    """The manifest as UTF-8 bytes, the same bytes for the same manifest."""
    root = etree.Element(
        f"{{{CP}}}manifest",
        {"identifier": manifest.identifier, "version": manifest.version},
        nsmap={None: CP, "adlcp": ADLCP, "xsi": XSI},
    )
    root.set(f"{{{XSI}}}schemaLocation", " ".join(f"{ns} {file}" for ns, file in SCHEMA_FILES.items()))

    metadata = _sub(root, CP, "metadata")
    _sub(metadata, CP, "schema", "ADL SCORM")
    _sub(metadata, CP, "schemaversion", "1.2")
    lom = etree.SubElement(metadata, f"{{{MD}}}lom", nsmap={"imsmd": MD})
    general = _sub(lom, MD, "general")
    _langstring(general, "title", manifest.title, manifest.lang)
    _sub(general, MD, "language", manifest.lang)
    _langstring(general, "description", manifest.description, manifest.lang)
    lifecycle = _sub(lom, MD, "lifecycle")
    _langstring(lifecycle, "version", manifest.version, manifest.lang)
    technical = _sub(lom, MD, "technical")
    _sub(technical, MD, "format", "text/html")
    educational = _sub(lom, MD, "educational")
    _sub(educational, MD, "language", manifest.lang)

    organizations = _sub(root, CP, "organizations", default="course")
    organization = _sub(organizations, CP, "organization", identifier="course")
    _sub(organization, CP, "title", _title(manifest.title))
    for part in manifest.parts:
        part_item = _sub(organization, CP, "item", identifier="part-" + _id_part(part.key.removeprefix("part-")))
        _sub(part_item, CP, "title", _title(part.title))
        for sco in part.scos:
            item = _sub(
                part_item,
                CP,
                "item",
                identifier=sco.identifier,
                identifierref="sco-" + sco.identifier,
                parameters=f"?sco={sco.unit}",
            )
            _sub(item, CP, "title", _title(sco.title))
            _sub(item, ADLCP, "masteryscore", str(manifest.mastery_score))

    resources = _sub(root, CP, "resources")
    for part in manifest.parts:
        for sco in part.scos:
            resource = _sub(
                resources,
                CP,
                "resource",
                identifier="sco-" + sco.identifier,
                type="webcontent",
                href=sco.href,
            )
            resource.set(f"{{{ADLCP}}}scormtype", "sco")
            _files(resource, [sco.href, *sco.files])
            _sub(resource, CP, "dependency", identifierref=SHARED)
    for identifier, files in ((SHARED, manifest.shared), (OTHER, manifest.other)):
        resource = _sub(resources, CP, "resource", identifier=identifier, type="webcontent")
        resource.set(f"{{{ADLCP}}}scormtype", "asset")
        _files(resource, files)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
