#!/usr/bin/env bash
# Set up (see setup.sh, plus the tools the export and installer tests use) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
NIANBAO_EXTRA_APT="libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils nsis p7zip-full" bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
exec .venv/bin/python -m pytest -q "$@"
