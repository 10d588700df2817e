"""The office's workbook sheets beyond the official tables: 明细 (one row per unit summed, one column
per cell, the sums last) and 审核 (every unit's status and problems, then the notes on the sums)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from core.export.xlsx_style import (
    BODY_FONT,
    BORDER,
    CENTER,
    HEADER_FONT,
    LEFT,
    LINE_HEIGHT,
    TOP_LEFT,
    wrapped_lines,
    write_text,
    write_value,
)

if TYPE_CHECKING:
    from core.aggregate.run import Aggregation

MEMBERS_SHEET = "明细"
AUDIT_SHEET = "审核"
AUDIT_COLUMNS = (("单位", 24), ("分组", 12), ("文件", 26), ("报告格式", 18), ("状态", 8), ("是否汇总", 8),
                 ("错误", 8), ("未说明的警告", 8), ("缺少章节", 8), ("未读取的内容", 8), ("雷同", 8),
                 ("问题与说明", 72))
MAX_PROBLEM_LINES = 40  # a cell of Excel holds 32767 characters; a unit with hundreds of findings is cut


def write_members_sheet(workbook: Workbook, aggregation: Aggregation, index: int) -> None:
    report, sums = aggregation.report, aggregation.sums
    if report is None or sums is None:
        return
    ws = workbook.create_sheet(MEMBERS_SHEET, index)
    cells = list(report.template.cells.values())
    for col, title in enumerate(["单位", "分组", *(c.name for c in cells)], start=1):
        header = ws.cell(1, col)
        write_text(header, title)
        header.font, header.alignment, header.border = HEADER_FONT, CENTER, BORDER
    breakdown = sums.breakdown
    for row, member in enumerate(breakdown.members, start=2):
        _texts(ws, row, [member.name, member.group])
        for col, cell in enumerate(cells, start=3):
            _value(ws, row, col, breakdown.of(cell.key)[row - 2])
    total_row = len(breakdown.members) + 2
    _texts(ws, total_row, ["汇总", breakdown.scope], bold=True)
    for col, cell in enumerate(cells, start=3):
        _value(ws, total_row, col, report.value(cell.key), bold=True)
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 26, 12
    for col in range(3, len(cells) + 3):
        ws.column_dimensions[get_column_letter(col)].width = 14
    ws.row_dimensions[1].height = 120
    ws.freeze_panes = "C2"
    _landscape(ws, title_rows="1:1", title_columns="A:B")


def write_audit_sheet(workbook: Workbook, aggregation: Aggregation, index: int) -> None:
    ws = workbook.create_sheet(AUDIT_SHEET, index)
    for col, (title, width) in enumerate(AUDIT_COLUMNS, start=1):
        header = ws.cell(1, col)
        write_text(header, title)
        header.font, header.alignment, header.border = HEADER_FONT, CENTER, BORDER
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[1].height = 32
    for row, unit in enumerate(aggregation.rows, start=2):
        lines = unit.problem_lines()
        if len(lines) > MAX_PROBLEM_LINES:
            lines = lines[:MAX_PROBLEM_LINES] + [f"……另有 {len(lines) - MAX_PROBLEM_LINES} 条，见软件中的汇总窗口"]
        values = [unit.unit, unit.group, "\n".join(unit.files), unit.format, unit.status, "是" if unit.included else "否"]
        _texts(ws, row, values)
        for col, count in enumerate((len(unit.errors), len(unit.warnings), len(unit.missing_chapters),
                                     len(unit.import_problems), len(unit.similar)), start=len(values) + 1):
            _value(ws, row, col, count)
        problems = ws.cell(row, len(AUDIT_COLUMNS))
        write_text(problems, "\n".join(lines))
        problems.font, problems.alignment, problems.border = BODY_FONT, TOP_LEFT, BORDER
        # Excel does not grow a row for wrapped text it has not laid out yet: give it the lines it needs.
        needed = sum(wrapped_lines(line, AUDIT_COLUMNS[-1][1]) for line in lines)
        ws.row_dimensions[row].height = min(409, max(20, LINE_HEIGHT * needed + 6))
    notes_row = len(aggregation.rows) + 3
    title = ws.cell(notes_row, 1)
    write_text(title, "汇总说明")
    title.font = HEADER_FONT
    notes = aggregation.notes or ["各单位的数据均已填写，汇总数是所有汇总单位之和。"]
    for offset, note in enumerate(notes, start=1):
        cell = ws.cell(notes_row + offset, 1)
        write_text(cell, note)
        cell.font, cell.alignment = BODY_FONT, LEFT
        ws.merge_cells(start_row=notes_row + offset, start_column=1, end_row=notes_row + offset,
                       end_column=len(AUDIT_COLUMNS))
        ws.row_dimensions[notes_row + offset].height = 30
    ws.freeze_panes = "B2"
    _landscape(ws, title_rows="1:1")


def _texts(ws: Worksheet, row: int, values: list[str], bold: bool = False) -> None:
    for col, text in enumerate(values, start=1):
        cell = ws.cell(row, col)
        write_text(cell, text)
        cell.font, cell.alignment, cell.border = HEADER_FONT if bold else BODY_FONT, LEFT, BORDER


def _value(ws: Worksheet, row: int, col: int, value, bold: bool = False) -> None:
    cell = ws.cell(row, col)
    write_value(cell, value)
    cell.font, cell.alignment, cell.border = HEADER_FONT if bold else BODY_FONT, CENTER, BORDER


def _landscape(ws: Worksheet, title_rows: str, title_columns: str | None = None) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 0 if title_columns else 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = title_columns is None
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.print_title_rows = title_rows
    if title_columns:
        ws.print_title_cols = title_columns
