"""Read back our own export through its hidden sheet: exact values, metadata and texts.

The visible cells are read at the coordinates the hidden map names, so a value corrected in Excel
is taken as corrected; a number still equal to what was exported keeps its exact exported text
(money decimals as typed).
"""

from __future__ import annotations

import json

from core.document import Report
from core.export.xlsx_hidden import FIRST_MAP_ROW, HIDDEN_SHEET, LAYOUT_VERSION, MARKER, META_ROW
from core.imports import ImportProblem
from core.imports.xlsx_locate import coordinate
from core.imports.xlsx_values import convert, same_number
from core.imports.xlsx_workbook import SheetGrid, XlsxImportError
from core.report_file import ReportFileError, report_from_dict
from core.values import CellInputError, parse_cell_input


def find_hidden_sheet(grids: list[SheetGrid]) -> SheetGrid | None:
    return next((g for g in grids if g.title == HIDDEN_SHEET and g.get(1, 1) == MARKER), None)


def read_own(hidden: SheetGrid, grids: list[SheetGrid], problems: list[ImportProblem], name: str) -> Report | None:
    """The report, or None (with a problem) when the hidden sheet is damaged."""
    version = hidden.get(1, 2)
    if isinstance(version, int) and version > LAYOUT_VERSION:
        raise XlsxImportError(f"{name}由更新版本的年报软件导出，请升级本软件后再导入")
    chunks = []
    col = 2
    while isinstance(hidden.get(META_ROW, col), str):
        chunks.append(hidden.get(META_ROW, col))
        col += 1
    try:
        data = json.loads("".join(chunks))
        data["cells"] = {}
        report = report_from_dict(data, name)
    except (ValueError, TypeError, ReportFileError) as error:
        problems.append(ImportProblem(HIDDEN_SHEET, "B2", f"本软件导出时写入的隐藏数据已损坏（{error}），改为按表格标签读取，"
                                                          "单位信息以外的报告正文无法恢复"))
        return None

    sheets = {g.title: g for g in grids}
    template = report.template
    lost: dict[str, list[str]] = {}
    row = FIRST_MAP_ROW
    while (key := hidden.get(row, 1)) is not None:
        sheet, where, exported = hidden.get(row, 2), hidden.get(row, 3), hidden.get(row, 4)
        row += 1
        cell = template.cells.get(str(key))
        grid = sheets.get(str(sheet))
        if cell is None:
            problems.append(ImportProblem(HIDDEN_SHEET, coordinate(row - 1, 1), f"隐藏数据中有不属于“{template.name}”的单元格“{key}”"))
            continue
        if grid is None:
            lost.setdefault(str(sheet), []).append(cell.key)
            continue
        position = _position(str(where))
        if position is None:
            problems.append(ImportProblem(HIDDEN_SHEET, coordinate(row - 1, 3), f"隐藏数据中的单元格位置“{where}”无效", cell.key))
            continue
        raw = grid.get(*position)
        exported = "" if exported is None else str(exported)
        try:
            if same_number(raw, exported) or (isinstance(raw, str) and raw.strip() == exported):
                value = parse_cell_input(exported, cell.type, strict=False)
            elif position in grid.uncached_formulas:
                raise CellInputError("单元格是公式，但文件里没有保存计算结果；请在 Excel 或 WPS 中打开并保存后再导入")
            else:
                value = convert(raw, grid.formats.get(position), cell.type)
        except CellInputError as error:
            problems.append(ImportProblem(grid.title, str(where), f"{cell.name}：{error}", cell.key))
            continue
        if value is not None:
            report.cells[cell.key] = value
    for sheet, keys in lost.items():
        problems.append(ImportProblem(sheet, "", f"工作表“{sheet}”已被删除或改名，其中的 {len(keys)} 个单元格未导入"))
    return report


def _position(where: str) -> tuple[int, int] | None:
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    try:
        letters, number = coordinate_from_string(where)
        return number, column_index_from_string(letters)
    except ValueError:
        return None
