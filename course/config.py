"""What mkdocs.yml says about the languages and the pages, read without running MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeAlias

import yaml

from course import MKDOCS_YML, PROJECT_ROOT

# An item of mkdocs.yml's `nav:`: 'file.md', {'Title': 'file.md'} or {'section': [items]}.
NavItem: TypeAlias = "str | dict[str, str | list[NavItem]]"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold !ENV or !!python tags; reading the languages needs none of them."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: Path = MKDOCS_YML) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_IgnoreTags)


def i18n_plugin_config(mkdocs: dict[str, Any]) -> dict[str, Any]:
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
    found: list[tuple[str, int]] = []

    def walk(node: yaml.Node) -> None:
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


def nav_pages(nav: list[NavItem] | None) -> list[str]:
    """The pages of mkdocs.yml's `nav:`, in order."""
    pages: list[str] = []
    for item in nav or []:
        if isinstance(item, str):
            pages.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                pages += nav_pages(value) if isinstance(value, list) else [value] if isinstance(value, str) else []
    return pages


@dataclass(frozen=True)
class Project:
    """A course project's folders and what its mkdocs.yml says: this project, or a copy of it
    (the tests and the benchmarks work on copies)."""

    root: Path = PROJECT_ROOT
    only_languages: tuple[str, ...] | None = None  # a check or build of some languages only

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def strings_dir(self) -> Path:
        return self.root / "i18n"

    @cached_property
    def languages(self) -> list[str]:
        """Every language code (or those of `only_languages`), the default one first."""
        return list(self.only_languages) if self.only_languages else self.all_languages

    @cached_property
    def all_languages(self) -> list[str]:
        return [lang.code for lang in languages(self.mkdocs_yml)]

    @cached_property
    def default_language(self) -> str:
        return self.all_languages[0]

    @cached_property
    def nav_pages(self) -> list[str]:
        return nav_pages(read_mkdocs_yml(self.mkdocs_yml).get("nav"))
