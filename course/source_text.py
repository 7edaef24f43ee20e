"""Reading the course's text files as people save them: a page, a strings file.

Every file must be UTF-8. A file saved in another encoding (UTF-16 from
Notepad, Latin-1 or Windows-1252 from an older editor) is refused with the
line of the first character that is not UTF-8 and how to save it again. A
UTF-8 byte-order mark, which some editors write, is harmless and dropped. An
empty page is refused: it is usually a file saved by mistake.

Files are read once per change: the text is kept with the file's size and
modification time, so a build with many languages (or `mkdocs serve`, which
rebuilds on every save) reads each file once, not once per language or page.
"""
from __future__ import annotations

import codecs
import os
from pathlib import Path

import yaml

from course.errors import ContentError

RESAVE = ("open it in your editor and save it again as UTF-8 "
          "(\"Save as\" > Encoding: UTF-8; in Notepad: UTF-8, not UTF-16 / \"Unicode\")")

_cache: dict[Path, tuple[tuple[int, int], str]] = {}
# libyaml's loader when PyYAML has it (its wheels do): the same results, several times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    return yaml.load(text, Loader=YAML_LOADER)


def compose_yaml(text: str):
    return yaml.compose(text, Loader=YAML_LOADER)


def stamp(path: Path) -> tuple[int, int]:
    """What changes when a file is saved: its modification time and size."""
    info = os.stat(path)
    return info.st_mtime_ns, info.st_size


def read_text(path: Path | str, *, what: str = "page") -> str:
    """The file's text, with Unix line ends; a ContentError names the line of a byte that is not UTF-8."""
    path = Path(path)
    key = path.resolve()
    current = stamp(path)
    cached = _cache.get(key)
    if cached and cached[0] == current:
        return cached[1]
    text = decode(path.read_bytes(), path, what)
    _cache[key] = (current, text)
    return text


def decode(data: bytes, path: Path, what: str = "page") -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_like_utf16(data):
        raise ContentError(path, f"this {what} is saved as UTF-16, not UTF-8", RESAVE, line=1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise ContentError(path, f"this {what} is not UTF-8: byte 0x{data[err.start]:02x} on this line is not a UTF-8 "
                                 "character (the file was probably saved as Latin-1 or Windows-1252)", RESAVE,
                           line=line) from None
    if "\x00" in text:
        raise ContentError(path, f"this {what} holds NUL characters: it is not a text file", RESAVE,
                           line=text[:text.index("\x00")].count("\n") + 1)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of ASCII text is a NUL."""
    sample = data[:200]
    return len(sample) >= 4 and sample.count(b"\x00") * 3 >= len(sample)


def clear_cache() -> None:
    _cache.clear()
