#!/usr/bin/env bash
# Set up everything the build and the tests need, on a fresh Debian or Ubuntu
# machine with Python 3.11: the Debian packages (scripts/system-packages.txt),
# a virtual environment in .venv with requirements.txt, and the npm packages
# (package.json). Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

say() { printf '==> %s\n' "$*"; }

# 1. Debian packages: only the missing ones, with sudo when not root.
missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < scripts/system-packages.txt
# npm (for package-lock.json) from Debian only where the machine has none of its own.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 2. Python packages, reinstalled when requirements.txt or pyproject.toml change.
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [[ ! -x .venv/bin/python ]]; then
  say "creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements.sha
want=$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [[ ! -f $stamp || "$(cat $stamp)" != "$want" ]]; then
  say "installing Python packages (requirements.txt)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.txt
  echo "$want" > "$stamp"
fi

# 3. npm packages (pinned in package.json / package-lock.json), when there are any.
if [[ -f package.json ]]; then
  stamp=node_modules/.lock.sha
  want=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
  if [[ ! -f $stamp || "$(cat $stamp)" != "$want" ]]; then
    say "installing npm packages (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
fi

say "set up: the Debian packages, .venv/ (Python $(.venv/bin/python -c 'import sys; print(".".join(map(str, sys.version_info[:3])))')) and the npm packages are ready"
