"""What a made PDF holds, read back with pypdf and fontTools: its fonts (are
they embedded? are they the book's fonts?) and the characters it shows
without a glyph (a missing glyph prints as an empty box).

How a missing glyph is found: WeasyPrint writes, for each font, a ToUnicode
map from the glyphs it used to the characters they stand for. A character in
it that the font itself (the installed font file the PDF's font was made
from, found through fontconfig) has no glyph for was drawn with the font's
"missing glyph". The font file, not the subset embedded in the PDF: in a
script whose letters change shape (Arabic), the subset keeps only the shapes
used, and its own character map would not list the letters. A character no
font of the book has would instead be drawn with some other font of the
machine: that shows as a font that is not the book's.
"""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, cast

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
SYNTHESIZED_STYLE = re.compile(r"-(?:Oblique|Italic)$")
BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
PAIR = re.compile(rb"<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>")
TRIPLE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")


@dataclass
class PdfFont:
    name: str  # BaseFont without the subset tag: 'Noto-Serif-Bold'
    subtype: str
    embedded: bool
    characters: set[str] = field(default_factory=set)  # what its glyphs stand for (ToUnicode), one by one
    covered: set[int] | None = None  # the code points the embedded font has glyphs for

    def family_matches(self, families: Sequence[str]) -> bool:
        plain = self.name.replace("-", " ")
        return any(plain == f or plain.startswith(f + " ") for f in families)

    @property
    def missing(self) -> set[str]:
        if self.covered is None:
            return set()
        return {c for c in self.characters if len(c) == 1 and ord(c) not in self.covered and not c.isspace()}


def _resolve(obj: object) -> Any:
    """The object `obj` refers to, or `obj` itself. What a PDF holds is known only when it is read:
    pypdf types a dictionary's values, and so what they refer to, as Any."""
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _font_dicts(resources: object, seen: set[object]) -> list[DictionaryObject]:
    found: list[DictionaryObject] = []
    resources = _resolve(resources)
    if not isinstance(resources, DictionaryObject):
        return found
    fonts = _resolve(resources.get("/Font")) or {}
    for ref in fonts.values():
        key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
        if key not in seen:
            seen.add(key)
            found.append(_resolve(ref))
    xobjects = _resolve(resources.get("/XObject")) or {}
    for ref in xobjects.values():
        xobject = _resolve(ref)
        key = ref.idnum if isinstance(ref, IndirectObject) else id(xobject)
        if ("/Resources" in xobject) and ("x", key) not in seen:
            seen.add(("x", key))
            found.extend(_font_dicts(xobject["/Resources"], seen))
    for pattern in (_resolve(resources.get("/Pattern")) or {}).values():
        pattern = _resolve(pattern)
        if "/Resources" in pattern:
            found.extend(_font_dicts(pattern["/Resources"], seen))
    return found


def _to_unicode(font: DictionaryObject) -> set[str]:
    if "/ToUnicode" not in font:
        return set()
    data = _resolve(font["/ToUnicode"]).get_data()
    chars: set[str] = set()
    for block in BFCHAR.findall(data):
        for _, target in PAIR.findall(block):  # a glyph -> the character(s) it stands for ('' for none)
            chars.update(bytes.fromhex(target.decode()).decode("utf-16-be", "replace"))
    for block in BFRANGE.findall(data):
        for start, end, first in TRIPLE.findall(block):
            count = int(end, 16) - int(start, 16)
            base = bytes.fromhex(first.decode()).decode("utf-16-be", "replace")
            if len(base) == 1:
                chars.update(chr(ord(base) + i) for i in range(count + 1))
    return chars


def _font(font: DictionaryObject) -> PdfFont:
    subtype = str(font.get("/Subtype"))
    name = SUBSET_PREFIX.sub("", str(font.get("/BaseFont", "")).lstrip("/"))
    if subtype == "/Type3":
        return PdfFont(name or "Type3", subtype, embedded=True, characters=_to_unicode(font))
    # A composite (Type0) font: its one descendant font, in an array (PDF 9.7.1).
    described = _resolve(cast(ArrayObject, font["/DescendantFonts"])[0]) if "/DescendantFonts" in font else font
    descriptor = _resolve(described.get("/FontDescriptor")) or {}
    files = [key for key in ("/FontFile", "/FontFile2", "/FontFile3") if key in descriptor]
    pdf_font = PdfFont(name, subtype, embedded=bool(files), characters=_to_unicode(font))
    # A style the font has no file for (Arabic has no italic) is drawn slanted from the upright
    # file, which WeasyPrint names '…-Oblique': that file's glyphs are the font's.
    installed = installed_fonts().get(name) or installed_fonts().get(SYNTHESIZED_STYLE.sub("", name))
    if installed:
        pdf_font.covered = _coverage(installed)
    elif files:  # not installed here (a PDF from elsewhere): the embedded subset is all there is
        try:
            program = TTFont(io.BytesIO(_resolve(descriptor[files[0]]).get_data()))
            cmap = program.getBestCmap() if "cmap" in program else None
            pdf_font.covered = set(cmap) if cmap else None
        except Exception:  # a CFF or Type 1 program fontTools cannot open alone: nothing to compare with
            pdf_font.covered = None
    return pdf_font


@cache
def installed_fonts() -> dict[str, str]:
    """The machine's fonts by the name WeasyPrint gives them in a PDF: 'Noto-Sans-Arabic-Bold' ->
    '/usr/share/fonts/…/NotoSansArabic-Bold.ttf' (family and style, spaces made hyphens)."""
    try:
        listing = subprocess.run(
            ["fc-list", "--format", "%{family[0]}|%{style[0]}|%{file}\n"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    found: dict[str, str] = {}
    for line in listing.splitlines():
        family, style, file = ([*line.split("|"), "", ""])[:3]
        name = family.replace(" ", "-") + ("" if style in ("Regular", "Book", "") else "-" + style.replace(" ", "-"))
        found.setdefault(name, file)
    return found


@cache
def _coverage(file: str) -> set[int] | None:
    try:
        font = TTFont(file, fontNumber=0, lazy=True)
        cmap = font.getBestCmap()
        return set(cmap) if cmap else None
    except Exception:
        return None


def fonts(pdf: Path | PdfReader) -> list[PdfFont]:
    """Every font the PDF uses, on every page."""
    reader = pdf if isinstance(pdf, PdfReader) else PdfReader(str(pdf))
    seen: set[object] = set()
    found: list[PdfFont] = []
    for page in reader.pages:
        found.extend(_font(f) for f in _font_dicts(page.get("/Resources"), seen))
    return found


def _fonts_of(pdf: Path | PdfReader | list[PdfFont]) -> list[PdfFont]:
    """The fonts of a PDF, or those already read from it (a long PDF takes seconds to read)."""
    return pdf if isinstance(pdf, list) else fonts(pdf)


def unprintable(pdf: Path | PdfReader | list[PdfFont], families: Sequence[str]) -> set[str]:
    """The characters the book's fonts could not print: drawn with a missing glyph, or with a
    font that is not one of `families` (the machine's fallback for a character they lack)."""
    found: set[str] = set()
    for font in _fonts_of(pdf):
        found |= font.missing
        if not font.family_matches(families):
            found |= {c for c in font.characters if len(c) == 1 and not c.isspace()}
    return found


def problems(pdf: Path | PdfReader | list[PdfFont], families: Sequence[str]) -> list[str]:
    """What makes the PDF print differently elsewhere or print an empty box:
    a font not embedded, a font that is not one of `families`, a missing glyph."""
    found = []
    for font in _fonts_of(pdf):
        if not font.embedded:
            found.append(f"the font {font.name} is not embedded")
        if not font.family_matches(families):
            found.append(
                f"{_some(font.characters)} printed with {font.name}, which is not one of the "
                f"book's fonts ({', '.join(families)}): no font of the book has these characters "
                "(TRANSLATING.md, 'A language in another script')"
            )
        if font.missing:
            found.append(f"the font {font.name} has no glyph for {_some(font.missing)}")
    return found


def _some(characters: set[str], limit: int = 24) -> str:
    """'日本語…' and how many more: a whole script's worth of characters would fill the screen."""
    shown = "".join(sorted(characters))
    return repr(shown[:limit]) + (f" and {len(shown) - limit} more" if len(shown) > limit else "")


# ---- the PDF's structure tags (PDF/UA) ------------------------------------------------------


@dataclass
class Structure:
    tagged: bool  # a structure tree, and MarkInfo /Marked true
    lang: str  # the document's language (/Lang)
    title: str  # shown as the window title (DisplayDocTitle)
    ua_part: str | None  # pdfuaid:part in the XMP metadata
    tags: dict[str, int] = field(default_factory=dict)  # structure type -> count
    figure_alts: list[str | None] = field(default_factory=list)  # each Figure's /Alt
    passage_langs: dict[str, int] = field(default_factory=dict)  # /Lang on structure elements
    bookmarks: int = 0


def structure(pdf: Path | PdfReader) -> Structure:
    """What a screen reader gets from the PDF: its tags, language, title, pictures' text, bookmarks."""
    reader = pdf if isinstance(pdf, PdfReader) else PdfReader(str(pdf))
    root = cast(DictionaryObject, reader.trailer["/Root"])  # the document's catalog: a dictionary (PDF 7.7.2)
    marked = bool((_resolve(root.get("/MarkInfo")) or {}).get("/Marked"))
    xmp = _resolve(root.get("/Metadata"))
    metadata = xmp.get_data().decode("utf-8", "replace") if xmp is not None else ""
    part = re.search(r"pdfuaid:part(?:>|=\")(\d)", metadata)
    info: Mapping[str, object] = reader.metadata or {}
    found = Structure(
        tagged=marked and "/StructTreeRoot" in root,
        lang=str(root.get("/Lang", "")),
        title=str(info.get("/Title", "")),
        ua_part=part.group(1) if part else None,
        bookmarks=len(reader.outline),
    )
    tags: dict[str, int] = {}
    langs: dict[str, int] = {}
    stack: list[object] = [root.get("/StructTreeRoot")] if "/StructTreeRoot" in root else []
    while stack:
        node = _resolve(stack.pop())
        if isinstance(node, list) or type(node).__name__ == "ArrayObject":
            stack.extend(node)
            continue
        if not isinstance(node, DictionaryObject):
            continue
        kind = node.get("/S")
        if kind is not None:
            tags[str(kind)[1:]] = tags.get(str(kind)[1:], 0) + 1
            if kind == "/Figure":
                found.figure_alts.append(str(node["/Alt"]) if "/Alt" in node else None)
            if "/Lang" in node:
                langs[str(node["/Lang"])] = langs.get(str(node["/Lang"]), 0) + 1
        children = node.get("/K")
        if children is not None:
            stack.append(children)
    found.tags, found.passage_langs = tags, langs
    return found
