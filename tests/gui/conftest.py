"""Qt tests run offscreen, with the user's folders redirected so nothing real is touched."""

from __future__ import annotations

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = tempfile.mkdtemp(prefix="nianbao-gui-tests-")
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_HOME, _var.lower())

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.document import Report  # noqa: E402
from core.report_file import load_report  # noqa: E402
from gui.document import ReportDocument  # noqa: E402
from gui.files import dialogs  # noqa: E402
from gui.files.autosave import Autosaver  # noqa: E402
from gui.files.recent import RecentFiles  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from resources import SAMPLE_REPORT  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="session")
def qapp_args():
    return ["nianbao-tests"]


@pytest.fixture(autouse=True)
def _isolated(qapp, tmp_path, monkeypatch):
    QStandardPaths.setTestModeEnabled(True)
    qapp.setApplicationName("nianbao-tests")
    qapp.setOrganizationName("nianbao-tests")
    monkeypatch.setattr("gui.files.autosave.recovery_folder", lambda: tmp_path / "recovery")

    def no_dialog(*args, **kwargs):
        raise AssertionError(f"unexpected modal dialog: {args[1:] if len(args) > 1 else args}")

    for name in ("ask_save_changes", "show_error", "show_info", "ask_restore", "ask_accept_import", "ask_report_year",
                 "ask_font_set", "show_paste_problems", "ask_open_path", "ask_save_path", "ask_replace_read_only",
                 "ask_export_despite_problems", "ask_after_export"):
        monkeypatch.setattr(dialogs, name, no_dialog)
    monkeypatch.setattr("gui.tables.paste_dialog.show_paste_problems", no_dialog)


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def recovery_dir(tmp_path) -> Path:
    return tmp_path / "recovery"


@pytest.fixture
def make_window(qtbot, settings, recovery_dir):
    created: list[MainWindow] = []

    def make(report: Report | None = None, path: Path | None = None) -> MainWindow:
        document = ReportDocument(report or Report.new(2025, "某某镇人民政府"), path)
        window = MainWindow(document, RecentFiles(settings), Autosaver(recovery_dir))
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.waitUntil(lambda: window.runner.result is not None)  # the first check runs after the first paint
        created.append(window)
        return window

    yield make
    for window in created:
        if window.document is not None:
            window.document.undo_stack.setClean()
            window.document._forced_modified = False
        window.close()
        window.deleteLater()


@pytest.fixture
def sample_report() -> Report:
    return load_report(SAMPLE_REPORT)
