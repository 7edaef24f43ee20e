"""The printed pages as a person sees them: a PDF's pages drawn as pictures
(pdftoppm, from Debian's poppler-utils), their words with their places on the
page (pdftotext -bbox), and a page compared with an approved picture of it
(Pillow), so that a test can check the look of print, not only its text.

A page matches its approved picture when at most `tolerance` of its pixels
differ by more than `threshold` grey levels (of 255): a changed rule, a moved
block or a filled shape fails; the anti-aliasing of another machine with the
same fonts does not. On a mismatch, the new picture and a picture of the
difference (the approved page greyed, every differing pixel in red) are
written for a person to look at.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageOps

PDFTOPPM = "pdftoppm"
PDFTOTEXT = "pdftotext"
THRESHOLD = 48  # grey levels: a difference smaller than this is anti-aliasing, not a change
TOLERANCE = 0.002  # of a page's pixels: 0.2 %, about 300 pixels of an A4 page at 40 dpi
WORD = re.compile(
    r'<word xMin="(?P<x0>[\d.]+)" yMin="(?P<y0>[\d.]+)" xMax="(?P<x1>[\d.]+)" yMax="(?P<y1>[\d.]+)">(?P<text>[^<]*)</word>'
)
PAGE = re.compile(r'<page width="(?P<width>[\d.]+)" height="(?P<height>[\d.]+)">(?P<words>.*?)</page>', re.S)


class ToolMissing(RuntimeError):
    """pdftoppm or pdftotext is not installed (Debian's poppler-utils, scripts/system-packages.txt)."""


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise ToolMissing(f"{name} is missing: install Debian's poppler-utils (scripts/setup.sh does)")
    return found


def page_image(pdf: Path, page: int, dpi: int = 40, grey: bool = False) -> Image.Image:
    """One page (from 1) drawn at `dpi`, in colour or in grey (as a black-and-white printer prints it)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "page"
        command = [_tool(PDFTOPPM), "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile"]
        if grey:
            command.append("-gray")
        subprocess.run([*command, str(pdf), str(out)], check=True, capture_output=True)
        with Image.open(out.with_suffix(".png")) as image:
            return image.convert("L" if grey else "RGB")


def page_images(pdf: Path, dpi: int = 40, grey: bool = False) -> list[Image.Image]:
    """Every page drawn at `dpi` (one run of pdftoppm: faster than a page at a time)."""
    with tempfile.TemporaryDirectory() as folder:
        command = [_tool(PDFTOPPM), "-r", str(dpi), "-png"]
        if grey:
            command.append("-gray")
        subprocess.run([*command, str(pdf), str(Path(folder) / "page")], check=True, capture_output=True)
        images = []
        for path in sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
            with Image.open(path) as image:
                images.append(image.convert("L" if grey else "RGB"))
        return images


@dataclass(frozen=True)
class Word:
    text: str
    x0: float  # in PDF points from the page's top left
    y0: float
    x1: float
    y1: float


@dataclass
class PageWords:
    width: float  # points
    height: float
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def page_words(pdf: Path) -> list[PageWords]:
    """Every page's words with their boxes, in reading order (pdftotext -bbox)."""
    result = subprocess.run([_tool(PDFTOTEXT), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True)
    pages = []
    for page in PAGE.finditer(result.stdout):
        words = [
            Word(html.unescape(m["text"]), float(m["x0"]), float(m["y0"]), float(m["x1"]), float(m["y1"]))
            for m in WORD.finditer(page["words"])
        ]
        pages.append(PageWords(float(page["width"]), float(page["height"]), words))
    return pages


def page_texts(pdf: Path) -> list[str]:
    """Every page's text laid out as on paper, one string a page (pdftotext -layout)."""
    result = subprocess.run([_tool(PDFTOTEXT), "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    return result.stdout.split("\f")[:-1] if result.stdout.endswith("\f") else result.stdout.split("\f")


def dark_share(image: Image.Image, box: tuple[int, int, int, int] | None = None, level: int = 128) -> float:
    """The share of the pixels (of `box`, in pixels) darker than `level`: a black disc is near 1."""
    grey = ImageOps.grayscale(image.crop(box) if box else image)
    histogram = grey.histogram()
    total = sum(histogram)
    return sum(histogram[:level]) / total if total else 0.0


@dataclass
class Comparison:
    differing: float  # the share of pixels that differ by more than the threshold
    size_changed: bool
    new: Path | None = None  # where the new picture and the difference were written, on a mismatch
    difference: Path | None = None

    @property
    def matches(self) -> bool:
        return not self.size_changed and self.differing <= TOLERANCE


def compare(image: Image.Image, approved: Path, failures: Path, name: str) -> Comparison:
    """`image` against the approved picture `approved`; on a mismatch (or none approved yet), writes
    `failures`/<name>.new.png and <name>.diff.png for a person to look at."""
    reference = Image.open(approved).convert(image.mode) if approved.is_file() else None
    if reference is None or reference.size != image.size:
        result = Comparison(1.0, True)
    else:
        changed = ImageOps.grayscale(ImageChops.difference(image, reference)).point(
            lambda v: 255 if v > THRESHOLD else 0
        )
        histogram = changed.histogram()
        result = Comparison(histogram[255] / (image.width * image.height), False)
        if not result.matches:
            result.difference = failures / f"{name}.diff.png"
            failures.mkdir(parents=True, exist_ok=True)
            difference_picture(reference, changed).save(result.difference)
    if not result.matches:
        failures.mkdir(parents=True, exist_ok=True)
        result.new = failures / f"{name}.new.png"
        image.save(result.new)
    return result


def difference_picture(reference: Image.Image, changed: Image.Image) -> Image.Image:
    """The approved page, faded, with every pixel that changed in red."""
    faded = ImageOps.grayscale(reference).point(lambda v: 155 + v * 100 // 255).convert("RGB")
    red = Image.new("RGB", faded.size, (220, 0, 0))
    return Image.composite(red, faded, changed)


def approve(image: Image.Image, approved: Path) -> None:
    """Makes `image` the approved picture (a PNG, optimised: the references live in the repository)."""
    approved.parent.mkdir(parents=True, exist_ok=True)
    image.save(approved, optimize=True)
