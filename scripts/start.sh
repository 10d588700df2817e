#!/usr/bin/env bash
# Set up (see setup.sh) and start the app on its start page (the bundled sample opens read-only).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" = "" ]; then
  echo "没有图形显示环境（DISPLAY / WAYLAND_DISPLAY 未设置），无法打开窗口。" >&2
  echo "No display: start this from a desktop session, or under Xvfb: xvfb-run bash scripts/start.sh" >&2
  echo "先用命令行检查示例年报 / checking the sample report from the command line instead:" >&2
  exec .venv/bin/nianbao check resources/samples/sample_township_2025.nianbao
fi
exec .venv/bin/nianbao-gui "$@"
