"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from gui.main_window import MainWindow
from gui.tables.page import TableChapterPage


def table_page(window: MainWindow, chapter_key: str) -> TableChapterPage:
    page = window.pages[chapter_key]
    assert isinstance(page, TableChapterPage)
    window.tabs.setCurrentWidget(page)
    return page


def type_into_cell(qtbot, page: TableChapterPage, key: str, text: str, key_press=Qt.Key.Key_Return) -> QLineEdit:
    """Select the cell, open its editor, type ASCII text and press Enter (or Tab)."""
    view = page.view
    index = page.model.index_of_cell(key)
    view.setFocus()
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.setText(text)
    qtbot.keyClick(editor, key_press)
    return editor


def type_chinese(qtbot, widget, text: str) -> None:
    """Commit Chinese text as an input method would (keyClicks cannot send it)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def count_calls(monkeypatch, function) -> list[tuple]:
    """Count the calls of a module-level function, wherever it was imported by name; returns the list
    of their arguments, growing as calls happen."""
    import sys

    calls: list[tuple] = []

    def counted(*args, **kwargs):
        calls.append(args)
        return function(*args, **kwargs)

    for module in list(sys.modules.values()):
        if getattr(module, function.__name__, None) is function:
            monkeypatch.setattr(module, function.__name__, counted)
    return calls
