"""Undo: every edit of the report is a core edit (core.editing) wrapped in a command on the
document's QUndoStack. The command applies and reverts the edit and tells the document what changed."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from core.editing import Edit, SetField, SetText

if TYPE_CHECKING:
    from gui.document import ReportDocument

MERGE_SECONDS = 2.0  # typing in one field within this pause undoes as one step
_MERGE_IDS = {SetText: 1, SetField: 2}


class EditCommand(QUndoCommand):
    def __init__(self, document: ReportDocument, edit: Edit) -> None:
        super().__init__(edit.label)
        self._document = document
        self.edit = edit
        self.stamp = time.monotonic()

    def id(self) -> int:
        return _MERGE_IDS.get(type(self.edit), -1)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.stamp - self.stamp > MERGE_SECONDS:
            return False
        if not self.edit.merge(other.edit):
            return False
        self.stamp = other.stamp
        return True

    def redo(self) -> None:
        self._document.notify(self.edit.apply(self._document.report))

    def undo(self) -> None:
        self._document.notify(self.edit.revert(self._document.report))
