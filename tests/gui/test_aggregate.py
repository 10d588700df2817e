"""The 汇总 window: reads a folder with progress, can be cancelled, audits, opens the office's report
(locked, a breakdown on hover, edits refused until detached) and a unit's report."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.aggregate.audit import ERRORS, MISSING, READY
from gui.aggregate.window import AggregateWindow
from gui.document import ReportDocument
from gui.files import dialogs
from gui.main_window import MainWindow
from tests.aggregate_units import own_workbook, report_file, unit_report
from tests.gui.helpers import table_page


@pytest.fixture
def units(tmp_path):
    from core.checks import run_checks
    from core.export.xlsx_writer import write_xlsx

    folder = tmp_path / "units"
    folder.mkdir()
    own_workbook(folder, "清河县甲镇人民政府", 1)
    report_file(folder, "清河县乙镇人民政府", 2)
    wrong = unit_report("清河县丙镇人民政府", 3)
    wrong.cells["t3.new.total"] += 1
    write_xlsx(wrong, folder / "丙镇.xlsx", run_checks(wrong))
    roster = tmp_path / "名单.csv"
    roster.write_text("单位名称,分组\n清河县甲镇,乡镇街道\n清河县乙镇,乡镇街道\n清河县丙镇,乡镇街道\n清河县教育局,区直部门\n",
                      encoding="utf-8")
    return folder, roster


@pytest.fixture
def window(qtbot, monkeypatch):
    from core.document import Report

    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: "discard")  # reports opened here are not saved
    main = MainWindow(ReportDocument(Report.new(2025, "清河县人民政府")))
    qtbot.addWidget(main)
    return main


def _run(qtbot, dialog: AggregateWindow) -> None:
    dialog.start()
    qtbot.waitUntil(lambda: dialog.thread is None, timeout=20000)


def test_the_window_reads_a_folder_with_progress_and_audits_each_unit(qtbot, window, units, monkeypatch):
    folder, roster = units
    monkeypatch.setattr(dialogs, "ask_folder", lambda *a, **k: folder)
    dialog = window.show_aggregate()
    assert dialog.unit.text() == "清河县人民政府" and dialog.year.value() == 2025
    dialog.add_folder()
    assert dialog.load_roster(roster)
    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    _run(qtbot, dialog)
    assert seen[-1] == 3 and dialog.progress.maximum() == 3
    statuses = {r.unit: r.status for r in dialog.aggregation.rows}
    assert statuses == {"清河县甲镇": READY, "清河县乙镇": READY, "清河县丙镇": ERRORS, "清河县教育局": MISSING}
    table = dialog.table
    assert table.rowCount() == 4 and table.item(2, 5).text() == ERRORS
    assert table.item(2, 0).checkState() == Qt.CheckState.Unchecked and table.item(0, 0).checkState() == Qt.CheckState.Checked
    table.selectRow(2)
    assert "【错误】" in dialog.details.toPlainText()
    table.item(2, 0).setCheckState(Qt.CheckState.Checked)  # include the unit with an error anyway
    assert len(dialog.aggregation.included) == 3
    dialog.groups.item(1).setCheckState(Qt.CheckState.Unchecked)  # 区直部门 out of scope: 本级 of the towns
    assert dialog.aggregation.report.members.scope == "本级"
    assert MISSING not in {r.status for r in dialog.aggregation.rows}


def test_the_office_report_opens_locked_with_a_breakdown_and_detaches(qtbot, window, units, monkeypatch):
    folder, _ = units
    dialog = window.show_aggregate()
    dialog.add_sources([folder])
    _run(qtbot, dialog)
    dialog.open_result()
    report = window.document.report
    assert report.sums_locked and report.unit.name == "清河县人民政府"
    assert window.windowTitle().startswith("汇总报告（未保存）")
    page = table_page(window, "applications")
    index = page.model.index_of_cell("t3.new.natural")
    tip = page.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "各单位的数字" in tip and "清河县甲镇人民政府：" in tip
    assert not page.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    messages = []
    page.view.message.connect(messages.append)
    page.view.setCurrentIndex(index)
    qtbot.keyClicks(page.view, "5")
    assert "汇总数" in messages[-1] and "解除汇总锁定" in messages[-1]
    page.view.paste("1")
    assert report.value("t3.new.natural") != 1 and "解除汇总锁定" in messages[-1]
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: True)
    assert window.actions.detach_sums.isEnabled()
    window.detach_sums()
    assert not window.document.report.sums_locked and not window.actions.detach_sums.isEnabled()
    page = table_page(window, "applications")
    index = page.model.index_of_cell("t3.new.natural")
    assert page.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert page.model.setData(index, "7")
    assert window.document.report.value("t3.new.natural") == 7


def test_unlocking_the_sums_is_one_undoable_step(qtbot, window, units, monkeypatch):
    folder, _ = units
    dialog = window.show_aggregate()
    dialog.add_sources([folder])
    _run(qtbot, dialog)
    dialog.open_result()
    document = window.document
    steps = document.undo_stack.count()
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: True)
    window.actions.detach_sums.trigger()
    assert not document.report.sums_locked and document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "解除汇总锁定" and document.is_modified

    def editable() -> bool:
        page = table_page(window, "applications")
        return bool(page.model.flags(page.model.index_of_cell("t3.new.natural")) & Qt.ItemFlag.ItemIsEditable)

    assert editable()
    window.actions.undo.trigger()
    assert document.report.sums_locked and document.report.members.locked
    assert not editable() and window.actions.detach_sums.isEnabled()
    window.actions.redo.trigger()
    assert not document.report.sums_locked and editable() and not window.actions.detach_sums.isEnabled()
    page = table_page(window, "applications")
    assert page.model.setData(page.model.index_of_cell("t3.new.natural"), "7")
    window.actions.undo.trigger()  # the typed number
    window.actions.undo.trigger()  # the unlock
    assert document.report.sums_locked and document.report.value("t3.new.natural") != 7


def test_a_units_report_opens_in_the_main_window(qtbot, window, units):
    folder, _ = units
    dialog = window.show_aggregate()
    dialog.add_sources([folder])
    _run(qtbot, dialog)
    row = next(i for i, r in enumerate(dialog.table.rows) if "丙镇" in r.unit)
    dialog.table.selectRow(row)
    dialog.open_unit()
    assert window.document.report.unit.name == "清河县丙镇人民政府" and not window.document.report.sums_locked
    window.runner.run_now()
    assert window.runner.result.errors >= 1


def test_cancel_stops_the_reading_and_sums_nothing(qtbot, window, units, monkeypatch):
    folder, _ = units
    dialog = window.show_aggregate()
    dialog.add_sources([folder])
    import core.aggregate.collect as collect_module

    real = collect_module.read_submission

    def slow(path, year):
        dialog.cancel()  # the user presses 取消 while the first file is read
        return real(path, year)

    monkeypatch.setattr(collect_module, "read_submission", slow)
    _run(qtbot, dialog)
    assert dialog.aggregation is None and "已取消" in dialog.status.text()
    assert not dialog.open_button.isEnabled()


def test_starting_without_files_or_unit_says_what_is_missing(qtbot, window):
    dialog = window.show_aggregate()
    dialog.start()
    assert "请先添加" in dialog.status.text() and dialog.thread is None


def test_importing_tables_into_a_locked_office_report_is_refused(qtbot, window, units, monkeypatch):
    folder, _ = units
    dialog = window.show_aggregate()
    dialog.add_sources([folder])
    _run(qtbot, dialog)
    dialog.open_result()
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message, details="": shown.append(message))
    before = dict(window.document.report.cells)
    assert not window.files.import_into_current()
    assert "解除汇总锁定" in shown[0] and window.document.report.cells == before
    page = table_page(window, "applications")
    page.view.setCurrentIndex(page.model.index_of_cell("t3.new.natural"))
    page.view.fill_blanks_with_zero()
    page.view.clear_selection()
    assert window.document.report.cells == before
