"""The app on a real X display with fcitx5 pinyin: types with xdotool into a chapter text and into
grid cells, and writes what arrived in the report to RESULT_JSON.

    python -m tests.gui.input_method.driver RESULT_JSON

The input method is chosen as the frozen app chooses it (installers/pyinstaller/rth_input_method.py)
from what a fcitx desktop sets: QT_IM_MODULE=fcitx, which PyPI's PySide6 has no plugin for.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TIMEOUT = 15.0


def _choose_input_method() -> None:
    import PySide6

    spec = importlib.util.spec_from_file_location("rth_input_method",
                                                  ROOT / "installers" / "pyinstaller" / "rth_input_method.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    plugins = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforminputcontexts"
    hook.choose_input_method(os.environ, plugins)


def main(result_path: Path) -> int:
    _choose_input_method()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from core.document import Report
    from gui.app import create_application
    from gui.document import ReportDocument
    from gui.files.autosave import Autosaver
    from gui.files.recent import RecentFiles
    from gui.main_window import MainWindow

    app = create_application([])
    scratch = Path(tempfile.mkdtemp(prefix="nianbao-ime-"))
    document = ReportDocument(Report.new(2025, "某某镇人民政府"))
    window = MainWindow(document, RecentFiles(QSettings(str(scratch / "s.ini"), QSettings.Format.IniFormat)),
                        Autosaver(scratch / "recovery"))
    report = document.report
    result: dict[str, object] = {"QT_IM_MODULE": os.environ.get("QT_IM_MODULE"),
                                 "IBUS_USE_PORTAL": os.environ.get("IBUS_USE_PORTAL")}

    def pump_until(condition: Callable[[], bool], timeout: float = TIMEOUT) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            app.processEvents()
            if condition():
                return True
            time.sleep(0.02)
        return condition()

    def xdotool(*args: str) -> None:
        process = subprocess.Popen(["xdotool", *args])
        pump_until(lambda: process.poll() is not None)

    def settle() -> None:
        pump_until(lambda: False, 0.4)  # let fcitx5 answer over DBus

    window.show()
    window.activateWindow()
    result["window_active"] = pump_until(lambda: QApplication.activeWindow() is window)

    # 1. A chapter text: pinyin, the first candidate with Space, the next with its number key.
    page = window.pages["overview"]
    window.tabs.setCurrentWidget(page)
    editor = page.editors["overview"].editor
    editor.setFocus()
    pump_until(lambda: QApplication.focusWidget() is editor)
    xdotool("type", "--delay", "60", "zhengfu")
    settle()
    result["preedit_seen"] = editor.toPlainText() == ""  # pinyin is held in the preedit, not typed
    xdotool("key", "space")
    xdotool("type", "--delay", "60", "gongkai")
    settle()
    xdotool("key", "1")
    pump_until(lambda: report.text("overview") == "政府公开")
    result["overview"] = report.text("overview")

    # 2. A grid cell with pinyin on: digits and Enter pass through, the value lands in the report.
    grid = window.pages["applications"]
    window.tabs.setCurrentWidget(grid)
    view, model = grid.view, grid.model
    view.setFocus()
    view.setCurrentIndex(model.index_of_cell("t3.new.natural"))
    pump_until(lambda: QApplication.focusWidget() is view)
    xdotool("type", "--delay", "60", "12")
    settle()
    xdotool("key", "Return")
    pump_until(lambda: report.value("t3.new.natural") == 12)
    result["t3.new.natural"] = report.value("t3.new.natural")
    result["after_enter"] = model.cell_key(view.currentIndex())

    # 3. Chinese typed into a number cell arrives there, is refused with a message, and stays visible.
    xdotool("type", "--delay", "60", "yi")
    settle()
    xdotool("key", "space")
    pump_until(lambda: view.state() == view.State.EditingState and getattr(QApplication.focusWidget(), "text",
                                                                            lambda: "")() == "一")
    xdotool("key", "Return")
    settle()
    focus = QApplication.focusWidget()
    result["cell_editor_text"] = focus.text() if hasattr(focus, "text") else None
    result["t3.carried_over.natural"] = report.value("t3.carried_over.natural")
    result["status"] = window.statusBar().currentMessage()

    result_path.write_text(json.dumps(result, ensure_ascii=False, default=str), encoding="utf-8")
    document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
