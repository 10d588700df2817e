"""What identifies each data cell of a table in someone else's workbook, derived from the template.

A cell is found where its row label's row meets its column header's column. The column header is
the deepest header above the cell in its header block (a table may stack several blocks);
the group headers above it tell repeated headers apart. Tables without
row labels put the data a fixed number of rows under the deepest header.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from core.imports.labels import canonical
from core.template import GridItem, Table, load_template


@dataclass(frozen=True, eq=False)  # one object per column of a table's spec: compared and hashed by identity
class ColumnSpec:
    leaf: GridItem  # the deepest header over the column
    path: tuple[str, ...]  # canonical header keys, top to leaf


@dataclass(frozen=True)
class CellSpec:
    key: str
    grid_row: int
    row_item: GridItem | None  # the row label, None for tables without row labels
    column: ColumnSpec
    offset: int = 0  # columns right of its header's first column (a header spanning label and data)


@dataclass(frozen=True)
class TableSpec:
    table: Table
    cells: tuple[CellSpec, ...]
    row_items: tuple[GridItem, ...]  # row labels in grid order
    groups: tuple[GridItem, ...]  # group labels spanning several rows
    known: frozenset[str]  # canonical keys of every label and header of the table
    header_keys: frozenset[str]
    signature: frozenset[str]  # keys that occur in no other table of the template
    label: str  # for messages: the table's number and chapter title
    children: dict[str, tuple[str, ...]]  # a spanning header's key → its sub-headers' keys, left to right
    repeated: frozenset[str]  # column header keys the table has more than once (one per group)
    template_id: str = ""
    format_name: str = ""  # the format's name, for messages


@cache
def table_specs(template_id: str) -> dict[str, TableSpec]:
    template = load_template(template_id)
    texts = {t.key: {canonical(i.text) for i in t.items if i.text} for t in template.tables}
    specs = {}
    for table in template.tables:
        others = set().union(*(v for k, v in texts.items() if k != table.key))
        specs[table.key] = _spec(table, frozenset(texts[table.key] - others), table.label, template.id, template.name)
    return specs


def _spec(table: Table, signature: frozenset[str], label: str, template_id: str, format_name: str) -> TableSpec:
    row_items = {i.row: i for i in table.items if i.role == "row_label"}
    cells = []
    columns: dict[tuple[int, int], ColumnSpec] = {}
    for item in table.items:
        if item.role != "cell" or not item.cell:
            continue
        path = _header_path(table, item.row, item.col)
        leaf = path[-1]
        column = columns.setdefault((leaf.row, leaf.col), ColumnSpec(leaf, tuple(canonical(h.text) for h in path)))
        cells.append(CellSpec(item.cell, item.row, row_items.get(item.row), column, item.col - column.leaf.col))
    headers = frozenset(canonical(i.text) for i in table.items if i.role == "header")
    return TableSpec(
        table=table,
        cells=tuple(cells),
        row_items=tuple(sorted(row_items.values(), key=lambda i: i.row)),
        groups=tuple(i for i in table.items if i.role == "label" and i.rowspan > 1 and not i.vertical),
        known=frozenset(canonical(i.text) for i in table.items if i.text),
        header_keys=headers,
        signature=signature,
        label=label,
        children=_children(table),
        repeated=frozenset(k for k in (c.path[-1] for c in columns.values())
                           if sum(1 for c in columns.values() if c.path[-1] == k) > 1),
        template_id=template_id,
        format_name=format_name,
    )


def _children(table: Table) -> dict[str, tuple[str, ...]]:
    headers = [i for i in table.items if i.role == "header"]
    children: dict[str, tuple[str, ...]] = {}
    for parent in headers:
        below = sorted((h for h in headers if h.row == parent.row + parent.rowspan
                        and parent.col <= h.col < parent.col + parent.colspan), key=lambda h: h.col)
        if below and parent.colspan > 1:
            children.setdefault(canonical(parent.text), tuple(canonical(h.text) for h in below))
    return children


def _header_path(table: Table, row: int, col: int) -> list[GridItem]:
    """Headers over (row, col): the nearest block of header rows above it, top to bottom."""
    headers = [i for i in table.items if i.role == "header" and i.col <= col < i.col + i.colspan]

    def covering(r: int) -> list[GridItem]:
        return [h for h in headers if h.row <= r < h.row + h.rowspan]

    r = row - 1
    while r >= 0 and not covering(r):
        r -= 1
    path: list[GridItem] = []
    while r >= 0 and (found := covering(r)):
        path.extend(h for h in found if h not in path)
        r -= 1
    if not path:
        raise ValueError(f"{table.key}: no header over grid cell ({row}, {col})")
    return sorted(path, key=lambda h: (h.row, -h.rowspan))
