"""The tab of a table chapter: chapter heading and help, the grid, and a help area following the cell."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from core.template.model import Chapter
from gui.document import ReportDocument
from gui.tables.model import HelpRole, ReportTableModel
from gui.tables.view import ReportTableView


class TableChapterPage(QWidget):
    def __init__(self, document: ReportDocument, chapter: Chapter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert chapter.table is not None
        self.chapter = chapter
        table = document.report.template.table(chapter.table)
        self.model = ReportTableModel(document, table, self)
        self.view = ReportTableView(self.model, self)

        heading = QLabel(chapter.heading)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        intro = QLabel(chapter.help)
        intro.setWordWrap(True)
        self.help_area = QLabel()
        self.help_area.setWordWrap(True)
        self.help_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.help_area.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help_area.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        lines = self.fontMetrics().lineSpacing()
        self.help_area.setMinimumHeight(lines * 4)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.help_area)
        layout.addStretch(0)
        self.view.selectionModel().currentChanged.connect(self._show_help)
        self.help_area.setText(chapter.help)

    def _show_help(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.help_area.setText(self.chapter.help)
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
