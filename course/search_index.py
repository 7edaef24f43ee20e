"""One search index per language, that finds words typed with or without
accents: Greek with or without tonos and in capitals, Slovenian without
háčeks, Danish without ø, æ, å.

Material's search (lunr) gets, per language, only that language's pages and
an extra `folded` field: the text lower-cased with its diacritics removed. A
query typed with accents matches `text`; one typed without matches `folded`.
No lunr pipeline (stemmer, stop words, trimmer) is applied: lunr has no
Slovenian stemmer, and its default trimmer deletes every Greek letter; the
tokenizer splits on spaces and punctuation of any script instead.
"""
from __future__ import annotations

import json
import re
import unicodedata

TAG = re.compile(r"<[^>]+>")

# Letters that Unicode does not decompose, written without their mark the way
# people type them on a keyboard that lacks them.
PLAIN_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "ı": "i"})

# Word separators: white space, dashes and the punctuation of the course's
# languages (Greek uses ';' as a question mark and '·' as a semicolon).
SEPARATOR = r"[\s\-–—‐.,:;·;!?¡¿…«»‹›\"“”„‚‘’'()\[\]{}/\\|*+=<>#%&@^_~`]+"

FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "folded": {"boost": 1.0}, "tags": {"boost": 1000000.0}}


def fold(text: str) -> str:
    """'Υποστήριξη ΟΜΟΤΙΜΩΝ, človek, støtte' -> 'υποστηριξη ομοτιμων, clovek, stotte'"""
    lowered = text.lower().translate(PLAIN_LETTERS)
    decomposed = unicodedata.normalize("NFD", lowered)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def language_index(entries: list[dict], prefix: str) -> dict:
    """The index of one language from Material's entries: locations made relative to
    the language's root (`prefix`, e.g. 'el/', '' for the default language)."""
    docs = []
    for entry in entries:
        location = entry["location"]
        if prefix and location.startswith(prefix):
            location = location[len(prefix):]
        doc = dict(entry, location=location)
        doc["folded"] = fold(entry["title"] + " " + TAG.sub(" ", entry["text"]))
        docs.append(doc)
    return {"config": {"lang": ["en"], "separator": SEPARATOR, "pipeline": [], "fields": FIELDS}, "docs": docs}


def as_json(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def as_script(index: dict) -> str:
    """Opened from disk, Material loads the index as a script that sets __index."""
    return f"var __index = {as_json(index)}"
