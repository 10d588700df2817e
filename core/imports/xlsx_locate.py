"""Find one table of the official layout in a workbook, by its labels.

A data cell's position is taken only where its row label and its column header (with the headers
above it) were found: the row of the label, the column of the nearest matching header above it.
Tables without row labels (表四) take the first row under their header block that holds values.
Works at any offset and on any sheet; what cannot be placed is named in a located problem together
with the cell keys it leaves unread.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from core.imports import ImportProblem
from core.imports.labels import canonical
from core.imports.xlsx_rowcheck import check_rows, split_labels
from core.imports.xlsx_spec import CellSpec, ColumnSpec, TableSpec
from core.imports.xlsx_values import looks_numeric
from core.imports.xlsx_workbook import SheetGrid
from core.template.model import GridItem
from core.values import CellValue

MAX_LABEL_CHARS = 120  # longer strings are prose, not labels


def coordinate(row: int, col: int) -> str:
    return f"{get_column_letter(max(col, 1))}{max(row, 1)}"


@dataclass
class SheetIndex:
    """Where each canonical label occurs in a sheet (row-major order), and the cells of each row."""

    grid: SheetGrid
    labels: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    rows: dict[int, list[tuple[int, object]]] = field(default_factory=lambda: defaultdict(list))
    merged_bottom: dict[tuple[int, int], int] = field(default_factory=dict)  # top-left → last row
    merged_right: dict[tuple[int, int], int] = field(default_factory=dict)  # top-left → last column

    @classmethod
    def build(cls, grid: SheetGrid) -> SheetIndex:
        index = cls(grid)
        for (row, col), value in sorted(grid.values.items()):
            index.rows[row].append((col, value))
            if isinstance(value, str) and len(value) <= MAX_LABEL_CHARS:
                key = canonical(value)
                if key:
                    index.labels[key].append((row, col))
        for top, left, bottom, right in grid.merges:
            index.merged_bottom[(top, left)] = bottom
            index.merged_right[(top, left)] = right
        return index

    def label_at(self, row: int, col: int) -> str:
        value = self.grid.get(row, col)
        return canonical(value) if isinstance(value, str) else ""


@dataclass
class Located:
    index: SheetIndex
    positions: dict[str, tuple[int, int]]  # cell key → (row, col), labels verified
    where: tuple[int, int]  # the table's first label found, for problems about the whole table
    # cell key → its value, for cells whose value is known without reading the sheet (an unparsed
    # sheet as exported: the hidden map's text); the others are read at their positions
    values: dict[str, CellValue] = field(default_factory=dict)


def choose_sheet(spec: TableSpec, indexes: list[SheetIndex]) -> SheetIndex | None:
    scores = [(len(spec.signature & index.labels.keys()), -n) for n, index in enumerate(indexes)]
    if not scores or max(scores)[0] < min(2, len(spec.signature)) or max(scores)[0] == 0:
        return None
    return indexes[-max(scores)[1]]


def locate_table(spec: TableSpec, indexes: list[SheetIndex], problems: list[ImportProblem]) -> Located | None:
    """Verified positions of the table's cells in the best-matching sheet, or None if it is not there."""
    index = choose_sheet(spec, indexes)
    if index is None:
        return None
    sheet, name = index.grid.title, spec.label

    def problem(row: int, col: int, message: str, keys: tuple[str, ...] = (), notice: bool = False) -> None:
        problems.append(ImportProblem(sheet, coordinate(row, col), f"{name}：{message}", keys=keys, notice=notice))

    positions: dict[str, tuple[int, int]] = {}
    headers = {column: _header_candidates(spec, index, column) for column in dict.fromkeys(c.column for c in spec.cells)}
    if spec.row_items:
        rows, repeated, continued = _find_rows(spec, index, problem)
        unplaced: dict[ColumnSpec, list[CellSpec]] = defaultdict(list)
        short: dict[tuple[int, int], list[CellSpec]] = defaultdict(list)  # a header narrower than its table
        used: set[tuple[int, int]] = set()
        for cell in spec.cells:
            if cell.grid_row not in rows:
                continue  # the row is missing or repeated: named by _find_rows or check_rows
            row = rows[cell.grid_row][0]
            above = [p for p in headers[cell.column] if p[0] < row]
            nearest = max((r for r, _ in above), default=None)
            columns = [p for p in above if p[0] == nearest]
            if len(columns) == 1 and not _short_header(index, columns[0], cell.offset):
                positions[cell.key] = (row, columns[0][1] + cell.offset)
                used.add(columns[0])
            elif len(columns) == 1:
                short[columns[0]].append(cell)
            else:
                unplaced[cell.column].append(cell)
        for column, cells in unplaced.items():
            _report_column(spec, index, column, cells, rows, problem)
        for (header_row, header_col), cells in short.items():
            problem(header_row, header_col, f"表头“{cells[0].column.leaf.text}”没有跨到本表放数字的第 "
                                            f"{cells[0].offset + 1} 列（表格的列和官方表不同），"
                                            f"这 {len(cells)} 个单元格未导入", tuple(c.key for c in cells))
        check_rows(spec, index, rows, repeated, continued, positions, used, problem)
        first = min(rows.values(), default=None)
    else:
        first = _place_under_header(spec, index, headers, positions, problem)
    if first is None:
        first = min((p for found in headers.values() for p in found), default=(1, 1))
    return Located(index, positions, first)


def _short_header(index: SheetIndex, header: tuple[int, int], offset: int) -> bool:
    """A header that should span the label and data columns under it but does not reach the data."""
    return offset > 0 and index.merged_right.get(header, header[1]) < header[1] + offset


def _find_rows(spec: TableSpec, index: SheetIndex, problem) -> tuple[dict[int, tuple[int, int]], set[int], set[int]]:
    """Grid row → (row, col) of its label; the grid rows whose label occurs twice (named here and
    left out); the sheet rows that only continue a label cut over two rows."""
    rows: dict[int, tuple[int, int]] = {}
    repeated: set[int] = set()
    split = split_labels(spec, index)
    continued = {r for _, rest in split.values() for r in rest}
    namesakes: dict[str, list[GridItem]] = defaultdict(list)  # rows of the table that share a label
    for item in spec.row_items:
        namesakes[canonical(item.text)].append(item)
    for item in spec.row_items:
        found = index.labels.get(canonical(item.text), [])
        if not found and item.row in split:
            found = [split[item.row][0]]
        distinct = sorted({r for r, _ in found})
        if len(namesakes[canonical(item.text)]) > 1:
            continue  # placed by their order below
        if len(distinct) == 1:
            rows[item.row] = found[0]
        elif len(distinct) > 1:
            where = "、".join(coordinate(*p) for p in found[:4])
            problem(*found[0], f"行“{item.text}”出现了 {len(distinct)} 次（{where}），无法确定哪一行是本表的数据，"
                               "该行数据未导入", _row_keys(spec, item.row))
            repeated.add(item.row)
    for items in namesakes.values():
        if len(items) > 1:
            _place_namesakes(spec, index, items, rows, repeated, problem)
    return rows, repeated, continued


def _place_namesakes(spec: TableSpec, index: SheetIndex, items: list[GridItem], rows: dict[int, tuple[int, int]],
                     repeated: set[int], problem) -> None:
    """Rows the official table itself labels alike (the same sub-item under two headings): the k-th
    in the template is the k-th in the sheet, when the sheet has exactly as many and each lies between
    the rows found before and after it; otherwise all of them are named, never guessed."""
    found = index.labels.get(canonical(items[0].text), [])
    by_row = {r: (r, c) for r, c in sorted(found, reverse=True)}  # the leftmost label of each sheet row
    places = [by_row[r] for r in sorted(by_row)]
    order = [i.row for i in spec.row_items]
    fits = len(places) == len(items)
    for item, place in zip(items, places, strict=True) if fits else ():
        before = [rows[r][0] for r in order[:order.index(item.row)] if r in rows]
        after = [rows[r][0] for r in order[order.index(item.row) + 1:] if r in rows]
        fits = fits and (not before or before[-1] < place[0]) and (not after or place[0] < after[0])
    if fits:
        rows.update({item.row: place for item, place in zip(items, places, strict=True)})
        return
    if not places:
        return  # missing: named by check_rows
    where = "、".join(coordinate(*p) for p in places[:4])
    keys = tuple(key for item in items for key in _row_keys(spec, item.row))
    problem(*places[0], f"本表有 {len(items)} 行都叫“{items[0].text}”，表格中找到 {len(places)} 处（{where}），"
                        "无法按顺序确定各是哪一行，这些行的数据未导入", keys)
    repeated.update(item.row for item in items)


def _row_keys(spec: TableSpec, grid_row: int) -> tuple[str, ...]:
    return tuple(c.key for c in spec.cells if c.grid_row == grid_row)


def _header_candidates(spec: TableSpec, index: SheetIndex, column: ColumnSpec) -> list[tuple[int, int]]:
    """Every place the column's header label occurs; when it occurs more than once, only those under
    the column's upper headers (a group header over a repeated result header), each spanning exactly its official
    sub-headers — a header block whose columns were moved apart names its cells instead."""
    found = index.labels.get(column.path[-1], [])
    if (len(found) > 1 or column.path[-1] in spec.repeated) and len(column.path) > 1:
        found = [p for p in found if _under_parents(spec, index, p, column.path)]
    return found


def _under_parents(spec: TableSpec, index: SheetIndex, at: tuple[int, int], path: tuple[str, ...]) -> bool:
    row, col = at
    for parent in reversed(path[:-1]):
        found = _parent_of(spec, index, row, col)
        if found is None or found[2] != parent:
            return False
        row, col = found[0], found[1]
        if _sub_headers(spec, index, row, col) != spec.children.get(parent):
            return False
    return True


def _parent_of(spec: TableSpec, index: SheetIndex, row: int, col: int) -> tuple[int, int, str] | None:
    """The header spanning column ``col`` in the nearest row above ``row`` that has one: the one
    whose merge covers it, or else the nearest header label at or left of it."""
    for above in (row - 1, row - 2):
        best = None
        for c, value in index.rows.get(above, ()):
            if c > col or not isinstance(value, str) or canonical(value) not in spec.header_keys:
                continue
            best = (above, c, canonical(value))
        if best is not None:
            right = index.merged_right.get((best[0], best[1]))
            return best if right is None or right >= col else None
    return None


def _sub_headers(spec: TableSpec, index: SheetIndex, row: int, col: int) -> tuple[str, ...]:
    """The header labels under the header at (row, col), across its merge or up to the next header
    to its right, in the first row below that has any."""
    right = index.merged_right.get((row, col))
    if right is None:
        right = min((c for c, v in index.rows.get(row, ()) if c > col and isinstance(v, str)
                     and canonical(v) in spec.header_keys), default=10**6) - 1
    for below in (row + 1, row + 2):
        keys = tuple(canonical(v) for c, v in index.rows.get(below, ()) if col <= c <= right and isinstance(v, str)
                     and canonical(v) in spec.header_keys)
        if keys:
            return keys
    return ()


def _report_column(spec: TableSpec, index: SheetIndex, column: ColumnSpec, cells: list[CellSpec],
                   rows: dict[int, tuple[int, int]], problem) -> None:
    keys = tuple(c.key for c in cells)
    row = min(rows[c.grid_row][0] for c in cells)
    candidates = [p for p in _header_candidates(spec, index, column) if p[0] < row]
    label = column.leaf.text
    if not candidates:
        found = index.labels.get(column.path[-1], [])
        at = found[0] if found else (max(row - 1, 1), rows[cells[0].grid_row][1] + 1)
        parents = "”“".join(h for h in column.path[:-1])
        detail = f"（在“{parents}”之下）" if parents and found else ""
        problem(*at, f"没有找到列标题“{label}”{detail}，该列数据未导入", keys)
    else:
        nearest = max(r for r, _ in candidates)
        where = "、".join(coordinate(*p) for p in candidates if p[0] == nearest)
        problem(nearest, candidates[-1][1], f"列标题“{label}”在同一行出现了多次（{where}），无法确定是哪一列，该列数据未导入", keys)


def _place_under_header(spec: TableSpec, index: SheetIndex, headers: dict[ColumnSpec, list[tuple[int, int]]],
                        positions: dict[str, tuple[int, int]], problem) -> tuple[int, int] | None:
    """表四: every column's header, then the data row — the first row under the header block with
    values in the table's columns, which must hold numbers only and be the only such row."""
    columns: dict[ColumnSpec, tuple[int, int]] = {}
    for column, found in headers.items():
        keys = tuple(c.key for c in spec.cells if c.column == column)
        label = "·".join(_texts(spec, column))
        if len(found) == 1:
            columns[column] = found[0]
        elif not found:
            at = min((p for f in headers.values() for p in f), default=(1, 1))
            problem(*at, f"没有找到列标题“{label}”，该列数据未导入", keys)
        else:
            where = "、".join(coordinate(*p) for p in found[:4])
            problem(*found[0], f"列标题“{label}”出现了多次（{where}），无法确定是哪一列，该列数据未导入", keys)
    if not columns:
        return None
    bottom = max(index.merged_bottom.get(p, p[0]) for p in columns.values())
    used = sorted({columns[c.column][1] + c.offset for c in spec.cells if c.column in columns})
    data_rows = []
    for r in sorted(r for r in index.rows if r > bottom):
        values = [v for c, v in index.rows[r] if c in used]
        if not values:
            continue
        if not any(looks_numeric(v) for v in values) or any(isinstance(v, str) and canonical(v) in spec.known for v in values):
            break  # a heading, a note or the next table
        data_rows.append(r)
        if len(data_rows) == 2:
            break
    keys = tuple(c.key for c in spec.cells if c.column in columns)
    first = min(columns.values())
    if not data_rows:
        problem(bottom + 1, used[0], f"表头下面没有数据行（第 {bottom + 1} 行起没有数字），{len(keys)} 个单元格未导入", keys)
    elif len(data_rows) > 1:
        problem(data_rows[0], used[0], f"表头下面有不止一行数据（第 {data_rows[0]}、{data_rows[1]} 行），"
                                       f"无法确定哪一行是本表的数据，{len(keys)} 个单元格未导入", keys)
    else:
        row = data_rows[0]
        if row != bottom + 1:
            problem(row, used[0], f"数据不在表头下第一行（第 {bottom + 1} 行），而在第 {row} 行，已按第 {row} 行读取",
                    notice=True)
        for cell in spec.cells:
            if cell.column in columns and not _short_header(index, columns[cell.column], cell.offset):
                positions[cell.key] = (row, columns[cell.column][1] + cell.offset)
    return first


def _texts(spec: TableSpec, column: ColumnSpec) -> list[str]:
    by_key = {canonical(i.text): i.text for i in spec.table.items if i.text}
    return [by_key.get(k, k) for k in column.path]


__all__ = ["CellSpec", "Located", "SheetIndex", "coordinate", "locate_table"]
