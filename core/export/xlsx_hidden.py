"""Excel export: the hidden sheet that lets our own workbooks be read back exactly (its layout is
described in ``xlsx_layout``). A reader checks each mapped cell against the labels around it."""
from __future__ import annotations

import json
import re

from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from core.document import Report
from core.export.xlsx_layout import (
    CHUNK_CHARS,
    HIDDEN_SHEET,
    LAYOUT_VERSION,
    MAP_LABEL,
    MAP_ROW,
    MARKER,
    META_LABEL,
    META_ROW,
)
from core.export.xlsx_style import write_text
from core.report_file import report_to_dict
from core.values import format_value

# The "x" that would start Excel's "_xHHHH_" escape, which readers turn into a character.
_EXCEL_ESCAPE = re.compile("(?<=_)x")


def cell_safe_json(data: object) -> str:
    """``data`` as compact JSON that survives a cell of an .xlsx unchanged. ASCII keeps every character
    (lone surrogates too) safe in the sheet's XML, and is smaller there: the writer stores other
    characters as 8-byte character references, JSON as 6-byte escapes."""
    return _EXCEL_ESCAPE.sub(r"\\u0078", json.dumps(data, ensure_ascii=True, separators=(",", ":")))


def meta_json(report: Report) -> str:
    data = report_to_dict(report)
    data.pop("cells")
    return cell_safe_json(data)


def write_hidden_sheet(workbook: Workbook, report: Report, placements: dict[str, tuple[str, str]]) -> None:
    """``placements`` maps each cell key to (sheet title, coordinate) of the visible cell."""
    ws = workbook.create_sheet(HIDDEN_SHEET)
    ws.sheet_state = "veryHidden"
    ws.cell(1, 1, MARKER)
    ws.cell(1, 2, LAYOUT_VERSION)
    _write_json_row(ws, META_ROW, META_LABEL, meta_json(report))
    mapped = [[key, *placements[key], format_value(report.value(key))]
              for key in report.template.cells if key in placements]
    _write_json_row(ws, MAP_ROW, MAP_LABEL, cell_safe_json(mapped))


def _write_json_row(ws: Worksheet, row: int, label: str, text: str) -> None:
    ws.cell(row, 1, label)
    for index, start in enumerate(range(0, len(text), CHUNK_CHARS), start=2):
        write_text(ws.cell(row, index), text[start:start + CHUNK_CHARS])
