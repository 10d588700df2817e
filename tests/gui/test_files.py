"""New, open, save, recent files, the unsaved-changes question, autosave and recovery."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from core.report_file import load_report
from gui import app as gui_app
from gui.files import dialogs, new_dialog
from gui.files.autosave import find_recoverable
from resources import SAMPLE_REPORT
from tests.gui.helpers import table_page, type_into_cell


def test_first_start_opens_no_report_and_the_sample_only_read_only(qtbot, make_window, monkeypatch, tmp_path,
                                                                    settings):
    assert gui_app.initial_documents([], tmp_path / "recovery", settings) == []  # the start page
    # Even given explicitly, the bundled sample is never the save target, and cannot be edited.
    [sample] = gui_app.initial_documents([str(SAMPLE_REPORT)], tmp_path / "recovery", settings)
    assert sample.path is None and sample.read_only and sample.report.unit.name == "清河县柳溪镇人民政府"


def test_later_starts_reopen_the_most_recent_file(tmp_path, settings, sample_report):
    from core.report_file import save_report
    from gui.files.recent import RecentFiles

    path = tmp_path / "mine.nianbao"
    save_report(sample_report, path)
    gui_app.initial_documents([], tmp_path / "recovery", settings)  # first start
    RecentFiles(settings).add(path)
    assert gui_app.initial_documents([], tmp_path / "recovery", settings)[0].path == path.resolve()


def test_open_error_is_shown_in_chinese(make_window, monkeypatch, tmp_path):
    window = make_window()
    bad = tmp_path / "bad.nianbao"
    bad.write_text("{", encoding="utf-8")
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append(message))
    assert not window.files.open_file(bad)
    assert "已损坏或不完整" in shown[0]


def test_save_sets_title_and_recent_files(qtbot, make_window, monkeypatch, tmp_path, settings):
    window = make_window()
    page = table_page(window, "appeals")
    type_into_cell(qtbot, page, "t4.review.upheld", "2")
    qtbot.waitUntil(lambda: window.document.report.value("t4.review.upheld") == 2)
    assert window.isWindowModified() and window.windowTitle().startswith("未命名[*]")
    path = tmp_path / "年报.nianbao"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: path)
    assert window.files.save()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("年报.nianbao[*]")
    assert load_report(path).value("t4.review.upheld") == 2
    assert window.recent.paths()[0] == path.resolve()


def test_new_report_follows_the_year(make_window, monkeypatch):
    window = make_window()
    monkeypatch.setattr(new_dialog, "ask_new_report", lambda parent, unit_name="": (2024, "某某县人民政府"))
    assert window.files.new_report()
    assert window.document.report.year == 2024 and window.document.report.unit.name == "某某县人民政府"
    assert window.unit_page.year.text() == "2024 年度"
    shown = []
    monkeypatch.setattr(new_dialog, "ask_new_report", lambda parent, unit_name="": (2007, "某某县人民政府"))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append(message))
    assert not window.files.new_report()
    assert "没有适用于 2007 年度的报告格式" in shown[0] and window.document.report.year == 2024


def test_closing_with_unsaved_changes_asks(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    window.document.set_cells({"t4.review.upheld": 1})
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: asked.append(name) or "cancel")
    assert not window.close()
    assert asked == ["未命名"] and window.isVisible()
    path = tmp_path / "saved.nianbao"
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "save")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: path)
    assert window.close()
    assert load_report(path).value("t4.review.upheld") == 1


def test_discarding_on_close_removes_the_recovery_file(qtbot, make_window, monkeypatch, recovery_dir):
    window = make_window()
    window.document.set_cells({"t4.review.upheld": 1})
    window.autosaver.write_now()
    assert window.autosaver.flush()
    assert window.autosaver.file.is_file()
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    assert window.close()
    assert not window.autosaver.file.exists()


def test_recovery_file_appears_and_is_offered_on_next_start(qtbot, make_window, monkeypatch, recovery_dir,
                                                          tmp_path, sample_report):
    from core.report_file import save_report

    original = tmp_path / "柳溪镇.nianbao"
    save_report(sample_report, original)
    monkeypatch.setattr("gui.files.autosave.AUTOSAVE_DELAY_MS", 50)
    window = make_window(load_report(original), original)
    window.autosaver._timer.setInterval(50)
    page = table_page(window, "appeals")
    type_into_cell(qtbot, page, "t4.review.upheld", "3")
    qtbot.waitUntil(lambda: window.autosaver.file.is_file(), timeout=3000)
    data = json.loads(window.autosaver.file.read_text(encoding="utf-8"))
    assert data["report"]["cells"]["t4.review.upheld"] == 3
    assert data["original_path"] == str(original)

    # A running window's recovery file is not offered to a second instance.
    assert find_recoverable(recovery_dir) == []
    # Simulate a crash: the lock goes away with the process, the recovery file stays.
    window.autosaver._lock.unlock()
    window.autosaver._lock = None

    asked = []
    monkeypatch.setattr(dialogs, "ask_restore", lambda parent, description: asked.append(description) or True)
    documents = gui_app.initial_documents([], recovery_dir, QSettings(str(tmp_path / "other.ini"),
                                                                     QSettings.Format.IniFormat))
    assert len(asked) == 1 and "柳溪镇.nianbao" in asked[0]
    restored = documents[0]
    assert restored.report.value("t4.review.upheld") == 3
    assert restored.path == original and restored.is_modified
    assert load_report(original).value("t4.review.upheld") == 0  # the original file is untouched
    # The recovery file stays until the restored report is saved or discarded: a second crash
    # right after restoring must not lose it.
    assert [f.name for f in recovery_dir.glob("*.recovery.json")] == [window.autosaver.file.name]


def test_discarded_recovery_is_removed(qtbot, make_window, monkeypatch, recovery_dir, tmp_path):
    window = make_window()
    window.document.set_cells({"t4.review.upheld": 1})
    window.autosaver.write_now()
    assert window.autosaver.flush()
    window.autosaver._lock.unlock()
    window.autosaver._lock = None
    monkeypatch.setattr(dialogs, "ask_restore", lambda parent, description: False)
    documents = gui_app.initial_documents([], recovery_dir, QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat))
    assert documents == []  # nothing else to open: the start page
    assert not list(recovery_dir.glob("*.recovery.json"))


def test_saving_removes_the_recovery_file(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    window.document.set_cells({"t4.review.upheld": 1})
    window.autosaver.write_now()
    assert window.autosaver.flush()
    assert window.autosaver.file.is_file()
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "x.nianbao")
    assert window.files.save()
    assert not window.autosaver.file.exists()


class _CountingSettings(QSettings):
    """Counts what the app writes (it calls setValue and sync from Python)."""

    def __init__(self, path):
        super().__init__(str(path), QSettings.Format.IniFormat)
        self.writes = []

    def setValue(self, key, value):  # noqa: N802  # Qt's name
        self.writes.append(key)
        super().setValue(key, value)

    def sync(self):
        self.writes.append("sync")
        super().sync()


def test_a_start_that_changes_no_setting_writes_none(tmp_path, sample_report):
    from core.report_file import save_report
    from gui.files.recent import RecentFiles

    path = tmp_path / "mine.nianbao"
    save_report(sample_report, path)
    first = _CountingSettings(tmp_path / "settings.ini")
    gui_app.initial_documents([str(path)], tmp_path / "recovery", first)
    RecentFiles(first).add(path)
    assert first.writes == ["firstStartDone", "recentFiles", "sync"]
    first.sync()
    later = _CountingSettings(tmp_path / "settings.ini")
    [document] = gui_app.initial_documents([], tmp_path / "recovery", later)
    RecentFiles(later).add(document.path)  # what open_windows does with the file it opens
    assert document.path == path.resolve() and later.writes == []
    other = tmp_path / "other.nianbao"
    save_report(sample_report, other)
    RecentFiles(later).add(other)
    assert later.writes == ["recentFiles", "sync"] and RecentFiles(later).paths()[:2] == [other.resolve(), path.resolve()]
