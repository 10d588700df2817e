"""Recently opened or saved report files, remembered in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8
_KEY = "recentFiles"


class RecentFiles:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()

    def paths(self) -> list[Path]:
        raw = self.settings.value(_KEY, []) or []
        if isinstance(raw, str):  # QSettings returns a bare string for a one-element list
            raw = [raw]
        return [Path(p) for p in raw]

    def existing(self) -> list[Path]:
        return [p for p in self.paths() if p.is_file()]

    def add(self, path: Path) -> None:
        path = Path(path).resolve()
        current = self.paths()
        paths = [path] + [p for p in current if p != path]
        if paths[:MAX_RECENT] == current:
            return  # already the newest: no write (and no disk sync) as the window opens
        self.settings.setValue(_KEY, [str(p) for p in paths[:MAX_RECENT]])
        self.settings.sync()

    def remove(self, path: Path) -> None:
        self.settings.setValue(_KEY, [str(p) for p in self.paths() if p != Path(path)])

    def clear(self) -> None:
        self.settings.setValue(_KEY, [])
