"""The audit as a table: one row per unit or file, a check box to include a unit in the sums."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from core.aggregate.audit import ERRORS, EXCLUDED, MISSING, READY, AuditRow

COLUMNS = ("汇总", "单位", "分组", "文件", "报告格式", "状态", "错误", "未说明的警告", "缺少章节", "未读取", "雷同")
STATUS_COLOURS = {READY: "#e3f1e0", ERRORS: "#f8d7d3", MISSING: "#fbe9c0", EXCLUDED: "#e9e9e9"}


class AuditTable(QTableWidget):
    inclusionChanged = Signal(object, bool)  # the AuditRow, whether the user wants it summed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("auditTable")
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rows: list[AuditRow] = []
        self._filling = False
        self.itemChanged.connect(self._item_changed)

    def show_rows(self, rows: list[AuditRow]) -> None:
        self._filling = True
        selected = self.current_row()
        self.rows = rows
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            check = QTableWidgetItem()
            if row.status in (READY, ERRORS):
                check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
                check.setCheckState(Qt.CheckState.Checked if row.included else Qt.CheckState.Unchecked)
                check.setToolTip("勾选的单位计入汇总；有错误的单位勾选后也会计入")
            else:
                check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.setItem(r, 0, check)
            counts = (row.errors, row.warnings, row.missing_chapters, row.import_problems, row.similar)
            texts = [row.unit, row.group, "、".join(row.files), row.format, row.status, *(str(len(c)) if c else "" for c in counts)]
            for c, text in enumerate(texts, start=1):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip("\n".join(row.problem_lines()[:20]) or row.status)
                if c == 5:
                    item.setBackground(QBrush(QColor(STATUS_COLOURS[row.status])))
                self.setItem(r, c, item)
        self._filling = False
        if selected is not None:
            match = next((i for i, r in enumerate(rows) if r.key == selected.key and r.files == selected.files), None)
            if match is not None:
                self.selectRow(match)

    def current_row(self) -> AuditRow | None:
        index = self.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0 or item.row() >= len(self.rows):
            return
        self.inclusionChanged.emit(self.rows[item.row()], item.checkState() == Qt.CheckState.Checked)
