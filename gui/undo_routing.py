"""Make Ctrl+Z / Ctrl+Y reach the document's undo stack even when a text field has the focus.

Text widgets claim the undo shortcuts for their own undo history; ours is disabled in favour of the
document's QUndoStack, so we let the shortcut through to the window's 撤销/重做 actions instead.

A shortcut reaches only the widget with the focus, so the filter that lets it through is put on a
field when the field first gets the focus: a filter from the start would hear every event of every
field (some 150 calls into Python before the first window is on screen).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

_ROUTED = "nianbaoUndoToDocument"  # the property marking a field whose undo goes to the document
_FILTERED = "nianbaoUndoFiltered"


class _UndoShortcutPassThrough(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                event.ignore()
                return True
        return False


_FILTER: _UndoShortcutPassThrough | None = None


def route_undo_to_document(widget: QWidget) -> None:
    """From the first time ``widget`` has the focus, its Ctrl+Z / Ctrl+Y go to the window's actions."""
    global _FILTER
    if _FILTER is None:
        _FILTER = _UndoShortcutPassThrough()
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(_focus_changed)
    widget.setProperty(_ROUTED, True)
    if widget.hasFocus():
        _filter(widget)


def _focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
    if new is not None and new.property(_ROUTED) and not new.property(_FILTERED):
        _filter(new)


def _filter(widget: QWidget) -> None:
    widget.setProperty(_FILTERED, True)
    widget.installEventFilter(_FILTER)
