"""The course as an app on a phone's home screen: one web app manifest per
language (<language root>manifest.webmanifest), in that language, starting at
that language's home page. Its scope is the whole site, so that the language
switcher stays inside the app."""

from __future__ import annotations

import json
from typing import Any, TypedDict

# The course's colour: --md-primary-fg-color in overrides/assets/stylesheets/course.css.
THEME_COLOUR = "#1d5c63"
BACKGROUND_COLOUR = "#ffffff"
ICON_SIZES = (180, 192, 512)  # 180: iOS's home-screen icon (<link rel="apple-touch-icon">)
MANIFEST_ICONS = ((192, "any"), (512, "any"), (512, "maskable"))
APPLE_TOUCH_ICON = 180


class ManifestIcon(TypedDict):
    src: str
    sizes: str
    type: str
    purpose: str


class AppManifest(TypedDict):
    """A web app manifest, with the members the course writes."""

    name: str
    short_name: str
    description: str
    lang: str
    dir: str
    start_url: str
    scope: str
    display: str
    background_color: str
    theme_color: str
    icons: list[ManifestIcon]


def icon_file(size: int) -> str:
    """An icon's path from the site root (drawn by scripts/make_app_icons.py)."""
    return f"assets/images/app-icon-{size}.png"


def app_manifest(lang: str, root: str, words: dict[str, Any], direction: str) -> AppManifest:
    """The manifest of one language; its paths are relative to where it is written (`root`)."""
    up = "../" * root.count("/")
    return {
        "name": words["site_name"],
        "short_name": words["app"]["short_name"],
        "description": words["site_description"],
        "lang": lang,
        "dir": direction,
        "start_url": "index.html",
        "scope": up or "./",
        "display": "standalone",
        "background_color": BACKGROUND_COLOUR,
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": up + icon_file(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for size, purpose in MANIFEST_ICONS
        ],
    }


def as_json(manifest: AppManifest) -> str:
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
