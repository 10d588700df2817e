"""The grid's right-click menu: 复制, 粘贴, 清除, 全部填 0."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from gui.tables.view import ReportTableView


def build_menu(view: ReportTableView) -> QMenu:
    menu = QMenu(view)
    has_selection = bool(view.selected_positions())
    copy = menu.addAction("复制", view.copy_selection)
    copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
    copy.setEnabled(has_selection)
    paste = menu.addAction("粘贴", lambda: view.paste())
    paste.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
    paste.setEnabled(view.accepts_edits and view.currentIndex().isValid() and bool(QGuiApplication.clipboard().text()))
    clear = menu.addAction("清除", view.clear_selection)
    clear.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    clear.setEnabled(bool(view.selected_inputs()))
    menu.addSeparator()
    keys, where = view.blank_inputs_to_fill()
    fill = menu.addAction(f"全部填 0（{where}的 {len(keys)} 个空白格）" if keys else "全部填 0（没有空白格）",
                          view.fill_blanks_with_zero)
    fill.setToolTip("没有发生的情形应填 0：把空白的填写格一次填上 0（可撤销）")
    fill.setEnabled(view.accepts_edits and bool(keys))
    return menu
