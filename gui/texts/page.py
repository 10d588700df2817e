"""The tab of a text chapter: its own editor, then one editor per section, and after a chapter's or a
section's text the tables it includes (a format's table as a grid, or a table the unit drew). A banner
says so while the chapter's text is still last year's draft."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from core.outline import FREE_TABLE_PREFIX
from core.similarity import Repeat
from core.template.model import Chapter
from gui.document import ReportDocument
from gui.draft_marks import DRAFT_STYLE
from gui.texts.editor import TextSlotEditor

DRAFT_BANNER = "本章为上年报告的文字，尚未修改，请按本年度情况改写"
PARTLY_DRAFT_BANNER = "本章以下部分仍是上年报告的文字，尚未修改，请按本年度情况改写："


class TextChapterPage(QScrollArea):
    def __init__(self, document: ReportDocument, chapter: Chapter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chapter = chapter
        self.document = document
        self.setWidgetResizable(True)
        body = QWidget()
        self._layout = QVBoxLayout(body)

        heading = QLabel(chapter.heading)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        self._layout.addWidget(heading)
        self.banner = QLabel()
        self.banner.setObjectName("draftBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(DRAFT_STYLE + "; padding: 6px")
        self.banner.hide()
        self._layout.addWidget(self.banner)

        self.editors: dict[str, TextSlotEditor] = {}
        self.blocks: list = []  # TableBlock of each included format table
        self.free_tables: dict[str, QWidget] = {}
        if chapter.sections:
            intro = TextSlotEditor(document, chapter.key, "开头概述（可选）", chapter.help, body, min_lines=3)
            self.editors[chapter.key] = intro
            self._layout.addWidget(intro)
            self._tables(chapter.tables, body)
            for section in chapter.sections:
                editor = TextSlotEditor(document, section.key, section.title, section.help, body, min_lines=6)
                self.editors[section.key] = editor
                self._layout.addWidget(editor)
                self._tables(section.tables, body)
        else:
            editor = TextSlotEditor(document, chapter.key, "", chapter.help, body, min_lines=12)
            self.editors[chapter.key] = editor
            self._layout.addWidget(editor, 1)
            self._tables(chapter.tables, body)
        self._layout.addStretch(0)
        self.setWidget(body)
        self.refresh_drafts()
        document.drafts.changed.connect(self._drafts_changed)

    def _drafts_changed(self, keys: tuple[str, ...]) -> None:
        if any(key in self.editors for key in keys):
            self.refresh_drafts()

    def refresh_drafts(self) -> None:
        """Mark the slots still word for word last year's, and say so above the chapter."""
        drafts = self.document.drafts.keys & self.editors.keys()
        for key, editor in self.editors.items():
            editor.show_draft(key in drafts)
        written = [key for key in self.editors if self.document.text(key).strip()]
        if drafts and len(drafts) == len(written):
            self.banner.setText(DRAFT_BANNER)
        elif drafts:
            names = [self.document.report.text_heading(k).removeprefix(self.chapter.heading) or "开头概述"
                     for k in self.editors if k in drafts]
            self.banner.setText(PARTLY_DRAFT_BANNER + "、".join(names))
        self.banner.setVisible(bool(drafts))

    def show_repeats(self, repeats: dict[str, tuple[Repeat, ...]]) -> None:
        for key, editor in self.editors.items():
            editor.repeats.show(repeats.get(key, ()))

    def _tables(self, keys: tuple[str, ...], body: QWidget) -> None:
        for key in keys:
            if key.startswith(FREE_TABLE_PREFIX):
                from gui.texts.free_table import FreeTableEditor

                editor = FreeTableEditor(self.document, key, body)
                self.free_tables[key] = editor
                self._layout.addWidget(editor)
                continue
            from gui.tables.block import TableBlock

            table = self.document.report.template.table(key)
            title = QLabel(f"表格：{table.title}")
            title.setWordWrap(True)
            self._layout.addWidget(title)
            block = TableBlock(self.document, table, table.title, body)
            self.blocks.append(block)
            self._layout.addWidget(block)

    def focus_text(self, key: str) -> bool:
        editor = self.editors.get(key)
        if editor is None:
            return False
        self.ensureWidgetVisible(editor)
        editor.focus_editor()
        return True

    def select_cell(self, key: str) -> bool:
        for block in self.blocks:
            if block.model.index_of_cell(key).isValid():
                self.ensureWidgetVisible(block)
                return block.select_cell(key)
        return False

    def refresh_help(self) -> None:
        for block in self.blocks:
            block.refresh_help()
