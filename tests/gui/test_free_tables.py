"""Typing into a table the unit drew (a pre-2019 report's own forms): each cell is one undoable edit
of that table alone; nothing is rebuilt, so the focus and the current cell stay where the clerk types."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from core.document import Report
from gui.outline import dialog as outline_dialog
from gui.outline.dialog import OutlineDialog


@pytest.fixture
def drawn(qtbot, make_window, monkeypatch):
    """A pre-2019 report with a drawn table (2 × 2, blank) in its first chapter, that chapter shown."""
    window = make_window(Report.new(2018, "某乡人民政府"))

    def with_free_table(_parent, report):
        dlg = OutlineDialog(report)
        qtbot.addWidget(dlg)
        assert dlg.add_free_table(dlg.outline[0].key)
        return dlg.result_structure()

    monkeypatch.setattr(outline_dialog, "ask_structure", with_free_table)
    window.actions.outline.trigger()
    chapter = window.document.report.chapters[0].key
    page = window.pages[chapter]
    window.tabs.setCurrentWidget(page)
    [(key, editor)] = page.free_tables.items()
    return window, page, key, editor


def _type_cells(qtbot, grid, texts: list[str]) -> None:
    """Type each text into the current cell, then Tab to the next (the next row after a row's last
    cell); Enter after the last text."""
    for n, text in enumerate(texts):
        for char in text:  # each key to whatever has the focus, as a keyboard does
            qtbot.keyClick(QApplication.focusWidget(), char)
        editor = QApplication.focusWidget()
        assert editor is not grid and grid.isAncestorOf(editor)  # typing opened the cell's editor
        qtbot.keyClick(editor, Qt.Key.Key_Tab if n < len(texts) - 1 else Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on Enter through a queued call
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # widgets let go of are gone


def test_typing_cells_in_a_row_keeps_the_focus_and_the_page(qtbot, drawn):
    window, page, key, editor = drawn
    grid = editor.grid
    grid.setFocus()
    grid.setCurrentCell(0, 0)
    tabs_before = [window.tabs.widget(i) for i in range(window.tabs.count())]
    _type_cells(qtbot, grid, ["item", "count", "apples", "12"])
    report = window.document.report
    assert report.free_tables[key].rows == [["item", "count"], ["apples", "12"]]
    assert QApplication.focusWidget() is grid and (grid.currentRow(), grid.currentColumn()) == (1, 1)
    assert window.pages[page.chapter.key] is page and page.free_tables[key] is editor  # nothing rebuilt
    assert [window.tabs.widget(i) for i in range(window.tabs.count())] == tabs_before
    assert window.tabs.currentWidget() is page
    assert [grid.item(r, c).text() for r in range(2) for c in range(2)] == ["item", "count", "apples", "12"]

    stack = window.document.undo_stack
    steps = stack.count()
    grid.setCurrentCell(1, 1)
    window.actions.undo.trigger()  # the last cell, alone
    assert stack.count() == steps and grid.item(1, 1).text() == "" and grid.item(1, 0).text() == "apples"
    assert report.free_tables[key].rows == [["item", "count"], ["apples", ""]]
    assert QApplication.focusWidget() is grid and (grid.currentRow(), grid.currentColumn()) == (1, 1)
    window.actions.redo.trigger()
    assert grid.item(1, 1).text() == "12" and report.free_tables[key].rows[1] == ["apples", "12"]


def test_a_title_being_typed_survives_an_undo_of_a_cell(qtbot, drawn):
    window, _page, key, editor = drawn
    grid = editor.grid
    grid.setFocus()
    grid.setCurrentCell(0, 0)
    _type_cells(qtbot, grid, ["item"])
    editor.title.setFocus()
    editor.title.insert("审批单")  # no Enter yet
    window.document.undo_stack.undo()  # undoes the cell, not what is being typed
    assert editor.title.text() == "审批单" and grid.item(0, 0).text() == ""
    qtbot.keyClick(editor.title, Qt.Key.Key_Return)
    assert window.document.report.free_tables[key].title == "审批单"
    window.document.undo_stack.undo()
    assert editor.title.text() == ""


def test_rows_and_columns_added_and_removed_in_place(qtbot, drawn):
    window, page, key, editor = drawn
    editor.add_row()
    editor.add_column()
    assert (editor.grid.rowCount(), editor.grid.columnCount()) == (3, 3) and page.free_tables[key] is editor
    assert window.document.report.free_tables[key].rows == [[""] * 3] * 3
    editor.remove_row()
    editor.remove_column()
    assert window.document.report.free_tables[key].rows == [["", ""], ["", ""]]
    window.document.undo_stack.undo()
    assert editor.grid.columnCount() == 3 and window.pages[page.chapter.key] is page
