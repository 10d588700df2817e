"""Reading a workbook off the main thread, with a progress dialog whose 取消 stops it between steps.
The window stays responsive; the reader itself is bounded (a few seconds at most)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget


class ImportThread(QThread):
    progressed = Signal(int, str)

    def __init__(self, read: Callable[..., Any], path: Path) -> None:
        super().__init__()
        self.read, self.path = read, path
        self.result: Any = None
        self.error: Exception | None = None
        self.cancelled = False

    def run(self) -> None:
        from core.imports import ImportCancelled

        try:
            self.result = self.read(self.path, progress=self._progress)
        except ImportCancelled:
            self.cancelled = True
        except Exception as error:  # shown by the caller as a Chinese message, never a traceback
            self.error = error

    def _progress(self, percent: int, what: str) -> None:
        from core.imports import ImportCancelled

        if self.isInterruptionRequested():
            raise ImportCancelled
        self.progressed.emit(percent, what)


class _ProgressView(QObject):
    """Lives in the GUI thread, so the worker's signals reach the dialog queued."""

    def __init__(self, dialog: QProgressDialog, name: str) -> None:
        super().__init__(dialog)
        self.dialog, self.name = dialog, name

    @Slot(int, str)
    def show_step(self, percent: int, what: str) -> None:
        self.dialog.setLabelText(f"正在读取“{self.name}”：{what}……")
        self.dialog.setValue(percent)


def read_in_background(parent: QWidget | None, read: Callable[..., Any], path: Path,
                       title: str = "导入 Excel") -> ImportThread:
    """Run ``read(path, progress=…)`` in a thread and wait for it with a cancellable progress dialog;
    the finished thread carries ``result``, ``error`` or ``cancelled``."""
    thread = ImportThread(read, path)
    dialog = QProgressDialog(f"正在读取“{path.name}”……", "取消", 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    view = _ProgressView(dialog, path.name)
    thread.progressed.connect(view.show_step)
    dialog.canceled.connect(thread.requestInterruption)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    thread.start()
    if not thread.isFinished():
        loop.exec()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    return thread
