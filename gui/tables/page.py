"""The tab of a table chapter: chapter heading and help, the grid, and a help area following the cell."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.template.model import Chapter
from gui.document import ReportDocument
from gui.tables.block import TableBlock


class TableChapterPage(QWidget):
    def __init__(self, document: ReportDocument, chapter: Chapter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert chapter.table is not None
        self.chapter = chapter
        heading = QLabel(chapter.heading)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        intro = QLabel(chapter.help)
        intro.setWordWrap(True)
        self.block = TableBlock(document, document.report.template.table(chapter.table), chapter.help, self)
        self.model, self.view, self.help_area = self.block.model, self.block.view, self.block.help_area
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.block, 1)
        layout.addStretch(0)

    @property
    def blocks(self) -> list[TableBlock]:
        return [self.block]

    def refresh_help(self) -> None:
        self.block.refresh_help()

    def select_cell(self, key: str) -> bool:
        return self.block.select_cell(key)
