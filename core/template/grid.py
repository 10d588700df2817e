"""A table's semantic rows and columns and its printed grid, placed like an HTML table."""

from __future__ import annotations

from core.cell_types import CELL_KINDS
from core.template.json_lines import LinedDict
from core.template.lint import Lint
from core.template.model import CellType, Chapter, Column, GridItem, Row, Table

CELL_TYPES: tuple[CellType, ...] = tuple(CELL_KINDS)  # type: ignore[assignment]


SHEET_NAME_MAX = 31  # Excel's limit for a sheet's name
SHEET_NAME_FORBIDDEN = frozenset('[]:*?/\\')


def table(node: LinedDict, chapters: list[Chapter], lint: Lint, table_keys: set[str]) -> Table | None:
    key = lint.text(node, "key", "表格")
    lint.unique(node, key, table_keys, "表格")
    chapter_key = node.get("chapter")
    chapter = next((c for c in chapters if c.key == chapter_key), None)
    if chapter is None:
        lint.add(node, f"表格 {key} 所属章节“{chapter_key}”不存在")
        return None
    own_name = lint.text(node, "name", f"表格 {key} ", required=False).strip()
    if len(own_name) > SHEET_NAME_MAX or set(own_name) & SHEET_NAME_FORBIDDEN:
        lint.add(node, f"表格 {key} 的名称“{own_name}”不能作 Excel 工作表名（至多 {SHEET_NAME_MAX} 字，"
                       "不能含 [ ] : * ? / \\）")
    columns = _columns(node, key, lint)
    column_keys = [c.key for c in columns]
    rows: list[Row] = []
    seen: set[str] = set()
    for row in lint.objects(node, "rows", f"表格 {key} "):
        rkey = lint.text(row, "key", f"表格 {key} 的行")
        lint.unique(row, rkey, seen, f"表格 {key} 的行")
        row_columns = tuple(row.get("columns") or column_keys)
        for ckey in row_columns:
            if ckey not in column_keys:
                lint.add(row, f"行 {rkey} 引用了不存在的列 {ckey}")
        label = lint.text(row, "label", f"行 {rkey} ")
        rows.append(Row(rkey, label, row.get("name", ""), lint.text(row, "help", f"行 {rkey} "), row_columns,
                        lint.strings(row, "aliases", f"行 {rkey} ")))
    placer = _GridPlacer(key, node.get("grid_columns") or 0, {r.key: r for r in rows},
                         {c.key: c for c in columns}, lint)
    for grid_row in node.get("header") or []:
        placer.place_row(grid_row, header=True)
    header_rows = placer.next_row
    for grid_row in node.get("body") or []:
        placer.place_row(grid_row, header=False)
    placer.finish(node)
    rows = [placer.named(r) for r in rows]
    expected = [f"{key}.{r.key}.{c}" for r in rows for c in r.columns]
    for cell_key in expected:
        if cell_key not in placer.cell_keys:
            lint.add(node, f"表格 {key} 的单元格 {cell_key} 没有出现在表格布局中")
    return Table(
        key=key,
        chapter=chapter.key,
        title=chapter.heading,
        grid_columns=placer.width,
        header_rows=header_rows,
        grid_rows=placer.next_row,
        columns=tuple(columns),
        rows=tuple(rows),
        items=tuple(placer.items),
        cells=tuple(k for k in expected if k in placer.cell_keys),
        name=own_name or f"表{chapter.number}",
        label=own_name or f"表{chapter.number}（{chapter.title}）",
    )


def _columns(node: LinedDict, key: str, lint: Lint) -> list[Column]:
    default_type = node.get("cell_type", "count")
    columns: list[Column] = []
    seen: set[str] = set()
    for col in lint.objects(node, "columns", f"表格 {key} "):
        ckey = lint.text(col, "key", f"表格 {key} 的列")
        lint.unique(col, ckey, seen, f"表格 {key} 的列")
        ctype = col.get("type", default_type)
        if ctype not in CELL_TYPES:
            lint.add(col, f"列 {ckey} 的类型“{ctype}”无效，应为 {' / '.join(CELL_TYPES)}")
            ctype = "count"
        columns.append(Column(ckey, lint.text(col, "label", f"列 {ckey} "), lint.text(col, "help", f"列 {ckey} "),
                              ctype, lint.strings(col, "aliases", f"列 {ckey} "),
                              lint.text(col, "unit", f"列 {ckey} ", required=False)))
    return columns


class _GridPlacer:
    """Places layout items left to right like an HTML table, skipping cells taken by row spans."""

    def __init__(self, table: str, width: int, rows: dict[str, Row], columns: dict[str, Column], lint: Lint):
        self.table = table
        self.width = width
        self.rows = rows
        self.columns = columns
        self.lint = lint
        self.taken: set[tuple[int, int]] = set()
        self.items: list[GridItem] = []
        self.cell_keys: list[str] = []
        self.next_row = 0
        self.max_row = 0
        if width <= 0:
            lint.add(None, f"表格 {table} 缺少有效的 grid_columns")

    def place_row(self, grid_row: list, header: bool) -> None:
        r = self.next_row
        col = 0
        for item in grid_row:
            for expanded in self._expand(item, header):
                while (r, col) in self.taken:
                    col += 1
                rowspan, colspan = expanded["rows"], expanded["cols"]
                if col + colspan > self.width:
                    self.lint.add(item, f"表格 {self.table} 第 {r + 1} 行的内容超出了 {self.width} 列")
                    return
                for dr in range(rowspan):
                    for dc in range(colspan):
                        if (r + dr, col + dc) in self.taken:
                            self.lint.add(item, f"表格 {self.table} 第 {r + 1} 行的合并单元格与其他单元格重叠")
                        self.taken.add((r + dr, col + dc))
                self.items.append(GridItem(r, col, rowspan, colspan, expanded["role"], expanded["text"],
                                           expanded["cell"], expanded["vertical"], expanded["help"],
                                           expanded["aliases"]))
                self.max_row = max(self.max_row, r + rowspan)
                col += colspan
        missing = [c for c in range(self.width) if (r, c) not in self.taken]
        if missing:
            self.lint.add(grid_row[0] if grid_row else None,
                          f"表格 {self.table} 第 {r + 1} 行没有填满（缺第 {missing[0] + 1} 列起）")
        self.next_row += 1

    def _expand(self, item: LinedDict, header: bool) -> list[dict]:
        base = {"rows": int(item.get("rows", 1)), "cols": int(item.get("cols", 1)), "cell": None,
                "vertical": bool(item.get("vertical", False)), "help": item.get("help", ""),
                "aliases": self.lint.strings(item, "aliases", f"表格 {self.table} 的单元格")}
        if "cells" in item or "cell" in item:
            return self._cells(item, base)
        if "row" in item and "text" not in item:
            row = self.rows.get(item["row"])
            if row is None:
                self.lint.add(item, f"表格 {self.table} 的布局引用了不存在的行 {item['row']}")
                return []
            return [{**base, "role": "row_label", "text": row.label, "help": item.get("help") or row.help,
                     "aliases": row.aliases + base["aliases"]}]
        text = item.get("text")
        if not isinstance(text, str) or not text:
            self.lint.add(item, f"表格 {self.table} 的布局中有一个单元格缺少文字（text）")
            text = ""
        role = item.get("role") or ("header" if header else "label")
        help_text = item.get("help", "")
        aliases = base["aliases"]
        column = self.columns.get(item.get("column", ""))
        if column is not None:
            help_text = help_text or f"{text}：{column.help}"
            if text == column.label:
                aliases = column.aliases + aliases
        if not help_text and item.get("row") in self.rows:
            help_text = f"{text}：" + self.rows[item["row"]].help
        return [{**base, "role": role, "text": text, "help": help_text, "aliases": aliases}]

    def _cells(self, item: LinedDict, base: dict) -> list[dict]:
        if "cells" in item:
            row = self.rows.get(item["cells"])
            pairs = [(item["cells"], c) for c in row.columns] if row else []
        else:
            row_key, _, col_key = str(item["cell"]).partition(".")
            row = self.rows.get(row_key)
            pairs = [(row_key, col_key)]
        if row is None:
            self.lint.add(item, f"表格 {self.table} 的布局引用了不存在的行 {item.get('cells') or item.get('cell')}")
            return []
        out = []
        for row_key, col_key in pairs:
            key = f"{self.table}.{row_key}.{col_key}"
            if col_key not in row.columns:
                self.lint.add(item, f"表格 {self.table} 的布局引用了不存在的单元格 {key}")
                continue
            if key in self.cell_keys:
                self.lint.add(item, f"单元格 {key} 在表格布局中出现了两次")
            self.cell_keys.append(key)
            column = self.columns[col_key]
            out.append({**base, "role": "cell", "text": "", "cell": key, "aliases": (),
                        "help": f"{row.label}：{row.help}\n{column.label}：{column.help}"})
        return out

    def finish(self, node: LinedDict) -> None:
        if self.max_row > self.next_row:
            self.lint.add(node, f"表格 {self.table} 有合并单元格超出了最后一行")

    def named(self, row: Row) -> Row:
        """Give a row its message name: the label cells to its left, then its own label."""
        if row.name:
            return row
        label_item = next((i for i in self.items if i.role == "row_label" and i.text == row.label), None)
        parts: list[str] = []
        if label_item is not None:
            for item in self.items:
                covers = item.row <= label_item.row < item.row + item.rowspan
                if item.role == "label" and covers and item.col < label_item.col:
                    parts.append(item.text)
        name = "".join(parts)
        if name and row.label[:1].isdigit():
            name += " "
        return Row(row.key, row.label, name + row.label, row.help, row.columns, row.aliases)
