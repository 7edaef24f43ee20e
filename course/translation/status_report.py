"""What scripts/translation_status.py prints: where every page of every language
stands (as a table or as JSON), the UI words each language lacks or has not
translated yet, and what `refresh` and `recopy` did."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field

import yaml

from course.config import Project
from course.errors import ContentError
from course.sources.strings import REFERENCE_LANGUAGE, flat_keys, placeholder_problems, strings_file
from course.translation.changes import changes_text, page_changes
from course.translation.status import STATES, Change, Report, report, resolve_page

LABELS = {
    "source": "original",
    "reviewed": "reviewed",
    "draft": "draft",
    "outdated": "OUTDATED",
    "untranslated": "untranslated",
    "missing": "MISSING",
}


@dataclass
class UiWords:
    """One language's UI words against the reference language's."""

    missing: list[str]
    same_as_another_language: list[str]
    error: str | None = None
    placeholders: list[str] = field(default_factory=list)  # values whose {placeholders} differ from en's


def ui_words_state(project: Project, lang: str) -> UiWords:
    reference = _flat_strings(project, REFERENCE_LANGUAGE) or {}
    mine = _flat_strings(project, lang)
    if mine is None:
        return UiWords(
            list(reference),
            [],
            f"i18n/{lang}.yml does not exist: copy i18n/{REFERENCE_LANGUAGE}.yml to it and translate it",
        )
    missing = [key for key in reference if mine.get(key) in (None, "")]
    others = [_flat_strings(project, code) or {} for code in project.languages if code != lang]
    # Keys listed under `kept_as_is:` in the file are rightly the same as in another language.
    kept = {key for key in mine if key == "kept_as_is" or key.startswith("kept_as_is.")}
    kept |= set(_as_list(mine.get("kept_as_is")))
    same = [
        key
        for key, value in mine.items()
        if key not in kept
        and key not in ("language_name", "direction")
        and isinstance(value, str)
        and any(o.get(key) == value for o in others)
    ]
    placeholders = [] if missing else [str(p) for p in placeholder_problems(lang, project.strings_dir)]
    return UiWords(missing, same, placeholders=placeholders)


def _flat_strings(project: Project, lang: str) -> dict[str, object] | None:
    path = strings_file(lang, project.strings_dir)
    if not path.is_file():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise ContentError(
            path, f"this is not valid YAML ({getattr(err, 'problem', err)})", "check the quotes and the indentation"
        ) from None
    return flat_keys(data) if isinstance(data, dict) else {}


def _as_list(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


@dataclass
class StatusOverview:
    """The pages' report and the UI words' states of the languages asked for."""

    project: Project
    wanted: list[str]
    pages: Report
    ui: dict[str, UiWords]

    @property
    def failed(self) -> bool:
        """A page or a UI word is missing: the site cannot be built."""
        return bool(self.pages.by_state("missing")) or any(
            w.missing or w.error or w.placeholders for w in self.ui.values()
        )


def overview(project: Project, wanted: list[str]) -> StatusOverview:
    return StatusOverview(
        project,
        wanted,
        report(project.docs, project.languages, project.nav_pages),
        {lang: ui_words_state(project, lang) for lang in wanted},
    )


def as_json(found: StatusOverview) -> str:
    pages, wanted = found.pages, found.wanted
    return json.dumps(
        {
            "languages": wanted,
            "pages": {page: {lang: pages.states[lang][page].state for lang in wanted} for page in pages.pages},
            "totals": {lang: {s: pages.totals(lang).get(s, 0) for s in STATES} for lang in wanted},
            "problems": [s.reason() for lang in wanted for s in pages.states[lang].values() if s.reason()],
            "ui_strings": {
                lang: {
                    "missing": w.missing,
                    "same_as_another_language": w.same_as_another_language,
                    "error": w.error,
                    "placeholders": w.placeholders,
                }
                for lang, w in found.ui.items()
            },
        },
        ensure_ascii=False,
        indent=2,
    )


def as_text(found: StatusOverview) -> str:
    pages, wanted, project = found.pages, found.wanted, found.project
    width = max(len(p) for p in pages.pages) + 2
    out = [
        f"Translation status of {project.docs}: {len(pages.pages)} pages, languages {', '.join(wanted)}",
        "",
        "".ljust(width) + "".join(lang.ljust(14) for lang in wanted),
    ]
    out += [
        page.ljust(width) + "".join(LABELS[pages.states[lang][page].state].ljust(14) for lang in wanted)
        for page in pages.pages
    ]
    out += [
        "",
        "Totals per language",
        "".ljust(8) + "".join(LABELS[s].lower().rjust(14) for s in STATES) + "total".rjust(8),
    ]
    for lang in wanted:
        counts = pages.totals(lang)
        out.append(
            lang.ljust(8)
            + "".join(str(counts.get(s, 0)).rjust(14) for s in STATES)
            + str(sum(counts.values())).rjust(8)
        )
    todo = [s for lang in wanted for s in pages.states[lang].values() if s.reason()]
    if todo:
        out += ["", "To do"]
        out += [f"  {'MISSING' if s.state == 'missing' else 'outdated'}: {s.reason()}" for s in todo]
    out += ["", "UI strings (i18n/<lang>.yml)"]
    for lang, words in found.ui.items():
        if words.error:
            out.append(f"  {lang}: ERROR {words.error}")
            continue
        out.append(
            f"  {lang}: "
            + (
                f"MISSING {len(words.missing)} key(s): {', '.join(words.missing)}"
                if words.missing
                else "no key missing"
            )
        )
        out += [f"      {problem}" for problem in words.placeholders]
        same = words.same_as_another_language
        if same and lang != project.default_language:
            out.append(
                textwrap.fill(
                    f"{len(same)} value(s) the same as in another language, perhaps not translated yet "
                    f"(list a key under `kept_as_is:` when it is right as it is): " + ", ".join(same),
                    width=100,
                    initial_indent="      ",
                    subsequent_indent="      ",
                    break_on_hyphens=False,
                )
            )
    if found.failed:
        out += ["", "The site cannot be built until every MISSING page and UI string above exists."]
    return "\n".join(out)


def change_lines(lang: str, changes: list[Change]) -> list[str]:
    """What `refresh`, `review` or `recopy` did to each page, and a summary line."""
    out = [
        f"  {'WARNING' if c.action == 'warned' else c.action:<9} docs/{lang}/{c.page}: {c.detail}"
        for c in changes
        if c.action != "source"
    ]
    done = sum(c.action in ("recorded", "copied") for c in changes)
    sources = sum(c.action == "source" for c in changes)
    warned = sum(c.action == "warned" for c in changes)
    out.append(
        f"==> {lang}: {done} page(s) updated, {len(changes) - done - sources - warned} left as they were"
        + (f", {warned} NOT recorded (see the WARNING above)" if warned else "")
        + (f", {sources} source page(s) with nothing to record" if sources else "")
    )
    return out


def diff_lines(found: StatusOverview) -> list[str]:
    """What changed in the source of every out-of-date translation of the languages asked for."""
    out = []
    for lang in found.wanted:
        for state in found.pages.states[lang].values():
            changes = page_changes(found.project.docs, state)
            if changes is not None:
                out += ["", *changes_text(changes)]
    if not out:
        return ["", "What changed: no translation of " + ", ".join(found.wanted) + " is out of date."]
    return ["", "What changed in the pages the out-of-date translations were made from", *out]


def pages_for(project: Project, lang: str, names: list[str], also_in: list[str] | None = None) -> list[str]:
    """The pages named, or every page of LANG (and of the languages `also_in`, for pages LANG lacks)."""
    if names:
        return [resolve_page(project.docs, lang, name, also_in) for name in names]
    found: set[str] = set()
    for tree in [project.docs / code for code in [lang, *(also_in or [])]]:
        if tree.is_dir():
            found |= {p.relative_to(tree).as_posix() for p in tree.rglob("*.md")}
    return sorted(found)
