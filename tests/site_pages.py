"""Reading the built site: every HTML page of a language, parsed with a real parser."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from course.print.print_book import HANDOUT_PAGES, PRINT_PAGE, TRAINERS_PAGE

# Pages MkDocs writes that are not pages of the course.
NOT_COURSE_PAGES = {"404.html"}


def is_print_page(rel: Path) -> bool:
    """A language's print pages (hooks/print_book.py: the book, the trainers' material, the handouts):
    the PDFs' sources, with no site chrome."""
    return (rel.name in (PRINT_PAGE, TRAINERS_PAGE) and len(rel.parts) <= 2) or HANDOUT_PAGES in rel.parts[:2]


@dataclass(frozen=True)
class BuiltPage:
    site: Path
    path: Path  # relative to the site root, e.g. el/about.html

    @property
    def lang_prefix(self) -> str:
        return self.path.parts[0] if len(self.path.parts) > 1 else ""

    @property
    def soup(self) -> BeautifulSoup:
        return parse(self.site / self.path)

    def __str__(self) -> str:
        return self.path.as_posix()


@cache
def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def language_of(rel: Path, languages: list[str], default: str) -> str:
    first = rel.parts[0]
    return first if len(rel.parts) > 1 and first in languages else default


def course_pages(site: Path, lang: str, languages: list[str], default: str) -> list[BuiltPage]:
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site)
        if rel.as_posix() in NOT_COURSE_PAGES or is_print_page(rel) or rel.parts[0] in ("assets", "search"):
            continue
        if language_of(rel, languages, default) == lang:
            pages.append(BuiltPage(site, rel))
    return pages


def is_pdf_source(rel: Path, lang_prefix: str) -> bool:
    """Any page a PDF is made from (hooks/print_book.py): the book's, the trainers' material's,
    a handout's. `lang_prefix` is the language's folder ('el/'), '' for the default language."""
    path = rel.as_posix()
    return path.startswith(lang_prefix) and path[len(lang_prefix) :].split("/")[0] in (
        PRINT_PAGE,
        TRAINERS_PAGE,
        HANDOUT_PAGES,
    )


def reading_pages(site: Path, lang: str, languages: list[str], default: str) -> list[BuiltPage]:
    """The pages of a language that learners read: its course pages, less the PDFs' sources."""
    prefix = "" if lang == default else f"{lang}/"
    return [page for page in course_pages(site, lang, languages, default) if not is_pdf_source(page.path, prefix)]


def all_html(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def resolve(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """Where an internal link of `page` leads: (file relative to the site, fragment)."""
    parts = urlsplit(href)
    if not parts.path:
        return page, unquote(parts.fragment)
    # A path from the root ("/el/x.html", as in 404.html) is read from the site's root.
    base = site if parts.path.startswith("/") else (site / page).parent
    target = base / unquote(parts.path.lstrip("/"))
    target = Path(*list(target.resolve().relative_to(site.resolve()).parts)) if _inside(site, target) else None
    if target is not None and (site / target).is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def _inside(site: Path, target: Path) -> bool:
    try:
        target.resolve().relative_to(site.resolve())
        return True
    except ValueError:
        return False


def is_external(url: str) -> bool:
    scheme = urlsplit(url).scheme
    return bool(scheme) or url.startswith("//")
