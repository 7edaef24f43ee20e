#!/usr/bin/env python3
"""Draw the course's app icons (the home-screen icon of a phone) from their SVG.

  .venv/bin/python scripts/make_app_icons.py

overrides/assets/images/app-icon.svg is drawn by Debian's chromium, at every
size the web app manifest (course/web/web_app.py) and iOS ask for, into
overrides/assets/images/app-icon-<size>.png. The PNGs are kept in the project:
run this again only when the SVG changes. The picture fills the square (the
background colour to the edges) and keeps its figures inside the middle 80%,
so it also serves as a "maskable" icon, which Android cuts into a circle.
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from course import PROJECT_ROOT
from course.web.web_app import ICON_SIZES, icon_file

IMAGES = PROJECT_ROOT / "overrides" / "assets" / "images"


def main() -> int:
    from browser import browser_session

    svg = base64.b64encode((IMAGES / "app-icon.svg").read_bytes()).decode("ascii")
    with browser_session() as chromium:
        for size in ICON_SIZES:
            page = chromium.new_page(viewport={"width": size, "height": size})
            page.set_content(
                f'<body style="margin:0"><img src="data:image/svg+xml;base64,{svg}"'
                f' width="{size}" height="{size}" style="display:block"></body>'
            )
            target = PROJECT_ROOT / "overrides" / icon_file(size)
            page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": size, "height": size})
            page.close()
            print(f"==> {target.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
