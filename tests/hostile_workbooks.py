"""Crafted workbooks that try to make the importer slow, huge or crash: far-apart cells (python-calamine
would abort the process on them), huge shared-string and style tables, millions of empty cells,
deeply nested XML, thousands of sheets. Each is a valid zip that passes the size and compression
guards of the container. Used by the tests and by benchmarks/hostile_imports.py."""

from __future__ import annotations

import io
import random
import zipfile

from tests.xlsx_minimal import workbook_bytes

_HEAD = '<?xml version="1.0" encoding="UTF-8"?>'
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _replace(base: bytes, parts: dict[str, bytes | str], extra_sheets: int = 0) -> bytes:
    """``base`` with some parts replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename not in parts:
                target.writestr(item.filename, source.read(item))
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def _sheet(rows: str) -> str:
    return f"{_HEAD}<worksheet {_NS}><sheetData>{rows}</sheetData></worksheet>"


def _base() -> bytes:
    return workbook_bytes([("表三", "visible", {(1, 1): "一、本年新收政府信息公开申请数量", (1, 2): 5})])


def far_corners() -> bytes:
    """Two cells, A1 and XFD1048576: a dense grid of 17 billion cells."""
    return _replace(_base(), {"xl/worksheets/sheet1.xml": _sheet(
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>')})


def rows_without_references() -> bytes:
    """A last row numbered 1048576 followed by rows and cells that carry no reference at all."""
    tail = "".join("<row><c><v>1</v></c><c><v>2</v></c></row>" for _ in range(2000))
    return _replace(_base(), {"xl/worksheets/sheet1.xml": _sheet(f'<row r="1048575"><c r="A1048575"><v>1</v></c></row>{tail}')})


def huge_shared_strings() -> bytes:
    rng = random.Random(1)
    items = "".join(f"<si><t>{rng.getrandbits(64):016x}</t></si>" for _ in range(400_000))
    sst = f'{_HEAD}<sst {_NS} count="400000" uniqueCount="400000">{items}</sst>'
    return _replace(_base(), {"xl/sharedStrings.xml": sst})


def empty_styled_cells(columns: int = 1000, rows: int = 1000) -> bytes:
    """A million formatted but empty cells, as "format the whole area" leaves behind."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(c) for c in range(1, columns + 1)]
    body = "".join(f'<row r="{r}">' + "".join(f'<c r="{x}{r}" s="0"/>' for x in letters) + "</row>"
                   for r in range(1, rows + 1))
    return _replace(_base(), {"xl/worksheets/sheet1.xml": _sheet(body)})


def wide_sheet_at_the_cap() -> bytes:
    """Just under the sheet size cap, with cells beyond the columns read: the clipping's worst case."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(c) for c in range(1, 301)]
    body = "".join(f'<row r="{r}">' + "".join(f'<c r="{x}{r}"><v>{r}</v></c>' for x in letters) + "</row>"
                   for r in range(1, 235))
    return _replace(_base(), {"xl/worksheets/sheet1.xml": _sheet(body)})


def many_wide_sheets(count: int = 6) -> bytes:
    """Several sheets at the size cap, all with cells far to the right: the budgets across sheets."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(c) for c in range(1, 301)]
    body = "".join(f'<row r="{r}">' + "".join(f'<c r="{x}{r}"><v>{r}</v></c>' for x in letters) + "</row>"
                   for r in range(1, 235))
    base = workbook_bytes([(f"S{n}", "visible", {(1, 1): n}) for n in range(count)])
    return _replace(base, {f"xl/worksheets/sheet{n}.xml": _sheet(body) for n in range(1, count + 1)})


def deeply_nested_sheet(depth: int = 400_000) -> bytes:
    nested = "<x>" * depth + "</x>" * depth
    return _replace(_base(), {"xl/worksheets/sheet1.xml": _sheet(
        f'<row r="1"><c r="A1" t="inlineStr"><is><t>表</t>{nested}</is></c><c r="B1"><v>5</v></c></row>')})


def deeply_nested_styles(depth: int = 400_000) -> bytes:
    nested = "<x>" * depth + "</x>" * depth
    return _replace(_base(), {"xl/styles.xml": f"{_HEAD}<styleSheet {_NS}><cellXfs>{nested}</cellXfs></styleSheet>"})


def huge_style_table(count: int = 90_000) -> bytes:
    formats = "".join(f'<numFmt numFmtId="{164 + n}" formatCode="0.{"0" * (n % 9)}"/>' for n in range(2000))
    xfs = "".join(f'<xf numFmtId="{164 + n % 2000}" fontId="0" fillId="0" borderId="0"/>' for n in range(count))
    return _replace(_base(), {"xl/styles.xml": f'{_HEAD}<styleSheet {_NS}><numFmts count="2000">{formats}</numFmts>'
                                               f'<cellXfs count="{count}">{xfs}</cellXfs></styleSheet>'})


def many_sheets(count: int = 3000) -> bytes:
    return workbook_bytes([(f"S{n}", "visible", {(1, 1): n}) for n in range(count)])


def formulas_without_results(count: int = 60_000) -> bytes:
    from openpyxl.utils import get_column_letter

    body = "".join(f'<row r="{r}">' + "".join(f'<c r="{get_column_letter(c)}{r}"><f>SUM(A1:A2)</f></c>'
                                              for c in range(1, 61)) + "</row>" for r in range(1, count // 60 + 1))
    return _replace(_base(), {"xl/worksheets/sheet1.xml": _sheet(body)})


HOSTILE = {
    "far_corners": far_corners,
    "rows_without_references": rows_without_references,
    "huge_shared_strings": huge_shared_strings,
    "empty_styled_cells": empty_styled_cells,
    "wide_sheet_at_the_cap": wide_sheet_at_the_cap,
    "many_wide_sheets": many_wide_sheets,
    "deeply_nested_sheet": deeply_nested_sheet,
    "deeply_nested_styles": deeply_nested_styles,
    "huge_style_table": huge_style_table,
    "many_sheets": many_sheets,
    "formulas_without_results": formulas_without_results,
}
