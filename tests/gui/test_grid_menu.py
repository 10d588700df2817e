"""The grid's right-click menu (复制, 粘贴, 清除, 全部填 0) and pasted totals checked against their parts."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtGui import QGuiApplication

from gui.tables.context_menu import build_menu
from tests.gui.helpers import table_page


def _actions(view) -> dict[str, object]:
    return {a.text().split("（")[0]: a for a in build_menu(view).actions() if a.text()}


def test_menu_offers_copy_paste_clear_and_fill_zero(make_window, sample_report):
    window = make_window(sample_report)
    page = table_page(window, "applications")
    view, model = page.view, page.model
    view.setCurrentIndex(model.index_of_cell("t3.new.natural"))
    QGuiApplication.clipboard().setText("7\n")
    actions = _actions(view)
    assert list(actions) == ["复制", "粘贴", "清除", "全部填 0"]
    assert actions["复制"].isEnabled() and actions["粘贴"].isEnabled() and actions["清除"].isEnabled()
    # The sample has no blank cell: nothing to fill.
    assert not actions["全部填 0"].isEnabled() and "没有空白格" in actions["全部填 0"].text()
    actions["清除"].trigger()
    assert window.document.report.value("t3.new.natural") is None
    actions["粘贴"].trigger()
    assert window.document.report.value("t3.new.natural") == 7
    actions["复制"].trigger()
    assert QGuiApplication.clipboard().text() == "7\n"


def test_fill_zero_fills_every_blank_input_of_the_table_in_one_undo_step(make_window):
    window = make_window()  # blank report
    page = table_page(window, "applications")
    view, model, report = page.view, page.model, window.document.report
    view.setCurrentIndex(model.index_of_cell("t3.new.natural"))
    assert model.setData(model.index_of_cell("t3.new.natural"), "4")
    fill = _actions(view)["全部填 0"]
    assert fill.text() == "全部填 0（本表的 143 个空白格）"  # 175 cells, 31 of them totals, one typed
    steps = window.document.undo_stack.count()
    fill.trigger()
    inputs = [k for k in model.table.cells if not report.template.cells[k].computed]
    assert report.value("t3.new.natural") == 4
    assert all(report.value(k) == 0 for k in inputs if k != "t3.new.natural")
    assert report.value("t3.new.total") == 4 and report.value("t3.total_results.total") == 0
    assert window.document.undo_stack.count() == steps + 1
    assert "143 个空白格填为 0" in window.statusBar().currentMessage()
    window.document.undo_stack.undo()
    assert all(report.value(k) is None for k in inputs if k != "t3.new.natural")
    assert report.value("t3.new.natural") == 4


def test_fill_zero_with_a_selection_fills_only_its_blank_inputs(make_window):
    window = make_window()
    page = table_page(window, "appeals")
    view, model, report = page.view, page.model, window.document.report
    assert model.setData(model.index_of_cell("t4.review.corrected"), "2")
    start, end = model.index_of_cell("t4.review.upheld"), model.index_of_cell("t4.review.total")
    view.selectionModel().select(QItemSelection(start, end), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    fill = _actions(view)["全部填 0"]
    assert fill.text() == "全部填 0（选中区域的 3 个空白格）"
    fill.trigger()
    review = [report.value(f"t4.review.{c}") for c in ("upheld", "corrected", "other", "pending", "total")]
    assert review == [0, 2, 0, 0, 2]
    assert report.value("t4.direct_suit.upheld") is None


def test_a_pasted_total_that_disagrees_with_its_parts_is_reported_with_its_position(make_window, monkeypatch):
    window = make_window()
    shown: list[tuple[list[str], list[str]]] = []
    monkeypatch.setattr("gui.tables.paste_dialog.show_paste_problems",
                        lambda parent, refused, totals: shown.append((refused, totals)))
    page = table_page(window, "applications")
    view, report = page.view, window.document.report
    view.setCurrentIndex(page.model.index_of_cell("t3.new.natural"))
    # Row 1 adds up (5 + 1 = 6); row 2 says 9 but its parts make 3.
    view.paste("5\t1\t0\t0\t0\t0\t6\n2\t1\t0\t0\t0\t0\t9\n")
    assert report.value("t3.carried_over.natural") == 2 and report.value("t3.carried_over.total") == 3
    assert shown == [([], ["第 2 行第 7 列（二、上年结转政府信息公开申请数量·总计）：粘贴的总计 9 与各项之和 3 不一致"])]
    message = window.statusBar().currentMessage()
    assert "已粘贴 12 个单元格，核对了 2 个总计（1 个与各项之和不一致）" in message


def test_a_paste_whose_totals_agree_shows_no_dialog(make_window):
    window = make_window()  # any dialog would fail the test (conftest)
    page = table_page(window, "appeals")
    page.view.setCurrentIndex(page.model.index_of_cell("t4.review.upheld"))
    page.view.paste("1\t2\t0\t0\t3\n")
    assert window.document.report.value("t4.review.total") == 3
    assert "核对了 1 个总计" in window.statusBar().currentMessage()
