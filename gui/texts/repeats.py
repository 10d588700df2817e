"""Sentences repeated from last year's report, highlighted in a text editor; hovering one shows the
sentence of last year's report it repeats. Refreshed after each check run; an edit of the text drops
the highlight until the next run (its offsets would no longer fit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPlainTextEdit

if TYPE_CHECKING:  # the similarity measure loads with the first check run, after the first paint
    from core.similarity import Repeat


REPEAT_BACKGROUND = "#ffe7a3"
REPEAT_UNDERLINE = "#b36b00"


def repeat_tooltip(repeat: Repeat) -> str:
    return f"与上年报告的这句相同或基本相同（数字、日期不同也算）：\n{repeat.other}"


class RepeatHighlight(QObject):
    """Owns the highlight of one editor: ``show(repeats)`` after a check run, cleared on typing."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.repeats: tuple[Repeat, ...] = ()
        self._format = None  # made at the first highlight: Qt's text-format classes cost start-up time
        editor.viewport().installEventFilter(self)
        editor.document().contentsChanged.connect(self.clear)

    def show(self, repeats: tuple[Repeat, ...]) -> None:
        from PySide6.QtGui import QTextCursor
        from PySide6.QtWidgets import QTextEdit

        length = len(self.editor.toPlainText())
        if not repeats and not self.repeats:
            return
        self.repeats = tuple(r for r in repeats if r.end <= length)
        selections = []
        for repeat in self.repeats:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(repeat.start)
            cursor.setPosition(repeat.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = self._highlight_format()
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def _highlight_format(self):
        from PySide6.QtGui import QColor, QTextCharFormat

        if self._format is None:
            self._format = QTextCharFormat()
            self._format.setBackground(QColor(REPEAT_BACKGROUND))
            self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            self._format.setUnderlineColor(QColor(REPEAT_UNDERLINE))
        return self._format

    def clear(self) -> None:
        if self.repeats:
            self.repeats = ()
            self.editor.setExtraSelections([])

    def repeat_at(self, position: int) -> Repeat | None:
        return next((r for r in self.repeats if r.start <= position < r.end), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.repeats:
            repeat = self.repeat_at(self.editor.cursorForPosition(event.pos()).position())
            if repeat is not None:
                from PySide6.QtWidgets import QToolTip

                QToolTip.showText(event.globalPos(), repeat_tooltip(repeat), self.editor.viewport())
                return True
        return super().eventFilter(watched, event)
