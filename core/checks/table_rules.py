"""The template's own rules: equations (R1, R3, R4, R5), cell types (R6) and filled cells (R7)."""

from __future__ import annotations

from decimal import Decimal

from core.checks.findings import CheckResult, Finding, NotAssessable, format_number
from core.document import Report
from core.expressions import evaluate
from core.template.model import Rule, Template
from core.values import SLASH, type_problem

# Above this many blank cells in one table, rows left wholly blank are reported as one finding each.
ROW_GROUPING_THRESHOLD = 15


def check_tables(report: Report, result: CheckResult) -> None:
    template = report.template
    numbers = report.numbers()
    for rule in template.rules:
        if rule.kind == "equation":
            _equations(rule, template, numbers, result)
        elif rule.kind == "cell_type":
            _cell_types(rule, report, result)
        elif rule.kind == "filled":
            _filled(rule, report, result)


def _equations(rule: Rule, template: Template, numbers: dict[str, Decimal | None], result: CheckResult) -> None:
    for instance in rule.instances:
        left = evaluate(instance.left, numbers)
        right = evaluate(instance.right, numbers)
        if left is None or right is None:
            blanks = tuple(k for k in instance.cells if numbers.get(k) is None)
            result.not_assessable.append(NotAssessable(rule.id, instance.subject, instance.message, blanks))
            continue
        if left == right:
            continue
        message = (f"{instance.message}：左边 {format_number(left)}，右边 {format_number(right)}，"
                   f"相差 {format_number(abs(left - right))}")
        targets = (instance.anchor,) + tuple(k for k in instance.cells if k != instance.anchor)
        result.findings.append(Finding(rule.id, rule.severity, message, template.chapter_of_cell(instance.anchor).key,
                                       targets, instance.subject, left, right))


def _cell_types(rule: Rule, report: Report, result: CheckResult) -> None:
    template = report.template
    for key, value in report.cells.items():
        cell = template.cells[key]
        problem = type_problem(value, cell.type)
        if problem:
            message = rule.message.format(cell=cell.name, problem=problem)
            result.findings.append(Finding(rule.id, rule.severity, message, template.chapter_of_cell(key).key,
                                           (key,), key))


def _filled(rule: Rule, report: Report, result: CheckResult) -> None:
    template = report.template
    for table in template.tables:
        chapter = template.chapter(table.chapter)
        blank = [k for k in table.cells if report.cells.get(k) is None]
        if len(blank) == len(table.cells):
            message = rule.message.format(cell=f"{chapter.heading}（表{chapter.number}）",
                                          problem=f"整张表尚未填写（{len(blank)} 个单元格），没有发生的情形请填 0")
            result.findings.append(Finding(rule.id, rule.severity, message, chapter.key, tuple(blank), table.key))
            continue
        grouped: set[str] = set()
        if len(blank) > ROW_GROUPING_THRESHOLD:
            for row in table.rows:
                row_cells = [f"{table.key}.{row.key}.{c}" for c in row.columns]
                if len(row_cells) > 1 and all(k in blank for k in row_cells):
                    message = rule.message.format(cell=row.name, problem=f"整行尚未填写（{len(row_cells)} 个单元格）")
                    result.findings.append(Finding(rule.id, rule.severity, message, chapter.key,
                                                   tuple(row_cells), f"{table.key}.{row.key}"))
                    grouped.update(row_cells)
        for key in table.cells:
            value = report.cells.get(key)
            if key in grouped:
                continue
            if value is None:
                problem = "未填写，没有发生请填 0"
            elif value is SLASH:
                problem = "填了“/”，没有发生请填 0"
            else:
                continue
            message = rule.message.format(cell=template.cells[key].name, problem=problem)
            result.findings.append(Finding(rule.id, rule.severity, message, chapter.key, (key,), key))
