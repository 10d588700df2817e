"""A background thread that writes recovery files, so the GUI thread never waits for the disk.

Only the newest bytes matter: a submission replaces one that has not been written yet. The write
is atomic (core.user_files.atomic_write_bytes), and the GIL is released while the disk works.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from core.user_files import atomic_write_bytes


class RecoveryWriter:
    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._pending: tuple[Path, bytes] | None = None
        self._busy = False
        self._thread: threading.Thread | None = None
        self.last_write_ms: float | None = None  # how long the last write took (shown in benchmarks)
        self.failures = 0  # best effort: a failed write is retried with the next change

    def submit(self, path: Path, data: bytes) -> None:
        with self._condition:
            self._pending = (path, data)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="nianbao-autosave", daemon=True)
                self._thread.start()
            self._condition.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        with self._condition:
            return self._condition.wait_for(lambda: self._pending is None and not self._busy, timeout)

    def cancel(self, timeout: float = 10.0) -> None:
        """Drop what is not yet written and wait for a write in progress to end."""
        with self._condition:
            self._pending = None
            self._condition.wait_for(lambda: not self._busy, timeout)

    def _run(self) -> None:
        while True:
            with self._condition:
                if not self._condition.wait_for(lambda: self._pending is not None, timeout=30):
                    self._thread = None  # idle for a while: end; the next submission starts another
                    return
                path, data = self._pending  # type: ignore[misc]
                self._pending = None
                self._busy = True
            start = time.perf_counter()
            try:
                atomic_write_bytes(path, data, keep_backup=False)
                self.last_write_ms = (time.perf_counter() - start) * 1000
            except Exception:  # noqa: BLE001 - never let the writer thread die; the next change retries
                self.failures += 1
            finally:
                with self._condition:
                    self._busy = False
                    self._condition.notify_all()
