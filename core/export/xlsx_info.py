"""Excel export: the "填报信息" sheet — who reports, which format, and what the checks found."""

from __future__ import annotations

import datetime as dt

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from core import __version__
from core.checks import CheckResult, chapter_title
from core.document import UNIT_FIELD_LABELS, Report, UnitInfo
from core.export.xlsx_layout import (
    INFO_CHECKS,
    INFO_EXPORTED,
    INFO_FORMAT,
    INFO_SHEET,
    INFO_SIGNING_DATE,
    INFO_VERSION,
    INFO_YEAR,
)
from core.export.xlsx_style import (
    BODY_FONT,
    BORDER,
    CENTER,
    HEADER_FONT,
    LEFT,
    LINE_HEIGHT,
    MIN_ROW_HEIGHT,
    TITLE_FONT,
    TOP_LEFT,
    wrapped_lines,
    write_text,
)

# 序号 | 类别 | 章节 | 问题 | 说明 ; the label/value pairs use A and B:E.
_WIDTHS = [16.0, 8.0, 22.0, 60.0, 40.0]
_FINDING_HEADERS = ("序号", "类别", "所在章节", "问题", "说明（已确认的警告）")


def info_rows(report: Report, exported_at: dt.datetime) -> list[tuple[str, str]]:
    """The label/value pairs shown at the top of the sheet."""
    unit = report.unit
    rows: list[tuple[str, str]] = []
    for name in UnitInfo.field_names():
        value = getattr(unit, name)
        if name == "kind":
            value = unit.kind_label
        elif name == "level":
            value = unit.level_label
        rows.append((UNIT_FIELD_LABELS[name], value))
    signing = report.signing_date
    rows += [
        (INFO_YEAR, f"{report.year}年" if report.year else ""),
        (INFO_SIGNING_DATE, f"{signing.year}年{signing.month}月{signing.day}日" if signing else ""),
        (INFO_FORMAT, f"{report.template.name}（格式编号 {report.template_id}）"),
        (INFO_VERSION, f"nianbao {__version__}"),
        (INFO_EXPORTED, exported_at.strftime("%Y-%m-%d %H:%M")),
    ]
    return rows


def write_info_sheet(workbook: Workbook, report: Report, result: CheckResult, exported_at: dt.datetime) -> None:
    ws = workbook.create_sheet(INFO_SHEET)
    for index, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    last = get_column_letter(len(_WIDTHS))
    value_width = sum(_WIDTHS[1:])

    title = ws.cell(1, 1)
    write_text(title, f"{report.title}　填报信息")
    title.font, title.alignment = TITLE_FONT, CENTER
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 32

    row = 2
    pairs = [*info_rows(report, exported_at), (INFO_CHECKS, result.summary())]
    for label, value in pairs:
        _pair(ws, row, label, value, last, value_width)
        row += 1

    row += 1
    for col, text in enumerate(_FINDING_HEADERS, start=1):
        cell = ws.cell(row, col)
        write_text(cell, text)
        cell.font, cell.alignment, cell.border = HEADER_FONT, CENTER, BORDER
    row += 1
    if not result.findings:
        cell = ws.cell(row, 1)
        write_text(cell, "检查未发现问题")
        cell.font, cell.alignment = BODY_FONT, TOP_LEFT
        ws.merge_cells(f"A{row}:{last}{row}")
        _border_row(ws, row)
        row += 1
    for number, finding in enumerate(result.findings, start=1):
        status = finding.severity_label
        if result.is_confirmed(finding):
            status += "（已说明）"
        values = (str(number), status, chapter_title(report, finding.chapter), finding.message,
                  result.explanation(finding))
        lines = 1
        for col, text in enumerate(values, start=1):
            cell = ws.cell(row, col)
            write_text(cell, text)
            cell.font, cell.border = BODY_FONT, BORDER
            cell.alignment = CENTER if col <= 2 else TOP_LEFT
            lines = max(lines, wrapped_lines(text, _WIDTHS[col - 1]))
        ws.row_dimensions[row].height = max(MIN_ROW_HEIGHT, lines * LINE_HEIGHT + 6)
        row += 1

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _pair(ws, row: int, label: str, value: str, last: str, value_width: float) -> None:
    head = ws.cell(row, 1)
    write_text(head, label)
    head.font, head.alignment = HEADER_FONT, CENTER
    body = ws.cell(row, 2)
    write_text(body, value)
    body.font, body.alignment = BODY_FONT, LEFT
    ws.merge_cells(f"B{row}:{last}{row}")
    _border_row(ws, row)
    ws.row_dimensions[row].height = max(MIN_ROW_HEIGHT, wrapped_lines(value, value_width) * LINE_HEIGHT + 6)


def _border_row(ws, row: int) -> None:
    for cell in ws[row][: len(_WIDTHS)]:
        cell.border = BORDER
