"""Pictures drawn from a page's own words, as SVG, for the `circles` and `hub` blocks
(course/blocks/extension.py):

- circles: concentric rings, the first word in the centre, each next one a ring further out
  (an order: closest to farthest);
- hub: the first word in the centre, the others around it at the same distance, in no order.

Each picture carries its own colours, line widths and font size as SVG attributes. WeasyPrint
draws an inline SVG from its own attributes only, never the page's CSS: without them every
shape is filled black (the black discs the trainers found on paper). The attributes give thin
dark-grey lines on white, with black words: the same picture on screen (where course.css may
colour it), in the browser's print and in the PDFs, in colour and in grey.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as etree

from markdown.util import AtomicString

PAPER = "#ffffff"
LINE = "#4d4d4d"  # dark grey: a clear line on any printer, lighter than the words
INK = "#111111"
STROKE = "2"  # in picture units: 0.4 mm on a picture printed 12 cm wide
FONT_SIZE = 22
CHARACTER_WIDTH = 0.56  # a letter's width in ems, on average (Noto Sans): how wide a label is

# The hub: the word in the middle in a circle, each around it in an ellipse, joined by a spoke.
CENTRE_RADIUS = 78
AROUND_RX, AROUND_RY = 96, 40
NEAREST = 175  # the distance from the centre to each word around it, when they fit around it
MARGIN = 8


def new_svg(parent: etree.Element, width: float, height: float, css_class: str, title: str) -> etree.Element:
    """An SVG picture, hidden from screen readers (the page gives its words as a list), with `title`
    as its text alternative in the tagged PDF."""
    svg = etree.SubElement(
        parent,
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width:.0f} {height:.0f}",
            "aria-hidden": "true",
            "focusable": "false",
            "class": css_class,
            "font-size": str(FONT_SIZE),
            "fill": INK,
        },
    )
    etree.SubElement(svg, "title").text = AtomicString(title)
    return svg


def label(svg: etree.Element, text: str, x: float, y: float, room: float, css_class: str) -> None:
    """Words centred on (x, y), made smaller, then narrower, if they are wider than `room`."""
    attributes = {
        "x": f"{x:.1f}",
        "y": f"{y + FONT_SIZE * 0.35:.1f}",
        "text-anchor": "middle",
        "class": css_class,
        # the room the words have, centred on x: print lays them out there as text of its own
        # (course/print/print_book.py), for scripts an SVG text cannot set (Arabic, Devanagari)
        "data-room": f"{room:.0f}",
    }
    width = len(text) * FONT_SIZE * CHARACTER_WIDTH
    if width > room:
        size = max(FONT_SIZE * 0.8, FONT_SIZE * room / width)
        attributes["font-size"] = f"{size:.1f}"
        attributes["y"] = f"{y + size * 0.35:.1f}"
        if len(text) * size * CHARACTER_WIDTH > room:
            attributes.update({"textLength": f"{room:.0f}", "lengthAdjust": "spacingAndGlyphs"})
    etree.SubElement(svg, "text", attributes).text = AtomicString(text)


def draw_circles(parent: etree.Element, words: list[str], title: str, size: int = 600) -> etree.Element:
    """Concentric rings to write in: words[0] in the centre, each next word a ring further out,
    its label in the upper part of its ring's band, leaving the rest of the band to write in."""
    svg = new_svg(parent, size, size, "circles-figure__svg", title)
    count = len(words)
    step = (size / 2 - 6) / count
    for ring in range(count, 0, -1):  # outermost first, so inner circles are drawn on top
        etree.SubElement(
            svg,
            "circle",
            {
                "cx": str(size / 2),
                "cy": str(size / 2),
                "r": f"{step * ring:.1f}",
                "fill": PAPER,
                "stroke": LINE,
                "stroke-width": STROKE,
                "class": f"circles-figure__ring circles-figure__ring--{ring}",
            },
        )
    for ring, text in enumerate(words, start=1):
        offset = 0 if ring == 1 else step * (ring - 0.5)  # the middle of the ring's band
        room = 0.9 * 2 * math.sqrt(max((step * ring) ** 2 - (offset + FONT_SIZE / 2) ** 2, 0))
        label(svg, text, size / 2, size / 2 - offset, room, "circles-figure__label")
    return svg


def hub_distance(count: int) -> float:
    """How far the words around the centre are from it: the same for all, and far enough that
    two neighbours do not overlap."""
    if count < 2:
        return NEAREST
    return max(NEAREST, 1.05 * AROUND_RX / math.sin(math.pi / count))


def draw_hub(parent: etree.Element, words: list[str], title: str) -> etree.Element:
    """words[0] in a circle in the centre, the others in ellipses around it, at the same distance
    and the same angle apart (the first at the top, then clockwise: no word is nearer than another)."""
    around = words[1:]
    distance = hub_distance(len(around))
    half_width = distance + AROUND_RX + MARGIN
    half_height = (distance + AROUND_RY + MARGIN) if around else CENTRE_RADIUS + MARGIN
    cx, cy = half_width, half_height
    svg = new_svg(parent, 2 * half_width, 2 * half_height, "hub-figure__svg", title)
    places = []
    for index in range(len(around)):
        angle = -math.pi / 2 + 2 * math.pi * index / len(around)
        places.append((cx + distance * math.cos(angle), cy + distance * math.sin(angle), angle))
    for _, _, angle in places:  # the spokes first, under the shapes
        start = CENTRE_RADIUS
        end = distance - _ellipse_radius(angle)
        etree.SubElement(
            svg,
            "line",
            {
                "x1": f"{cx + start * math.cos(angle):.1f}",
                "y1": f"{cy + start * math.sin(angle):.1f}",
                "x2": f"{cx + end * math.cos(angle):.1f}",
                "y2": f"{cy + end * math.sin(angle):.1f}",
                "stroke": LINE,
                "stroke-width": STROKE,
                "class": "hub-figure__spoke",
            },
        )
    shape = {"fill": PAPER, "stroke": LINE, "stroke-width": STROKE}
    etree.SubElement(
        svg,
        "circle",
        {"cx": f"{cx:.1f}", "cy": f"{cy:.1f}", "r": str(CENTRE_RADIUS), **shape, "class": "hub-figure__centre"},
    )
    label(svg, words[0], cx, cy, 1.7 * CENTRE_RADIUS, "hub-figure__label hub-figure__label--centre")
    for (x, y, _), text in zip(places, around, strict=True):
        etree.SubElement(
            svg,
            "ellipse",
            {
                "cx": f"{x:.1f}",
                "cy": f"{y:.1f}",
                "rx": str(AROUND_RX),
                "ry": str(AROUND_RY),
                **shape,
                "class": "hub-figure__around",
            },
        )
        label(svg, text, x, y, 1.7 * AROUND_RX, "hub-figure__label")
    return svg


def _ellipse_radius(angle: float) -> float:
    """The distance from an ellipse's centre to its edge, towards the hub's centre."""
    cos, sin = math.cos(angle), math.sin(angle)
    return AROUND_RX * AROUND_RY / math.hypot(AROUND_RY * cos, AROUND_RX * sin)
