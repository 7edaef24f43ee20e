"""Which Debian font packages the book needs for a language, and what to install
when a character cannot be printed.

Debian's fonts-noto-core and fonts-noto-mono (scripts/system-packages.txt, always
installed) hold the Noto faces of Latin, Greek, Cyrillic, Arabic, Hebrew, the
Indic scripts, Thai, Lao, Khmer, Burmese, Ethiopic, Georgian, Armenian and many
more. Han (Chinese), Japanese and Hangul are in fonts-noto-cjk, 57 MB to download
and 91 MB installed: scripts/setup.sh installs it only for a language of
mkdocs.yml written in them (scripts/font_packages.py), or when the tests ask for
every script. print-book.css names the faces.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class FontPackage:
    name: str  # the Debian package
    prints: str  # what it prints, said for people
    family: str  # a family fontconfig lists once it is installed
    languages: frozenset[str]  # languages written in its scripts (ISO 639-1)
    scripts: frozenset[str]  # script subtags that need it, in lower case ('hant' of zh-Hant)
    ranges: tuple[tuple[int, int], ...]  # the code points it is installed for

    def holds(self, character: str) -> bool:
        point = ord(character)
        return any(low <= point <= high for low, high in self.ranges)


CJK = FontPackage(
    name="fonts-noto-cjk",
    prints="Han (Chinese), Japanese and Hangul (Korean)",
    family="Noto Sans CJK JP",
    languages=frozenset({"zh", "ja", "ko"}),
    scripts=frozenset({"hani", "hans", "hant", "jpan", "hira", "kana", "kore", "hang", "bopo"}),
    ranges=(
        (0x1100, 0x11FF),  # Hangul Jamo
        (0x2E80, 0x2FDF),  # CJK and Kangxi radicals
        (0x3000, 0x303F),  # CJK symbols and punctuation (、。「」)
        (0x3040, 0x31FF),  # Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, strokes
        (0x3200, 0x33FF),  # enclosed and compatibility CJK
        (0x3400, 0x4DBF),  # Han, extension A
        (0x4E00, 0x9FFF),  # Han
        (0xA960, 0xA97F),  # Hangul Jamo extended A
        (0xAC00, 0xD7FF),  # Hangul syllables, Jamo extended B
        (0xF900, 0xFAFF),  # Han compatibility ideographs
        (0xFE30, 0xFE4F),  # CJK compatibility forms
        (0xFF00, 0xFFEF),  # half-width and full-width forms
        (0x20000, 0x3134F),  # Han, extensions B to G
    ),
)
# The packages beyond scripts/system-packages.txt, each installed only where it is needed.
PACKAGES = (CJK,)


def _subtags(code: str) -> tuple[str, set[str]]:
    """'zh-Hant-TW' -> ('zh', {'hant', 'tw'})."""
    parts = code.replace("_", "-").lower().split("-")
    return parts[0], set(parts[1:])


def needed_by(code: str) -> list[FontPackage]:
    """The font packages a language of the site needs, beyond those every build has."""
    base, subtags = _subtags(code)
    return [p for p in PACKAGES if base in p.languages or subtags & p.scripts]


def packages_for(codes: Iterable[str]) -> list[FontPackage]:
    found: list[FontPackage] = []
    for code in codes:
        found += [p for p in needed_by(code) if p not in found]
    return found


def package_for(character: str) -> FontPackage | None:
    return next((p for p in PACKAGES if p.holds(character)), None)


def is_installed(package: FontPackage) -> bool:
    """Whether fontconfig lists the package's fonts (what WeasyPrint finds them through)."""
    if not shutil.which("fc-list"):
        return False
    listed = subprocess.run(["fc-list", package.family, "family"], capture_output=True, text=True)
    return bool(listed.stdout.strip())


def install_command(packages: Iterable[FontPackage]) -> str:
    return "sudo apt-get install --no-install-recommends " + " ".join(p.name for p in packages)


def describe(characters: Iterable[str], limit: int = 6) -> str:
    """ "'🫶' (U+1FAF6 HEART HANDS)": characters named, for those that show as nothing or as a box."""
    shown = sorted(set(characters))
    named = [f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in shown[:limit]]
    more = f" and {len(shown) - limit} more" if len(shown) > limit else ""
    return ", ".join(named) + more


def how_to_print(characters: set[str]) -> str:
    """What makes these characters printable: the command that installs their fonts, or, for
    characters no font of the book's families has (an emoji, a script Noto lacks), another character."""
    missing = [p for p in PACKAGES if any(p.holds(c) for c in characters) and not is_installed(p)]
    others = {c for c in characters if package_for(c) not in missing}
    lines = [
        f"install the fonts of {p.prints}, which print {describe(c for c in characters if p.holds(c))}: "
        f"`{install_command([p])}` (`bash scripts/setup.sh` does it when a language of mkdocs.yml needs them)"
        for p in missing
    ]
    if others:
        lines.append(
            f"no font of the book has {describe(others)}: write another character (an emoji or a symbol "
            "in words), or, for a script Noto lacks, see TRANSLATING.md, 'A language in another script'"
        )
    return "\n".join(f"  How to fix: {line}" for line in lines)
