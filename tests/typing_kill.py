"""Type steadily in the real app, kill it with SIGKILL, start it again: how much typing was lost?

Shared by tests/gui/test_typing_kill.py (a few seconds of typing) and benchmarks/typing_kill.py
(a minute). The child is the real app, offscreen (``python -m tests.typing_kill HOME``): it opens
the report through ``gui.app.open_windows`` (answering "恢复" when a recovery is offered), prints
``STARTED <characters in 五>``, and, unless told not to, types one Chinese character into chapter
五 every 0.3–1.5 s through an input-method commit, logging "<time> <length>" after each one.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT_KEY = "problems"
STARTED = "STARTED"


@dataclass
class Child:
    process: subprocess.Popen
    started_length: int  # characters in 五 once the window is up (what was restored)
    started_at: float


def start_child(home: Path, report: Path, typing: bool, seed: int = 1, timeout: float = 30) -> Child:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "tests.typing_kill", str(home), str(report), str(seed), "type" if typing else "idle"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith(STARTED):
            return Child(process, int(line.split()[1]), time.time())
        if not line and process.poll() is not None:
            break
    kill(process)
    raise RuntimeError(f"the app did not start (exit code {process.poll()})")


def kill(process: subprocess.Popen) -> float:
    """SIGKILL, as a power cut would; returns when it happened."""
    at = time.time()
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    if process.stdout is not None:
        process.stdout.close()
    return at


def typing_log(home: Path) -> list[tuple[float, int]]:
    path = home / "typing.log"
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:  # a line cut by the kill is ignored
            entries.append((float(parts[0]), int(parts[1])))
    return entries


def seconds_lost(entries: list[tuple[float, int]], killed_at: float, recovered_length: int) -> float:
    """Typing time lost: from the first character that was not recovered to the kill."""
    lost = [t for t, length in entries if length > recovered_length]
    return killed_at - lost[0] if lost else 0.0


# --- the child ---------------------------------------------------------------------------------


def _child(home: Path, report: Path, seed: int, typing: bool) -> int:
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(home / var.lower())
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QInputMethodEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    from gui import app as gui_app
    from gui.files import dialogs

    dialogs.ask_restore = lambda parent, description: True
    dialogs.show_error = lambda parent, title, message, details="": print("ERROR", message, flush=True)
    app = gui_app.create_application([])
    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    window = gui_app.open_windows([str(report)], home / "recovery", settings)[0]
    window.show()
    page = window.pages[TEXT_KEY]
    window.tabs.setCurrentWidget(page)
    editor = page.editors[TEXT_KEY].editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    print(STARTED, len(editor.toPlainText()), flush=True)
    rng = random.Random(seed)
    log = (home / "typing.log").open("a", encoding="utf-8")
    characters = "政府信息公开工作年度报告存在的主要问题及改进情况"

    def type_one(count: int = 0) -> None:
        event = QInputMethodEvent()
        event.setCommitString(characters[count % len(characters)])
        QApplication.sendEvent(editor, event)
        log.write(f"{time.time():.3f} {len(editor.toPlainText())}\n")
        log.flush()
        QTimer.singleShot(int(rng.uniform(300, 1500)), lambda: type_one(count + 1))

    if typing:
        QTimer.singleShot(int(rng.uniform(300, 1500)), type_one)
    return app.exec()


if __name__ == "__main__":
    home_arg, report_arg, seed_arg, mode = sys.argv[1:5]
    sys.exit(_child(Path(home_arg), Path(report_arg), int(seed_arg), mode == "type"))
