"""Build a Template from its JSON file, linting everything; errors name the file and line.

The parts are built by chapters.py (chapters, phrases, front matter), grid.py (tables and their
printed layout), formulas.py (computed totals) and rules.py (checks, prose figures, links).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.template import chapters as chapter_parts
from core.template import grid, rules
from core.template.formulas import computations, dependents_index
from core.template.json_lines import JsonLineError, LinedDict, loads_with_lines
from core.template.lint import Lint, TemplateError
from core.template.model import Cell, Table, Template

SCHEMA_VERSION = 2  # the template file layout this code reads

__all__ = ["SCHEMA_VERSION", "TemplateError", "load_template_file", "load_template_text"]


def load_template_file(path: Path | str) -> Template:
    """Read, lint and build a template; raises TemplateError listing every problem found."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(path, [(0, f"无法读取模板文件：{error}")]) from None
    template = load_template_text(text, path)
    template.path = path
    return template


def load_template_text(text: str, name: Path | str = "模板") -> Template:
    """Build a template from JSON text (tests use small inline templates); ``name`` is for messages."""
    # The C parser is fast; the line-tracking parser runs only to locate the problems found.
    try:
        data = json.loads(text, object_pairs_hook=_object_without_duplicates)
    except (ValueError, RecursionError):
        data = None
    if isinstance(data, LinedDict):
        lint = Lint()
        template = _build(data, lint)
        if not lint.problems:
            return template
    try:
        data = loads_with_lines(text)
    except JsonLineError as error:
        raise TemplateError(name, [(error.line, str(error))]) from None
    if not isinstance(data, LinedDict):
        raise TemplateError(name, [(1, "模板文件的顶层应为一个对象")])
    lint = Lint()
    template = _build(data, lint)
    if lint.problems:
        raise TemplateError(name, sorted(lint.problems))
    return template


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> LinedDict:
    result = LinedDict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _build(data: LinedDict, lint: Lint) -> Template:
    version = data.get("schema")
    if version != SCHEMA_VERSION:
        lint.add(data, f"模板的“schema”应为 {SCHEMA_VERSION}（本软件读取的模板结构版本），现在是 {version!r}")
    template_id = lint.text(data, "id", "模板")
    chapters = chapter_parts.chapters(lint.objects(data, "chapters", "模板"), lint)
    if not chapters:
        lint.add(data, "模板没有任何章节（chapters）")
    table_nodes = lint.objects(data, "tables", "模板")
    tables: list[Table] = []
    table_keys: set[str] = set()
    for node in table_nodes:
        table = grid.table(node, chapters, lint, table_keys)
        if table:
            tables.append(table)
    for chapter in chapters:
        if chapter.table and chapter.table not in table_keys:
            lint.add(data, f"章节“{chapter.heading}”引用了不存在的表格 {chapter.table}")
    ordered = computations(table_nodes, tables, lint)
    computed_keys = {c.cell for c in ordered}
    cells: dict[str, Cell] = {}
    for table in tables:
        for key in table.cells:
            _, row_key, column_key = key.split(".")
            cells[key] = Cell(key, table.key, table.row(row_key), table.column(column_key), key in computed_keys)
    first_year, last_year = _years(data, lint)
    template = Template(
        id=template_id,
        name=lint.text(data, "name", "模板"),
        basis=lint.text(data, "basis", "模板", required=False),
        first_year=first_year,
        last_year=last_year,
        front_matter=chapter_parts.front_matter(data.get("front_matter"), lint),
        chapters=tuple(chapters),
        tables=tuple(tables),
        cells=cells,
        computations=ordered,
        rules=(),
        dependents=dependents_index(ordered),
    )
    template.outline = chapter_parts.outline_rules(data.get("outline"), template, lint)
    template.set_rules(rules.build_rules(lint.objects(data, "rules", "模板"), table_nodes, template, lint))
    template.prose_figures = tuple(rules.prose_figures(lint.objects(data, "prose_figures", "模板"), template, lint))
    template.links = rules.links(data.get("links"), template, lint)
    return template


def _years(data: LinedDict, lint: Lint) -> tuple[int, int | None]:
    first, last = data.get("first_year"), data.get("last_year")
    if not isinstance(first, int) or isinstance(first, bool):
        lint.add(data, f"模板的“first_year”应为年份（整数），现在是 {first!r}")
        first = 0
    if last is not None and (not isinstance(last, int) or isinstance(last, bool) or last < first):
        lint.add(data, f"模板的“last_year”应为不早于 first_year 的年份或 null，现在是 {last!r}")
        last = None
    return first, last
