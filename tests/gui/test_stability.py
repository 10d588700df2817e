"""A long working day in the window: autosave under steady typing, recovery that survives a second
crash, hostile files from the menu and at start, failed actions shown in Chinese, read-only saves,
characters no file can hold, and Simplified Chinese glyphs."""

from __future__ import annotations

import json
import os
import sys
import time
import types

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from core.report_file import load_report, save_report
from gui import app as gui_app
from gui import errors
from gui.files import autosave, dialogs
from gui.files.autosave import Autosaver, find_recoverable
from gui.files.recent import RecentFiles
from gui.fonts import SIMPLIFIED_CHINESE_FAMILIES, apply_ui_font, chinese_families
from gui.main_window import MainWindow
from tests.gui.helpers import type_chinese


def other_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "next-start.ini"), QSettings.Format.IniFormat)


def test_steady_typing_is_autosaved_within_the_max_wait(qtbot, make_window, monkeypatch):
    window = make_window()
    saver = window.autosaver
    saver._idle.setInterval(300)  # a tenth of the real timings, same shape
    saver._deadline.setInterval(500)
    editor = window.pages["problems"].editors["problems"]
    window.tabs.setCurrentWidget(window.pages["problems"])
    start = time.monotonic()
    typed = ""
    while not saver.file.exists():
        assert time.monotonic() - start < 1.5, "steady typing was never autosaved"
        type_chinese(qtbot, editor.editor, "字")  # one character every 0.2 s: never a 0.3 s pause
        typed += "字"
        qtbot.wait(200)
    assert saver.flush()
    assert 0.5 <= time.monotonic() - start < 1.0
    saved = json.loads(saver.file.read_text(encoding="utf-8"))["report"]["texts"]["problems"]
    assert typed.startswith(saved) and saved


def test_real_timings_are_two_seconds_idle_and_four_at_most():
    assert autosave.AUTOSAVE_DELAY_MS == 2000 and autosave.AUTOSAVE_MAX_WAIT_MS == 4000


def test_a_restored_report_keeps_its_recovery_file_through_a_second_crash(qtbot, make_window, recovery_dir,
                                                                         tmp_path, monkeypatch, settings):
    window = make_window()
    window.document.set_cells({"t4.review.upheld": 7})
    window.autosaver.write_now()
    assert window.autosaver.flush()
    window.autosaver._lock.unlock()  # the first crash: the lock goes with the process
    window.autosaver._lock = None
    monkeypatch.setattr(dialogs, "ask_restore", lambda parent, description: True)

    [(document, file)] = gui_app.start_documents([], recovery_dir, other_settings(tmp_path))
    assert file == window.autosaver.file and document.report.value("t4.review.upheld") == 7
    restored = MainWindow(document, RecentFiles(settings), Autosaver(recovery_dir, file=file))
    assert file.is_file() and find_recoverable(recovery_dir) == []  # held by the running window
    restored.autosaver._lock.unlock()  # the second crash, right after restoring
    restored.autosaver._lock = None
    again = find_recoverable(recovery_dir)
    assert len(again) == 1 and again[0].report.value("t4.review.upheld") == 7

    restored.autosaver._hold_lock()
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "saved.nianbao")
    assert restored.files.save()
    assert not file.exists()  # saved: the recovery file is no longer needed
    restored.deleteLater()


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "坏.nianbao"
    path.write_bytes(b'{"format": "nianbao-report", "format_version": 1, "template": "2021", "year": 2025, '
                     b'"unit": ' + b"[" * 50000 + b"]" * 50000 + b"}")
    return path


def test_a_hostile_file_from_the_menu_shows_the_message(make_window, monkeypatch, hostile):
    window = make_window()
    before = window.document
    content = hostile.read_bytes()
    shown = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: hostile)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message, details="": shown.append(message))
    start = time.monotonic()
    window.actions.open.trigger()
    assert time.monotonic() - start < 2
    assert len(shown) == 1 and "嵌套过深" in shown[0]
    assert window.document is before and hostile.read_bytes() == content


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_double_clicked_pipe_shows_the_message_and_the_window_still_opens(tmp_path, monkeypatch, settings):
    fifo = tmp_path / "管道.nianbao"
    os.mkfifo(fifo)
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message, details="": shown.append(message))
    start = time.monotonic()
    windows = gui_app.open_windows([str(fifo)], tmp_path / "recovery", settings)
    assert time.monotonic() - start < 2
    assert len(shown) == 1 and "命名管道" in shown[0]
    assert len(windows) == 1 and windows[0].document is None  # the start page, as on a first start
    assert windows[0].stack.currentWidget() is windows[0].start_page
    windows[0].deleteLater()


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_in_any_action_is_logged_and_shown_in_chinese(make_window, monkeypatch, tmp_path):
    window = make_window()
    monkeypatch.setattr(errors, "log_folder", lambda: tmp_path / "logs")
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message, details="":
                        shown.append((message, details)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr("threading.excepthook", __import__("threading").excepthook)
    errors.install()

    def broken():
        raise RuntimeError("boom in the about box")

    monkeypatch.setattr(window, "_about", broken)
    window.actions.about.triggered.disconnect()
    window.actions.about.triggered.connect(lambda: window._about())
    window.actions.about.trigger()
    QApplication.processEvents()
    assert len(shown) == 1
    message, details = shown[0]
    assert "发生了意外错误，操作没有完成" in message and "详细信息" in message
    assert "RuntimeError: boom in the about box" in details and "Traceback" in details
    log = (tmp_path / "logs" / errors.LOG_NAME).read_text(encoding="utf-8")
    assert "boom in the about box" in log and str(tmp_path / "logs") in message


def test_a_crashing_exporter_says_so_instead_of_doing_nothing(make_window, monkeypatch, tmp_path):
    window = make_window()

    def write_xlsx(report, path, checks):
        raise ValueError("All strings must be XML compatible")

    module = types.ModuleType("core.export.xlsx_writer")
    module.write_xlsx = write_xlsx
    monkeypatch.setitem(sys.modules, "core.export.xlsx_writer", module)
    monkeypatch.setattr(errors, "log_folder", lambda: tmp_path / "logs")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "t.xlsx")
    monkeypatch.setattr(dialogs, "ask_export_despite_problems", lambda *a: True)
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message, details="":
                        shown.append((title, message, details)))
    window.actions.export_excel.trigger()
    assert len(shown) == 1 and shown[0][0] == "导出 Excel" and "意外错误" in shown[0][1]
    assert "XML compatible" in shown[0][2] and not (tmp_path / "t.xlsx").exists()


def test_an_export_names_the_characters_it_removed(make_window, monkeypatch, tmp_path, sample_report):
    sample_report.unit.name = "柳溪镇\x07人民政府"
    window = make_window(sample_report)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "t.xlsx")
    infos = []
    monkeypatch.setattr(dialogs, "ask_after_export", lambda parent, title, message: infos.append(message))
    monkeypatch.setattr(dialogs, "ask_export_despite_problems", lambda *a: True)
    window.actions.export_excel.trigger()
    assert (tmp_path / "t.xlsx").is_file()
    assert "“单位全称”中有 1 个无法写入文件的字符" in infos[0] and "报告本身未改动" in infos[0]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_saving_over_a_read_only_file_asks_first(make_window, monkeypatch, tmp_path, sample_report):
    path = tmp_path / "只读.nianbao"
    save_report(sample_report, path)
    path.chmod(0o444)
    before = path.read_bytes()
    window = make_window(load_report(path), path)
    window.document.set_cells({"t4.review.upheld": 9})
    asked = []
    monkeypatch.setattr(dialogs, "ask_replace_read_only", lambda parent, p: asked.append(p) or False)
    assert not window.files.save()
    assert asked == [path] and path.read_bytes() == before and window.isWindowModified()
    monkeypatch.setattr(dialogs, "ask_replace_read_only", lambda parent, p: True)
    assert window.files.save()
    assert load_report(path).value("t4.review.upheld") == 9


def test_pasted_control_characters_are_removed_and_the_status_bar_says_so(qtbot, make_window):
    window = make_window()
    editor = window.pages["problems"].editors["problems"]
    window.tabs.setCurrentWidget(window.pages["problems"])
    editor.editor.insertPlainText("网页\x00复制\x0b的\x1f文字")
    assert window.document.report.text("problems") == "网页复制的文字"
    assert editor.text() == "网页复制的文字"
    assert "已删除 3 个无法保存或导出的字符" in window.statusBar().currentMessage()
    editor.editor.insertPlainText("继续")  # the cursor stayed at the end
    assert window.document.report.text("problems") == "网页复制的文字继续"

    name = window.unit_page.fields["name"]
    name.setFocus()
    name.selectAll()
    name.insert("某某镇\x01人民\x1b政府")  # insert() emits textEdited, as typing and pasting do
    assert window.document.report.unit.name == "某某镇人民政府" == name.text()


def test_the_ui_font_puts_simplified_chinese_first(qapp):
    assert chinese_families(["Noto Sans CJK JP", "noto sans cjk sc", "DejaVu Sans"]) == ["Noto Sans CJK SC"]
    assert chinese_families(["DejaVu Sans"]) == []
    installed = chinese_families()
    if not installed:
        pytest.skip("no Simplified Chinese font installed")
    font = apply_ui_font(qapp)
    assert font.families()[0] == installed[0] and installed[0] in SIMPLIFIED_CHINESE_FAMILIES
    assert QFontInfo(qapp.font()).family() == installed[0]  # the font really resolves, not a fallback
