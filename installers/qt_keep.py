"""Which Qt plugins and translations the bundle keeps (everything else PySide6 ships is dropped).

The app is a Qt Widgets program that reads and writes local files: it needs a platform plugin,
input methods (Chinese input on Linux goes through ibus/fcitx), SVG/ICO icons and the Windows
styles. It never needs networking, SQL, QML, printing or OpenGL plugins.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

ALL = "*"

# plugin directory -> plugin names kept ("qxcb" for libqxcb.so / qxcb.dll), or ALL
KEPT_PLUGINS: dict[str, frozenset[str] | str] = {
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qwindows"}),
    "platforminputcontexts": ALL,  # compose, ibus, fcitx/fcitx5 if present (virtual keyboard dropped below)
    "imageformats": frozenset({"qico", "qsvg"}),  # PNG is built into QtGui
    "iconengines": frozenset({"qsvgicon"}),
    "styles": ALL,  # Windows: qmodernwindowsstyle (the native Windows 10/11 look)
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient"}),
}
DROPPED_PLUGIN_WORDS = ("virtualkeyboard",)  # needs Qt Quick: tens of MB for a feature desktops don't use

KEPT_TRANSLATIONS = frozenset({"qtbase_zh_CN.qm"})  # load with QTranslator.load("qtbase_zh_CN", TranslationsPath)

_PLUGIN = re.compile(r"(^|/)plugins/(?P<kind>[^/]+)/(?P<file>[^/]+)$")
_TRANSLATION = re.compile(r"(^|/)translations/(?P<file>[^/]+\.qm)$")


def plugin_name(file_name: str) -> str:
    """'libqxcb.so' -> 'qxcb', 'qwindows.dll' -> 'qwindows', 'libxdg-shell.so' -> 'xdg-shell'."""
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_qt_file(dest: str) -> bool:
    """False for a Qt plugin or Qt translation the app does not need; True for every other file."""
    dest = dest.replace("\\", "/")
    if "PySide6/" not in dest and not dest.startswith(("plugins/", "translations/")):
        return True  # the app's own resources/translations are always kept
    if match := _PLUGIN.search(dest):
        kept = KEPT_PLUGINS.get(match["kind"])
        name = plugin_name(match["file"])
        if kept is None or any(word in name for word in DROPPED_PLUGIN_WORDS):
            return False
        return kept == ALL or name in kept
    if match := _TRANSLATION.search(dest):
        return PurePosixPath(match["file"]).name in KEPT_TRANSLATIONS
    return True
