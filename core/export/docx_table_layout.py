"""The geometry of a printed table: font size, line pitch, column widths, the text of each cell and
the height of each row — all from ``Table.items`` and the report's values, before anything is drawn.

Cell text has an exact line pitch, so a row's height is known here: the most lines any of its
cells needs (docx_measure) times the pitch, raised where a merged label needs more than its rows
give, plus its rules. Each row is written with that height as its minimum, and every word processor then draws the
table exactly that tall; the page flow (docx_flow) and the split into page parts
(docx_table_parts) rely on it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from core.document import Report
from core.export.docx_measure import line_count, text_width
from core.export.docx_styles import TEXT_WIDTH
from core.export.docx_widths import break_header, column_widths, least_width
from core.template.model import GridItem, Table
from core.values import format_value

CELL_MARGIN = 57  # twips (1 mm) left and right inside each cell; Word's default 1.9 mm is too wide here
WIDE_TABLE_COLUMNS = 6  # tables with more grid columns than this start at 五号 instead of 小四
SIZES = (12.0, 10.5, 9.0, 7.5)  # 小四, 五号, 小五, 六号: smaller only when the numbers need the room
PITCH = 1.3  # line pitch in cells, times the font size: the single spacing of 仿宋 in Word and WPS
VERTICAL_SLACK = 0.5  # points above and below a vertical label
RULE = 10  # twips: a 0.5 pt border, which LibreOffice sets between rows on top of their heights


def printed_height(heights: Sequence[int]) -> int:
    """A table's height on paper, twips: its rows and the rules above, between and below them."""
    return sum(heights) + RULE * (len(heights) + 1)


@dataclass(frozen=True)
class TableLayout:
    size: float  # font size, points
    pitch: int  # exact line pitch, twips; also the width a vertical line of text takes
    widths: list[int]  # grid columns, twips, summing to the 版心 width
    texts: dict[tuple[int, int], str]  # what each item shows, by (row, col), header breaks included
    needs: dict[tuple[int, int], int]  # height each item's text needs, twips, by (row, col)
    heights: list[int]  # grid rows, twips


def layout_table(report: Report, table: Table) -> TableLayout:
    values = {key: format_value(report.value(key)) for key in table.cells}
    total = round(TEXT_WIDTH.twips)
    size = table_font_size(table, values, total)
    em = round(size * 20)
    pitch = round(size * PITCH * 20)
    widths = column_widths(table.items, table.grid_columns, values, total, em, 2 * CELL_MARGIN, pitch / em)
    texts = {}
    for item in table.items:
        text = values.get(item.cell or "", "") if item.role == "cell" else item.text
        if item.role == "header":
            text = break_header(text, sum(widths[item.col:item.col + item.colspan]), em, 2 * CELL_MARGIN)
        texts[(item.row, item.col)] = text
    needs = {(i.row, i.col): item_need(i, texts[(i.row, i.col)], sum(widths[i.col:i.col + i.colspan]), size, pitch)
             for i in table.items}
    heights = row_heights(table.items, table.grid_rows, needs, pitch)
    return TableLayout(size, pitch, widths, texts, needs, heights)


def table_font_size(table: Table, values: Mapping[str, str], total: int) -> float:
    """The table's size, one step smaller for as long as its numbers do not fit side by side."""
    start = SIZES[1] if table.grid_columns > WIDE_TABLE_COLUMNS else SIZES[0]
    sizes = [s for s in SIZES if s <= start]
    for size in sizes:
        em = round(size * 20)
        pitch = round(size * PITCH * 20)
        if least_width(table.items, table.grid_columns, values, em, 2 * CELL_MARGIN, pitch / em) <= total:
            return size
    return sizes[-1]  # the numbers wrap inside their cells: still every digit on paper


def item_need(item: GridItem, text: str, width: int, size: float, pitch: int) -> int:
    """Height in twips the item's text needs in a cell ``width`` twips wide."""
    if item.vertical:
        return round((text_width(text, size) + 2 * VERTICAL_SLACK) * 20)
    inner = (width - 2 * CELL_MARGIN) / 20
    return line_count(text, inner, size) * pitch


def row_heights(items: Sequence[GridItem], rows: int, needs: Mapping[tuple[int, int], int], pitch: int) -> list[int]:
    """Each grid row's height: at least one line, the tallest one-row cell, and merged labels shared
    out over the rows they span (``needs``: each item's height in twips, by its (row, col))."""
    heights = [pitch] * rows
    spanning = []
    for item in items:
        need = needs[(item.row, item.col)]
        if item.rowspan == 1:
            heights[item.row] = max(heights[item.row], need)
        else:
            spanning.append((item, need))
    for item, need in sorted(spanning, key=lambda pair: pair[0].rowspan):
        span = range(item.row, item.row + item.rowspan)
        short = max(0, need - sum(heights[r] for r in span))
        for k, r in enumerate(span):  # the shortfall shared out evenly, the remainder to the first rows
            heights[r] += short // item.rowspan + (1 if k < short % item.rowspan else 0)
    return heights
