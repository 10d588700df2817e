"""Build a Template from its JSON file, linting everything; errors name the file and line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from core.expressions import ExpressionError, compile_expression, references
from core.template.json_lines import JsonLineError, LinedDict, loads_with_lines
from core.template.model import (
    Cell,
    Chapter,
    Column,
    Computation,
    GridItem,
    ProseFigure,
    Row,
    Rule,
    RuleInstance,
    Section,
    Table,
    Template,
)

SEVERITIES = ("error", "warning", "info")
RULE_KINDS = ("equation", "cell_type", "filled")
CELL_TYPES = ("count", "signed_count", "money")


class TemplateError(ValueError):
    """A template file that cannot be used; ``problems`` lists (line, message)."""

    def __init__(self, path: Path | str, problems: list[tuple[int, str]]):
        self.path = Path(path)
        self.problems = problems
        lines = [f"{self.path.name} 第 {line} 行：{message}" for line, message in problems]
        super().__init__("模板文件有错误：\n" + "\n".join(lines))


class _Lint:
    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []

    def add(self, node: Any, message: str) -> None:
        self.problems.append((getattr(node, "line", 0), message))

    def text(self, node: LinedDict, field: str, what: str) -> str:
        value = node.get(field)
        if not isinstance(value, str) or not value.strip():
            self.add(node, f"{what}缺少“{field}”")
            return ""
        return value

    def unique(self, node: LinedDict, key: str, seen: set[str], what: str) -> None:
        if key in seen:
            self.add(node, f"{what}的键“{key}”重复")
        seen.add(key)


def load_template_file(path: Path | str) -> Template:
    """Read, lint and build a template; raises TemplateError listing every problem found."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(path, [(0, f"无法读取模板文件：{error}")]) from None
    # The C parser is fast; the line-tracking parser runs only to locate the problems found.
    try:
        data = json.loads(text, object_pairs_hook=_object_without_duplicates)
    except ValueError:
        data = None
    if isinstance(data, LinedDict):
        lint = _Lint()
        template = _build(data, lint)
        if not lint.problems:
            template.path = path
            return template
    try:
        data = loads_with_lines(text)
    except JsonLineError as error:
        raise TemplateError(path, [(error.line, str(error))]) from None
    if not isinstance(data, LinedDict):
        raise TemplateError(path, [(1, "模板文件的顶层应为一个对象")])
    lint = _Lint()
    template = _build(data, lint)
    if lint.problems:
        raise TemplateError(path, sorted(lint.problems))
    template.path = path
    return template


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> LinedDict:
    result = LinedDict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _build(data: LinedDict, lint: _Lint) -> Template:
    template_id = lint.text(data, "id", "模板")
    chapters = _chapters(data.get("chapters") or [], lint)
    if not chapters:
        lint.add(data, "模板没有任何章节（chapters）")
    tables: list[Table] = []
    cells: dict[str, Cell] = {}
    table_keys: set[str] = set()
    for node in data.get("tables") or []:
        table = _table(node, chapters, lint, table_keys)
        if table:
            tables.append(table)
    for chapter in chapters:
        if chapter.table and chapter.table not in table_keys:
            lint.add(data, f"章节“{chapter.heading}”引用了不存在的表格 {chapter.table}")
    # Cells are built after all tables so that computations can mark them.
    computations = _computations(data.get("tables") or [], tables, lint)
    computed_keys = {c.cell for c in computations}
    for table in tables:
        for key in table.cells:
            _, row_key, column_key = key.split(".")
            cells[key] = Cell(key, table.key, table.row(row_key), table.column(column_key), key in computed_keys)
    template = Template(
        id=template_id,
        name=lint.text(data, "name", "模板"),
        basis=data.get("basis", ""),
        first_year=int(data.get("first_year") or 0),
        last_year=data.get("last_year"),
        chapters=tuple(chapters),
        tables=tuple(tables),
        cells=cells,
        computations=computations,
        rules=(),
    )
    template.rules = tuple(_rules(data.get("rules") or [], template, lint))
    template.prose_figures = tuple(_prose_figures(data.get("prose_figures") or [], template, lint))
    return template


# In a prose figure's pattern, {gap} stands for a few words between the noun and the number,
# within one clause.
_PROSE_GAP = r"[^。；;，,\d]{0,12}?"


def _prose_figures(nodes: list, template: Template, lint: _Lint) -> list[ProseFigure]:
    figures: list[ProseFigure] = []
    seen: set[str] = set()
    for node in nodes:
        key = lint.text(node, "key", "正文数字")
        lint.unique(node, key, seen, "正文数字")
        what = lint.text(node, "what", f"正文数字 {key} ")
        cells = tuple(node.get("cells") or ())
        if not cells:
            lint.add(node, f"正文数字 {key} 缺少“cells”")
        for cell in cells:
            if cell not in template.cells:
                lint.add(node, f"正文数字 {key} 引用了不存在的单元格 {cell}")
        try:
            pattern = re.compile(lint.text(node, "pattern", f"正文数字 {key} ").replace("{gap}", _PROSE_GAP))
        except re.error as error:
            lint.add(node, f"正文数字 {key} 的 pattern 不是有效的正则表达式：{error}")
            continue
        if pattern.groups != 1:
            lint.add(node, f"正文数字 {key} 的 pattern 应恰有一个括号分组（数字），现在有 {pattern.groups} 个")
        figures.append(ProseFigure(key, what, pattern, cells))
    return figures


def _chapters(nodes: list, lint: _Lint) -> list[Chapter]:
    chapters: list[Chapter] = []
    seen: set[str] = set()
    for node in nodes:
        key = lint.text(node, "key", "章节")
        lint.unique(node, key, seen, "章节")
        sections = []
        section_seen: set[str] = set()
        for section in node.get("sections") or []:
            skey = lint.text(section, "key", "小节")
            lint.unique(section, skey, section_seen, "小节")
            sections.append(
                Section(f"{key}.{skey}", lint.text(section, "title", "小节"), lint.text(section, "help", "小节"))
            )
        chapters.append(
            Chapter(
                key=key,
                number=lint.text(node, "number", "章节"),
                title=lint.text(node, "title", "章节"),
                help=lint.text(node, "help", "章节"),
                table=node.get("table"),
                sections=tuple(sections),
            )
        )
    return chapters


def _table(node: LinedDict, chapters: list[Chapter], lint: _Lint, table_keys: set[str]) -> Table | None:
    key = lint.text(node, "key", "表格")
    lint.unique(node, key, table_keys, "表格")
    chapter_key = node.get("chapter")
    chapter = next((c for c in chapters if c.key == chapter_key), None)
    if chapter is None:
        lint.add(node, f"表格 {key} 所属章节“{chapter_key}”不存在")
        return None
    default_type = node.get("cell_type", "count")
    columns: list[Column] = []
    seen: set[str] = set()
    for col in node.get("columns") or []:
        ckey = lint.text(col, "key", f"表格 {key} 的列")
        lint.unique(col, ckey, seen, f"表格 {key} 的列")
        ctype = col.get("type", default_type)
        if ctype not in CELL_TYPES:
            lint.add(col, f"列 {ckey} 的类型“{ctype}”无效，应为 {' / '.join(CELL_TYPES)}")
        columns.append(Column(ckey, lint.text(col, "label", f"列 {ckey} "), lint.text(col, "help", f"列 {ckey} "), ctype))
    column_keys = [c.key for c in columns]
    columns_by_key = {c.key: c for c in columns}
    rows: list[Row] = []
    seen = set()
    for row in node.get("rows") or []:
        rkey = lint.text(row, "key", f"表格 {key} 的行")
        lint.unique(row, rkey, seen, f"表格 {key} 的行")
        row_columns = tuple(row.get("columns") or column_keys)
        for ckey in row_columns:
            if ckey not in column_keys:
                lint.add(row, f"行 {rkey} 引用了不存在的列 {ckey}")
        label = lint.text(row, "label", f"行 {rkey} ")
        rows.append(Row(rkey, label, row.get("name", ""), lint.text(row, "help", f"行 {rkey} "), row_columns))
    rows_by_key = {r.key: r for r in rows}
    placer = _GridPlacer(key, node.get("grid_columns") or 0, rows_by_key, columns_by_key, lint)
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
    )


class _GridPlacer:
    """Places layout items left to right like an HTML table, skipping cells taken by row spans."""

    def __init__(self, table: str, width: int, rows: dict[str, Row], columns: dict[str, Column], lint: _Lint):
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
                                           expanded["cell"], expanded["vertical"], expanded["help"]))
                self.max_row = max(self.max_row, r + rowspan)
                col += colspan
        missing = [c for c in range(self.width) if (r, c) not in self.taken]
        if missing:
            self.lint.add(grid_row[0] if grid_row else None, f"表格 {self.table} 第 {r + 1} 行没有填满（缺第 {missing[0] + 1} 列起）")
        self.next_row += 1

    def _expand(self, item: LinedDict, header: bool) -> list[dict]:
        base = {"rows": int(item.get("rows", 1)), "cols": int(item.get("cols", 1)), "cell": None,
                "vertical": bool(item.get("vertical", False)), "help": item.get("help", "")}
        if "cells" in item or "cell" in item:
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
                out.append({**base, "role": "cell", "text": "", "cell": key,
                            "help": f"{row.label}：{row.help}\n{column.label}：{column.help}"})
            return out
        if "row" in item and "text" not in item:
            row = self.rows.get(item["row"])
            if row is None:
                self.lint.add(item, f"表格 {self.table} 的布局引用了不存在的行 {item['row']}")
                return []
            return [{**base, "role": "row_label", "text": row.label, "help": item.get("help") or row.help}]
        text = item.get("text")
        if not isinstance(text, str) or not text:
            self.lint.add(item, f"表格 {self.table} 的布局中有一个单元格缺少文字（text）")
            text = ""
        role = item.get("role") or ("header" if header else "label")
        help_text = item.get("help", "")
        if not help_text and item.get("column") in self.columns:
            help_text = f"{text}：" + self.columns[item["column"]].help
        if not help_text and item.get("row") in self.rows:
            help_text = f"{text}：" + self.rows[item["row"]].help
        return [{**base, "role": role, "text": text, "help": help_text}]

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
        return Row(row.key, row.label, name + row.label, row.help, row.columns)


def _iterations(spec: Any, tables: list[Table], lint: _Lint, node: LinedDict) -> list[tuple[str, str, str]]:
    """(placeholder, key, label) for each iteration of an "each" clause; one empty one without it."""
    if not spec:
        return [("", "", "")]
    kind = "col" if "col" in spec else "row" if "row" in spec else None
    table = next((t for t in tables if t.key == spec.get(kind)), None) if kind else None
    if table is None:
        lint.add(node, f"“each”应写作 {{\"col\": 表格}} 或 {{\"row\": 表格}}，表格须存在：{dict(spec)}")
        return []
    excluded = set(spec.get("except") or [])
    if kind == "col":
        return [("col", c.key, c.label) for c in table.columns if c.key not in excluded]
    return [("row", r.key, r.name) for r in table.rows if r.key not in excluded]


def _fill(text: str, placeholder: str, value: str) -> str:
    """Put one iteration's key (or label) where the template wrote {col} or {row}."""
    return text.replace("{" + placeholder + "}", value) if placeholder else text


def _resolver(tables: list[Table]):
    def resolve(first: str, last: str) -> list[str]:
        t1, r1, c1 = first.split(".")
        t2, r2, c2 = last.split(".")
        if t1 != t2:
            return []
        table = next(t for t in tables if t.key == t1)
        if c1 == c2:
            keys = [f"{t1}.{r.key}.{c1}" for r in table.rows if c1 in r.columns]
        elif r1 == r2:
            keys = [f"{t1}.{r1}.{c}" for c in table.row(r1).columns]
        else:
            return []
        if first not in keys or last not in keys:
            return []
        return keys[keys.index(first) : keys.index(last) + 1]

    return resolve


def _compile(text: str, known: set[str], tables: list[Table], lint: _Lint, node: LinedDict):
    try:
        return compile_expression(text, known.__contains__, _resolver(tables))
    except ExpressionError as error:
        lint.add(node, str(error))
        return None


def _computations(nodes: list, tables: list[Table], lint: _Lint) -> tuple[Computation, ...]:
    known = {k for t in tables for k in t.cells}
    result: list[Computation] = []
    defined: set[str] = set()
    pending = _pending(nodes, known, tables)
    for table_node in nodes:
        for node in table_node.get("computed") or []:
            for placeholder, key, _ in _iterations(node.get("each"), tables, lint, node):
                cell = _fill(str(node.get("cell", "")), placeholder, key)
                source = _fill(str(node.get("expr", "")), placeholder, key)
                if cell in defined:
                    # Several formulas may describe one cell (a grand total); the first one wins.
                    continue
                if cell not in known:
                    lint.add(node, f"计算单元格 {cell} 不存在")
                    continue
                expression = _compile(source, known, tables, lint, node)
                if expression is None:
                    continue
                later = [k for k in references(expression) if k in pending and k not in defined]
                if cell in references(expression):
                    lint.add(node, f"计算单元格 {cell} 引用了自己")
                    continue
                if later:
                    lint.add(node, f"计算单元格 {cell} 引用了尚未计算的 {later[0]}：请调整 computed 的顺序")
                defined.add(cell)
                result.append(Computation(cell, expression, source))
    return tuple(result)


def _pending(nodes: list, known: set[str], tables: list[Table]) -> set[str]:
    """Every cell some computation defines (to catch a formula that reads one defined later)."""
    cells: set[str] = set()
    for table_node in nodes:
        for node in table_node.get("computed") or []:
            spec = node.get("each")
            sink = _Lint()
            for placeholder, key, _ in _iterations(spec, tables, sink, node):
                cells.add(_fill(str(node.get("cell", "")), placeholder, key))
    return cells & known


def _rules(nodes: list, template: Template, lint: _Lint) -> list[Rule]:
    rules: list[Rule] = []
    seen: set[str] = set()
    known = set(template.cells)
    for node in nodes:
        rule_id = lint.text(node, "id", "规则")
        lint.unique(node, rule_id, seen, "规则")
        severity = node.get("severity")
        if severity not in SEVERITIES:
            lint.add(node, f"规则 {rule_id} 的严重程度“{severity}”无效，应为 error / warning / info")
        kind = node.get("kind", "equation")
        if kind not in RULE_KINDS:
            lint.add(node, f"规则 {rule_id} 的类型“{kind}”无效")
        message = lint.text(node, "message", f"规则 {rule_id} ")
        instances: list[RuleInstance] = []
        if kind == "equation":
            for placeholder, key, label in _iterations(node.get("each"), list(template.tables), lint, node):
                left = _compile(_fill(lint.text(node, "left", f"规则 {rule_id} "), placeholder, key),
                                known, list(template.tables), lint, node)
                right = _compile(_fill(lint.text(node, "right", f"规则 {rule_id} "), placeholder, key),
                                 known, list(template.tables), lint, node)
                if left is None or right is None:
                    continue
                cells = tuple(dict.fromkeys(references(left) + references(right)))
                anchor = _fill(node.get("cell", ""), placeholder, key) or cells[0]
                if anchor not in known:
                    lint.add(node, f"规则 {rule_id} 的定位单元格 {anchor} 不存在")
                instances.append(RuleInstance(rule_id, key, _fill(message, placeholder, label), left, right, cells, anchor))
        rules.append(
            Rule(
                id=rule_id,
                severity=severity if severity in SEVERITIES else "error",
                kind=kind,
                title=lint.text(node, "title", f"规则 {rule_id} "),
                help=lint.text(node, "help", f"规则 {rule_id} "),
                message=message,
                instances=tuple(instances),
            )
        )
    return rules
