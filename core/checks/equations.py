"""Equations over cells (the 勾稽关系 and every total's sum), possibly across reports."""

from __future__ import annotations

from collections.abc import Iterator

from core.checks.context import CheckContext
from core.checks.findings import Finding, NotAssessable, Outcome, Passed, format_number
from core.expressions import evaluate
from core.template.model import Rule


def equation(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    template = context.template
    numbers = context.numbers
    for instance in rule.instances:
        reason = context.missing_reason(instance.namespaces)
        if reason is not None:
            yield NotAssessable(rule.id, instance.subject, instance.message, (), reason)
            continue
        left = evaluate(instance.left, numbers)
        right = evaluate(instance.right, numbers)
        if left is None or right is None:
            blanks = tuple(k for k in instance.cells if numbers.get(k) is None)
            yield NotAssessable(rule.id, instance.subject, instance.message, blanks)
            continue
        if left == right:
            yield Passed(rule.id, instance.subject)
            continue
        message = (f"{instance.message}：左边 {format_number(left)}，右边 {format_number(right)}，"
                   f"相差 {format_number(abs(left - right))}")
        own = tuple(k for k in instance.cells if k in template.cells and k != instance.anchor)
        yield Finding(rule.id, rule.severity, message, template.chapter_of_cell(instance.anchor).key,
                      (instance.anchor, *own), instance.subject, left, right)
