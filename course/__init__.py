"""Build-time code of the course site.

The modules here are plain Python with no MkDocs state: the hooks in
``hooks/`` call them during a build, ``scripts/`` call them from the command
line and ``tests/`` call them directly.
"""
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = PROJECT_ROOT / "docs"
STRINGS_DIR = PROJECT_ROOT / "i18n"
MKDOCS_YML = PROJECT_ROOT / "mkdocs.yml"
