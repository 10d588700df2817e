"""导出/导入 through gui.files.exports: lazy imports, clear messages, nothing imported unless accepted."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass

from core.document import Report
from core.export import ExportError
from gui.files import dialogs


@dataclass
class _Problem:
    sheet: str
    cell: str
    message: str


@dataclass
class _Result:
    report: Report
    problems: list
    complete: bool


def _fake_module(monkeypatch, name: str, **attrs) -> None:
    module = types.ModuleType(name)
    for key, value in attrs.items():
        setattr(module, key, value)
    monkeypatch.setitem(sys.modules, name, module)


def test_missing_writer_gives_a_clear_chinese_message(make_window, monkeypatch):
    window = make_window()
    monkeypatch.setitem(sys.modules, "core.export.xlsx_writer", None)  # import raises ImportError
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append((title, message)))
    window.actions.export_excel.trigger()
    assert shown and shown[0][0] == "导出 Excel" and "功能模块缺失或无法加载" in shown[0][1]


def test_export_error_message_is_shown(make_window, monkeypatch, tmp_path):
    window = make_window()
    monkeypatch.setattr(dialogs, "ask_export_despite_problems", lambda *a: True)  # a blank report has errors

    def write_xlsx(report, path, checks):
        raise ExportError(f"无法写入 {path}，原文件未改动")

    _fake_module(monkeypatch, "core.export.xlsx_writer", write_xlsx=write_xlsx)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "t.xlsx")
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append(message))
    window.actions.export_excel.trigger()
    assert shown == [f"无法写入 {tmp_path / 't.xlsx'}，原文件未改动"]


def test_word_export_passes_the_chosen_font_set(make_window, monkeypatch, tmp_path):
    window = make_window()
    monkeypatch.setattr(dialogs, "ask_export_despite_problems", lambda *a: True)
    calls = []
    _fake_module(monkeypatch, "core.export.docx_writer",
                 write_docx=lambda report, path, font_set: calls.append((report, path, font_set)))
    monkeypatch.setattr(dialogs, "ask_font_set", lambda parent: "windows")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "t.docx")
    monkeypatch.setattr(dialogs, "ask_after_export", lambda *a: None)
    window.actions.export_word.trigger()
    assert calls == [(window.document.report, tmp_path / "t.docx", "windows")]


def test_import_with_problems_needs_acceptance_and_opens_untitled(make_window, monkeypatch, tmp_path):
    window = make_window()
    current = window.document
    imported = Report.new(2025, "导入单位")
    imported.set_value("t4.review.upheld", 4)
    problems = [_Problem("表三", "D7", "“12件”带了单位")]
    _fake_module(monkeypatch, "core.imports.xlsx_reader",
                 read_xlsx=lambda path, progress=None: _Result(imported, problems, False))
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: tmp_path / "in.xlsx")
    asked = []
    monkeypatch.setattr(dialogs, "ask_accept_import", lambda parent, lines, complete: asked.append(lines) or False)
    assert not window.files.import_excel()
    assert window.document is current and asked == [["问题　表三!D7：“12件”带了单位"]]

    monkeypatch.setattr(dialogs, "ask_accept_import", lambda parent, lines, complete: True)
    assert window.files.import_excel()
    assert window.document.report is imported
    assert window.document.path is None and window.isWindowModified()
    assert window.document.report.value("t4.review.upheld") == 4


def test_real_excel_round_trip_through_the_menu(make_window, monkeypatch, tmp_path, sample_report):
    window = make_window(sample_report)
    path = tmp_path / "年报.xlsx"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: path)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: path)
    infos = []
    monkeypatch.setattr(dialogs, "ask_after_export", lambda parent, title, message: infos.append(message))
    window.actions.export_excel.trigger()
    assert path.is_file() and infos and str(path) in infos[0]
    assert window.files.import_excel()
    imported = window.document.report
    assert imported is not sample_report and window.document.path is None
    assert imported.cells == sample_report.cells


def test_real_word_export_through_the_menu(make_window, monkeypatch, tmp_path, sample_report):
    window = make_window(sample_report)
    path = tmp_path / "年报.docx"
    monkeypatch.setattr(dialogs, "ask_font_set", lambda parent: "windows")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: path)
    monkeypatch.setattr(dialogs, "ask_after_export", lambda *a: None)
    window.actions.export_word.trigger()
    assert path.is_file() and path.read_bytes()[:2] == b"PK"


def test_import_without_a_year_asks_for_it(make_window, monkeypatch, tmp_path):
    window = make_window()
    current = window.document
    imported = Report.new(2025, "")
    imported.year = 0  # what the reader returns when a foreign workbook names no year
    _fake_module(monkeypatch, "core.imports.xlsx_reader",
                 read_xlsx=lambda path, progress=None: _Result(imported, [_Problem("表三", "", "没有写明年度")], False))
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: tmp_path / "in.xlsx")
    monkeypatch.setattr(dialogs, "ask_accept_import", lambda parent, lines, complete: True)
    monkeypatch.setattr(dialogs, "ask_report_year", lambda parent, default: None)
    assert not window.files.import_excel()
    assert window.document is current
    monkeypatch.setattr(dialogs, "ask_report_year", lambda parent, default: 2025)
    assert window.files.import_excel()
    assert window.document.report.year == 2025


def test_import_reads_off_the_main_thread_and_can_be_cancelled(make_window, monkeypatch, tmp_path, qtbot):
    import threading
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    window = make_window()
    current = window.document
    seen = {}

    def slow_read(path, progress=None):
        seen["thread"] = threading.current_thread() is not threading.main_thread()
        for step in range(400):  # would take 8 s; 取消 stops it at the next step
            progress(step // 4, "读取工作表")
            time.sleep(0.02)
        raise AssertionError("not cancelled")

    _fake_module(monkeypatch, "core.imports.xlsx_reader", read_xlsx=slow_read)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: tmp_path / "in.xlsx")
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))
    QTimer.singleShot(600, lambda: window.findChild(QProgressDialog).findChild(QPushButton).click())  # 取消
    started = time.monotonic()
    assert not window.files.import_excel()
    assert seen["thread"] and time.monotonic() - started < 4 and errors == []
    assert window.document is current


def test_import_tables_into_the_open_report_is_one_undoable_step(make_window, monkeypatch, tmp_path, sample_report):
    from core.checks import run_checks
    from core.export.xlsx_writer import write_xlsx
    from gui.files import import_dialogs

    window = make_window(sample_report)
    document = window.document
    other = Report(template_id=sample_report.template_id, year=sample_report.year, unit=sample_report.unit,
                   cells=dict(sample_report.cells))
    other.set_value("t4.review.upheld", 9)
    other.set_value("t3.new.natural", 77)
    path = tmp_path / "units.xlsx"
    write_xlsx(other, path, run_checks(other))
    before_texts = dict(document.report.texts)
    old_natural = document.report.value("t3.new.natural")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: path)
    shown = []
    monkeypatch.setattr(import_dialogs, "ask_apply_tables", lambda parent, changes, problems: shown.append(changes) or True)
    assert window.files.import_into_current()
    names = {name: (old, new) for name, old, new in shown[0]}
    assert names["行政复议·结果维持"][1] == "9" and names["一、本年新收政府信息公开申请数量·自然人"] == (str(old_natural), "77")
    assert document.report.value("t4.review.upheld") == 9 and document.report.value("t3.new.natural") == 77
    assert document.report.texts == before_texts and document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.report.value("t3.new.natural") == old_natural
    assert document.report.cells == sample_report.cells
