"""Rendering a language's print page (written into the built site by
hooks/print_book.py) to its PDF with WeasyPrint, checking the result, and
keeping each PDF in a cache keyed by everything that goes into it.

A PDF is rendered again only when its print page (its units, the edition's
date), a file the page loads (the stylesheet, pictures), the installed fonts,
WeasyPrint or this module's way of rendering changed: a one-page edit renders
one book. Used by scripts/build_pdfs.py, course/build/site_build.py and
benchmarks/benchmark_pdf.py.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pydyf

from course import PROJECT_ROOT
from course.print import fonts, pdf_check, print_book

if TYPE_CHECKING:
    from weasyprint.formatting_structure.boxes import Box
    from weasyprint.layout.absolute import AbsolutePlaceholder

# Raise when render() changes what it writes: every cached PDF is then made again.
RENDERING = "2"  # 2: tagged PDF/UA-1, with the language of passages in another language
PDF_VARIANT = "pdf/ua-1"
CACHE_DIR = Path(os.environ.get("COURSE_PDF_CACHE", PROJECT_ROOT / ".cache" / "pdf"))
# The cache keeps the PDFs of the last two builds (at least this many): every PDF of a project
# with many languages survives one build, and an edit can go back to what it was.
CACHE_KEEP_AT_LEAST = 60
NOTDEF = re.compile(r'\.notdef glyph rendered for Unicode string unsupported by fonts: "(.*)" \(U\+')
LOCAL_REFERENCE = re.compile(r'(?:href|src)="(?![a-z]+:|#|//)([^"#?]+)"')


@dataclass
class Rendered:
    lang: str
    pdf: Path
    kind: str = "book"  # "book", "trainers" or "handout" (course/print/print_book.py)
    pages: int = 0
    size: int = 0  # bytes
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    unprintable: set[str] = field(default_factory=set)  # characters the book's fonts lack
    cached: bool = False  # taken from the cache, not rendered


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render(site_dir: Path, job: print_book.PrintJob, lang: str) -> Rendered:
    """site/<print page> -> site/<pdf>, tagged (PDF/UA-1), then checked."""
    import weasyprint  # imported here: a slow import, only for the processes that render

    source, target = site_dir / job.page, site_dir / job.pdf
    result = Rendered(lang, target, job.kind)
    if not source.is_file():
        result.problems.append(
            f"{source} is missing: build the site first (mkdocs build), which writes each language's print pages"
        )
        return result
    warnings = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(warnings)
    start = time.perf_counter()
    try:
        with passages_keep_their_language():
            document = weasyprint.HTML(filename=str(source)).render()
            target.parent.mkdir(parents=True, exist_ok=True)
            document.write_pdf(str(target), pdf_variant=PDF_VARIANT)
    finally:
        logger.removeHandler(warnings)
    result.seconds = time.perf_counter() - start
    result.pages = len(document.pages)
    result.size = target.stat().st_size
    # WeasyPrint warns of what it could not do: a missing image or stylesheet, CSS it ignores, a picture
    # without a text alternative (PDF/UA); and, once per character, one no font has: those are said once.
    boxes = "".join(found.group(1) for message in warnings.messages if (found := NOTDEF.search(message)))
    result.problems.extend(f"WeasyPrint: {message}" for message in warnings.messages if not NOTDEF.search(message))
    if boxes:
        result.problems.append(f"no font of the machine has {fonts.describe(boxes)}: they print as empty boxes")
    printed_with = pdf_check.fonts(target)  # read once, checked twice
    result.problems.extend(pdf_check.problems(printed_with, print_book.FONT_FAMILIES))
    result.unprintable = pdf_check.unprintable(printed_with, print_book.FONT_FAMILIES)
    return result


@contextmanager
def passages_keep_their_language() -> Iterator[None]:
    """WeasyPrint 70 tags the document's language, not that of a passage in another language
    (`lang` on an element: the English text of a page not translated yet, a title quoted in Greek).
    While a PDF is written, each structure element made for an element with a `lang` of its own
    gets that language (/Lang), so that a screen reader reads it in its own voice."""
    from weasyprint.pdf import tags

    original = tags._build_box_tree

    def build_box_tree(
        box: Box | AbsolutePlaceholder, parent: pydyf.Dictionary, pdf: pydyf.PDF, *args: object
    ) -> Iterator[pydyf.Dictionary]:
        lang = box.element.get("lang") if getattr(box, "element", None) is not None else None
        for element in original(box, parent, pdf, *args):
            if lang and element.get("P") == parent.reference and "Lang" not in element and not _is_root(box):
                element["Lang"] = pydyf.String(lang)
            yield element

    tags._build_box_tree = build_box_tree
    try:
        yield
    finally:
        tags._build_box_tree = original


def _is_root(box: Box | AbsolutePlaceholder) -> bool:
    return box.element_tag in ("html", "body")


def where_written(characters: set[str], files: list[Path], limit: int = 5) -> list[tuple[Path, int, str]]:
    """Where the sources use characters a PDF could not print: (file, line, characters), the first few."""
    found: list[tuple[Path, int, str]] = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").split("\n"), start=1):
            here = "".join(sorted(set(line) & characters))
            if here:
                found.append((path, number, here))
                if len(found) >= limit:
                    return found
    return found


# ---- the cache ------------------------------------------------------------------------------


def cache_key(site_dir: Path, job: print_book.PrintJob) -> str | None:
    """A hash of everything that makes the PDF what it is; None when the print page is missing."""
    source = site_dir / job.page
    if not source.is_file():
        return None
    page = source.read_bytes()
    digest = hashlib.sha256(b"rendering " + RENDERING.encode() + b"\n" + _tools_and_fonts().encode() + b"\n" + page)
    for reference in sorted(set(LOCAL_REFERENCE.findall(page.decode("utf-8", "replace")))):
        loaded = (source.parent / reference).resolve()
        digest.update(reference.encode() + b"\n" + (loaded.read_bytes() if loaded.is_file() else b"(missing)"))
    return digest.hexdigest()[:32]


@cache
def _tools_and_fonts() -> str:
    """WeasyPrint's version and every font the machine has (a changed font changes the PDF)."""
    import weasyprint

    try:
        fonts = subprocess.run(
            ["fc-list", "--format", "%{file} %{fontversion}\\n"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        fonts = "fc-list unavailable"
    return f"weasyprint {weasyprint.__version__}\n" + "\n".join(sorted(fonts.splitlines()))


def _from_cache(key: str, cache: Path, result: Rendered) -> bool:
    pdf, meta = cache / f"{key}.pdf", cache / f"{key}.json"
    if not (pdf.is_file() and meta.is_file()):
        return False
    recorded = json.loads(meta.read_text(encoding="utf-8"))
    result.pdf.parent.mkdir(parents=True, exist_ok=True)
    result.kind = recorded.get("kind", result.kind)
    shutil.copyfile(pdf, result.pdf)
    os.utime(pdf)  # newest first when the cache is pruned
    result.pages, result.size, result.cached = recorded["pages"], result.pdf.stat().st_size, True
    return True


def _into_cache(key: str, cache: Path, result: Rendered) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    temporary = cache / f".{key}.{os.getpid()}.pdf"
    shutil.copyfile(result.pdf, temporary)
    temporary.replace(cache / f"{key}.pdf")
    (cache / f"{key}.json").write_text(
        json.dumps({"lang": result.lang, "kind": result.kind, "pages": result.pages}), encoding="utf-8"
    )


def prune_cache(cache: Path, keep: int) -> None:
    """Only the `keep` newest PDFs stay in the cache (a PDF taken from it counts as new)."""
    for old in sorted(cache.glob("*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)[keep:]:
        old.unlink(missing_ok=True)
        old.with_suffix(".json").unlink(missing_ok=True)


def make_pdf(site_dir: Path, job: print_book.PrintJob, lang: str, cache: Path | None = CACHE_DIR) -> Rendered:
    """One PDF: from the cache when nothing that goes into it changed, else rendered."""
    key = cache_key(site_dir, job) if cache else None
    result = Rendered(lang, site_dir / job.pdf, job.kind)
    if key and cache and _from_cache(key, cache, result):
        return result
    result = render(site_dir, job, lang)
    if key and cache and not result.problems:
        _into_cache(key, cache, result)
    return result


def make_pdfs(
    site_dir: Path,
    langs: list[str],
    default: str,
    *,
    jobs: int = 0,
    cache: Path | None = CACHE_DIR,
    log: Callable[[Rendered], None] = lambda result: None,
) -> list[Rendered]:
    """Every PDF of every language (the book, the trainers' material, the handouts: whatever print
    pages the build wrote), rendered in parallel (one per core), each reported to `log` as it is done."""
    work = [(job, lang) for lang in langs for job in print_book.jobs_in(site_dir, lang, default)]
    missing = [lang for lang in langs if not any(code == lang for _, code in work)]
    results = [
        Rendered(
            lang,
            site_dir / print_book.pdf_path(lang, default),
            problems=[
                f"{site_dir / print_book.print_page_path(lang, default)} is missing: build the "
                "site first (mkdocs build), which writes each language's print pages"
            ],
        )
        for lang in missing
    ]
    workers = jobs or min(os.cpu_count() or 1, len(work)) or 1
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(make_pdf, site_dir, job, lang, cache) for job, lang in work]
        for future in as_completed(futures):
            results.append(future.result())
            log(results[-1])
    if cache and cache.is_dir():
        prune_cache(cache, max(CACHE_KEEP_AT_LEAST, 2 * len(work)))
    order = {job.pdf: index for index, (job, _) in enumerate(work)}
    return sorted(results, key=lambda r: (langs.index(r.lang), order.get(_relative(r.pdf, site_dir), -1)))


def _relative(path: Path, site_dir: Path) -> str:
    return path.relative_to(site_dir).as_posix() if path.is_relative_to(site_dir) else str(path)


def describe(result: Rendered, site_dir: Path) -> str:
    how = "unchanged, from the cache" if result.cached else f"rendered in {result.seconds:.1f} s"
    return (
        f"PDF {result.lang} {result.kind}: {_relative(result.pdf, site_dir)}, {result.pages} pages, "
        f"{result.size / 1024:.0f} KiB ({how})"
    )
