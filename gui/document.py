"""The open report as a Qt object: its file path, undo stack, and signals telling views what changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core.document import Report
from core.values import CellValue
from gui.undo import SetCellsCommand, SetExplanationCommand, SetTextCommand, SetUnitFieldCommand

OPENING = "opening"  # the paragraph before 一; edited like a text slot
SIGNING_DATE = "signing_date"


class ReportDocument(QObject):
    """Edits go through ``set_*`` (undoable); views listen to the signals, never poll the report."""

    cellsChanged = Signal(list)  # cell keys whose value changed (typed and recomputed)
    textChanged = Signal(str)  # text key, or OPENING
    unitChanged = Signal(str)  # UnitInfo field name, or SIGNING_DATE
    explanationsChanged = Signal()
    contentChanged = Signal()  # any of the above
    modifiedChanged = Signal(bool)
    pathChanged = Signal()

    def __init__(self, report: Report, path: Path | None = None, parent: QObject | None = None,
                 untitled_name: str = "未命名") -> None:
        super().__init__(parent)
        self.report = report
        self._path = path
        self.untitled_name = untitled_name
        self._forced_modified = False  # restored or imported documents differ from any file
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)

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

    def set_cells(self, values: dict[str, CellValue], label: str = "填写单元格") -> None:
        values = {k: v for k, v in values.items() if not _same(self.report.value(k), v)}
        if values:
            self.undo_stack.push(SetCellsCommand(self, values, label))

    def set_text(self, key: str, text: str) -> None:
        old = self.text(key)
        if old != text:
            self.undo_stack.push(SetTextCommand(self, key, old, text, "编辑文字"))

    def text(self, key: str) -> str:
        return self.report.opening if key == OPENING else self.report.text(key)

    def set_unit_field(self, name: str, value: str | dt.date | None) -> None:
        old = self.unit_field(name)
        if old != value:
            self.undo_stack.push(SetUnitFieldCommand(self, name, old, value, "编辑单位信息"))

    def unit_field(self, name: str) -> str | dt.date | None:
        return self.report.signing_date if name == SIGNING_DATE else getattr(self.report.unit, name)

    def set_explanation(self, finding_id: str, text: str | None) -> None:
        text = (text or "").strip() or None
        if self.report.explanations.get(finding_id) != text:
            self.undo_stack.push(SetExplanationCommand(self, finding_id, text))

    # --- called by the undo commands ---------------------------------------------------------

    def _apply_cells(self, values: dict[str, CellValue]) -> None:
        changed: list[str] = []
        for key, value in values.items():
            changed.extend(k for k in self.report.set_value(key, value) if k not in changed)
        if changed:
            self.cellsChanged.emit(changed)
            self.contentChanged.emit()

    def _apply_text(self, key: str, text: str) -> None:
        if key == OPENING:
            self.report.opening = text
        else:
            self.report.set_text(key, text)
        self.textChanged.emit(key)
        self.contentChanged.emit()

    def _apply_unit_field(self, name: str, value: str | dt.date | None) -> None:
        if name == SIGNING_DATE:
            self.report.signing_date = value  # type: ignore[assignment]
        else:
            setattr(self.report.unit, name, value)
        self.unitChanged.emit(name)
        self.contentChanged.emit()

    def _apply_explanation(self, finding_id: str, text: str | None) -> None:
        if text:
            self.report.explanations[finding_id] = text
        else:
            self.report.explanations.pop(finding_id, None)
        self.explanationsChanged.emit()
        self.contentChanged.emit()


def _same(a: CellValue, b: CellValue) -> bool:
    # Decimal("1.0") == 1 but the user typed something different; 0 and "" and "/" differ.
    return type(a) is type(b) and a == b and str(a) == str(b)
