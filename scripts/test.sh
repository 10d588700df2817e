#!/usr/bin/env bash
# Set up (see setup.sh, plus NSIS, 7-Zip and binutils for the installer tests, LibreOffice and poppler for the
# tests that render the Word export) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
NIANBAO_EXTRA_APT="nsis p7zip-full binutils libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils" bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
exec .venv/bin/python -m pytest -q "$@"
