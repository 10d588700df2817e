"""Painting and editing of grid cells: vertical labels, word-wrapped labels, validated number editors."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from core.values import CellInputError, parse_cell_input
from gui.tables.model import SEVERITY_MARKS, CellKeyRole, ComputedRole, SeverityRole, VerticalRole

_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class GridDelegate(QStyledItemDelegate):
    """Labels wrap; the vertical label is drawn one character per line; editors refuse non-numbers.

    A refused value keeps the editor open with the typed text (nothing is lost) and emits
    ``inputRefused`` so the view can show the Chinese message next to the cell.
    """

    inputRefused = Signal(QModelIndex, str)

    def __init__(self, cell_types: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cell_types = cell_types

    # --- painting ----------------------------------------------------------------------------

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(CellKeyRole) is None:
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if not index.data(VerticalRole):
            super().paint(painter, option, index)
            severity = index.data(SeverityRole)
            if severity and index.data(ComputedRole):
                self._paint_frame(painter, option, SEVERITY_MARKS[severity])
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setFont(opt.font)
        painter.drawText(opt.rect, int(Qt.AlignmentFlag.AlignCenter), "\n".join(text))
        painter.restore()

    @staticmethod
    def _paint_frame(painter: QPainter, option: QStyleOptionViewItem, colour) -> None:
        width = max(2, round(QFontMetrics(option.font).horizontalAdvance("国") / 8))
        painter.save()
        pen = QPen(colour)
        pen.setWidth(width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        inset = (width + 1) // 2
        painter.drawRect(option.rect.adjusted(inset, inset, -inset - 1, -inset - 1))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        if index.data(VerticalRole):
            metrics = QFontMetrics(option.font)
            text = str(index.data() or "")
            return QSize(metrics.horizontalAdvance("国") * 2, metrics.lineSpacing() * (len(text) + 1))
        return super().sizeHint(option, index)

    # --- editing -----------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        return CellEditor(QPersistentModelIndex(index), parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        # Only when the editor opens: Qt calls this again on every dataChanged of the cell (the checks
        # re-mark cells while the user types), and setText would drop what is being typed, including
        # an input method's unfinished pinyin.
        if isinstance(editor, CellEditor) and not editor.filled:
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.filled = True

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def problem(self, editor: CellEditor) -> str | None:
        """The Chinese reason the editor's text cannot be stored, or None."""
        key = editor.index.data(CellKeyRole) if editor.index.isValid() else None
        if key is None:
            return None
        try:
            parse_cell_input(editor.text(), self._cell_types.get(key, "count"))  # type: ignore[arg-type]
        except CellInputError as error:
            return str(error)
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if isinstance(obj, CellEditor) and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in _COMMIT_KEYS:
                message = self.problem(obj)
                if message:
                    self.inputRefused.emit(QModelIndex(obj.index), message)
                    obj.selectAll()
                    return True
        return super().eventFilter(obj, event)


class CellEditor(QLineEdit):
    """The editor of one cell; it knows its cell (editors are reused addresses, so no lookup table)."""

    def __init__(self, index: QPersistentModelIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.filled = False
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrame(False)
