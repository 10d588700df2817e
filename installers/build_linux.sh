#!/usr/bin/env bash
# Build the Linux bundle (PyInstaller, one folder) and the .deb in the 统信UOS /opt/apps layout.
#
#   installers/build_linux.sh            # -> installers/build/out/cn.nianbao.app_<version>_<arch>.deb
#
# Environment:
#   PYTHON=python3.11            interpreter for the build venv (needs its shared libpython)
#   PYSIDE6='PySide6-Essentials==6.9.*'   pin Qt for old-glibc targets (UOS 20 / Kylin V10: glibc 2.28)
#   BUILD_DIR=installers/build   where the venv, the bundle and the package go
#   SKIP_SMOKE=1                 do not run the frozen app after building
# Build on the oldest distribution you support, on each CPU architecture (x86_64, arm64):
# the bundle needs a glibc at least as new as the build machine's.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/installers/build}"
PYTHON="${PYTHON:-python3}"
VENV="$BUILD_DIR/venv"
DIST="$BUILD_DIR/dist"
OUT="$BUILD_DIR/out"
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

step "build venv ($VENV)"
if [[ ! -x "$VENV/bin/python" ]]; then
    "$PYTHON" -m venv "$VENV"
fi
mapfile -t DEPS < <("$VENV/bin/python" - <<'PY'
import tomllib
for dep in tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]:
    print(dep)
PY
)
if [[ -n "${PYSIDE6:-}" ]]; then
    DEPS=("${DEPS[@]/#PySide6-Essentials*/$PYSIDE6}")
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${DEPS[@]}" "pyinstaller>=6.10"
VERSION="$("$VENV/bin/python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
ARCH="$(dpkg --print-architecture)"

step "PyInstaller bundle (one folder)"
start=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$BUILD_DIR/work" installers/nianbao.spec
echo "PyInstaller took $(( $(date +%s) - start )) s"
BUNDLE="$DIST/nianbao"
SAMPLE="$BUNDLE/_internal/resources/samples/sample_township_2025.nianbao"

if [[ -z "${SKIP_SMOKE:-}" ]]; then
    step "smoke test of the frozen app"
    SMOKE="$(mktemp -d)"
    trap 'rm -rf "$SMOKE"' EXIT
    export QT_QPA_PLATFORM=offscreen HOME="$SMOKE"
    "$BUNDLE/nianbao" --version
    "$BUNDLE/nianbao" check "$SAMPLE" | tail -n 1
    "$BUNDLE/nianbao" export "$SAMPLE" --docx "$SMOKE/sample.docx" --xlsx "$SMOKE/sample.xlsx"
    "$BUNDLE/nianbao" import "$SMOKE/sample.xlsx" -o "$SMOKE/reimported.nianbao"
    set +e
    timeout 5 "$BUNDLE/nianbao" >"$SMOKE/gui.log" 2>&1
    status=$?
    set -e
    if [[ $status -ne 124 ]]; then
        cat "$SMOKE/gui.log"
        echo "the GUI exited with status $status instead of staying open" >&2
        exit 1
    fi
    echo "GUI started and stayed open for 5 s (offscreen)"
    unset QT_QPA_PLATFORM
fi

step "system libraries vs Depends"
"$VENV/bin/python" -m installers.linux.check_depends "$BUNDLE"

step ".deb ($ARCH)"
STAGE="$BUILD_DIR/deb-root"
"$VENV/bin/python" -m installers.linux.stage --bundle "$BUNDLE" --root "$STAGE" --version "$VERSION" --arch "$ARCH"
mkdir -p "$OUT"
DEB="$OUT/cn.nianbao.app_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz -z9 --build "$STAGE" "$DEB"

step "sizes"
du -sh "$BUNDLE"
ls -l "$DEB"
echo "next: installers/verify_deb.sh $DEB   (install, run, purge; needs root)"
