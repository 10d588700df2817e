"""Undo commands: every edit of the report goes through one of these on the document's QUndoStack."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from core.values import CellValue

if TYPE_CHECKING:
    from gui.document import ReportDocument

MERGE_SECONDS = 2.0  # typing in one field within this pause undoes as one step
_TEXT_MERGE_ID = 1
_FIELD_MERGE_ID = 2


class SetCellsCommand(QUndoCommand):
    """Set several cells at once (one typed value, or a whole paste)."""

    def __init__(self, document: ReportDocument, new_values: dict[str, CellValue], label: str) -> None:
        super().__init__(label)
        self._document = document
        self._new = dict(new_values)
        self._old = {key: document.report.value(key) for key in new_values}

    def redo(self) -> None:
        self._document._apply_cells(self._new)

    def undo(self) -> None:
        self._document._apply_cells(self._old)


class _MergingCommand(QUndoCommand):
    """Consecutive edits of the same field within MERGE_SECONDS merge into one undo step."""

    merge_id = -1

    def __init__(self, document: ReportDocument, key: str, old: Any, new: Any, label: str) -> None:
        super().__init__(label)
        self._document = document
        self.key = key
        self.old = old
        self.new = new
        self.stamp = time.monotonic()

    def id(self) -> int:
        return self.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, type(self)) or other.key != self.key:
            return False
        if other.stamp - self.stamp > MERGE_SECONDS:
            return False
        self.new = other.new
        self.stamp = other.stamp
        return True

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def _apply(self, value: Any) -> None:
        raise NotImplementedError


class SetTextCommand(_MergingCommand):
    merge_id = _TEXT_MERGE_ID

    def _apply(self, value: Any) -> None:
        self._document._apply_text(self.key, value)


class SetUnitFieldCommand(_MergingCommand):
    """A unit information field, or "signing_date"."""

    merge_id = _FIELD_MERGE_ID

    def _apply(self, value: Any) -> None:
        self._document._apply_unit_field(self.key, value)


class SetExplanationCommand(QUndoCommand):
    def __init__(self, document: ReportDocument, finding_id: str, text: str | None) -> None:
        super().__init__("说明警告" if text else "撤回说明")
        self._document = document
        self._id = finding_id
        self._new = text
        self._old = document.report.explanations.get(finding_id)

    def redo(self) -> None:
        self._document._apply_explanation(self._id, self._new)

    def undo(self) -> None:
        self._document._apply_explanation(self._id, self._old)
