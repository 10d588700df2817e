"""Make Ctrl+Z / Ctrl+Y reach the document's undo stack even when a text field has the focus.

Text widgets claim the undo shortcuts for their own undo history; ours is disabled in favour of the
document's QUndoStack, so we let the shortcut through to the window's 撤销/重做 actions instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget


class _UndoShortcutPassThrough(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                event.ignore()
                return True
        return False


_FILTER: _UndoShortcutPassThrough | None = None


def route_undo_to_document(widget: QWidget) -> None:
    global _FILTER
    if _FILTER is None:
        _FILTER = _UndoShortcutPassThrough()
    widget.installEventFilter(_FILTER)
