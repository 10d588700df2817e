"""The grid view: drawn like the printed form, Enter moves down, Tab moves right, copy and paste TSV."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView, QToolTip, QWidget

from gui.aggregate.lock import locked_message
from gui.tables import paste_dialog
from gui.tables.clipboard import describe_paste, disagreeing_totals, parse_tsv, plan_paste, selection_to_tsv
from gui.tables.context_menu import build_menu
from gui.tables.delegate import GridDelegate
from gui.tables.frozen_header import FrozenHeader
from gui.tables.layout import fit_grid, grid_size
from gui.tables.model import ReportTableModel
from gui.tables.navigation import GridNavigator
from gui.tables.totals import explain_total

_MOVES = {
    QAbstractItemView.CursorAction.MoveNext: (0, 1),
    QAbstractItemView.CursorAction.MoveRight: (0, 1),
    QAbstractItemView.CursorAction.MovePrevious: (0, -1),
    QAbstractItemView.CursorAction.MoveLeft: (0, -1),
    QAbstractItemView.CursorAction.MoveDown: (1, 0),
    QAbstractItemView.CursorAction.MoveUp: (-1, 0),
}


class ReportTableView(QTableView):
    """Keyboard moves skip labels and totals so typing a column of numbers needs no mouse."""

    message = Signal(str)  # for the status bar

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen_header: FrozenHeader | None = None
        self.setModel(model)
        cell_types = {k: c.type for k, c in model.document.report.template.cells.items()}
        self.grid_delegate = GridDelegate(cell_types, self)
        self.setItemDelegate(self.grid_delegate)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        Trigger = QAbstractItemView.EditTrigger
        self.setEditTriggers(Trigger.NoEditTriggers if model.document.read_only  # the sample: to look at
                             else Trigger.DoubleClicked | Trigger.EditKeyPressed | Trigger.AnyKeyPressed)
        self.setTabKeyNavigation(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = model.table.header_rows
        if 0 < rows < model.rowCount():
            self.frozen_header = FrozenHeader(self, rows, GridDelegate(cell_types, self))
        for item in model.table.items:
            if item.rowspan > 1 or item.colspan > 1:
                self.setSpan(item.row, item.col, item.rowspan, item.colspan)
                if self.frozen_header is not None:
                    self.frozen_header.set_span(item.row, item.col, item.rowspan, item.colspan)
        cells = model.document.report.template.cells
        self.navigator = GridNavigator(model.table, lambda item: bool(item.cell) and not cells[item.cell].computed)
        self.grid_delegate.inputRefused.connect(self.show_refusal)
        model.inputRefused.connect(self.show_refusal)
        self.refit()

    @property
    def report_model(self) -> ReportTableModel:
        return self.model()  # type: ignore[return-value]

    def refit(self) -> None:
        fit_grid(self, self.report_model.table)
        if self.frozen_header is not None:
            self.frozen_header.sync()
        width, height = grid_size(self)
        # No empty band beside or below the form: the view is as big as the grid (plus scroll bars).
        self.setMaximumWidth(width + self.verticalScrollBar().sizeHint().width())
        self.setMaximumHeight(height + self.horizontalScrollBar().sizeHint().height())
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        width, height = grid_size(self)
        return QSize(width, height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.frozen_header is not None:
            self.frozen_header.place()

    def updateGeometries(self) -> None:
        super().updateGeometries()  # the viewport moves when scroll bars come and go
        if self.frozen_header is not None:
            self.frozen_header.place()

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        super().scrollTo(index, hint)
        header = self.frozen_header
        if header is None or not index.isValid() or index.row() < header.rows:
            return
        hidden = header.height() - self.visualRect(index).top()
        if hidden > 0:  # the cell would sit under the header rows: scroll it out from under them
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - hidden)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self.refit()

    # --- navigation --------------------------------------------------------------------------

    def select_cell(self, key: str) -> bool:
        index = self.report_model.index_of_cell(key)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        step = _MOVES.get(action)
        current = self.currentIndex()
        if step is None or not current.isValid():
            return super().moveCursor(action, modifiers)
        wrap = action in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious)
        found = self._next_editable(current, step, wrap)
        return found if found.isValid() else current

    def _next_editable(self, start: QModelIndex, step: tuple[int, int], wrap: bool) -> QModelIndex:
        item = self.navigator.next_input(start.row(), start.column(), step, wrap)
        return self.report_model.index(item.row, item.col) if item is not None else QModelIndex()

    def closeEditor(self, editor: QWidget, hint) -> None:
        # Enter in an editor: commit, then go to the next cell below, like Excel.
        if hint == GridDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, GridDelegate.EndEditHint.NoHint)
            self._move_down()
            return
        super().closeEditor(editor, hint)

    def _move_down(self) -> None:
        below = self._next_editable(self.currentIndex(), (1, 0), False)
        if below.isValid():
            self.setCurrentIndex(below)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self._move_down()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.clear_selection()
        elif self._typed_on_read_only(event):
            self.explain_read_only(self.currentIndex())
        else:
            super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        # Qt jumps to a cell whose text starts with the typed key; in a form that moves the typing
        # somewhere unexpected, so typing never searches (see explain_read_only).
        pass

    def _typed_on_read_only(self, event: QKeyEvent) -> bool:
        text = event.text()
        current = self.currentIndex()
        return (self.state() != self.State.EditingState and current.isValid() and bool(text) and text.isprintable()
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
                and not self.report_model.is_editable(current))

    def explain_read_only(self, index: QModelIndex) -> None:
        """Say why nothing can be typed here: a total names what to fill instead, a label says so."""
        model = self.report_model
        key = model.cell_key(index)
        if model.document.read_only:
            message = model.document.READ_ONLY_MESSAGE
        elif key is not None and model.document.report.sums_locked:
            message = locked_message(model.document.report)
        elif key is not None:
            message = explain_total(model.document.report.template, key)
        else:
            message = "这里是表格的标签，不能填写。请选中白色的格子再输入数字。"
        self.show_refusal(index, message)

    def mouseDoubleClickEvent(self, event) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and not self.report_model.is_editable(index) and self.report_model.cell_key(index):
            self.setCurrentIndex(index)
            self.explain_read_only(index)
            return
        super().mouseDoubleClickEvent(event)

    # --- messages ----------------------------------------------------------------------------

    def show_refusal(self, index: QModelIndex, message: str) -> None:
        self.message.emit(message)
        rect = self.visualRect(index)
        QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), message, self.viewport(), rect)

    # --- clipboard ---------------------------------------------------------------------------

    def selected_positions(self) -> list[tuple[int, int]]:
        return sorted((i.row(), i.column()) for i in self.selectionModel().selectedIndexes())

    def copy_selection(self) -> str:
        text = selection_to_tsv(self.report_model, self.selected_positions())
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None) -> None:
        """Paste a TSV block at the current cell as one undo step; refused values and pasted totals
        that disagree with their parts are reported with their position."""
        current = self.currentIndex()
        if text is None:
            text = QGuiApplication.clipboard().text()
        if not current.isValid() or not text:
            return
        if self._refuses_edits(current):
            return
        document = self.report_model.document
        plan = plan_paste(self.report_model, current.row(), current.column(), parse_tsv(text))
        document.set_cells(plan.values, "粘贴")
        disagreeing = disagreeing_totals(plan, document.report)
        self.message.emit(describe_paste(plan, disagreeing))
        if plan.refused or disagreeing:
            paste_dialog.show_paste_problems(self, plan.refused, disagreeing)

    def selected_inputs(self) -> list[str]:
        model = self.report_model
        keys = [model.cell_key(i) for i in self.selectionModel().selectedIndexes() if model.is_editable(i)]
        return [k for k in keys if k]

    def _refuses_edits(self, index: QModelIndex) -> bool:
        """True (and the reason shown) when the report is read-only or its tables are locked sums."""
        document = self.report_model.document
        if document.read_only:
            self.show_refusal(index, document.READ_ONLY_MESSAGE)
        elif document.report.sums_locked:
            self.show_refusal(index, locked_message(document.report))
        return document.read_only or document.report.sums_locked

    @property
    def accepts_edits(self) -> bool:
        """False while nothing here can change (the read-only sample, locked sums): menus say so."""
        document = self.report_model.document
        return not document.read_only and not document.report.sums_locked

    def clear_selection(self) -> None:
        if self._refuses_edits(self.currentIndex()):
            return
        self.report_model.document.set_cells(dict.fromkeys(self.selected_inputs()), "清除单元格")

    def blank_inputs_to_fill(self) -> tuple[list[str], str]:
        """The blank input cells of the selection when it holds more than one input cell, else of the
        whole table; and how to name that ("选中区域" / "本表")."""
        model = self.report_model
        report = model.document.report
        selected = self.selected_inputs()
        if len(selected) > 1:
            keys, where = selected, "选中区域"
        else:
            keys, where = [k for k in model.table.cells if not report.template.cells[k].computed], "本表"
        return [k for k in keys if report.value(k) is None], where

    def fill_blanks_with_zero(self) -> None:
        if self._refuses_edits(self.currentIndex()):
            return
        keys, where = self.blank_inputs_to_fill()
        if keys:
            self.report_model.document.set_cells(dict.fromkeys(keys, 0), "全部填 0")
            self.message.emit(f"已把{where}的 {len(keys)} 个空白格填为 0（可撤销）")

    def contextMenuEvent(self, event) -> None:
        build_menu(self).exec(event.globalPos())
