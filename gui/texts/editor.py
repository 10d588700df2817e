"""One text slot: title, help, a plain-text editor bound to the document, a character count, the
常用语句 menu, a mark while the text is still last year's draft, and the sentences repeated from last
year's report highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from core.template.model import Phrase
from gui.document import ReportDocument
from gui.draft_marks import DRAFT_STYLE
from gui.input_clean import clean_input, cleaned_position
from gui.texts.repeats import RepeatHighlight
from gui.undo_routing import route_undo_to_document


class TextSlotEditor(QWidget):
    def __init__(self, document: ReportDocument, key: str, title: str = "", help_text: str = "",
                 parent: QWidget | None = None, min_lines: int = 6) -> None:
        super().__init__(parent)
        self.document = document
        self.key = key
        self._syncing = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        if title:
            heading = QLabel(title)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            top.addWidget(heading)
        self.draft_mark = QLabel("上年草稿，尚未修改")
        self.draft_mark.setObjectName("draftMark")
        self.draft_mark.setStyleSheet(DRAFT_STYLE)
        self.draft_mark.setToolTip("这段文字与上年报告完全相同，请按本年实际情况改写")
        self.draft_mark.hide()
        top.addWidget(self.draft_mark)
        top.addStretch(1)
        layout.addLayout(top)
        if help_text:
            hint = QLabel(help_text)
            hint.setWordWrap(True)
            hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            layout.addWidget(hint)

        self.editor = QPlainTextEdit(self)
        self.editor.setUndoRedoEnabled(False)  # the document's undo stack handles Ctrl+Z
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(self.fontMetrics().lineSpacing() * min_lines)
        self.editor.setToolTip(help_text)
        route_undo_to_document(self.editor)
        layout.addWidget(self.editor)
        self.repeats = RepeatHighlight(self.editor)

        footer = QHBoxLayout()
        self.count_label = QLabel()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        self.phrase_button = QPushButton("插入常用语句", self)
        self.phrase_button.setToolTip("在光标处插入常用的标准语句（年度、单位信息会自动填入）")
        menu = QMenu(self.phrase_button)
        menu.aboutToShow.connect(self.phrase_menu)  # filled when first opened, not before the first paint
        self.phrase_button.setMenu(menu)
        self.phrase_button.setVisible(bool(document.report.phrases_for(key)))
        footer.addWidget(self.phrase_button)
        layout.addLayout(footer)

        if document.read_only:  # the bundled sample: to read and copy from, never to type into
            self.editor.setReadOnly(True)
            self.editor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            self.phrase_button.setEnabled(False)
        self._load()
        self._count()
        self.editor.textChanged.connect(self._typed)
        document.textChanged.connect(self._document_changed)

    def text(self) -> str:
        return self.editor.toPlainText()

    def show_draft(self, is_draft: bool) -> None:
        """Mark the slot while its text is still word for word last year's."""
        self.draft_mark.setVisible(is_draft)

    def set_text(self, text: str) -> None:
        """Replace the whole text as if typed (one undo step)."""
        self.editor.setPlainText(text)

    def phrase_menu(self) -> QMenu:
        """The 插入常用语句 menu, its sentences added the first time it is asked for."""
        menu = self.phrase_button.menu()
        if menu.isEmpty():
            for phrase in self.document.report.phrases_for(self.key):
                menu.addAction(phrase.title, lambda p=phrase: self.insert_phrase(p))
        return menu

    def insert_phrase(self, phrase: Phrase) -> None:
        from core.phrases import fill  # with the first phrase inserted, not the first window

        self.editor.insertPlainText(fill(phrase, self.document.report))
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_editor(self) -> None:
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.ensureCursorVisible()

    def _load(self) -> None:
        text = self.document.text(self.key)
        shown = self.editor.toPlainText()
        if shown != text:
            self._show(text, self.editor.textCursor().position() if shown else 0)  # counted by _typed

    def _typed(self) -> None:
        if not self._syncing:
            text = self.editor.toPlainText()
            cleaned = clean_input(self, text)
            if cleaned != text:
                self._show(cleaned, cleaned_position(text, self.editor.textCursor().position()))
            self.document.set_text(self.key, cleaned)
        self._count()

    def _show(self, text: str, position: int) -> None:
        """Replace the editor's text without it counting as typing; the cursor stays where it was."""
        self._syncing = True
        try:
            self.editor.setPlainText(text)  # the cursor goes to the start
            if position:  # the first text shown: nothing to move (nor a cursor object to make before the first paint)
                cursor = self.editor.textCursor()
                cursor.setPosition(min(position, len(text)))
                self.editor.setTextCursor(cursor)
        finally:
            self._syncing = False

    def _document_changed(self, key: str) -> None:
        if key == self.key:
            self._load()

    def _count(self) -> None:
        chars = len("".join(self.editor.toPlainText().split()))  # split() drops exactly what isspace() is
        self.count_label.setText(f"字数：{chars}")

