"""Excel export: the hidden sheet that lets our own workbooks be read back exactly (its layout is
described in ``xlsx_layout``). A reader checks each mapped cell against the labels around it."""
from __future__ import annotations

import json

from openpyxl.workbook import Workbook

from core.document import Report
from core.export.xlsx_layout import (
    CHUNK_CHARS,
    FIRST_MAP_ROW,
    HIDDEN_SHEET,
    LAYOUT_VERSION,
    MAP_COLUMNS,
    MAP_HEADER_ROW,
    MARKER,
    META_LABEL,
    META_ROW,
)
from core.export.xlsx_style import write_text
from core.report_file import report_to_dict
from core.values import format_value


def meta_json(report: Report) -> str:
    data = report_to_dict(report)
    data.pop("cells")
    # ASCII keeps every character (even lone surrogates) safe in the XML of the sheet.
    return json.dumps(data, ensure_ascii=True, separators=(",", ":"))


def write_hidden_sheet(workbook: Workbook, report: Report, placements: dict[str, tuple[str, str]]) -> None:
    """``placements`` maps each cell key to (sheet title, coordinate) of the visible cell."""
    ws = workbook.create_sheet(HIDDEN_SHEET)
    ws.sheet_state = "veryHidden"
    ws.cell(1, 1, MARKER)
    ws.cell(1, 2, LAYOUT_VERSION)
    ws.cell(META_ROW, 1, META_LABEL)
    text = meta_json(report)
    for index, start in enumerate(range(0, len(text), CHUNK_CHARS), start=2):
        write_text(ws.cell(META_ROW, index), text[start:start + CHUNK_CHARS])
    for col, title in enumerate(MAP_COLUMNS, start=1):
        ws.cell(MAP_HEADER_ROW, col, title)
    row = FIRST_MAP_ROW
    for key in report.template.cells:
        if key not in placements:
            continue
        sheet, coordinate = placements[key]
        ws.cell(row, 1, key)
        write_text(ws.cell(row, 2), sheet)
        ws.cell(row, 3, coordinate)
        write_text(ws.cell(row, 4), format_value(report.value(key)))
        row += 1
