"""One search index per language, whose words are found however they are typed.

Material's search (lunr) gets, per language, only that language's pages. The
words are normalised in the browser, the same way for the index and for the
query (overrides/assets/javascripts/search-worker.js): lower case, marks
removed (accents, tonos, háčeks, harakat), the language's variants and the
prefixes its script joins to words. The index therefore holds the text once,
as written, and the rules of its language (i18n/<lang>.yml `search:`).

No lunr stemmer or stop-word filter is used: lunr has none for most of the
course's languages, and its default trimmer deletes every non-Latin letter.
The tokenizer splits on spaces and the punctuation of any script instead; a
run of text in a script written without spaces between words (Thai, Lao,
Khmer, Burmese, Chinese, Japanese) is cut into words by the browser's own
word segmenter (Intl.Segmenter), for the index and for the query alike.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypedDict

from course.sources.language_data import SearchRules

# Word separators: white space, the zero-width space (which Khmer, Burmese and Thai writers put
# between words), dashes and the punctuation of the world's scripts: Greek ';' (a question mark)
# and '·'; Arabic and Urdu's comma, semicolon, question mark and full stop; Hebrew's maqaf and
# sof pasuq; Armenian; the Indic danda; Thai, Khmer, Burmese, Ethiopic and Tibetan ends of
# sentences; Chinese and Japanese punctuation, brackets and full-width forms.
SEPARATOR = (
    r"[\s\u200b\-–—‐.,:;·;!?¡¿…«»‹›\"“”„‚‘’'()\[\]{}/\\|*+=<>#%&@^_~`"
    r"،؛؟۔־׃։՝՜՞।॥๚๛။၊។៕៖።፣፤፥፦፧፨།༎༏༐༑"
    r"、。，．・：；！？「」『』（）【】〈〉《》〔〕［］｛｝〜～‥〝〞〟＂＇＃％＆＊＋／＜＝＞＠＼＾＿｀｜]+"
)

FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}
# "trimmer": the place in lunr's pipeline the worker fills with its normalisation.
PIPELINE = ["trimmer"]


class CourseRules(SearchRules):
    """What the worker needs to know of the language: its code, for the word segmenter, and its rules."""

    language: str


class IndexConfig(TypedDict):
    lang: list[str]
    separator: str
    pipeline: list[str]
    fields: dict[str, dict[str, float]]
    course: CourseRules  # the language and its rules, for the worker


class SearchIndex(TypedDict):
    config: IndexConfig
    docs: list[dict[str, Any]]  # Material's entries: location, title, text, …


def language_index(
    entries: list[dict[str, Any]], prefix: str, rules: Mapping[str, Any] | None = None, language: str = ""
) -> SearchIndex:
    """The index of one language from Material's entries: locations made relative to the
    language's root (`prefix`, e.g. 'el/', '' for the default language); `rules` are the
    language's search rules (variants, prefixes); `language` its code, for the word segmenter."""
    docs = []
    for entry in entries:
        location = entry["location"]
        if prefix and location.startswith(prefix):
            location = location[len(prefix) :]
        docs.append(dict(entry, location=location))
    rules = rules or {}
    course: CourseRules = {
        "language": language,
        "variants": dict(rules.get("variants") or {}),
        "prefixes": list(rules.get("prefixes") or []),
    }
    return {
        "config": {"lang": ["en"], "separator": SEPARATOR, "pipeline": PIPELINE, "fields": FIELDS, "course": course},
        "docs": docs,
    }


def as_json(index: SearchIndex) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def as_script(index: SearchIndex) -> str:
    """Opened from disk, Material loads the index as a script that sets __index."""
    return f"var __index = {as_json(index)}"
