"""What a made PDF holds, read back with pypdf and fontTools: its fonts (are
they embedded? are they the book's fonts?) and the characters it shows
without a glyph (a missing glyph prints as an empty box).

How a missing glyph is found: WeasyPrint writes, for each font, a ToUnicode
map from the glyphs it used to the characters they stand for, and embeds a
subset of the font whose own `cmap` lists the characters it has glyphs for.
A character in the first and not in the second was drawn with the font's
"missing glyph". A character no font of the book has would instead be drawn
with some other font of the machine: that shows as a font that is not the
book's.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


@dataclass
class PdfFont:
    name: str                         # BaseFont without the subset tag: 'Noto-Serif-Bold'
    subtype: str
    embedded: bool
    characters: set[str] = field(default_factory=set)      # what its glyphs stand for (ToUnicode)
    covered: set[int] | None = None   # the code points the embedded font has glyphs for

    def family_matches(self, families) -> bool:
        plain = self.name.replace("-", " ")
        return any(plain == f or plain.startswith(f + " ") for f in families)

    @property
    def missing(self) -> set[str]:
        if self.covered is None:
            return set()
        return {c for c in self.characters if len(c) == 1 and ord(c) not in self.covered and not c.isspace()}


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _font_dicts(resources, seen: set) -> list:
    found = []
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


def _to_unicode(font) -> set[str]:
    if "/ToUnicode" not in font:
        return set()
    data = _resolve(font["/ToUnicode"]).get_data()
    chars = set()
    for block in BFCHAR.findall(data):
        values = HEX.findall(block)
        for target in values[1::2]:
            chars.add(bytes.fromhex(target.decode()).decode("utf-16-be", "replace"))
    for block in BFRANGE.findall(data):
        values = HEX.findall(block)
        for start, end, first in zip(values[0::3], values[1::3], values[2::3]):
            count = int(end, 16) - int(start, 16)
            base = bytes.fromhex(first.decode()).decode("utf-16-be", "replace")
            if len(base) == 1:
                chars.update(chr(ord(base) + i) for i in range(count + 1))
    return chars


def _font(font) -> PdfFont:
    subtype = str(font.get("/Subtype"))
    name = SUBSET_PREFIX.sub("", str(font.get("/BaseFont", "")).lstrip("/"))
    if subtype == "/Type3":
        return PdfFont(name or "Type3", subtype, embedded=True, characters=_to_unicode(font))
    described = _resolve(font["/DescendantFonts"][0]) if "/DescendantFonts" in font else font
    descriptor = _resolve(described.get("/FontDescriptor")) or {}
    files = [key for key in ("/FontFile", "/FontFile2", "/FontFile3") if key in descriptor]
    pdf_font = PdfFont(name, subtype, embedded=bool(files), characters=_to_unicode(font))
    if files:
        try:
            program = TTFont(io.BytesIO(_resolve(descriptor[files[0]]).get_data()))
            cmap = program.getBestCmap() if "cmap" in program else None
            pdf_font.covered = set(cmap) if cmap else None
        except Exception:  # a CFF or Type 1 program fontTools cannot open alone: nothing to compare with
            pdf_font.covered = None
    return pdf_font


def fonts(pdf: Path | PdfReader) -> list[PdfFont]:
    """Every font the PDF uses, on every page."""
    reader = pdf if isinstance(pdf, PdfReader) else PdfReader(str(pdf))
    seen: set = set()
    found = []
    for page in reader.pages:
        found.extend(_font(f) for f in _font_dicts(page.get("/Resources"), seen))
    return found


def unprintable(pdf: Path | PdfReader, families) -> set[str]:
    """The characters the book's fonts could not print: drawn with a missing glyph, or with a
    font that is not one of `families` (the machine's fallback for a character they lack)."""
    found = set()
    for font in fonts(pdf):
        found |= font.missing
        if not font.family_matches(families):
            found |= {c for c in font.characters if len(c) == 1 and not c.isspace()}
    return found


def problems(pdf: Path | PdfReader, families) -> list[str]:
    """What makes the PDF print differently elsewhere or print an empty box:
    a font not embedded, a font that is not one of `families`, a missing glyph."""
    found = []
    for font in fonts(pdf):
        if not font.embedded:
            found.append(f"the font {font.name} is not embedded")
        if not font.family_matches(families):
            found.append(f"the font {font.name} is not one of the book's fonts ({', '.join(families)}): "
                         f"no book font has a glyph for {''.join(sorted(font.characters))!r}, "
                         "or the book's fonts are not installed (bash scripts/setup.sh)")
        if font.missing:
            found.append(f"the font {font.name} has no glyph for {''.join(sorted(font.missing))!r}")
    return found
