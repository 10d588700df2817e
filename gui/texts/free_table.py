"""Editing a table the unit drew itself (a form pasted into the body): its title, rows and columns of
text. Every change is one undoable edit of that table alone (``SetFreeTable``): the page is not
rebuilt, so the focus and the current cell stay where the clerk types; the grid takes the report's
values in place (undo, redo)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.document import FreeTable
from core.editing import SetFreeTable
from gui.document import ReportDocument


class FreeTableEditor(QWidget):
    def __init__(self, document: ReportDocument, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.key = key
        self._loading = False
        self._shown_title: str | None = None  # the report's title as last shown in the title field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel("自制表格标题："))
        self.title = QLineEdit()
        self.title.setPlaceholderText("例如：主动公开政府信息审批单")
        self.title.editingFinished.connect(self._title_edited)
        top.addWidget(self.title, 1)
        layout.addLayout(top)
        self.grid = QTableWidget(self)
        Trigger = QAbstractItemView.EditTrigger
        self.grid.setEditTriggers(Trigger.DoubleClicked | Trigger.EditKeyPressed | Trigger.AnyKeyPressed)
        self.grid.itemChanged.connect(self._cell_edited)
        layout.addWidget(self.grid)
        buttons = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        for text, action in (("添加一行", self.add_row), ("添加一列", self.add_column),
                             ("删除最后一行", self.remove_row), ("删除最后一列", self.remove_column)):
            button = QPushButton(text)
            button.clicked.connect(action)
            buttons.addWidget(button)
            self.buttons.append(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        if document.read_only:  # the bundled sample: to read and copy from
            self.title.setReadOnly(True)
            self.grid.setEditTriggers(Trigger.NoEditTriggers)
            for button in self.buttons:
                button.setEnabled(False)
        self.load()
        document.freeTableChanged.connect(self._table_changed)

    def table(self) -> FreeTable:
        return self.document.report.free_tables.get(self.key) or FreeTable()

    def load(self) -> None:
        """Show the report's table; only what differs is touched (an open cell editor, the current
        cell and the title's cursor stay)."""
        table = self.table()
        self._loading = True
        try:
            if table.title != self._shown_title:  # else a title being typed (no Enter yet) stays
                self.title.setText(table.title)
                self._shown_title = table.title
            columns = max((len(r) for r in table.rows), default=0)
            resized = (self.grid.rowCount(), self.grid.columnCount()) != (len(table.rows), columns)
            self.grid.setRowCount(len(table.rows))
            self.grid.setColumnCount(columns)
            for r, row in enumerate(table.rows):
                for c in range(columns):
                    text = row[c] if c < len(row) else ""
                    item = self.grid.item(r, c)
                    if item is None:
                        self.grid.setItem(r, c, QTableWidgetItem(text))
                    elif item.text() != text:
                        item.setText(text)
                        self.grid.resizeRowToContents(r)
            if resized:
                self.grid.resizeRowsToContents()
        finally:
            self._loading = False

    def _table_changed(self, key: str) -> None:
        if key == self.key:
            self.load()

    def _change(self, table: FreeTable, label: str) -> None:
        self.document.perform(SetFreeTable(self.key, table, label))

    def _rows(self) -> list[list[str]]:
        return [[(self.grid.item(r, c).text() if self.grid.item(r, c) else "") for c in range(self.grid.columnCount())]
                for r in range(self.grid.rowCount())]

    def _cell_edited(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self._change(FreeTable(self.table().title, self._rows()), "编辑自制表格")

    def _title_edited(self) -> None:
        if self.title.text() != self.table().title:
            self._change(FreeTable(self.title.text(), self._rows()), "修改自制表格标题")

    def add_row(self) -> None:
        rows = self._rows()
        rows.append([""] * max(1, self.grid.columnCount()))
        self._change(FreeTable(self.table().title, rows), "添加表格行")

    def add_column(self) -> None:
        rows = [row + [""] for row in self._rows()] or [[""]]
        self._change(FreeTable(self.table().title, rows), "添加表格列")

    def remove_row(self) -> None:
        if self.grid.rowCount():
            self._change(FreeTable(self.table().title, self._rows()[:-1]), "删除表格行")

    def remove_column(self) -> None:
        if self.grid.columnCount():
            self._change(FreeTable(self.table().title, [row[:-1] for row in self._rows()]), "删除表格列")
