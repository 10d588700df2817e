"""Reading the units' files off the main thread; 取消 stops it after the file being read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from core.aggregate.collect import Cancelled, Submission, collect


class CollectThread(QThread):
    progressed = Signal(int, int, str)  # files done, files in all, file name

    def __init__(self, paths: list[Path], year: int) -> None:
        super().__init__()
        self.paths, self.year = paths, year
        self.result: list[Submission] | None = None
        self.error: Exception | None = None
        self.cancelled = False

    def run(self) -> None:
        try:
            # One process: worker processes would have to start a new interpreter from a GUI.
            self.result = collect(self.paths, self.year, workers=1, progress=self._progress)
        except Cancelled:
            self.cancelled = True
        except Exception as error:  # shown by the window as a Chinese message, never a traceback
            self.error = error

    def _progress(self, done: int, total: int, name: str) -> None:
        if self.isInterruptionRequested():
            raise Cancelled
        self.progressed.emit(done, total, name)
