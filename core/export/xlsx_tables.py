"""Excel export: one worksheet per statistics table, drawn only from the template's grid items."""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from core.document import Report
from core.export.xlsx_style import (
    BODY_FONT,
    BORDER,
    CENTER,
    HEADER_FONT,
    LEFT,
    LINE_HEIGHT,
    MIN_ROW_HEIGHT,
    TITLE_FONT,
    VERTICAL,
    display_width,
    wrapped_lines,
    write_text,
    write_value,
)
from core.template import GridItem, Table

TITLE_ROW = 1
FIRST_GRID_ROW = 2  # worksheet row of grid row 0
DATA_MIN_WIDTH = 8.0
LABEL_CAP = 22  # label columns wider than this wrap instead
GROUP_CAP = 16  # group labels spanning several rows stay on one line
HEADER_CAP = 9  # data column headers wrap after four CJK characters
SPAN_CAP = 40
VERTICAL_WIDTH = 4.5
# Usable width of an A4 page in column units at 100 %, with the margins set below.
PORTRAIT_WIDTH = 92.0
LANDSCAPE_WIDTH = 138.0
TITLE_SEPARATOR = "\u3000"


def table_sheet_name(report: Report, table: Table) -> str:
    return table.name


def table_title(report: Report, table: Table) -> str:
    if table.label == table.name:  # a name of the template's own ("统计表")
        return f"{report.title}{TITLE_SEPARATOR}{table.name}"
    return f"{report.title}{TITLE_SEPARATOR}{table.name} {report.template.chapter(table.chapter).title}"


def write_table_sheet(workbook: Workbook, report: Report, table: Table) -> dict[str, str]:
    """Draw ``table`` on a new sheet; returns each cell key's coordinate ("D5")."""
    ws = workbook.create_sheet(table_sheet_name(report, table))
    widths = _column_widths(table)
    # Portrait unless fitting the page width would shrink the text below about 85 %.
    landscape = sum(widths) > PORTRAIT_WIDTH / 0.85
    page_width = LANDSCAPE_WIDTH if landscape else PORTRAIT_WIDTH
    if sum(widths) < page_width * 0.85:  # a narrow table is widened to look like the printed one
        factor = page_width * 0.85 / sum(widths)
        widths = [w * factor for w in widths]
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = round(width, 2)

    _write_title(ws, table_title(report, table), table.grid_columns, sum(widths))
    coordinates: dict[str, str] = {}
    heights = [MIN_ROW_HEIGHT] * table.grid_rows
    for item in table.items:
        top, left = FIRST_GRID_ROW + item.row, 1 + item.col
        cell = ws.cell(top, left)
        if item.role == "cell" and item.cell:
            write_value(cell, report.value(item.cell))
            coordinates[item.cell] = cell.coordinate
            cell.font, cell.alignment = BODY_FONT, CENTER
        else:
            write_text(cell, item.text)
            cell.font = HEADER_FONT if item.role in ("header", "heading") else BODY_FONT
            cell.alignment = _alignment(item)
        if item.rowspan > 1 or item.colspan > 1:
            ws.merge_cells(start_row=top, start_column=left,
                           end_row=top + item.rowspan - 1, end_column=left + item.colspan - 1)
        _grow_rows(heights, item, widths)
    # Borders after merging: openpyxl recreates the cells inside a merged range when merging.
    for row in ws.iter_rows(min_row=FIRST_GRID_ROW, max_row=FIRST_GRID_ROW + table.grid_rows - 1,
                            max_col=table.grid_columns):
        for cell in row:
            cell.border = BORDER
    for index, height in enumerate(heights):
        ws.row_dimensions[FIRST_GRID_ROW + index].height = round(height, 1)
    _page_setup(ws, table, landscape)
    return coordinates


def _alignment(item: GridItem) -> Alignment:
    if item.vertical:
        return VERTICAL
    if item.role == "row_label" and item.colspan == 1 and item.text[:1].isdigit():
        return LEFT  # numbered sub-items ("1.…") read as a list
    if item.role == "row_label" and display_width(item.text) > 2 * HEADER_CAP:
        return LEFT
    return CENTER


def _write_title(ws: Worksheet, text: str, columns: int, total_width: float) -> None:
    # The title font is 1.4 times the body font, so it takes more width per character.
    if wrapped_lines(text, total_width / 1.4) > 1:
        head, _, tail = text.rpartition(TITLE_SEPARATOR)  # break between report title and table name
        text = f"{head}\n{tail}"
    cell = ws.cell(TITLE_ROW, 1)
    write_text(cell, text)
    cell.font, cell.alignment = TITLE_FONT, CENTER
    if columns > 1:
        ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=columns)
    lines = wrapped_lines(text, total_width / 1.4)
    ws.row_dimensions[TITLE_ROW].height = 12 + 20 * lines


def _column_widths(table: Table) -> list[float]:
    widths = [0.0] * table.grid_columns
    for item in table.items:
        if item.colspan != 1:
            continue
        if item.role == "cell":
            need = DATA_MIN_WIDTH
        elif item.vertical:
            need = VERTICAL_WIDTH
        else:
            cap = {"header": HEADER_CAP, "label": GROUP_CAP}.get(item.role, LABEL_CAP)
            need = min(display_width(item.text) + 2, cap)
        widths[item.col] = max(widths[item.col], need)
    widths = [w or DATA_MIN_WIDTH for w in widths]
    for item in table.items:  # merged labels: widen the last column of the span if needed
        if item.colspan > 1 and item.role != "cell" and not item.vertical:
            span = range(item.col, item.col + item.colspan)
            deficit = min(display_width(item.text) + 2, SPAN_CAP) - sum(widths[c] for c in span)
            if deficit > 0:
                widths[span[-1]] += deficit
    return widths


def _grow_rows(heights: list[float], item: GridItem, widths: list[float]) -> None:
    if not item.text:
        return
    if item.vertical:
        needed = len(item.text) * (LINE_HEIGHT - 1) + 8
    else:
        span_width = sum(widths[item.col:item.col + item.colspan])
        needed = wrapped_lines(item.text, span_width) * LINE_HEIGHT + 6
    rows = range(item.row, item.row + item.rowspan)
    current = sum(heights[r] for r in rows)
    if needed > current:
        extra = (needed - current) / item.rowspan
        for r in rows:
            heights[r] += extra


def _page_setup(ws: Worksheet, table: Table, landscape: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = f"{TITLE_ROW}:{FIRST_GRID_ROW + table.header_rows - 1}"
    if table.header_rows:
        ws.freeze_panes = ws.cell(FIRST_GRID_ROW + table.header_rows, 1).coordinate
