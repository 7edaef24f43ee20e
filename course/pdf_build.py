"""Rendering a language's print page (written into the built site by
hooks/print_book.py) to its PDF with WeasyPrint, and checking the result.

Used by scripts/build_pdfs.py (the build) and scripts/benchmark_pdf.py.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from course import pdf_check, print_book


@dataclass
class Rendered:
    lang: str
    pdf: Path
    pages: int = 0
    size: int = 0                  # bytes
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def render(site_dir: Path, lang: str, default: str) -> Rendered:
    """site/<prefix>print.html -> site/<prefix>downloads/<book>-<lang>.pdf, checked."""
    import weasyprint  # imported here: a slow import, only for the processes that render

    source = site_dir / print_book.print_page_path(lang, default)
    target = site_dir / print_book.pdf_path(lang, default)
    result = Rendered(lang, target)
    if not source.is_file():
        result.problems.append(f"{source} is missing: build the site first (mkdocs build), "
                               "which writes each language's print page")
        return result
    warnings = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(warnings)
    start = time.perf_counter()
    try:
        document = weasyprint.HTML(filename=str(source)).render()
        target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(str(target))
    finally:
        logger.removeHandler(warnings)
    result.seconds = time.perf_counter() - start
    result.pages = len(document.pages)
    result.size = target.stat().st_size
    # WeasyPrint warns of what it could not do: a missing image or stylesheet, CSS it ignores.
    result.problems.extend(f"WeasyPrint: {message}" for message in warnings.messages)
    result.problems.extend(pdf_check.problems(target, print_book.FONT_FAMILIES))
    return result
