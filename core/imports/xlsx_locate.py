"""Find one table of the official layout in someone else's workbook, by its labels.

Works at any offset and on any sheet; reports missing, repeated and unrecognised rows and columns
with the sheet and the cell where they were expected or found.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from core.imports import ImportProblem
from core.imports.xlsx_labels import canonical, label_key, labels_2019
from core.imports.xlsx_spec import CellSpec, ColumnSpec, TableSpec
from core.imports.xlsx_workbook import SheetGrid

MAX_LABEL_CHARS = 120  # longer strings are prose, not labels
HEADER_SEARCH_ROWS = 10


def coordinate(row: int, col: int) -> str:
    return f"{get_column_letter(max(col, 1))}{max(row, 1)}"


@dataclass
class SheetIndex:
    """Where each canonical label occurs in a sheet (row-major order), and the cells of each row."""

    grid: SheetGrid
    labels: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    rows: dict[int, list[tuple[int, object]]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls, grid: SheetGrid) -> SheetIndex:
        index = cls(grid)
        for (row, col), value in sorted(grid.values.items()):
            index.rows[row].append((col, value))
            if isinstance(value, str) and len(value) <= MAX_LABEL_CHARS:
                key = canonical(value)
                if key:
                    index.labels[key].append((row, col))
        return index


@dataclass
class Located:
    index: SheetIndex
    positions: dict[str, tuple[int, int]]  # cell key → (row, col)


def locate_table(spec: TableSpec, indexes: list[SheetIndex], problems: list[ImportProblem]) -> Located | None:
    """Positions of the table's cells in the best-matching sheet, or None if it is not there."""
    scores = [(len(spec.signature & index.labels.keys()), -n) for n, index in enumerate(indexes)]
    if not scores or max(scores)[0] < 2:
        return None
    index = indexes[-max(scores)[1]]
    sheet = index.grid.title
    name = spec.label

    def problem(row: int, col: int, message: str, key: str | None = None) -> None:
        problems.append(ImportProblem(sheet, coordinate(row, col), f"{name}：{message}", key))

    rows: dict[int, tuple[int, int]] = {}  # grid row of a row label → its (row, col) in the sheet
    for item in spec.row_items:
        found = index.labels.get(canonical(item.text), [])
        if found:
            rows[item.row] = found[0]
            if len({r for r, _ in found}) > 1:
                where = "、".join(coordinate(*p) for p in found[:4])
                problem(*found[0], f"行“{item.text}”出现了 {len(found)} 次（{where}），只读取了第一处")

    corner = None if spec.row_items else _corner(spec, index)
    columns: dict[ColumnSpec, tuple[int, int]] = {}
    for column in dict.fromkeys(c.column for c in spec.cells):
        users = [rows[c.grid_row] for c in spec.cells if c.column == column and c.grid_row in rows]
        if spec.row_items and not users:
            continue  # every row under this header is missing; reported per row below
        found_at = _find_column(spec, index, column, min(r for r, _ in users) if users else None, corner)
        if isinstance(found_at, str):
            where = _expected(spec, rows, columns, column.leaf.row, column.leaf.col)
            if label_key(str(index.grid.get(*where))) not in labels_2019():  # else reported as 2019 format
                problem(*where, found_at)
        else:
            columns[column] = found_at

    positions: dict[str, tuple[int, int]] = {}
    for cell in spec.cells:
        column_at = columns.get(cell.column)
        if column_at is None:
            continue
        if cell.row_item is not None:
            if cell.grid_row in rows:
                positions[cell.key] = (rows[cell.grid_row][0], column_at[1])
        else:
            positions[cell.key] = (column_at[0] + cell.grid_row - cell.column.leaf.row, column_at[1])

    if spec.row_items and rows:
        _check_rows(spec, index, rows, columns, problem)
    return Located(index, positions)


def _corner(spec: TableSpec, index: SheetIndex) -> tuple[int, int] | None:
    """Where grid (0, 0) of a table without row labels is: from the first of its top headers found."""
    for item in spec.table.items:
        if item.row == 0 and item.text and canonical(item.text) in spec.signature:
            found = index.labels.get(canonical(item.text))
            if found:
                return found[0][0] - item.row, found[0][1] - item.col
    return None


def _find_column(spec: TableSpec, index: SheetIndex, column: ColumnSpec, anchor: int | None,
                 corner: tuple[int, int] | None) -> tuple[int, int] | str:
    found = index.labels.get(column.path[-1], [])
    if anchor is not None:  # nearest header row above the first data row that uses it
        found = [p for p in found if anchor - HEADER_SEARCH_ROWS <= p[0] < anchor]
        nearest = max((r for r, _ in found), default=None)
    else:  # the first header rows under the table's top headers (another table may share "总计")
        if corner is not None:
            top, left = corner
            found = [p for p in found if top <= p[0] <= top + spec.table.header_rows + 1 and p[1] >= left]
        nearest = min((r for r, _ in found), default=None)
    candidates = [p for p in found if p[0] == nearest]
    if not candidates:
        return f"没有找到列标题“{column.leaf.text}”，该列数据未导入"
    if len(candidates) > 1:
        ancestors = set(column.path[:-1])
        candidates = [p for p in candidates if ancestors <= _ancestors_of(spec, index, p, len(column.path))]
        if len(candidates) != 1:
            parents = "”“".join(h for h in column.path[:-1]) or "（无）"
            return f"列标题“{column.leaf.text}”出现了多次，无法按上级表头“{parents}”确定是哪一列，该列数据未导入"
    return candidates[0]


def _ancestors_of(spec: TableSpec, index: SheetIndex, at: tuple[int, int], depth: int) -> set[str]:
    """Header keys above ``at``: in each row above, the nearest header label at or left of it."""
    found = set()
    for row in range(at[0] - 1, max(0, at[0] - depth - 1), -1):
        best = None
        for col, value in index.rows.get(row, ()):
            if col <= at[1] and isinstance(value, str) and canonical(value) in spec.header_keys:
                best = canonical(value)
        if best:
            found.add(best)
    return found


def _expected(spec: TableSpec, rows: dict[int, tuple[int, int]], columns: dict, grid_row: int, grid_col: int) -> tuple[int, int]:
    """Where a missing label probably is, shifting its grid position like a label that was found."""
    anchors = [(pos, (c.leaf.row, c.leaf.col)) for c, pos in columns.items()]
    anchors += [(rows[i.row], (i.row, i.col)) for i in spec.row_items if i.row in rows]
    if not anchors:
        return grid_row + 1, grid_col + 1
    (row, col), (g_row, g_col) = anchors[0]
    return grid_row + row - g_row, grid_col + col - g_col


def _check_rows(spec: TableSpec, index: SheetIndex, rows: dict[int, tuple[int, int]], columns: dict, problem) -> None:
    """Rows inside the table whose label is not an official one, official rows that are missing."""
    data_cols = sorted({pos[1] for pos in columns.values()})
    first_data_col = data_cols[0] if data_cols else min(c for _, c in rows.values()) + 3
    header_bottom = max((pos[0] for pos in columns.values()), default=0)
    order = [i.row for i in spec.row_items]
    found_at = {pos[0] for pos in rows.values()}
    first = order.index(min(rows))
    last = order.index(max(rows))
    start = max(header_bottom + 1, min(found_at) - first)
    end = max(found_at) + (len(order) - 1 - last)
    missing = {i.row: i for i in spec.row_items if i.row not in rows}
    for row in range(start, end + 1):
        if row in found_at:
            continue
        cells = index.rows.get(row, [])
        unknown = [(c, v) for c, v in cells if c < first_data_col and isinstance(v, str) and canonical(v) not in spec.known]
        if any(label_key(v) in labels_2019() for _, v in cells if isinstance(v, str)):
            continue  # a 2019-format row: reported as such
        data = [c for c, _ in cells if c in data_cols]
        if unknown:
            col, text = unknown[0]
            message = f"第 {row} 行的标签“{text}”不是本表的官方行标签，该行数据未导入"
            guess = _closest(str(text), missing)
            if guess is not None:
                message += f"；它可能是“{guess.text}”（官方标签被改动或输错了），请核对后改为官方标签"
                missing.pop(guess.row)
            problem(row, col, message)
        elif data:
            problem(row, data[0], _unlabelled_row(spec, row, cells, missing))
    for item in missing.values():
        near = _neighbour(rows, item.row, order)
        problem(*near, f"缺少“{item.text}”这一行，该行数据未导入")


def _unlabelled_row(spec: TableSpec, row: int, cells: list, missing: dict) -> str:
    """A row with data but no row label; a group label alone on it (2019's single "（六）其他处理"
    row) means the table is in the 2019 format."""
    groups = {canonical(g.text): g for g in spec.groups}
    group = next((groups[k] for _, v in cells if isinstance(v, str) and (k := canonical(v)) in groups), None)
    covered = [i for i in spec.row_items if group and group.row <= i.row < group.row + group.rowspan]
    if group is None or not covered or any(i.row not in missing for i in covered):
        return f"第 {row} 行有数据，但没有可识别的行标签，该行数据未导入"
    for item in covered:
        missing.pop(item.row)
    parts = "”“".join(i.text for i in covered)
    return (f"“{group.text}”只有一行数据，这是 2019 年版格式（国办公开办函〔2019〕60号）；2021 年版格式把它分为"
            f"“{parts}”{len(covered)} 行，该行数据未导入")


def _closest(text: str, missing: dict):
    keys = {canonical(i.text): i for i in missing.values()}
    match = difflib.get_close_matches(canonical(text), list(keys), n=1, cutoff=0.5)
    return keys[match[0]] if match else None


def _neighbour(rows: dict[int, tuple[int, int]], grid_row: int, order: list[int]) -> tuple[int, int]:
    before = [r for r in order if r < grid_row and r in rows]
    if before:
        row, col = rows[before[-1]]
        return row + grid_row - before[-1], col
    after = [r for r in order if r > grid_row and r in rows]
    row, col = rows[after[0]]
    return row - (after[0] - grid_row), col


__all__ = ["CellSpec", "Located", "SheetIndex", "coordinate", "locate_table"]
