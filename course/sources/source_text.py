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
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeAlias, TypeVar

import yaml

from course.errors import ContentError

RESAVE = (
    "open it in your editor and save it again as UTF-8 "
    '("Save as" > Encoding: UTF-8; in Notepad: UTF-8, not UTF-16 / "Unicode")'
)

# libyaml's loader when PyYAML has it (its wheels do): the same results, several times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The YAML document in `text`: whatever it holds (a mapping, a list, a scalar, None)."""
    return yaml.load(text, Loader=YAML_LOADER)


def compose_yaml(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=YAML_LOADER)


Stamp: TypeAlias = tuple[int, int]  # a file's modification time (ns) and size


def stamp(path: Path | str) -> Stamp:
    """What changes when a file is saved: its modification time and size."""
    info = os.stat(path)
    return info.st_mtime_ns, info.st_size


_PathT = TypeVar("_PathT", bound=Path | str)
_P = ParamSpec("_P")
_R = TypeVar("_R")
# A call's file, resolved, with its other arguments.
_CallKey: TypeAlias = tuple[Path, tuple[object, ...], tuple[tuple[str, object], ...]]

_caches: list[Callable[[], None]] = []  # how to empty each cache


def once_per_change(function: Callable[Concatenate[_PathT, _P], _R]) -> Callable[Concatenate[_PathT, _P], _R]:
    """`function(path, ...)` worked out once per change of the file at `path` (its modification time and
    size), then kept: a build with many languages reads and checks each file once, and `mkdocs serve`,
    which rebuilds on every save, only the file saved. A mistake (an exception) is not kept."""
    cache: dict[_CallKey, tuple[Stamp, _R]] = {}
    _caches.append(cache.clear)

    @functools.wraps(function)
    def wrapper(path: _PathT, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        key = (Path(path).resolve(), args, tuple(sorted(kwargs.items())))
        current = stamp(path)
        kept = cache.get(key)
        if kept and kept[0] == current:
            return kept[1]
        value = function(path, *args, **kwargs)
        cache[key] = (current, value)
        return value

    return wrapper


@once_per_change
def read_text(path: Path | str, *, what: str = "page") -> str:
    """The file's text, with Unix line ends; a ContentError names the line of a byte that is not UTF-8."""
    return decode(Path(path).read_bytes(), Path(path), what)


def decode(data: bytes, path: Path, what: str = "page") -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_like_utf16(data):
        raise ContentError(path, f"this {what} is saved as UTF-16, not UTF-8", RESAVE, line=1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ContentError(
            path,
            f"this {what} is not UTF-8: byte 0x{data[err.start]:02x} on this line is not a UTF-8 "
            "character (the file was probably saved as Latin-1 or Windows-1252)",
            RESAVE,
            line=line,
        ) from None
    if "\x00" in text:
        raise ContentError(
            path,
            f"this {what} holds NUL characters: it is not a text file",
            RESAVE,
            line=text[: text.index("\x00")].count("\n") + 1,
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of ASCII text is a NUL."""
    sample = data[:200]
    return len(sample) >= 4 and sample.count(b"\x00") * 3 >= len(sample)


def clear_caches() -> None:
    """Forget everything worked out from files (it is worked out again anyway when they change)."""
    for clear in _caches:
        clear()
