"""Build-time code of the course site (ARCHITECTURE.md tells how it fits together).

Plain Python with no MkDocs state: the hooks in ``hooks/`` hand MkDocs' events
to it, ``scripts/`` call it from the command line, ``tests/`` call it directly.
Sub-packages by concern, each importing only the layers below its own
(tests/test_code_layout.py keeps it so):

- ``errors``, ``config``   a ContentError names file, line and fix; what mkdocs.yml says
- ``sources/``              what people write, read and checked as text
- ``blocks/``               the course's Markdown blocks: quiz, exercise, pictures
- ``translation/``, ``print/``, ``web/``
                            languages kept in step; the course on paper; what the built site carries
- ``build/``                one build, from the source check to the swap of site/
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = PROJECT_ROOT / "docs"
STRINGS_DIR = PROJECT_ROOT / "i18n"
MKDOCS_YML = PROJECT_ROOT / "mkdocs.yml"
