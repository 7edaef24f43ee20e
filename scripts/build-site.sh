#!/usr/bin/env bash
# Build the whole course into site/: every language, strictly (a broken link,
# a missing translation or a malformed quiz stops the build with the file and
# line), then the PDF of the course in each language. Sets up what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
echo "==> building the site into site/"
.venv/bin/mkdocs build --strict
echo "==> making the PDF of the course in each language (scripts/build_pdfs.py)"
.venv/bin/python scripts/build_pdfs.py --site-dir site
.venv/bin/python scripts/package_offline.py --site-dir site
echo "==> done: open site/index.html, or serve it with: .venv/bin/python -m http.server -d site"
