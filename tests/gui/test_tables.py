"""The grid: typing values, totals, refusals, full-width digits, navigation, clipboard."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from core.values import SLASH
from gui.tables.model import SEVERITY_BACKGROUNDS, ReportTableModel
from tests.gui.helpers import table_page, type_into_cell


def test_every_table_model_passes_qtmodeltester(qtmodeltester, make_window, sample_report):
    window = make_window(sample_report)
    for chapter in sample_report.template.chapters:
        if chapter.table:
            model = table_page(window, chapter.key).model
            assert isinstance(model, ReportTableModel)
            qtmodeltester.check(model, force_py=True)


def test_grid_is_drawn_from_the_template_with_merges_and_no_headers(make_window):
    window = make_window()
    page = table_page(window, "applications")
    view, table = page.view, page.model.table
    assert view.horizontalHeader().isHidden() and view.verticalHeader().isHidden()
    vertical = next(i for i in table.items if i.vertical)
    assert view.rowSpan(vertical.row, vertical.col) == vertical.rowspan == 22
    assert page.model.index(vertical.row, vertical.col).data() == "三、本年度办理结果"
    label = page.model.index(3, 0)
    assert label.data() == "一、本年新收政府信息公开申请数量"
    assert not label.flags() & Qt.ItemFlag.ItemIsEditable
    total = page.model.index_of_cell("t3.new.total")
    assert not total.flags() & Qt.ItemFlag.ItemIsEditable
    assert total.data(Qt.ItemDataRole.BackgroundRole) is not None
    # Column widths come from the labels: the long header label is wider than a data column.
    assert view.columnWidth(2) > view.columnWidth(3)


def test_typing_a_value_updates_totals_and_findings(qtbot, make_window):
    window = make_window()
    page = table_page(window, "applications")
    window.runner.run_now()
    # The blank table is an error, and its cells are highlighted with the message as tooltip.
    assert any("t3.new.natural" in f.targets and f.rule_id == "R7" for f in window.check_panel.result.findings)
    index = page.model.index_of_cell("t3.new.natural")
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == SEVERITY_BACKGROUNDS["error"]
    assert "整张表尚未填写" in index.data(Qt.ItemDataRole.ToolTipRole)
    type_into_cell(qtbot, page, "t3.new.natural", "7")
    report = window.document.report
    qtbot.waitUntil(lambda: report.value("t3.new.natural") == 7)
    assert report.value("t3.new.total") == 7
    assert page.model.index_of_cell("t3.new.total").data() == "7"
    type_into_cell(qtbot, page, "t3.new.commercial", "3")
    qtbot.waitUntil(lambda: report.value("t3.new.total") == 10)
    # The checks re-run by themselves shortly after the edit: the blank-table error became
    # blank-cell errors for the cells still empty, and the typed cell is no longer highlighted.
    qtbot.waitUntil(lambda: any(f.message.startswith("一、本年新收政府信息公开申请数量·科研机构：未填写")
                                for f in window.check_panel.result.findings), timeout=2000)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    research = page.model.index_of_cell("t3.new.research")
    assert research.data(Qt.ItemDataRole.BackgroundRole).color() == SEVERITY_BACKGROUNDS["error"]
    assert window.counts.text() == f"错误 {window.check_panel.result.errors} · 警告 2 · 提示 0"


def test_enter_moves_down_and_tab_moves_right(qtbot, make_window):
    window = make_window()
    page = table_page(window, "applications")
    type_into_cell(qtbot, page, "t3.new.natural", "1")
    qtbot.waitUntil(lambda: page.model.cell_key(page.view.currentIndex()) == "t3.carried_over.natural")
    type_into_cell(qtbot, page, "t3.new.natural", "2", Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.model.cell_key(page.view.currentIndex()) == "t3.new.commercial")
    # Tab at the end of a row skips the computed total and goes on to the next row.
    type_into_cell(qtbot, page, "t3.new.other", "0", Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.model.cell_key(page.view.currentIndex()) == "t3.carried_over.natural")


def test_refused_value_shows_the_message_and_keeps_the_old_value(qtbot, make_window):
    window = make_window()
    page = table_page(window, "applications")
    type_into_cell(qtbot, page, "t3.new.natural", "4")
    qtbot.waitUntil(lambda: window.document.report.value("t3.new.natural") == 4)
    editor = type_into_cell(qtbot, page, "t3.new.natural", "12件")
    assert window.document.report.value("t3.new.natural") == 4
    assert "不要带单位" in window.statusBar().currentMessage()
    # The editor stays open with what was typed, so nothing is lost.
    assert page.view.state() == page.view.State.EditingState
    assert editor.text() == "12件"
    editor.setText("12")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document.report.value("t3.new.natural") == 12)


def test_refused_text_left_by_clicking_elsewhere_stays_visible(qtbot, make_window):
    window = make_window()
    page = table_page(window, "applications")
    type_into_cell(qtbot, page, "t3.new.natural", "4")
    qtbot.waitUntil(lambda: window.document.report.value("t3.new.natural") == 4)
    index = page.model.index_of_cell("t3.new.natural")
    page.view.setCurrentIndex(index)
    page.view.edit(index)
    editor = page.view.focusWidget()
    editor.setText("12件")
    # Clicking another cell commits the editor and closes it, whatever it holds.
    page.view.setCurrentIndex(page.model.index_of_cell("t3.new.commercial"))
    qtbot.waitUntil(lambda: page.view.state() != page.view.State.EditingState)
    assert window.document.report.value("t3.new.natural") == 4
    assert index.data() == "12件"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == SEVERITY_BACKGROUNDS["error"]
    assert "【输入无效，未保存】“12件”带了单位“件”" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert page.model.setData(index, "12")
    assert index.data() == "12" and page.model.refused_input("t3.new.natural") is None
    assert window.document.report.value("t3.new.natural") == 12


def test_full_width_digits_are_accepted(qtbot, make_window):
    window = make_window()
    page = table_page(window, "proactive")
    type_into_cell(qtbot, page, "t2.fees.amount", "３．５")
    qtbot.waitUntil(lambda: window.document.report.value("t2.fees.amount") == Decimal("3.5"))
    assert page.model.index_of_cell("t2.fees.amount").data() == "3.5"


def test_blank_zero_and_slash_stay_different(make_window):
    window = make_window()
    model = table_page(window, "appeals").model
    index = model.index_of_cell("t4.review.upheld")
    assert model.setData(index, "/")
    assert window.document.report.value("t4.review.upheld") is SLASH
    assert model.setData(index, "0")
    assert window.document.report.value("t4.review.upheld") == 0
    assert model.setData(index, "")
    assert window.document.report.value("t4.review.upheld") is None


def test_paste_a_block_from_excel(qtbot, make_window, monkeypatch):
    monkeypatch.setattr("gui.tables.paste_dialog.show_paste_problems", lambda parent, refused, totals: None)
    window = make_window()
    page = table_page(window, "applications")
    view, report = page.view, window.document.report
    view.setCurrentIndex(page.model.index_of_cell("t3.new.natural"))
    # Seven fields per row: the last lands on the computed total and is skipped.
    view.paste("5\t1\t0\t0\t0\t0\t6\r\n1\t０\tabc\t0\t0\t0\t1\r\n")
    assert report.value("t3.new.natural") == 5
    assert report.value("t3.new.commercial") == 1
    assert report.value("t3.new.total") == 6
    assert report.value("t3.carried_over.commercial") == 0
    assert report.value("t3.carried_over.research") is None  # "abc" refused
    assert "已粘贴 11 个单元格" in window.statusBar().currentMessage()
    assert "1 个值不是数字" in window.statusBar().currentMessage()
    # A paste is one undo step.
    window.document.undo_stack.undo()
    assert report.value("t3.new.natural") is None and report.value("t3.carried_over.commercial") is None


def test_paste_reports_refused_values_with_their_position(make_window, monkeypatch):
    window = make_window()
    shown: list[list[str]] = []
    monkeypatch.setattr("gui.tables.paste_dialog.show_paste_problems",
                        lambda parent, refused, totals: shown.append(refused + totals))
    page = table_page(window, "appeals")
    page.view.setCurrentIndex(page.model.index_of_cell("t4.review.upheld"))
    page.view.paste("1\t2件\n")
    assert window.document.report.value("t4.review.upheld") == 1
    assert len(shown) == 1 and shown[0][0].startswith("第 1 行第 2 列（")
    assert "结果纠正" in shown[0][0]


def test_copy_a_selection_as_tsv(make_window, sample_report):
    window = make_window(sample_report)
    page = table_page(window, "applications")
    model, view = page.model, page.view
    start = model.index_of_cell("t3.new.natural")
    end = model.index_of_cell("t3.carried_over.commercial")
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    view.selectionModel().select(QItemSelection(start, end), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    text = view.copy_selection()
    r = sample_report
    expected = (f"{r.value('t3.new.natural')}\t{r.value('t3.new.commercial')}\n"
                f"{r.value('t3.carried_over.natural')}\t{r.value('t3.carried_over.commercial')}\n")
    assert text == expected
    assert QGuiApplication.clipboard().text() == expected


def test_copy_action_copies_from_the_table_on_the_current_tab_only(make_window, sample_report):
    window = make_window(sample_report)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("之前的内容")
    window.actions.copy.trigger()  # the unit information tab has no table
    assert clipboard.text() == "之前的内容"
    page = table_page(window, "applications")
    window.tabs.setCurrentWidget(page)
    page.view.setCurrentIndex(page.model.index_of_cell("t3.new.natural"))
    window.actions.copy.trigger()
    assert clipboard.text() == f"{sample_report.value('t3.new.natural')}\n"


def test_help_follows_the_current_cell(make_window):
    window = make_window()
    page = table_page(window, "applications")
    page.view.setCurrentIndex(page.model.index_of_cell("t3.carried_over.natural"))
    assert "上年结转" in page.help_area.text()
    assert "自然人" in page.help_area.text()
    tooltip = page.model.index_of_cell("t3.carried_over.natural").data(Qt.ItemDataRole.ToolTipRole)
    assert "上一年度" in tooltip


def test_an_open_editor_keeps_what_is_typed_when_the_checks_re_mark_its_cell(qtbot, make_window):
    window = make_window()
    page = table_page(window, "applications")
    view, model = page.view, page.model
    index = model.index_of_cell("t3.new.natural")
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    # An input method's unfinished pinyin leaves the editor "unmodified", as setText does.
    editor.setText("yi")
    assert not editor.isModified()
    window.runner.run_now()  # new findings: dataChanged for every flagged cell, this one included
    model.dataChanged.emit(index, index)
    assert editor.text() == "yi"


def test_a_refused_value_keeps_the_editor_open_in_a_second_editor_too(qtbot, make_window):
    window = make_window()
    page = table_page(window, "applications")
    type_into_cell(qtbot, page, "t3.new.natural", "4")
    qtbot.waitUntil(lambda: window.document.report.value("t3.new.natural") == 4)
    # The next editor may be created at the address of the one just closed.
    editor = type_into_cell(qtbot, page, "t3.carried_over.natural", "一")
    assert page.view.state() == page.view.State.EditingState
    assert editor.text() == "一" and "不是数字" in window.statusBar().currentMessage()
