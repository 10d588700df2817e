"""Column widths and row heights of a grid from its labels and the font: no pixel constants, so the
table looks the same at 100 % and 200 % scaling."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView

from core.template.model import Table

LABEL_MAX_EM = 15  # a label wider than this wraps
DATA_MIN_EM = 4.5  # room for a seven-digit number
PADDING_EM = 0.45


def fit_grid(view: QTableView, table: Table) -> None:
    """Size the columns to their labels (wrapping long ones) and the rows to the wrapped text."""
    font = QFont(view.font())
    bold = QFont(font)
    bold.setBold(True)
    metrics, bold_metrics = QFontMetrics(font), QFontMetrics(bold)
    em = metrics.horizontalAdvance("国")
    pad = round(em * PADDING_EM)

    def metrics_for(role: str) -> QFontMetrics:
        return bold_metrics if role in ("header", "heading") else metrics

    data_columns = {i.col for i in table.items if i.cell}
    widths = [round(em * DATA_MIN_EM) if c in data_columns else em * 2 for c in range(table.grid_columns)]
    for item in table.items:
        if item.colspan != 1 or not item.text:
            continue
        if item.vertical:
            widths[item.col] = max(widths[item.col], em + pad * 2)
            continue
        natural = metrics_for(item.role).horizontalAdvance(item.text) + pad * 2
        widths[item.col] = max(widths[item.col], min(natural, em * LABEL_MAX_EM + pad * 2))
    # Merged labels wider than their columns: widen the last column they cover.
    for item in table.items:
        if item.colspan > 1 and item.text and not item.vertical:
            span = sum(widths[item.col:item.col + item.colspan])
            natural = min(metrics_for(item.role).horizontalAdvance(item.text) + pad * 2, em * LABEL_MAX_EM * 1.5)
            if natural > span:
                widths[item.col + item.colspan - 1] += int(natural - span)
    for col, width in enumerate(widths):
        view.setColumnWidth(col, int(width))

    line = metrics.lineSpacing()
    heights = [line + pad * 2] * table.grid_rows
    for item in sorted(table.items, key=lambda i: i.rowspan):
        if not item.text:
            continue
        if item.vertical:
            needed = metrics.lineSpacing() * len(item.text) + pad * 2
        else:
            width = sum(widths[item.col:item.col + item.colspan]) - pad * 2
            rect = metrics_for(item.role).boundingRect(QRect(0, 0, max(width, em), 100000),
                                                       int(Qt.TextFlag.TextWordWrap), item.text)
            needed = rect.height() + pad * 2
        rows = range(item.row, item.row + item.rowspan)
        have = sum(heights[r] for r in rows)
        if needed > have:
            extra = (needed - have + item.rowspan - 1) // item.rowspan
            for r in rows:
                heights[r] += extra
    for row, height in enumerate(heights):
        view.setRowHeight(row, int(height))


def grid_size(view: QTableView) -> tuple[int, int]:
    """Width and height the whole grid needs (for the view's size hint)."""
    model = view.model()
    width = sum(view.columnWidth(c) for c in range(model.columnCount()))
    height = sum(view.rowHeight(r) for r in range(model.rowCount()))
    frame = view.frameWidth() * 2
    return width + frame, height + frame
