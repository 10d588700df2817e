#!/usr/bin/env bash
# Set up (see setup.sh) and start the app with the bundled sample report open.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/nianbao-gui --sample "$@"
