"""Adding a language to the course in one step (scripts/new_language.py):

1. docs/<code>/: every page of the base language's tree, each marked
   `translation: untranslated` with `translated_from:` and `source_hash:`
   (course/translation/status.py), so the site says so on every page;
2. i18n/<code>.yml: the base language's UI words, to translate;
3. overrides/partials/languages/<code>.html: Material's own UI words, only
   when Material has no file for the language (without one, the build stops
   with TemplateNotFound);
4. mkdocs.yml: the language under the i18n plugin's `languages:`, which is
   where the build, the search and the PDF take their languages from.

Nothing is changed unless every check passes first; a step that fails undoes
the steps before it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import material
import yaml

from course.config import languages
from course.errors import ContentError
from course.sources import language_data
from course.translation.status import untranslated_copy, write_atomically

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
OVERRIDES_LANGUAGES = Path("overrides") / "partials" / "languages"
try:  # the rule static-i18n itself applies to `locale:`
    from mkdocs_static_i18n.config import RE_LOCALE as LOCALE
except ImportError:  # pragma: no cover
    LOCALE = re.compile(r"(^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2}_[A-Z]{2}$)")


@dataclass
class Project:
    root: Path

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    def tree(self, lang: str) -> Path:
        return self.root / "docs" / lang

    def strings(self, lang: str) -> Path:
        return self.root / "i18n" / f"{lang}.yml"

    def material_override(self, lang: str) -> Path:
        return self.root / OVERRIDES_LANGUAGES / f"{lang}.html"


@dataclass
class Added:
    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    pages: int = 0


def material_has(lang: str) -> bool:
    return (MATERIAL_LANGUAGES / f"{lang}.html").is_file()


def check(project: Project, code: str, name: str, base: str) -> None:
    """Everything that would make the new language fail, before anything is written."""
    where = project.mkdocs_yml
    if not LOCALE.match(code) or code == "null":
        raise ContentError(
            where,
            f"'{code}' is not a language code the site can use",
            "use an ISO 639-1 code in lower case (de, ga, pt) or one with a region (pt-BR, pt_BR)",
        )
    configured = [lang.code for lang in languages(where)]
    if code in configured:
        raise ContentError(
            where,
            f"'{code}' is already a language of the site",
            f"see where it stands with `.venv/bin/python scripts/translation_status.py --lang {code}`",
        )
    if base not in configured:
        raise ContentError(
            where,
            f"--from '{base}' is not a language of the site ({', '.join(configured)})",
            "copy the pages from one of those languages",
        )
    if not name.strip():
        raise ContentError(
            where, "the language has no name", "give its name in the language itself, e.g. --name Deutsch"
        )
    tree = project.tree(code)
    if tree.exists() and any(tree.iterdir()):
        raise ContentError(
            tree,
            f"docs/{code}/ already exists and is not empty",
            f"move it away (or delete it) and run the command again; it creates docs/{code}/ itself",
        )
    if not project.tree(base).is_dir() or not project.strings(base).is_file():
        raise ContentError(
            project.tree(base),
            f"the base language '{base}' has no docs/{base}/ or i18n/{base}.yml",
            "copy from a language that has both",
        )


def add_language(
    root: Path,
    code: str,
    name: str,
    base: str,
    direction: str | None = None,
    log: Callable[[str], None] = print,
    theme_words: bool = False,
) -> Added:
    """`direction` 'rtl' (--rtl) for a language written right to left that course/sources/language_data.py
    does not know; otherwise the direction comes from the language's code."""
    project = Project(Path(root).resolve())
    check(project, code, name, base)
    direction = language_data.direction(code, direction)
    added = Added()
    original_mkdocs = project.mkdocs_yml.read_text(encoding="utf-8")
    try:
        _copy_pages(project, code, base, added, log)
        _strings(project, code, name, base, direction, added, log)
        _material_words(project, code, name, base, direction, added, log, theme_words)
        register_language(project.mkdocs_yml, code, name)
        log(
            f"  registered '{code}' in mkdocs.yml (plugins → i18n → languages): the build, the search and the PDF take it from there"
        )
    except BaseException:
        log("  something failed: undoing what was done")
        project.mkdocs_yml.write_text(original_mkdocs, encoding="utf-8")
        for path in reversed(added.created):
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        raise
    return added


def _copy_pages(project: Project, code: str, base: str, added: Added, log: Callable[[str], None]) -> None:
    source, tree = project.tree(base), project.tree(code)
    if tree.exists():
        tree.rmdir()  # empty: checked
    shutil.copytree(source, tree, ignore=shutil.ignore_patterns(".*", "*.tmp"))
    added.created.append(tree)
    pages = sorted(tree.rglob("*.md"))
    for number, page in enumerate(pages, start=1):
        origin = source / page.relative_to(tree)
        write_atomically(page, untranslated_copy(origin, base))
        if number % 10 == 0:
            log(f"  … {number} of {len(pages)} pages copied")
    added.pages = len(pages)
    log(f"  created docs/{code}/: {len(pages)} pages copied from docs/{base}/, each marked `translation: untranslated`")


def _strings(
    project: Project, code: str, name: str, base: str, direction: str, added: Added, log: Callable[[str], None]
) -> None:
    target = project.strings(code)
    if target.exists():
        added.kept.append(target)
        log(f"  kept i18n/{code}.yml, which already exists (the build names any key it lacks)")
        return
    text = project.strings(base).read_text(encoding="utf-8")
    for own in ("kept_as_is", "direction", "search"):  # the base language's own, not the new one's
        text = _drop_top_level_key(text, own)
    lines = text.split("\n")
    while lines and lines[0].startswith("#"):  # the base file's own header
        lines.pop(0)
    body = "\n".join(lines).lstrip("\n")
    body, found = re.subn(r"(?m)^language_name:.*$", f"language_name: {_scalar(name)}", body, count=1)
    if not found:
        body = f"language_name: {_scalar(name)}\n" + body
    header = (
        f"# UI words of the site in {name} ({code}), one file per language with the same keys.\n"
        f"# Copied from i18n/{base}.yml by scripts/new_language.py: translate every value (the words\n"
        f"# after the colon), never the keys. Keep {{placeholders}} as they are.\n"
        f"# `.venv/bin/python scripts/translation_status.py --lang {code}` lists the values still the same as in\n"
        f"# another language; list under `kept_as_is:` any that are rightly the same. See TRANSLATING.md.\n"
    )
    target.write_text(header + body.rstrip("\n") + "\n" + _language_block(code, direction), encoding="utf-8")
    added.created.append(target)
    log(f"  created i18n/{code}.yml: the site's own words (menus, quiz buttons, notices), copied from i18n/{base}.yml")
    if direction == "rtl":
        log(f"  '{code}' is written right to left: i18n/{code}.yml says `direction: rtl`")


def _language_block(code: str, direction: str) -> str:
    """The language's own settings: its direction, and how search reads it (course/sources/language_data.py)."""
    rules = language_data.search_rules(code)
    variants = ", ".join(f"{_scalar(a)}: {_scalar(b)}" for a, b in rules["variants"].items())
    prefixes = ", ".join(_scalar(x) for x in rules["prefixes"])
    return (
        "\n# The direction of the language's script (ltr or rtl).\n"
        f"direction: {direction}\n"
        "\n# How search reads words in this language: letters people type for others (variants), and\n"
        "# prefixes the script joins to words, which search sets aside (Arabic: و ف ب ل ال).\n"
        f"search:\n  variants: {{{variants}}}\n  prefixes: [{prefixes}]\n"
    )


def _material_words(
    project: Project,
    code: str,
    name: str,
    base: str,
    direction: str,
    added: Added,
    log: Callable[[str], None],
    theme_words: bool = False,
) -> None:
    """Material's own words for the language, in overrides/ where a translator can change them: when
    Material has none for the code, or when asked (`theme_words`: Material's 'pt' is Brazilian, and
    a translator into European Portuguese changes 'Buscar' to 'Pesquisar')."""
    target = project.material_override(code)
    if material_has(code) and not theme_words:
        log(
            f"  Material for MkDocs has its own words for '{code}' (search box, Previous/Next); to change them "
            f"(e.g. for a regional variant), run again with --theme-words"
        )
        return
    if target.exists():
        added.kept.append(target)
        log(f"  kept {target.relative_to(project.root)}, which already exists")
        return
    origin = _theme_words_origin(project, code, base)
    text = origin.read_text(encoding="utf-8")
    text = re.sub(r"^\{#-.*?-#\}\n", "", text, count=1, flags=re.S)
    text = re.sub(r'"language": "[^"]*"', f'"language": "{code}"', text, count=1)
    text = re.sub(r'"direction": "[^"]*"', f'"direction": "{direction}"', text, count=1)
    why = (
        f"  Material's own file for '{code}' is copied here so that its words can be changed (this file\n"
        f"  is used instead of Material's {origin.name}, MIT licence, (c) Martin Donath). Change the values\n"
        if material_has(code)
        else f"  Material has no file for '{code}', so scripts/new_language.py copied this one from\n"
        f"  Material's {origin.name} (MIT licence, (c) Martin Donath). Translate the values\n"
    )
    header = (
        "{#-\n"
        f"  Material for MkDocs' own UI words (search box, Previous/Next, …) in {name} ({code}).\n"
        + why
        + '  in quotes; keep the keys, "language", "direction" and the "search.config.*" lines as they are.\n'
        "-#}\n"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(header + text, encoding="utf-8")
    added.created.append(target)
    reason = "to change them" if material_has(code) else f"Material has none for '{code}'"
    log(f"  created {target.relative_to(project.root)}: Material's own words, copied from its {origin.name} ({reason})")


def _theme_words_origin(project: Project, code: str, base: str) -> Path:
    """The file to start from: Material's own for the code, or for its language without the region
    (pt for pt-PT), or the base language's (the project's own override first), or English."""
    primary = code.split("-")[0]
    for candidate in (
        MATERIAL_LANGUAGES / f"{code}.html",
        MATERIAL_LANGUAGES / f"{primary}.html",
        project.material_override(base),
        MATERIAL_LANGUAGES / f"{base}.html",
    ):
        if candidate.is_file():
            return candidate
    return MATERIAL_LANGUAGES / "en.html"


def register_language(mkdocs_yml: Path, code: str, name: str) -> None:
    """Add the language at the end of the i18n plugin's `languages:` list, editing the
    text so that every comment and the layout of mkdocs.yml are kept."""
    text = mkdocs_yml.read_text(encoding="utf-8")
    lines = text.split("\n")
    plugin = next((i for i, line in enumerate(lines) if re.match(r"^\s*-\s*i18n:\s*$", line)), None)
    if plugin is None:
        raise ContentError(
            mkdocs_yml, "no `- i18n:` plugin entry was found", "add the language under its `languages:` by hand"
        )
    plugin_indent = len(lines[plugin]) - len(lines[plugin].lstrip())
    start = next((i for i in range(plugin + 1, len(lines)) if re.match(r"^\s*languages:\s*$", lines[i])), None)
    if start is None:
        raise ContentError(
            mkdocs_yml,
            "the i18n plugin has no block-style `languages:` list",
            "add the language under its `languages:` by hand",
            line=plugin + 1,
        )
    key_indent = len(lines[start]) - len(lines[start].lstrip())
    if key_indent <= plugin_indent:
        raise ContentError(
            mkdocs_yml, "`languages:` is not inside the i18n plugin", "add the language by hand", line=start + 1
        )
    last = start
    item_indent = None
    for i in range(start + 1, len(lines)):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(lines[i]) - len(lines[i].lstrip())
        if indent < key_indent or (indent == key_indent and not stripped.startswith("- ")):
            break
        if stripped.startswith("- ") and item_indent is None:
            item_indent = indent
        last = i
    if item_indent is None:
        raise ContentError(
            mkdocs_yml, "the i18n plugin's `languages:` list is empty", "add the languages by hand", line=start + 1
        )
    pad = " " * item_indent
    entry = [f"{pad}- locale: {code}", f"{pad}  name: {_scalar(name)}", f"{pad}  build: true"]
    before = [lang.code for lang in languages(mkdocs_yml)]
    new_text = "\n".join(lines[: last + 1] + entry + lines[last + 1 :])
    mkdocs_yml.write_text(new_text, encoding="utf-8")
    after = [lang.code for lang in languages(mkdocs_yml)]
    if after != [*before, code]:
        mkdocs_yml.write_text(text, encoding="utf-8")
        raise ContentError(
            mkdocs_yml,
            f"adding '{code}' to `languages:` did not give the expected list ({after})",
            "add the language under the i18n plugin's `languages:` by hand",
        )


def _scalar(value: str) -> str:
    """A YAML scalar for `value`: plain when YAML reads it back unchanged, double-quoted otherwise."""
    import json

    try:
        if yaml.safe_load(f"k: {value}") == {"k": value}:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


def _drop_top_level_key(text: str, key: str) -> str:
    """`text` without a top-level `key:` block and the comment lines just above it."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(rf"^{re.escape(key)}\s*:", line)), None)
    if start is None:
        return text
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t", "-")) or not lines[end].strip()):
        end += 1
    while start > 0 and lines[start - 1].startswith("#"):
        start -= 1
    return "\n".join(lines[:start] + lines[end:])
