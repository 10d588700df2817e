"""Undo and redo for cells, texts, unit information and explanations, with the usual shortcuts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from gui import undo
from gui.document import SIGNING_DATE
from tests.gui.helpers import table_page, type_chinese, type_into_cell


def test_cell_edit_undo_and_redo_restore_values_and_totals(qtbot, make_window):
    window = make_window()
    page = table_page(window, "applications")
    report = window.document.report
    type_into_cell(qtbot, page, "t3.new.natural", "3")
    qtbot.waitUntil(lambda: report.value("t3.new.total") == 3)
    assert window.isWindowModified()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert report.value("t3.new.natural") is None and report.value("t3.new.total") is None
    assert page.model.index_of_cell("t3.new.total").data() == ""
    assert not window.isWindowModified()
    window.actions.redo.trigger()
    assert report.value("t3.new.natural") == 3 and report.value("t3.new.total") == 3


def test_typing_in_a_text_chapter_undoes_with_ctrl_z_in_the_editor(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(undo, "MERGE_SECONDS", 1000)
    window = make_window()
    page = window.pages["problems"]
    window.tabs.setCurrentWidget(page)
    editor = page.editors["problems"].editor
    type_chinese(qtbot, editor, "存在的问题：")
    type_chinese(qtbot, editor, "公开不及时。")
    assert window.document.report.text("problems") == "存在的问题：公开不及时。"
    # Consecutive typing merges into one step; Ctrl+Z in the editor reaches the document's stack.
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.text("problems") == ""
    assert editor.toPlainText() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == "存在的问题：公开不及时。"


def test_typing_after_a_pause_is_a_separate_undo_step(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(undo, "MERGE_SECONDS", -1)
    window = make_window()
    editor = window.pages["other_matters"].editors["other_matters"].editor
    type_chinese(qtbot, editor, "本年度")
    type_chinese(qtbot, editor, "未收取信息处理费。")
    window.document.undo_stack.undo()
    assert editor.toPlainText() == "本年度"


def test_unit_information_edits_undo(qtbot, make_window):
    window = make_window()
    form = window.unit_page
    name = form.fields["name"]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "X")
    assert window.document.report.unit.name == "X"
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.unit.name == "某某镇人民政府"
    assert name.text() == "某某镇人民政府"
    window.document.set_unit_field(SIGNING_DATE, dt.date(2026, 1, 20))
    assert form.signing.date().toString("yyyy-MM-dd") == "2026-01-20"
    window.actions.undo.trigger()
    assert window.document.report.signing_date is None
    assert form.signing.text() == "未填写"
    kind = form.fields["kind"]
    kind.setCurrentIndex(kind.findData("department"))
    kind.activated.emit(kind.currentIndex())
    assert window.document.report.unit.kind == "department"
    window.actions.undo.trigger()
    assert kind.currentData() == "government"


def test_standard_sentence_is_inserted_with_the_year(qtbot, make_window):
    window = make_window()
    opening = window.unit_page.opening
    menu = opening.phrase_button.menu()
    assert menu.isEmpty() and not opening.phrase_button.isHidden()  # the sentences are added when it opens
    menu.aboutToShow.emit()
    assert opening.phrase_menu() is menu and len(menu.actions()) == len(window.document.report.phrases_for(opening.key)) > 0
    period = next(a for a in menu.actions() if a.text() == "统计期限")
    period.trigger()
    assert window.document.report.opening == "本报告中所列数据统计期限自2025年1月1日起至2025年12月31日止。"
    assert opening.count_label.text() == f"字数：{len(window.document.report.opening)}"
    window.actions.undo.trigger()
    assert window.document.report.opening == ""


def test_retyping_money_with_more_decimals_is_one_change_views_and_autosave_hear(qtbot, make_window):
    from decimal import Decimal

    window = make_window()
    document = window.document
    document.set_cells({"t2.fees.amount": Decimal("1.0")})
    heard: list[list[str]] = []
    document.cellsChanged.connect(heard.append)
    with qtbot.waitSignal(document.contentChanged):
        document.set_cells({"t2.fees.amount": Decimal("1.00")})
    assert heard == [["t2.fees.amount"]] and str(document.report.value("t2.fees.amount")) == "1.00"
    steps = document.undo_stack.count()
    document.set_cells({"t2.fees.amount": Decimal("1.00")})  # the same again: no step, no signal
    assert document.undo_stack.count() == steps and len(heard) == 1
    window.actions.undo.trigger()
    assert str(document.report.value("t2.fees.amount")) == "1.0"


def test_the_undo_pass_through_is_put_on_a_field_when_it_first_has_the_focus(qtbot, make_window):
    """Until then no filter hears the field's events (some 150 calls into Python before the first
    window is on screen); from then on Ctrl+Z in the field undoes the document's last step."""
    window = make_window()
    page = window.pages["problems"]
    editor = page.editors["problems"].editor
    other = window.pages["other_matters"].editors["other_matters"].editor
    assert editor.property("nianbaoUndoToDocument") and not editor.property("nianbaoUndoFiltered")
    window.tabs.setCurrentWidget(page)
    type_chinese(qtbot, editor, "存在的问题：")
    assert editor.property("nianbaoUndoFiltered") and not other.property("nianbaoUndoFiltered")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.text("problems") == ""
