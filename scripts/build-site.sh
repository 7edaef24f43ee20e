#!/usr/bin/env bash
# Build the whole course into site/: every language, strictly (a broken link,
# a missing translation or a malformed quiz stops the build with the file and
# line), the PDF of the course in each language and the offline zip. The new
# site replaces site/ only when all of it succeeded: a failed build leaves
# site/ as it was. Sets up what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
bash scripts/setup.sh
exec .venv/bin/python scripts/build_site.py "$@"
