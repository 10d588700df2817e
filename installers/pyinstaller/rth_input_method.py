"""PyInstaller runtime hook: keep Chinese input working when the desktop asks for fcitx.

PySide6 ships Qt's ibus and compose input-method plugins but no fcitx plugin (fcitx builds its own,
per Qt version). When QT_IM_MODULE names fcitx and the bundle has no fcitx plugin, Qt would load no
input method at all, and the user could not type Chinese. fcitx5 also speaks the ibus protocol
(its "ibus frontend" add-on, on by default), so ibus is the best fallback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path


def choose_input_method(env: MutableMapping[str, str], plugin_dir: Path) -> str | None:
    """Set QT_IM_MODULE to 'ibus' if it asks for a fcitx plugin the bundle lacks; returns the new value."""
    wanted = env.get("QT_IM_MODULE", "").strip().lower()
    if not wanted and "fcitx" in env.get("XMODIFIERS", "").lower():
        wanted = "fcitx"
    if not wanted.startswith("fcitx"):
        return None
    if plugin_dir.is_dir() and any("fcitx" in plugin.name for plugin in plugin_dir.iterdir()):
        return None
    env["QT_IM_MODULE"] = "ibus"
    return "ibus"


if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):
    _bundle = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    choose_input_method(os.environ, _bundle / "PySide6" / "Qt" / "plugins" / "platforminputcontexts")
