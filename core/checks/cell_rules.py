"""Rules about single cells: the value fits its type, every cell is filled, cells that must be 0."""

from __future__ import annotations

from collections.abc import Iterator

from core.checks.context import CheckContext
from core.checks.findings import Finding, Outcome, Passed
from core.template.model import Rule
from core.values import SLASH, format_value, numeric, type_problem

# Above this many blank cells in one table, rows left wholly blank are reported as one finding each.
ROW_GROUPING_THRESHOLD = 15


def cell_type(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    template = context.template
    for key, value in context.report.cells.items():
        if value is None or (type(value) is int and value >= 0):
            continue  # blank, or a whole count: fits every type (most cells, looked at first)
        cell = template.cells[key]
        problem = type_problem(value, cell.type)
        if problem:
            message = rule.message.format(cell=cell.name, problem=problem)
            yield Finding(rule.id, rule.severity, message, context.report.chapter_of_cell(key).key, (key,), key)
    yield Passed(rule.id)


def filled(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    template = context.template
    cells = context.report.cells
    for table in context.report.tables:
        chapter = context.report.find_chapter(table.chapter) or template.chapter(table.chapter)
        # A blank total is blank because what it adds up is: those cells are reported, not the total.
        inputs = [k for k in table.cells if not template.cells[k].computed]
        blank = [k for k in inputs if cells.get(k) is None]
        if not blank and not any(cells.get(k) is SLASH for k in table.cells):
            yield Passed(rule.id, table.key)
            continue
        if len(blank) == len(inputs):
            message = rule.message.format(cell=f"{chapter.heading}（表{chapter.number}）",
                                          problem=f"整张表尚未填写（{len(blank)} 个单元格），没有发生的情形请填 0")
            yield Finding(rule.id, rule.severity, message, chapter.key, tuple(blank), table.key)
            continue
        grouped: set[str] = set()
        if len(blank) > ROW_GROUPING_THRESHOLD:
            for row in table.rows:
                row_cells = [k for c in row.columns if (k := f"{table.key}.{row.key}.{c}") in inputs]
                if len(row_cells) > 1 and all(k in blank for k in row_cells):
                    message = rule.message.format(cell=row.name, problem=f"整行尚未填写（{len(row_cells)} 个单元格）")
                    yield Finding(rule.id, rule.severity, message, chapter.key, tuple(row_cells),
                                  f"{table.key}.{row.key}")
                    grouped.update(row_cells)
        for key in table.cells:
            value = cells.get(key)
            if key in grouped:
                continue
            if value is None and key in inputs:
                problem = "未填写，没有发生请填 0"
            elif value is SLASH:
                problem = "填了“/”，没有发生请填 0"
            else:
                continue
            message = rule.message.format(cell=template.cells[key].name, problem=problem)
            yield Finding(rule.id, rule.severity, message, chapter.key, (key,), key)


def cells_zero_for_levels(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    """Cells a unit of these administrative levels cannot have anything in (e.g. 规章 below 设区的市)."""
    report = context.report
    if report.unit.level not in rule.params["unit_levels"]:
        yield Passed(rule.id)
        return
    keys = [k for k in rule.params["cells"] if report.includes_cell(k)]
    nonzero = [k for k in keys if (numeric(report.cells.get(k)) or 0) != 0]
    if not nonzero:
        yield Passed(rule.id)
        return
    first = context.template.cells[nonzero[0]]
    message = rule.message.format(level=report.unit.level_label, column=first.column.label,
                                  value=format_value(report.cells[nonzero[0]]), cell=first.name)
    yield Finding(rule.id, rule.severity, message, report.chapter_of_cell(nonzero[0]).key, tuple(nonzero))
