"""What the site needs to know about a language beyond its words: the direction
of its script, and how search reads it. A language's own file
(i18n/<lang>.yml) can say both (`direction:`, `search:`); this is what
scripts/new_language.py writes there for languages it knows, and the
direction a language has when its file does not say; and how it writes a date."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, TypedDict

from babel import Locale, UnknownLocaleError
from babel.dates import format_date


class SearchRules(TypedDict):
    """How search reads a language's words (i18n/<lang>.yml `search:`)."""

    variants: dict[str, str]  # a letter people type -> the letter it stands for
    prefixes: list[str]  # what the script joins to the next word


# Languages written right to left (ISO 639-1/639-3 codes; a region or script subtag is ignored).
RIGHT_TO_LEFT = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"}

# How search reads words, for languages where people type a letter for another or the script joins
# short words to the next (search-worker.js): the same rules apply to the text and to the query.
# Arabic-script keyboards differ in their yeh, kaf and heh: a Persian or Urdu keyboard types ی and ک
# where Arabic writes ي and ك, an Arabic one the reverse; Urdu's own heh (ہ, and ھ of the aspirated
# letters) is typed ه on the others.
SEARCH_RULES: dict[str, SearchRules] = {
    "ar": {
        "variants": {"ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه", "ٱ": "ا"},
        "prefixes": ["و", "ف", "ب", "ل", "ك", "ال"],
    },
    "fa": {"variants": {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ە": "ه"}, "prefixes": []},
    "ur": {"variants": {"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ھ": "ہ", "ة": "ہ", "ۃ": "ہ"}, "prefixes": []},
    "uk": {"variants": {"ґ": "г"}, "prefixes": []},
    "be": {"variants": {"ў": "у"}, "prefixes": []},
    "el": {"variants": {"ς": "σ"}, "prefixes": []},
    "he": {"variants": {}, "prefixes": ["ו", "ה", "ב", "ל", "מ", "ש", "כ"]},
}


def base_code(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


def direction(code: str, declared: str | None = None) -> str:
    """'rtl' or 'ltr': the language file's own `direction:` when it has one, else from the code."""
    if declared in ("rtl", "ltr"):
        return declared
    return "rtl" if base_code(code) in RIGHT_TO_LEFT else "ltr"


def search_rules(code: str) -> SearchRules:
    return SEARCH_RULES.get(base_code(code), {"variants": {}, "prefixes": []})


def text_direction(lang: str, strings_dir: Path) -> str:
    """The direction of a language of the site, as its own file (or its code) says."""
    from course.sources.strings import load_strings

    return direction(lang, load_strings(lang, strings_dir).get("direction"))


def untranslated_text(meta: dict[str, Any] | None, strings_dir: Path) -> dict[str, str] | None:
    """For a page that is an untranslated copy (its front matter `meta`): the language and direction
    its text is in, for a lang/dir attribute around it, so that screen readers read it in its own
    voice and punctuation lands at the right end. None for a page in its tree's own language."""
    meta = meta or {}
    if meta.get("translation") != "untranslated":
        return None
    lang = meta.get("translated_from") or meta.get("source_language")
    return {"lang": lang, "dir": text_direction(lang, strings_dir)} if lang else None


def local_date(iso: str, code: str) -> str:
    """A date (YYYY-MM-DD) as the language writes it in running text: sl "7. december 2026", el
    "7 Δεκεμβρίου 2026" (Babel's CLDR data, which knows far more languages than the course will have).
    A language CLDR does not know keeps the ISO form, which every reader can read."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return iso
    return format_date(date.fromisoformat(iso), format="long", locale=locale)
