#!/usr/bin/env bash
# Set up (see setup.sh, plus NSIS, 7-Zip and binutils for the installer tests, Xvfb and fcitx5 for the
# input-method test) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# xvfb … dbus-x11: the input-method test (fcitx5 pinyin under Xvfb, tests/gui/test_input_method.py)
NIANBAO_EXTRA_APT="nsis p7zip-full binutils xvfb xdotool openbox xclip fcitx5 fcitx5-chinese-addons dbus-x11" bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
exec .venv/bin/python -m pytest -q "$@"
