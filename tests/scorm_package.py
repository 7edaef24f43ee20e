"""A language's SCORM package as the tests read it: the zip the build wrote and
what its imsmanifest.xml says, read with lxml, not with the code that wrote it."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bs4 import BeautifulSoup
from lxml import etree

from course.scorm.package import zip_path

NS = {
    "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "md": "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCORMTYPE = f"{{{NS['adlcp']}}}scormtype"


@dataclass
class ScoItem:
    part: str  # the part's item identifier
    identifier: str
    title: str
    href: str  # the launch page, from the package's root
    parameters: str
    mastery_score: str
    files: set[str]  # its resource's files and those of the resources it depends on

    @property
    def unit(self) -> str:
        return self.parameters.removeprefix("?sco=")


@dataclass
class Package:
    lang: str
    path: Path

    @cached_property
    def archive(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(self.path)

    @cached_property
    def names(self) -> list[str]:
        return self.archive.namelist()

    def read(self, name: str) -> bytes:
        return self.archive.read(name)

    def text(self, name: str) -> str:
        return self.read(name).decode("utf-8")

    @cached_property
    def pages(self) -> dict[str, BeautifulSoup]:
        """Every HTML page of the package, parsed once for all the tests."""
        return {name: BeautifulSoup(self.text(name), "lxml") for name in self.names if name.endswith(".html")}

    @cached_property
    def manifest_bytes(self) -> bytes:
        return self.read("imsmanifest.xml")

    @cached_property
    def manifest(self) -> etree._Element:
        return etree.fromstring(self.manifest_bytes)

    def resource_files(self, identifier: str, seen: frozenset[str] = frozenset()) -> set[str]:
        resource = self.manifest.xpath(f"//cp:resource[@identifier='{identifier}']", namespaces=NS)[0]
        files = {f.get("href") for f in resource.xpath("cp:file", namespaces=NS)}
        for dependency in resource.xpath("cp:dependency/@identifierref", namespaces=NS):
            if dependency not in seen:
                files |= self.resource_files(dependency, seen | {identifier})
        return files

    @cached_property
    def scos(self) -> list[ScoItem]:
        found = []
        for part in self.manifest.xpath("//cp:organization/cp:item", namespaces=NS):
            for item in part.xpath("cp:item", namespaces=NS):
                ref = item.get("identifierref")
                resource = self.manifest.xpath(f"//cp:resource[@identifier='{ref}']", namespaces=NS)[0]
                found.append(
                    ScoItem(
                        part=part.get("identifier"),
                        identifier=item.get("identifier"),
                        title=item.findtext("cp:title", namespaces=NS),
                        href=resource.get("href"),
                        parameters=item.get("parameters") or "",
                        mastery_score=item.findtext("adlcp:masteryscore", namespaces=NS),
                        files=self.resource_files(ref),
                    )
                )
        return found

    @cached_property
    def listed(self) -> list[str]:
        """Every file the manifest lists, in every resource (a file listed twice appears twice)."""
        return list(self.manifest.xpath("//cp:resource/cp:file/@href", namespaces=NS))


_opened: dict[tuple[Path, str], Package] = {}


def open_package(site: Path, lang: str) -> Package:
    """The package, read once per test process."""
    return _opened.setdefault((site, lang), Package(lang, site / zip_path(lang)))
