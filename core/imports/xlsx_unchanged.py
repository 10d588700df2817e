"""Our own export as it was written: its tables' cells found without searching for their labels.

When a table's sheet holds exactly what the export drew — every label at its place, the same
merged ranges, nothing else but the title and the data cells the hidden map names — the positions
that locating by labels would find are the map's own, and the search (the slow part of reading a
workbook) is skipped. Anything else, even one changed label, goes through the search.

Sheets whose XML is byte for byte as exported (``SheetGrid.as_exported``), beside a hidden sheet that
is too, were not even parsed: their cells are the map's, placed where the map says (``as_exported_tables``).
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from core.document import Report
from core.imports.xlsx_locate import Located, SheetIndex
from core.imports.xlsx_values import exported_text_value
from core.imports.xlsx_workbook import SheetGrid


def unchanged_tables(report: Report, grids: list[SheetGrid], mapped: dict[str, tuple[str, str, str]],
                     exported: Collection[str]) -> dict[str, Located] | None:
    """Each exported table's cell positions, or None when any of their sheets is not as exported."""
    by_title = {g.title: g for g in grids}
    found: dict[str, Located] = {}
    for table in (t for t in report.template.tables if t.key in exported):
        placed = _mapped_place(table.cells, mapped, by_title)
        if placed is None:
            return None
        grid, positions = placed
        labels, merges, title, drawn_cells = _drawn(report.template_id, table.key)
        cells = set(positions.values())
        if cells != drawn_cells or len(cells) != len(table.cells) or set(grid.merges) != merges:
            return None
        for place, value in grid.values.items():
            if place in cells or place == title:
                continue
            if labels.get(place) != value:
                return None
        if any(grid.values.get(place) != text for place, text in labels.items()):
            return None
        found[table.key] = Located(SheetIndex(grid), positions, min(labels))  # type: ignore[arg-type]
    return found


def _mapped_place(cells: Collection[str], mapped: dict[str, tuple[str, str, str]],
                  by_title: dict[str, SheetGrid]) -> tuple[SheetGrid, dict[str, tuple[int, int]]] | None:
    """The one sheet a table's cells were all mapped to, and their positions there; None otherwise."""
    from core.imports.xlsx_own import position

    sheets = {mapped[k][0] for k in cells if k in mapped}
    if len(sheets) != 1 or any(k not in mapped for k in cells):
        return None
    grid = by_title.get(sheets.pop())
    positions = {k: position(mapped[k][1]) for k in cells}
    if grid is None or any(p is None for p in positions.values()):
        return None
    return grid, positions  # type: ignore[return-value]


@cache
def _drawn(template_id: str, table_key: str) -> tuple[dict[tuple[int, int], str], frozenset, tuple[int, int],
                                                      frozenset[tuple[int, int]]]:
    """What the export draws for a table: label texts by position, merged ranges, the title's place,
    and the positions of its data cells."""
    from core.export.xlsx_style import write_text_value
    from core.export.xlsx_tables import FIRST_GRID_ROW, TITLE_ROW
    from core.template import load_template

    table = load_template(template_id).table(table_key)
    labels = {(FIRST_GRID_ROW + i.row, 1 + i.col): write_text_value(i.text) for i in table.items
              if i.role != "cell" and i.text}
    merges = {(FIRST_GRID_ROW + i.row, 1 + i.col, FIRST_GRID_ROW + i.row + i.rowspan - 1, i.col + i.colspan)
              for i in table.items if i.rowspan > 1 or i.colspan > 1}
    if table.grid_columns > 1:
        merges.add((TITLE_ROW, 1, TITLE_ROW, table.grid_columns))
    cells = frozenset((FIRST_GRID_ROW + i.row, 1 + i.col) for i in table.items if i.role == "cell")
    return labels, frozenset(merges), (TITLE_ROW, 1), cells



def as_exported_tables(report: Report, grids: list[SheetGrid], mapped: dict[str, tuple[str, str, str]],
                       exported: Collection[str]) -> dict[str, Located] | None:
    """Each exported table's cell positions when all their sheets are as exported, with the map's
    values (the exported text, which the visible cell shows); None when any is not."""
    by_title = {g.title: g for g in grids}
    found: dict[str, Located] = {}
    for table in (t for t in report.template.tables if t.key in exported):
        placed = _mapped_place(table.cells, mapped, by_title)
        if placed is None or placed[0].parsed or not placed[0].as_exported:
            return None
        grid, positions = placed
        found[table.key] = Located(SheetIndex(grid), positions, min(positions.values()))  # type: ignore[arg-type]
    cells = report.template.cells
    for located in found.values():
        for key, place in located.positions.items():
            text = mapped[key][2]
            value = exported_text_value(text, cells[key].type) if text else None
            if value is not None or not text:
                located.values[key] = value
            else:  # not a value the export writes: read as the text it is, with its problem
                located.index.grid.values[place] = text
    return found
