#!/usr/bin/env bash
# Run the whole test suite (it builds the site itself, into a temporary folder).
# Sets up what is missing first (scripts/setup.sh). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,3p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
# --every-script: the fonts of every script the book prints, for the languages the tests add
# (tests/test_new_scripts.py prints Japanese: fonts-noto-cjk).
bash scripts/setup.sh --every-script
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
