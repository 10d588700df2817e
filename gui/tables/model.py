"""A Qt table model over one template table of the report: the whole printed grid, labels included."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from core.template.model import GridItem, Table
from core.values import CellInputError, format_value, parse_cell_input
from gui.aggregate.lock import breakdown_tooltip
from gui.document import ReportDocument

ItemRole = Qt.ItemDataRole.UserRole + 1  # the GridItem drawn at this position (top-left of a merge)
CellKeyRole = Qt.ItemDataRole.UserRole + 2
VerticalRole = Qt.ItemDataRole.UserRole + 3
HelpRole = Qt.ItemDataRole.UserRole + 4
SeverityRole = Qt.ItemDataRole.UserRole + 5  # "error", "warning" or None: the worst open finding on a cell
ComputedRole = Qt.ItemDataRole.UserRole + 6  # True for a total the software computes

LABEL_BACKGROUND = QColor("#eef2f7")
HEADING_BACKGROUND = QColor("#dde5f0")
COMPUTED_BACKGROUND = QColor("#e9e9e9")
SEVERITY_BACKGROUNDS = {"error": QColor("#f8c9c4"), "warning": QColor("#fbe7b0")}
# A total keeps its grey whatever its state, so it never looks like a cell to type in; its findings
# show as a coloured frame and text instead.
SEVERITY_MARKS = {"error": QColor("#c62828"), "warning": QColor("#a86400")}

AnyIndex = QModelIndex | QPersistentModelIndex


class ReportTableModel(QAbstractTableModel):
    """Every grid position of ``table``; data cells read and write the report through the document."""

    inputRefused = Signal(QModelIndex, str)  # index, Chinese message

    def __init__(self, document: ReportDocument, table: Table, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.table = table
        self._cells = document.report.template.cells
        self._at: dict[tuple[int, int], GridItem] = {(i.row, i.col): i for i in table.items}
        self._position = {i.cell: (i.row, i.col) for i in table.items if i.cell}
        self._findings: dict[str, list[tuple[str, str]]] = {}  # cell key → (severity, message)
        # Text the user typed that is not a valid value (e.g. "12件" left by clicking elsewhere):
        # shown in the cell, in red, until corrected, so what was typed is never silently dropped.
        self._refused: dict[str, tuple[str, str]] = {}  # cell key → (typed text, Chinese message)
        document.cellsChanged.connect(self._cells_changed)

    # --- lookup ------------------------------------------------------------------------------

    def item(self, index: AnyIndex) -> GridItem | None:
        """The grid item whose top-left corner is at ``index`` (None inside a merge)."""
        return self._at.get((index.row(), index.column())) if index.isValid() else None

    def cell_key(self, index: AnyIndex) -> str | None:
        item = self.item(index)
        return item.cell if item else None

    def index_of_cell(self, key: str) -> QModelIndex:
        row, col = self._position.get(key, (-1, -1))
        return self.index(row, col) if row >= 0 else QModelIndex()

    def is_editable(self, index: AnyIndex) -> bool:
        key = self.cell_key(index)
        return (key is not None and not self._cells[key].computed and not self.document.report.sums_locked
                and not self.document.read_only)

    # --- model -------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.table.grid_rows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.table.grid_columns

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.item(index)
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if item.cell in self._refused:
                return self._refused[item.cell][0]
            return format_value(self.document.report.value(item.cell)) if item.cell else item.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(item)
        if role == Qt.ItemDataRole.ForegroundRole:
            severity = self._severity(item)
            return QBrush(SEVERITY_MARKS[severity]) if severity and self._is_computed(item) else None
        if role == SeverityRole:
            return self._severity(item)
        if role == ComputedRole:
            return self._is_computed(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if item.cell or item.role in ("header", "heading") or item.vertical:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and item.role in ("header", "heading"):
            font = QFont()
            font.setBold(True)
            return font
        if role == ItemRole:
            return item
        if role == CellKeyRole:
            return item.cell
        if role == VerticalRole:
            return item.vertical
        if role == HelpRole:
            return self.help_text(item)
        return None

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_editable(index):
            return False
        key = self.cell_key(index)
        assert key is not None
        try:
            parsed = parse_cell_input("" if value is None else str(value), self._cells[key].type)
        except CellInputError as error:
            self._refused[key] = (str(value), str(error))
            self._emit_changed([key])
            self.inputRefused.emit(QModelIndex(index), str(error))
            return False
        if self._refused.pop(key, None) is not None:
            self._emit_changed([key])
        self.document.set_cells({key: parsed}, f"填写“{self._cells[key].name}”")
        return True

    def refused_input(self, key: str) -> tuple[str, str] | None:
        """(typed text, message) of a value that was refused and not yet corrected, or None."""
        return self._refused.get(key)

    # --- help and findings -------------------------------------------------------------------

    def help_text(self, item: GridItem) -> str:
        if item.cell:
            cell = self._cells[item.cell]
            text = cell.help
            if cell.computed:
                text += "\n（合计数，由软件自动计算，不能直接修改）"
            return text
        return item.help or item.text

    def set_findings(self, findings: dict[str, list[tuple[str, str]]]) -> None:
        mine = {k: v for k, v in findings.items() if k in self._position}
        touched = set(mine) | set(self._findings)
        self._findings = mine
        self._emit_changed(touched)

    def findings_for(self, key: str) -> list[tuple[str, str]]:
        return self._findings.get(key, [])

    def _tooltip(self, item: GridItem) -> str:
        parts = [self.help_text(item)]
        if item.cell:
            parts = [self._cells[item.cell].name, *parts]
            parts += [f"【{'错误' if sev == 'error' else '警告'}】{msg}" for sev, msg in self._findings.get(item.cell, [])]
            if item.cell in self._refused:
                parts.append(f"【输入无效，未保存】{self._refused[item.cell][1]}")
            parts.append(breakdown_tooltip(self.document.report, item.cell))
        return "\n".join(p for p in parts if p)

    def _is_computed(self, item: GridItem) -> bool:
        """A total, or any cell of a locked aggregated report: drawn grey, never a cell to type in."""
        return bool(item.cell) and (self._cells[item.cell].computed or self.document.report.sums_locked)

    def _severity(self, item: GridItem) -> str | None:
        if not item.cell:
            return None
        severities = {sev for sev, _ in self._findings.get(item.cell, [])}
        if item.cell in self._refused:
            severities.add("error")
        return next((s for s in ("error", "warning") if s in severities), None)

    def _background(self, item: GridItem) -> QBrush | None:
        if not item.cell:
            return QBrush(HEADING_BACKGROUND if item.role == "heading" else LABEL_BACKGROUND)
        if self._is_computed(item):
            return QBrush(COMPUTED_BACKGROUND)
        severity = self._severity(item)
        return QBrush(SEVERITY_BACKGROUNDS[severity]) if severity else None

    def _cells_changed(self, keys: list[str]) -> None:
        for key in keys:  # a new value (paste, undo, redo) supersedes refused text
            self._refused.pop(key, None)
        self._emit_changed(keys)

    def _emit_changed(self, keys) -> None:
        for key in keys:
            index = self.index_of_cell(key)
            if index.isValid():
                self.dataChanged.emit(index, index)
