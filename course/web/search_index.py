"""One search index per language, whose words are found however they are typed.

Material's search (lunr) gets, per language, only that language's pages. The
words are normalised in the browser, the same way for the index and for the
query (overrides/assets/javascripts/search-worker.js): lower case, marks
removed (accents, tonos, háčeks, harakat), the language's variants and the
prefixes its script joins to words. The index therefore holds the text once,
as written, and the rules of its language (i18n/<lang>.yml `search:`).

No lunr stemmer or stop-word filter is used: lunr has none for most of the
course's languages, and its default trimmer deletes every non-Latin letter.
The tokenizer splits on spaces and the punctuation of any script instead.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypedDict

from course.sources.language_data import SearchRules

# Word separators: white space, dashes and the punctuation of the course's
# languages (Greek uses ';' as a question mark and '·' as a semicolon; Arabic
# its own comma, semicolon and question mark).
SEPARATOR = r"[\s\-–—‐.,:;·;!?¡¿…«»‹›\"“”„‚‘’'()\[\]{}/\\|*+=<>#%&@^_~`،؛؟]+"

FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}
# "trimmer": the place in lunr's pipeline the worker fills with its normalisation.
PIPELINE = ["trimmer"]


class IndexConfig(TypedDict):
    lang: list[str]
    separator: str
    pipeline: list[str]
    fields: dict[str, dict[str, float]]
    course: SearchRules  # the language's rules, for the worker


class SearchIndex(TypedDict):
    config: IndexConfig
    docs: list[dict[str, Any]]  # Material's entries: location, title, text, …


def language_index(entries: list[dict[str, Any]], prefix: str, rules: Mapping[str, Any] | None = None) -> SearchIndex:
    """The index of one language from Material's entries: locations made relative to the
    language's root (`prefix`, e.g. 'el/', '' for the default language); `rules` are the
    language's search rules (variants, prefixes)."""
    docs = []
    for entry in entries:
        location = entry["location"]
        if prefix and location.startswith(prefix):
            location = location[len(prefix) :]
        docs.append(dict(entry, location=location))
    rules = rules or {}
    course: SearchRules = {"variants": dict(rules.get("variants") or {}), "prefixes": list(rules.get("prefixes") or [])}
    return {
        "config": {"lang": ["en"], "separator": SEPARATOR, "pipeline": PIPELINE, "fields": FIELDS, "course": course},
        "docs": docs,
    }


def as_json(index: SearchIndex) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def as_script(index: SearchIndex) -> str:
    """Opened from disk, Material loads the index as a script that sets __index."""
    return f"var __index = {as_json(index)}"
