"""The few facts hooks need from a running MkDocs build."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar, cast

import jinja2
from mkdocs.exceptions import PluginError

from course.errors import ContentError

if TYPE_CHECKING:
    from jinja2.bccache import Bucket
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page
    from mkdocs_static_i18n.plugin import I18n

_P = ParamSpec("_P")
_R = TypeVar("_R")


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, for every Jinja environment of the process
    (hooks/template_cache.py); here, not in a hook, so that `mkdocs serve` keeps it between rebuilds."""

    def __init__(self) -> None:
        self.buckets: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.buckets.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.buckets[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = _MemoryBytecodeCache()


class Run:
    """What MkDocs was started for ('build', 'serve', 'gh-deploy'), told once by on_startup.
    Kept here, not in a hook: `mkdocs serve` loads the hooks afresh for every rebuild."""

    command = "build"


def project_dir(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: i18n/ and docs/ are read from there, not from
    where this package is installed, so a copy of the project builds its own files."""
    return Path(config.config_file_path).resolve().parent


def strings_dir(config: MkDocsConfig) -> Path:
    return project_dir(config) / "i18n"


def i18n(config: MkDocsConfig) -> I18n:
    """The static-i18n plugin of the build (mkdocs.yml names it `i18n`)."""
    return cast("I18n", config.plugins["i18n"])


def current_language(config: MkDocsConfig) -> str:
    """The language being built. static-i18n re-runs the build once per language
    on the same config; before its own on_config has run the first time, it is the default."""
    plugin = i18n(config)
    return plugin.current_language or plugin.default_language


def site_languages(config: MkDocsConfig) -> list[str]:
    """The languages this build makes (all of them, or those of a preview: hooks/preview.py)."""
    return list(i18n(config).build_languages)


def all_languages(config: MkDocsConfig) -> list[str]:
    """Every language of the site, the default first, whether this build makes it or not."""
    plugin = i18n(config)
    codes = list(plugin.all_languages)
    default = next(lang.locale for lang in plugin.config.languages if lang.default)
    return [default] + [code for code in codes if code != default]


def page_language(page: Page) -> str:
    return getattr(page.file, "locale", None) or page.file.src_uri.split("/", 1)[0]


def unit_key(page: Page) -> str:
    """A page's path within its language tree, without '.md': the same in every
    language, so a learner's progress follows them when they switch language."""
    return page.file.src_uri.split("/", 1)[1].removesuffix(".md")


def fails_loudly(hook: Callable[_P, _R]) -> Callable[_P, _R]:
    """Turn a ContentError into the PluginError MkDocs prints without a traceback."""

    @functools.wraps(hook)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return hook(*args, **kwargs)
        except ContentError as err:
            raise PluginError(str(err)) from None

    return wrapper
