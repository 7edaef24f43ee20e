"""UI words: one YAML file per language in i18n/, the same keys in every file.

English (the default language) is the reference: every key it has must exist
in every other language, so a missing word is a build error that names the
language and the key, never an English word slipped into a Greek page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from course import STRINGS_DIR
from course.errors import ContentError
from course.sources.source_text import Stamp, compose_yaml, load_yaml, once_per_change, read_text, stamp

# A tag, a comment or a declaration: `<b`, `</`, `<!--`, `<?`.
MARKUP = re.compile(r"<[A-Za-z/!?][^>]{0,40}>?")
# A value's {placeholder}, filled in by the site: `{done}`, `{language}`.
PLACEHOLDER = re.compile(r"\{(\w+)\}")

REFERENCE_LANGUAGE = "en"


def strings_file(lang: str, strings_dir: Path = STRINGS_DIR) -> Path:
    return strings_dir / f"{lang}.yml"


def _load(path: Path) -> dict[str, Any]:
    """The file's words, read once per change of the file (a build reads each file once,
    however many languages it builds; `mkdocs serve` reads a file again when it is saved)."""
    if not path.exists():
        raise ContentError(
            path,
            "this language has no UI strings file",
            f"copy {strings_file(REFERENCE_LANGUAGE, path.parent).name} to {path.name} and translate its values",
        )
    return _read(path)


@once_per_change
def _read(path: Path) -> dict[str, Any]:
    text = read_text(path, what="strings file")
    try:
        data = load_yaml(text) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        raise ContentError(
            path,
            f"this is not valid YAML ({getattr(err, 'problem', err)})",
            "check the quotes and the indentation on that line",
            line=mark.line + 1 if mark else None,
        ) from None
    if not isinstance(data, dict):
        raise ContentError(path, "the file must hold a mapping of keys to words", "see en.yml for the shape")
    _check_plain_words(text, path)
    return data


def _check_plain_words(text: str, path: Path) -> None:
    """UI words are plain text: markup in a word would reach every page of the language."""

    def walk(node: yaml.Node | None, key: str = "") -> None:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, f"{key}.{k.value}" if key else k.value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, key)
        elif isinstance(node, yaml.ScalarNode) and (markup := MARKUP.search(node.value)):
            raise ContentError(
                path,
                f"the UI word '{key}' holds HTML: {markup.group(0)!r}",
                "UI words are plain text: remove the markup (write '<' only as part of plain text)",
                line=node.start_mark.line + 1,
            )

    walk(compose_yaml(text))


def flat_keys(data: dict[str, Any], prefix: str = "") -> dict[str, object]:
    """{'a': {'b': 'x'}} -> {'a.b': 'x'}"""
    flat: dict[str, object] = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flat_keys(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


def missing_keys(lang: str, strings_dir: Path = STRINGS_DIR) -> list[str]:
    reference = flat_keys(_load(strings_file(REFERENCE_LANGUAGE, strings_dir)))
    present = flat_keys(_load(strings_file(lang, strings_dir)))
    return [key for key in reference if key not in present or present[key] in (None, "")]


_checked: dict[tuple[Path, str], tuple[tuple[Stamp | None, Stamp | None], dict[str, Any]]] = {}


def load_strings(lang: str, strings_dir: Path = STRINGS_DIR) -> dict[str, Any]:
    """The UI words of one language; fails naming the language and every missing key.
    Checked once per change of the language's file or of the reference file."""
    path, reference = strings_file(lang, strings_dir), strings_file(REFERENCE_LANGUAGE, strings_dir)
    key = (path.resolve(), lang)
    stamps = (stamp(path) if path.exists() else None, stamp(reference) if reference.exists() else None)
    cached = _checked.get(key)
    if cached and cached[0] == stamps:
        return cached[1]
    words = _checked_strings(lang, strings_dir)
    _checked[key] = (stamps, words)
    return words


def _checked_strings(lang: str, strings_dir: Path) -> dict[str, Any]:
    path = strings_file(lang, strings_dir)
    missing = missing_keys(lang, strings_dir)
    if missing:
        raise ContentError(
            path,
            f"language '{lang}' lacks the UI string(s): {', '.join(missing)}",
            f"add each key to {path.name}, translated from {strings_file(REFERENCE_LANGUAGE, strings_dir).name}",
        )
    problems = placeholder_problems(lang, strings_dir)
    if problems:
        raise problems[0]
    return _load(path)


def placeholder_problems(lang: str, strings_dir: Path = STRINGS_DIR) -> list[ContentError]:
    """Every value that lacks a {placeholder} of the reference language's value, or has one the site
    does not fill in (a translated `{feito}` for `{done}`): each with its line."""
    reference_path, path = strings_file(REFERENCE_LANGUAGE, strings_dir), strings_file(lang, strings_dir)
    reference, present = flat_keys(_load(reference_path)), flat_keys(_load(path))
    lines = key_lines(read_text(path, what="strings file"))
    found = []
    for key, value in reference.items():
        mine = present.get(key)
        if not isinstance(value, str) or not isinstance(mine, str):
            continue
        wanted, have = set(PLACEHOLDER.findall(value)), set(PLACEHOLDER.findall(mine))
        if wanted == have:
            continue
        lacking, unknown = sorted(wanted - have), sorted(have - wanted)
        what = "; ".join(
            part
            for part in (
                f"lacks {', '.join('{' + p + '}' for p in lacking)}" if lacking else "",
                f"has {', '.join('{' + p + '}' for p in unknown)}, which the site does not fill in" if unknown else "",
            )
            if part
        )
        found.append(
            ContentError(
                path,
                f"the UI word '{key}' {what}",
                "keep every {placeholder} of "
                f"{reference_path.name} exactly as it is, in English, braces included: "
                f"{', '.join('{' + p + '}' for p in sorted(wanted)) or 'none'}; the site puts the number or name there",
                line=lines.get(key),
            )
        )
    return found


def key_lines(text: str) -> dict[str, int]:
    """Each dotted key of a YAML file, and the line its value starts on."""
    found: dict[str, int] = {}

    def walk(node: yaml.Node | None, key: str = "") -> None:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                dotted = f"{key}.{k.value}" if key else k.value
                found[dotted] = v.start_mark.line + 1
                walk(v, dotted)

    walk(compose_yaml(text))
    return found
