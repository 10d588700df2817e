"""PyInstaller runtime hook: keep Chinese input working when the desktop asks for fcitx.

PySide6 ships Qt's ibus and compose input-method plugins but no fcitx plugin (fcitx builds its own,
per Qt version). When QT_IM_MODULE names fcitx and the bundle has no fcitx plugin, Qt would load no
input method at all, and the user could not type Chinese. fcitx5 also speaks the ibus protocol
(its "ibus frontend" add-on, on by default), so ibus is the best fallback.

Qt's ibus plugin, though, declares itself unusable unless an ``ibus-daemon`` executable is on PATH
(qibusplatforminputcontext.cpp), which a desktop running fcitx5 alone does not have; it then falls
back to no input method. With IBUS_USE_PORTAL set it talks to org.freedesktop.portal.IBus on the
session bus instead, which fcitx5's ibus frontend (and ibus itself) provides.

It runs at every start, `nianbao --version` too, so it uses only what the frozen interpreter has
loaded already (os, not pathlib or shutil: together about 10 ms on a slow PC).
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping


def choose_input_method(env: MutableMapping[str, str], plugin_dir: str | os.PathLike[str]) -> str | None:
    """Set QT_IM_MODULE to 'ibus' if it asks for a fcitx plugin the bundle lacks; returns the new value.

    Whenever ibus is to be used without an ibus-daemon on PATH, IBUS_USE_PORTAL is set as well.
    """
    wanted = env.get("QT_IM_MODULE", "").strip().lower()
    if not wanted and "fcitx" in env.get("XMODIFIERS", "").lower():
        wanted = "fcitx"
    chosen = None
    if wanted.startswith("fcitx") and not any("fcitx" in name for name in _names_in(plugin_dir)):
        env["QT_IM_MODULE"] = chosen = "ibus"
    if env.get("QT_IM_MODULE", "").strip().lower() == "ibus" and not _on_path("ibus-daemon", env.get("PATH", os.defpath)):
        env.setdefault("IBUS_USE_PORTAL", "1")
    return chosen


def _names_in(folder: str | os.PathLike[str]) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _on_path(program: str, path: str) -> bool:
    """Whether ``program`` is an executable file in a folder of ``path`` (as shutil.which finds it)."""
    for folder in path.split(os.pathsep):
        candidate = os.path.join(folder, program)
        if folder and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return True
    return False


if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):
    _bundle = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
    choose_input_method(os.environ, os.path.join(_bundle, "PySide6", "Qt", "plugins", "platforminputcontexts"))
