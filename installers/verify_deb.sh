#!/usr/bin/env bash
# Install the .deb, use the installed app (CLI export, GUI start offscreen), purge it, and check that
# nothing it installed is left behind. Run as root on a disposable machine or container.
#
#   installers/verify_deb.sh installers/build/out/cn.nianbao.app_<version>_<arch>.deb
set -euo pipefail

DEB="$(realpath "$1")"
PKG=cn.nianbao.app
PREFIX=/opt/apps/$PKG
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

step() { printf '\n== %s\n' "$*"; }

step "install $DEB"
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$DEB" >"$WORK/apt.log" 2>&1 \
    || { cat "$WORK/apt.log"; exit 1; }
grep -E "^(Setting up|Unpacking) $PKG" "$WORK/apt.log" || true
dpkg -L "$PKG" >"$WORK/files.txt"
echo "$(wc -l <"$WORK/files.txt") paths installed"
for path in /usr/bin/nianbao /usr/share/applications/$PKG.desktop "$PREFIX/info" \
            "$PREFIX/entries/applications/$PKG.desktop" /usr/share/icons/hicolor/48x48/apps/$PKG.png; do
    [[ -e "$path" ]] || { echo "missing after install: $path" >&2; exit 1; }
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$PREFIX/entries/applications/$PKG.desktop" && echo "desktop-file-validate: ok"
fi
MIME_CACHE=/usr/share/mime/application/x-nianbao.xml  # written by shared-mime-info's dpkg trigger
if command -v update-mime-database >/dev/null; then
    [[ -e "$MIME_CACHE" ]] || { echo "the MIME type was not registered" >&2; exit 1; }
    echo "MIME type application/x-nianbao registered (dpkg trigger, no maintainer script)"
fi
if [[ -f /usr/share/applications/mimeinfo.cache ]]; then
    grep "application/x-nianbao" /usr/share/applications/mimeinfo.cache || true
fi

step "use the installed app (as an ordinary user would: HOME in a scratch folder)"
export HOME="$WORK/home" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
SAMPLE="$PREFIX/files/_internal/resources/samples/sample_township_2025.nianbao"
nianbao --version
nianbao check "$SAMPLE" | tail -n 1
nianbao export "$SAMPLE" --docx "$WORK/x.docx" --xlsx "$WORK/x.xlsx"
ls -l "$WORK/x.docx" "$WORK/x.xlsx"
nianbao import "$WORK/x.xlsx" -o "$WORK/reimported.nianbao"
set +e
timeout 5 nianbao >"$WORK/gui.log" 2>&1
status=$?
set -e
[[ $status -eq 124 ]] || { cat "$WORK/gui.log"; echo "GUI exited with $status" >&2; exit 1; }
echo "GUI started and stayed open for 5 s"
unset QT_QPA_PLATFORM

step "nothing was written inside the installation"
find "$PREFIX" -newer "$WORK/files.txt" -print | tee "$WORK/new.txt"
[[ ! -s "$WORK/new.txt" ]] || { echo "the app wrote into $PREFIX" >&2; exit 1; }

step "purge"
apt-get purge -y "$PKG" >"$WORK/purge.log" 2>&1 || { cat "$WORK/purge.log"; exit 1; }
left=0
while IFS= read -r path; do
    # shared directories such as /usr/share/icons/hicolor/48x48/apps belong to other packages too
    if [[ -e "$path" || -L "$path" ]] && ! [[ -d "$path" && ! -L "$path" && "$path" != "$PREFIX"* ]]; then
        echo "left behind: $path"
        left=1
    fi
done <"$WORK/files.txt"
[[ ! -e "$PREFIX" ]] || { echo "left behind: $PREFIX"; left=1; }
[[ ! -e "$MIME_CACHE" ]] || { echo "left behind: $MIME_CACHE"; left=1; }
if [[ -f /usr/share/applications/mimeinfo.cache ]] && grep -q "$PKG" /usr/share/applications/mimeinfo.cache; then
    echo "left behind: $PKG in /usr/share/applications/mimeinfo.cache"; left=1
fi
[[ $left -eq 0 ]] && echo "purged: none of the $(wc -l <"$WORK/files.txt") installed paths remain"
exit $left
