"""Equations over cells (the 勾稽关系 and every total's sum), possibly across reports."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.checks.context import CheckContext
from core.checks.findings import Finding, NotAssessable, Outcome, Passed, format_number
from core.expressions import evaluate, render
from core.template.formulas import split_namespace
from core.template.model import NAMESPACE_GAPS, Rule, RuleInstance

# How a cell's report is named when a rule's message shows its formula with the figures.
REPORT_WORDS = {"": "本年", "prev": "上年", "members": "各单位合计"}
_ARITHMETIC = ("{left}", "{right}", "{difference}", "{formula}")
_CLAUSE = re.compile(r"[^：，]+[：，]?")


def equation(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    template = context.template
    numbers = context.numbers
    printed = context.report.printed_cells
    for instance in rule.instances:
        if instance.anchor not in printed:
            continue  # a table this report does not print
        reason = context.missing_reason(instance.namespaces) if instance.namespaces else None
        if reason is not None:
            yield NotAssessable(rule.id, instance.subject, _without_arithmetic(instance.message), (), reason)
            continue
        left = evaluate(instance.left, numbers)
        right = evaluate(instance.right, numbers)
        if left is None or right is None:
            gaps = [ns for k in instance.cells if (ns := split_namespace(k)[0]) and k not in numbers]
            if gaps:
                yield NotAssessable(rule.id, instance.subject, _without_arithmetic(instance.message), (),
                                    NAMESPACE_GAPS[gaps[0]])
                continue
            blanks = tuple(k for k in instance.cells if numbers.get(k) is None)
            yield NotAssessable(rule.id, instance.subject, _without_arithmetic(instance.message), blanks)
            continue
        if _holds(instance.relation, left, right):
            yield Passed(rule.id, instance.subject)
            continue
        message = _message(instance, left, right, numbers)
        own = tuple(k for k in instance.cells if k in template.cells and k != instance.anchor)
        yield Finding(rule.id, rule.severity, message, context.report.chapter_of_cell(instance.anchor).key,
                      (instance.anchor, *own), instance.subject, left, right)


def _without_arithmetic(message: str) -> str:
    """A message for a rule that could not be evaluated: its clauses up to the first that would show
    figures ("某行·某列：应为… = {right}，表中 {left}" → "某行·某列：应为…")."""
    if not any(field in message for field in _ARITHMETIC):
        return message
    kept = []
    for clause in _CLAUSE.findall(message):
        if any(field in clause for field in _ARITHMETIC):
            break
        kept.append(clause)
    return "".join(kept).rstrip("：，,:; ") or message.split("{", 1)[0].rstrip("：，,:; ")


def _message(instance: RuleInstance, left, right, numbers) -> str:
    """The instance's message with the arithmetic: as the template words it, with {left}, {right},
    {difference} and {formula} (the right side with its figures), or "左边 …，右边 …，相差 …" after it."""
    difference = format_number(abs(left - right))
    if not any(field in instance.message for field in _ARITHMETIC):
        if instance.relation != "=":
            return f"{instance.message}：左边 {format_number(left)}，右边 {format_number(right)}，超出 {difference}"
        return f"{instance.message}：左边 {format_number(left)}，右边 {format_number(right)}，相差 {difference}"
    formula = render(instance.right, numbers, lambda key: REPORT_WORDS[split_namespace(key)[0]])
    return instance.message.format(left=format_number(left), right=format_number(right), difference=difference,
                                   formula=formula)


def _holds(relation: str, left, right) -> bool:
    if relation == "<=":
        return left <= right
    if relation == ">=":
        return left >= right
    return left == right
