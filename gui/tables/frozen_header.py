"""The header rows of a grid kept in view: a second table view over the top of the grid's viewport,
showing only the header rows, sharing the model, selection, delegate, spans and sizes, and following
the grid's horizontal scrolling. The body scrolls underneath it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication, QFrame, QTableView


class FrozenHeader(QTableView):
    def __init__(self, body: QTableView, rows: int, delegate: QAbstractItemDelegate) -> None:
        """``delegate`` paints like the grid's but is not the grid's own: a delegate's editor signals
        go to every view using it."""
        super().__init__(body)
        self.body = body
        self.rows = rows
        self.setObjectName("frozenHeader")
        self.setModel(body.model())
        self.setSelectionModel(body.selectionModel())
        self.setItemDelegate(delegate)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the grid below
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(body.selectionMode())
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        model = body.model()
        for row in range(model.rowCount()):
            self.setRowHidden(row, row >= rows)
        body.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        body.horizontalHeader().sectionResized.connect(lambda col, _old, new: self.setColumnWidth(col, new))
        body.verticalHeader().sectionResized.connect(self._row_resized)
        body.viewport().stackUnder(self)
        self.viewport().installEventFilter(self)

    def set_span(self, row: int, col: int, rowspan: int, colspan: int) -> None:
        if row < self.rows:
            self.setSpan(row, col, rowspan, colspan)

    @property
    def header_height(self) -> int:
        return sum(self.body.rowHeight(r) for r in range(self.rows))

    def sync(self) -> None:
        """Take the grid's column widths and header row heights, and lie over its viewport's top."""
        for col in range(self.model().columnCount()):
            self.setColumnWidth(col, self.body.columnWidth(col))
        for row in range(self.rows):
            self.setRowHeight(row, self.body.rowHeight(row))
        self.place()

    def place(self) -> None:
        viewport = self.body.viewport().geometry()
        self.setGeometry(QRect(viewport.left(), viewport.top(), viewport.width(), min(self.header_height,
                                                                                      viewport.height())))
        self.horizontalScrollBar().setValue(self.body.horizontalScrollBar().value())

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        if row < self.rows:
            self.setRowHeight(row, new)
            self.place()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # The wheel over the header scrolls the grid, as if the header were part of it.
        if obj is self.viewport() and event.type() == QEvent.Type.Wheel:
            QApplication.sendEvent(self.body.viewport(), event)
            return True
        return super().eventFilter(obj, event)
