"""A format's table as an editable grid with a help area that follows the current cell: the body of
a table chapter, or a table a text chapter includes (the old 统计表 of a pre-2019 report)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from core.template.model import Table
from gui.document import ReportDocument
from gui.tables.model import HelpRole, ReportTableModel
from gui.tables.view import ReportTableView


class TableBlock(QWidget):
    def __init__(self, document: ReportDocument, table: Table, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = intro
        self.model = ReportTableModel(document, table, self)
        self.view = ReportTableView(self.model, self)
        self.help_area = QLabel()
        self.help_area.setWordWrap(True)
        self.help_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.help_area.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help_area.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.help_area.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.help_area)
        self.view.selectionModel().currentChanged.connect(self._show_help)
        self.help_area.setText(intro)

    def _show_help(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.help_area.setText(self.intro)
            return
        lines = [str(current.data(HelpRole) or "")]
        key = self.model.cell_key(current)
        if key:
            cell = self.model.document.report.template.cells[key]
            lines.insert(0, f"【{cell.name}】")
            lines += [f"【{'错误' if sev == 'error' else '警告'}】{msg}" for sev, msg in self.model.findings_for(key)]
        self.help_area.setText("\n".join(lines))

    def refresh_help(self) -> None:
        self._show_help(self.view.currentIndex(), QModelIndex())

    def select_cell(self, key: str) -> bool:
        return self.view.select_cell(key)
