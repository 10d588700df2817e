"""What the offscreen screenshot scripts share: a scratch configuration (nothing real is touched),
the application, the target folder, windows on a document, and a widget grabbed once Qt has painted.
Call ``start`` before importing anything of Qt or the app: it sets the environment they read."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gui.document import ReportDocument
    from gui.main_window import MainWindow


@dataclass
class ShotSession:
    app: Any  # the QApplication
    folder: Path
    scratch: Path
    settings: Any  # QSettings of the scratch configuration

    def window(self, document: ReportDocument | None, size: tuple[int, int] | None = None) -> MainWindow:
        from gui.files.autosave import Autosaver
        from gui.files.recent import RecentFiles
        from gui.main_window import MainWindow

        window = MainWindow(document, RecentFiles(self.settings), Autosaver(self.scratch / "recovery"))
        window.show()
        if size:
            window.resize(*size)
        self.app.processEvents()
        return window

    def grab(self, widget: Any, name: str) -> Path:
        for _ in range(3):
            self.app.processEvents()
        path = self.folder / name
        widget.grab().save(str(path))
        print(path, widget.width(), "×", widget.height())
        return path


def start(folder: str) -> ShotSession:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="nianbao-shots-"))
    os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_DATA_HOME"] = str(scratch)
    from PySide6.QtCore import QSettings

    from gui.app import create_application

    app = create_application([])
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    return ShotSession(app, target, scratch, QSettings(str(scratch / "s.ini"), QSettings.Format.IniFormat))


def close_unchanged(window: MainWindow) -> None:
    """Close a window whose document was changed only for the picture, without asking to save."""
    from PySide6.QtWidgets import QApplication

    window.document.undo_stack.setClean()
    window.document._forced_modified = False
    window.close()
    QApplication.processEvents()
