"""Autosave to a recovery file, and finding recovery files left by a crash or power cut.

The recovery file lives in ``<AppDataLocation>/recovery``, one per running window, held by a
QLockFile so that a second running instance does not offer to "recover" a report that is still
open. It is written 2 s after the last change, and never later than 4 s after the first unsaved
change however steadily the user types, so a crash loses at most about 5 s of work. The report
is serialised on the GUI thread (about 0.2 ms for a full report) and written (temp file, fsync,
rename: milliseconds to, on a slow disk, much more) by a background thread, so typing never waits
for the disk. The file stays until the report is saved or the user discards the changes; a
restored report keeps the file it came from, so a second crash right after restoring loses nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from core import json_text
from core.document import Report
from core.records import record
from core.report_file import ReportFileError, report_from_dict, report_to_dict
from gui.document import ReportDocument

if TYPE_CHECKING:  # loaded with the first write, or the first recovery file found
    from PySide6.QtCore import QLockFile

    from gui.files.recovery_writer import RecoveryWriter

AUTOSAVE_DELAY_MS = 2000  # after the last change
AUTOSAVE_MAX_WAIT_MS = 4000  # after the first unsaved change, whatever the typing rhythm
RECOVERY_SUFFIX = ".recovery.json"
RECOVERY_FORMAT = "nianbao-recovery"


def recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


@record
class Recovered:
    file: Path
    report: Report
    original_path: Path | None
    saved_at: str

    def describe(self) -> str:
        where = str(self.original_path) if self.original_path else "未保存过的新报告"
        return f"{self.report.title}\n文件：{where}\n最后自动保存：{self.saved_at}"

    def discard(self) -> None:
        _remove(self.file)


class Autosaver(QObject):
    """Writes the document to its recovery file shortly after each change.

    ``file`` adopts an existing recovery file (the one a restored report came from)."""

    def __init__(self, folder: Path | None = None, parent: QObject | None = None, file: Path | None = None) -> None:
        super().__init__(parent)
        self.folder = folder or recovery_folder()
        self.file = file or self.folder / f"{os.getpid()}-{os.urandom(4).hex()}{RECOVERY_SUFFIX}"
        self._adopted = file is not None
        self._lock: QLockFile | None = None
        self.document: ReportDocument | None = None
        self._started_writer: RecoveryWriter | None = None  # made with the first write
        self._idle = self._timer(AUTOSAVE_DELAY_MS)
        self._deadline = self._timer(AUTOSAVE_MAX_WAIT_MS)
        self._timer = self._idle  # kept for callers that shorten the delay

    @property
    def _writer(self) -> RecoveryWriter:
        if self._started_writer is None:
            from gui.files.recovery_writer import RecoveryWriter

            self._started_writer = RecoveryWriter()
        return self._started_writer

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self.write_now)
        return timer

    def attach(self, document: ReportDocument) -> None:
        if self.document is not None:
            self.document.contentChanged.disconnect(self._changed)
            self.document.modifiedChanged.disconnect(self._modified_changed)
            self.discard()  # the previous report was saved or its changes were given up
        elif self._adopted:
            self._hold_lock()  # ours from now on: not offered to another instance, not deleted
        self.document = document
        document.contentChanged.connect(self._changed)
        document.modifiedChanged.connect(self._modified_changed)
        if document.is_modified:
            self._changed()

    def _changed(self) -> None:
        self._idle.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def write_now(self) -> None:
        """Serialise now and hand the bytes to the writer thread (the write itself does not wait)."""
        import json  # the encoder loads with the first autosave, not before the first window

        self._idle.stop()
        self._deadline.stop()
        document = self.document
        if document is None or not document.is_modified:
            return
        data = {
            "format": RECOVERY_FORMAT,
            "original_path": str(document.path) if document.path else None,
            "saved_at": dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
            "report": report_to_dict(document.report),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # best effort: autosave must never interrupt typing; the next change tries again
        self._hold_lock()
        self._writer.submit(self.file, json.dumps(data, ensure_ascii=False).encode("utf-8"))

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything handed to the writer is on disk; False on timeout."""
        return self._started_writer is None or self._started_writer.wait_idle(timeout)

    @property
    def last_write_ms(self) -> float | None:
        return self._started_writer.last_write_ms if self._started_writer else None

    def discard(self) -> None:
        """Remove the recovery file (after a save, or when the user chose not to keep the changes)."""
        self._idle.stop()
        self._deadline.stop()
        if self._started_writer is not None:
            self._started_writer.cancel()  # a write in flight finishes first, so nothing recreates the file
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        _remove(self.file)

    def _modified_changed(self, modified: bool) -> None:
        if not modified:
            self.discard()

    def _hold_lock(self) -> None:
        if self._lock is None:
            from PySide6.QtCore import QLockFile

            self._lock = QLockFile(str(self.file) + ".lock")
            self._lock.setStaleLockTime(0)
            self._lock.tryLock(0)


def find_recoverable(folder: Path | None = None) -> list[Recovered]:
    """Recovery files of windows that are no longer running, newest first."""
    folder = folder or recovery_folder()
    found: list[Recovered] = []
    if not folder.is_dir():
        return found
    for file in folder.glob("*" + RECOVERY_SUFFIX):
        from PySide6.QtCore import QLockFile

        lock = QLockFile(str(file) + ".lock")
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another running window owns it
        lock.unlock()
        try:
            data = json_text.loads(file.read_text(encoding="utf-8"))
            if data.get("format") != RECOVERY_FORMAT:
                continue
            report = report_from_dict(data["report"], "恢复文件")
        except (OSError, ValueError, KeyError, TypeError, RecursionError, ReportFileError):
            continue  # a torn or foreign file: leave it, it is not offered
        original = data.get("original_path")
        found.append(Recovered(file, report, Path(original) if isinstance(original, str) else None,
                               str(data.get("saved_at", ""))))
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found


def _remove(path: Path) -> None:
    for p in (path, Path(str(path) + ".lock")):
        try:
            p.unlink()
        except OSError:
            pass
