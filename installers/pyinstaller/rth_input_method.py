"""PyInstaller runtime hook: keep Chinese input working when the desktop asks for fcitx.

PySide6 ships Qt's ibus and compose input-method plugins but no fcitx plugin (fcitx builds its own,
per Qt version). When QT_IM_MODULE names fcitx and the bundle has no fcitx plugin, Qt would load no
input method at all, and the user could not type Chinese. fcitx5 also speaks the ibus protocol
(its "ibus frontend" add-on, on by default), so ibus is the best fallback.

Qt's ibus plugin, though, declares itself unusable unless an ``ibus-daemon`` executable is on PATH
(qibusplatforminputcontext.cpp), which a desktop running fcitx5 alone does not have; it then falls
back to no input method. With IBUS_USE_PORTAL set it talks to org.freedesktop.portal.IBus on the
session bus instead, which fcitx5's ibus frontend (and ibus itself) provides.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import MutableMapping
from pathlib import Path


def choose_input_method(env: MutableMapping[str, str], plugin_dir: Path) -> str | None:
    """Set QT_IM_MODULE to 'ibus' if it asks for a fcitx plugin the bundle lacks; returns the new value.

    Whenever ibus is to be used without an ibus-daemon on PATH, IBUS_USE_PORTAL is set as well.
    """
    wanted = env.get("QT_IM_MODULE", "").strip().lower()
    if not wanted and "fcitx" in env.get("XMODIFIERS", "").lower():
        wanted = "fcitx"
    chosen = None
    if wanted.startswith("fcitx") and not (plugin_dir.is_dir()
                                           and any("fcitx" in plugin.name for plugin in plugin_dir.iterdir())):
        env["QT_IM_MODULE"] = chosen = "ibus"
    if env.get("QT_IM_MODULE", "").strip().lower() == "ibus" and not shutil.which(
            "ibus-daemon", path=env.get("PATH", os.defpath)):
        env.setdefault("IBUS_USE_PORTAL", "1")
    return chosen


if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):
    _bundle = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    choose_input_method(os.environ, _bundle / "PySide6" / "Qt" / "plugins" / "platforminputcontexts")
