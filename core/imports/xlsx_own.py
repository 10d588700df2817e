"""Read back our own export: the report's texts and metadata from the hidden sheet, the cells by
their labels, checked against the hidden map.

A user may have deleted, inserted, moved or swapped rows and columns, or renamed sheets, in Excel
or WPS: the coordinates in the map then point at other cells. So every cell is read where its row
and column labels are now; where that differs from the map, a notice says what moved; a cell
whose labels are gone is named in a problem, never read from its old coordinates. A number still
equal to what was exported keeps its exact exported text (money decimals as typed).
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache

from core.document import Report
from core.export.xlsx_layout import HIDDEN_SHEET, LAYOUT_VERSION, LEGACY_FIRST_MAP_ROW, MAP_ROW, MARKER, META_ROW
from core.imports import ImportProblem
from core.imports.xlsx_foreign import read_tables
from core.imports.xlsx_locate import Located, SheetIndex, coordinate
from core.imports.xlsx_unchanged import as_exported_tables, unchanged_tables
from core.imports.xlsx_values import exported_text_value, same_number
from core.imports.xlsx_workbook import SheetGrid, XlsxImportError
from core.report_file import ReportFileError, report_from_dict
from core.values import CellValue


class SheetsNotParsed(Exception):
    """Sheets came back unparsed (as exported), but the hidden map cannot stand for them: read the
    workbook again in full."""


def find_hidden_sheet(grids: list[SheetGrid]) -> SheetGrid | None:
    return next((g for g in grids if g.title == HIDDEN_SHEET and g.get(1, 1) == MARKER), None)


def read_own(hidden: SheetGrid, grids: list[SheetGrid], problems: list[ImportProblem], read: set[str],
             name: str) -> Report | None:
    """The report, or None (with a problem) when the hidden sheet is damaged; SheetsNotParsed when
    sheets came back unparsed (as exported) and the map cannot give their cells."""
    version = hidden.get(1, 2)
    if isinstance(version, (int, float)) and not isinstance(version, bool) and version > LAYOUT_VERSION:
        raise XlsxImportError(f"{name}由更新版本的年报软件导出，请升级本软件后再导入")
    report = _meta_report(hidden, problems, name)
    if report is None:
        return None
    mapped = _cell_map(hidden, report, problems) if version == 1 else _json_cell_map(hidden, report, problems)
    if mapped is None:
        return None
    exported = {key: text for key, (_, _, text) in mapped.items()}

    def exact(key: str, raw: object) -> CellValue | None:
        text = exported.get(key)
        if text is None:
            return None
        if same_number(raw, text) or (isinstance(raw, str) and raw.strip() == text):
            return exported_text_value(text, report.template.cells[key].type)
        return None

    visible = [g for g in grids if g.title != HIDDEN_SHEET]
    # the tables the report prints (what our export writes) and any other the map names
    exported_tables = {t.key for t in report.tables} | {report.template.cells[key].table for key in mapped}
    if any(not g.parsed for g in visible):
        # the map stands for the unparsed sheets only while it is itself as exported
        known = as_exported_tables(report, visible, mapped, exported_tables) if hidden.as_exported else None
        if known is None:
            raise SheetsNotParsed
    else:
        known = unchanged_tables(report, visible, mapped, exported_tables)
    indexes = [] if known is not None else [SheetIndex.build(g) for g in visible]
    located = read_tables(report, indexes, problems, read, exact, known, exported_tables)
    if known is None:  # read at the map's own positions, nothing can have moved
        _report_moves(report, mapped, located, problems)
    return report


_DAMAGED = "本软件导出时写入的隐藏数据已损坏（{}），改为按表格标签读取，单位信息以外的报告正文无法恢复"


def _json_row(hidden: SheetGrid, row: int) -> object:
    """The JSON written in chunks from column B of ``row``; ValueError when it is not JSON."""
    chunks = []
    col = 2
    while isinstance(hidden.get(row, col), str):
        chunks.append(hidden.get(row, col))
        col += 1
    return json.loads("".join(chunks))


def _meta_report(hidden: SheetGrid, problems: list[ImportProblem], name: str) -> Report | None:
    try:
        data = _json_row(hidden, META_ROW)
        data["cells"] = {}  # type: ignore[index]
        return report_from_dict(data, name)  # type: ignore[arg-type]
    except (ValueError, TypeError, KeyError, AttributeError, ReportFileError) as error:
        problems.append(ImportProblem(HIDDEN_SHEET, coordinate(META_ROW, 2), _DAMAGED.format(error)))
        return None


def _json_cell_map(hidden: SheetGrid, report: Report,
                   problems: list[ImportProblem]) -> dict[str, tuple[str, str, str]] | None:
    """key → (sheet, coordinate, exported text) from the map row, None (with a problem) when damaged."""
    try:
        entries = _json_row(hidden, MAP_ROW)
    except ValueError as error:
        problems.append(ImportProblem(HIDDEN_SHEET, coordinate(MAP_ROW, 2), _DAMAGED.format(error)))
        return None
    damaged = ImportProblem(HIDDEN_SHEET, coordinate(MAP_ROW, 2), _DAMAGED.format("单元格对照表的结构不对"))
    if not isinstance(entries, list):
        problems.append(damaged)
        return None
    mapped = {}
    unknown = []
    cells = report.template.cells
    for entry in entries:
        if type(entry) is not list or len(entry) != 4:
            problems.append(damaged)
            return None
        key, sheet, where, text = entry
        if type(key) is not str or type(sheet) is not str or type(where) is not str or type(text) is not str:
            problems.append(damaged)
            return None
        if key in cells:
            mapped[key] = (sheet, where, text)
        else:
            unknown.append(_unknown_key(report, key, MAP_ROW, 2))
    problems += unknown
    return mapped


def _cell_map(hidden: SheetGrid, report: Report, problems: list[ImportProblem]) -> dict[str, tuple[str, str, str]]:
    """Layout version 1: key → (sheet, coordinate, exported text) from one row per data cell."""
    mapped = {}
    row = LEGACY_FIRST_MAP_ROW
    values, cells = hidden.values, report.template.cells
    while (key := values.get((row, 1))) is not None:
        sheet, where, text = values.get((row, 2)), values.get((row, 3)), values.get((row, 4))
        if str(key) in cells:
            mapped[str(key)] = (str(sheet), str(where), "" if text is None else str(text))
        else:
            problems.append(_unknown_key(report, key, row, 1))
        row += 1
    return mapped


def _unknown_key(report: Report, key: object, row: int, col: int) -> ImportProblem:
    return ImportProblem(HIDDEN_SHEET, coordinate(row, col), f"隐藏数据中有不属于“{report.template.name}”的单元格“{key}”",
                         notice=True)


def _report_moves(report: Report, mapped: dict[str, tuple[str, str, str]], located: dict[str, Located | None],
                  problems: list[ImportProblem]) -> None:
    """One notice per renamed sheet and per moved row or column, saying from where to where."""
    renamed: dict[tuple[str, str], int] = defaultdict(int)
    rows: dict[tuple[str, str, str], set[tuple[int, int]]] = defaultdict(set)
    columns: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for place in located.values():
        if place is None:
            continue
        title = place.index.grid.title
        for key, (row, col) in place.positions.items():
            if key not in mapped:
                continue
            sheet, where, _ = mapped[key]
            if sheet != title:
                renamed[(sheet, title)] += 1
            old = position(where)
            if old is None or old == (row, col):
                continue
            cell = report.template.cells[key]
            if old[0] != row:
                rows[(title, cell.row.name, key.split(".")[0])].add((old[0], row))
            if old[1] != col:
                columns[(title, cell.column.label)].add((coordinate(1, old[1])[:-1], coordinate(1, col)[:-1]))
    for (old, new), count in renamed.items():
        problems.append(ImportProblem(new, "", f"工作表“{old}”已改名为“{new}”（或换了位置），其中 {count} 个单元格已按标签读取",
                                      notice=True))
    by_table: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)
    for (sheet, row_name, table), moves in rows.items():
        old, new = sorted(moves)[0]
        by_table[(sheet, table)].append((row_name, old, new))
    for (sheet, _table), moved in by_table.items():
        shifts = {new - old for _, old, new in moved}
        if len(moved) > 3 and len(shifts) == 1:
            shift = shifts.pop()
            way = f"下移了 {shift} 行" if shift > 0 else f"上移了 {-shift} 行"
            problems.append(ImportProblem(sheet, "", f"表格的 {len(moved)} 行整体{way}（插入或删除了上方的行），已按行标签读取",
                                          notice=True))
            continue
        for row_name, old, new in moved:
            problems.append(ImportProblem(sheet, f"A{new}", f"“{row_name}”这一行从第 {old} 行移到了第 {new} 行，已按行标签读取",
                                          notice=True))
    for (sheet, label), moves in columns.items():
        text = "；".join(f"{old} 列移到了 {new} 列" for old, new in sorted(moves))
        problems.append(ImportProblem(sheet, "", f"列“{label}”：{text}，已按列标题读取", notice=True))


@lru_cache(maxsize=4096)  # the same coordinates in every export of a format
def position(where: str) -> tuple[int, int] | None:
    """(row, column) of "D7", None for anything else."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    try:
        letters, number = coordinate_from_string(where)
        return number, column_index_from_string(letters)
    except (ValueError, TypeError):
        return None
