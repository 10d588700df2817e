"""The tab of a text chapter: its own editor, then one editor per customary sub-section, scrolling."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from core.template.model import Chapter
from gui.document import ReportDocument
from gui.texts.editor import TextSlotEditor


class TextChapterPage(QScrollArea):
    def __init__(self, document: ReportDocument, chapter: Chapter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chapter = chapter
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)

        heading = QLabel(chapter.heading)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        layout.addWidget(heading)

        self.editors: dict[str, TextSlotEditor] = {}
        if chapter.sections:
            intro = TextSlotEditor(document, chapter.key, "开头概述（可选）", chapter.help, body, min_lines=3)
            self.editors[chapter.key] = intro
            layout.addWidget(intro)
            for section in chapter.sections:
                editor = TextSlotEditor(document, section.key, section.title, section.help, body, min_lines=6)
                self.editors[section.key] = editor
                layout.addWidget(editor)
        else:
            editor = TextSlotEditor(document, chapter.key, "", chapter.help, body, min_lines=12)
            self.editors[chapter.key] = editor
            layout.addWidget(editor, 1)
        layout.addStretch(0)
        self.setWidget(body)

    def focus_text(self, key: str) -> bool:
        editor = self.editors.get(key)
        if editor is None:
            return False
        self.ensureWidgetVisible(editor)
        editor.focus_editor()
        return True
