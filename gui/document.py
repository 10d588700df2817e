"""The open report as a Qt object: its file path, undo stack, and signals telling views what changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core.document import OPENING, SIGNING_DATE, Report
from gui.draft_marks import DraftTexts

if TYPE_CHECKING:
    from core.editing import Change, Edit
    from core.values import CellValue

__all__ = ["OPENING", "SIGNING_DATE", "ReportDocument"]


class ReportDocument(QObject):
    """Edits go through ``set_*`` (undoable); views listen to the signals, never poll the report."""

    cellsChanged = Signal(list)  # cell keys whose value changed (typed and recomputed)
    textChanged = Signal(str)  # text key, or OPENING
    unitChanged = Signal(str)  # UnitInfo field name, or SIGNING_DATE
    explanationsChanged = Signal()
    structureChanged = Signal()  # the outline, which drawn tables there are, own title or print options
    freeTableChanged = Signal(str)  # the key of a drawn table whose title or rows changed
    previousChanged = Signal()  # last year's report linked, replaced or removed
    contentChanged = Signal()  # any of the above
    modifiedChanged = Signal(bool)
    pathChanged = Signal()
    editRefused = Signal(str)  # why an edit of a read-only document was not made (Chinese)

    READ_ONLY_MESSAGE = "示例报告只能查看，不能修改。要编写本单位的年报，请在开始页或“文件”菜单中新建年报。"

    def __init__(self, report: Report, path: Path | None = None, parent: QObject | None = None,
                 untitled_name: str = "未命名", read_only: bool = False) -> None:
        super().__init__(parent)
        self.read_only = read_only
        self.report = report
        self._path = path
        self.untitled_name = untitled_name
        self._forced_modified = False  # restored or imported documents differ from any file
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.drafts = DraftTexts(self)  # before any view connects: views read it when told of an edit

    # --- file state --------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def display_name(self) -> str:
        return self._path.name if self._path else self.untitled_name

    @property
    def is_modified(self) -> bool:
        return self._forced_modified or not self.undo_stack.isClean()

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(self._forced_modified or not clean)

    def mark_modified(self) -> None:
        self._forced_modified = True
        self.modifiedChanged.emit(True)

    def mark_saved(self, path: Path) -> None:
        changed = path != self._path
        self._path = path
        self._forced_modified = False
        self.undo_stack.setClean()
        self.modifiedChanged.emit(False)
        if changed:
            self.pathChanged.emit()

    # --- undoable edits ----------------------------------------------------------------------

    def perform(self, edit: Edit) -> None:
        """Apply a core edit as one undo step; a read-only document refuses it and tells the views to
        show its unchanged values again (an editor has already shown what was typed)."""
        if self.read_only:
            edit.apply(self.report)
            self.notify(edit.revert(self.report))
            self.editRefused.emit(self.READ_ONLY_MESSAGE)
            return
        from gui.undo import EditCommand  # the undo step and core.editing load with the first edit

        self.undo_stack.push(EditCommand(self, edit))

    def set_cells(self, values: dict[str, CellValue], label: str = "填写单元格") -> None:
        from core.editing import SetCells

        edit = SetCells(values, label)
        if edit.changes_anything(self.report):
            self.perform(edit)

    def set_text(self, key: str, text: str) -> None:
        if self.report.text(key) != text:
            from core.editing import SetText

            self.perform(SetText(key, text))

    def text(self, key: str) -> str:
        return self.report.text(key)

    def set_unit_field(self, name: str, value: str | dt.date | None) -> None:
        if self.unit_field(name) != value:
            from core.editing import SetField

            self.perform(SetField(name, value))

    def unit_field(self, name: str) -> str | dt.date | None:
        return self.report.field_value(name)

    def set_explanation(self, finding_id: str, text: str | None) -> None:
        from core.editing import SetExplanation

        edit = SetExplanation(finding_id, text)
        if self.report.explanations.get(finding_id) != edit.text:
            self.perform(edit)

    # --- telling the views -------------------------------------------------------------------

    def notify(self, change: Change) -> None:
        """Emit the signals for what an applied or reverted edit changed."""
        if change.cells:
            self.cellsChanged.emit(list(change.cells))
        for key in change.texts:
            self.textChanged.emit(key)
        for name in change.fields:
            self.unitChanged.emit(name)
        if change.explanations:
            self.explanationsChanged.emit()
        for key in change.free_tables:
            self.freeTableChanged.emit(key)
        if change.structure:
            self.structureChanged.emit()
        if change.previous:
            self.previousChanged.emit()
        if change:
            self.contentChanged.emit()
