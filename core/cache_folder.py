"""Where the app keeps what it can always make again (the built templates): the user's cache folder.

``NIANBAO_CACHE_DIR`` overrides it (tests point it at a temporary folder; set but empty, nothing is
cached). Otherwise the platform's own: %LOCALAPPDATA%\\nianbao\\cache on Windows, ~/Library/Caches/nianbao
on macOS, $XDG_CACHE_HOME/nianbao (else ~/.cache/nianbao) elsewhere.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "nianbao"
OVERRIDE = "NIANBAO_CACHE_DIR"


def cache_folder() -> Path | None:
    """The folder (perhaps not made yet), or None when caching is switched off or there is no home."""
    override = os.environ.get(OVERRIDE)
    if override is not None:
        return Path(override) if override else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / APP_FOLDER / "cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_FOLDER
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return Path(base) / APP_FOLDER
    home = os.environ.get("HOME")
    return Path(home) / ".cache" / APP_FOLDER if home else None
