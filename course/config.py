"""What mkdocs.yml says about the languages, read without running MkDocs."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from course import MKDOCS_YML


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold !ENV or !!python tags; reading the languages needs none of them."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: Path = MKDOCS_YML) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_IgnoreTags)


def i18n_plugin_config(mkdocs: dict) -> dict:
    for plugin in mkdocs.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise KeyError("mkdocs.yml has no i18n plugin")


def languages(path: Path = MKDOCS_YML) -> list[Language]:
    """The site's languages in the order of mkdocs.yml, the default one first."""
    entries = i18n_plugin_config(read_mkdocs_yml(path))["languages"]
    langs = [Language(e["locale"], e["name"], bool(e.get("default"))) for e in entries]
    return sorted(langs, key=lambda lang: not lang.default)


def default_language(path: Path = MKDOCS_YML) -> str:
    return next(lang.code for lang in languages(path) if lang.default)


def language_root(lang: str, default: str) -> str:
    """Where a language lives in the built site: '' for the default language, 'el/' for the others."""
    return "" if lang == default else f"{lang}/"


def nav_entries(path: Path = MKDOCS_YML) -> list[tuple[str, int]]:
    """Every page named in mkdocs.yml's `nav:`, with its line in the file, in order."""
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_IgnoreTags)
    nav = next((value for key, value in getattr(root, "value", []) if key.value == "nav"), None)
    found = []

    def walk(node):
        if isinstance(node, yaml.ScalarNode):
            if node.value.endswith(".md"):
                found.append((node.value, node.start_mark.line + 1))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            for _, value in node.value:
                walk(value)

    if nav is not None:
        walk(nav)
    return found
