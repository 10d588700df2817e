"""The office's own report: the summed tables, locked, with the opening that says what it adds up.

The wording comes from the format's front matter (``aggregate`` phrases); per-group figures are
given for the figures the format's texts state (its ``prose_figures``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from core.aggregate.summing import SumResult, sum_cell, summed_report
from core.document import Report
from core.member_breakdown import Member
from core.template.model import AggregatePhrases, Template
from core.units import UnitInfo
from core.values import format_value, numeric


def office_report(template: Template, year: int, unit: UnitInfo, sums: SumResult, scope: str) -> Report:
    report, sums.partial_totals = summed_report(template, year, unit, sums.inputs)
    sums.breakdown.scope = scope
    report.members = sums.breakdown
    phrases = template.front_matter.aggregate
    if phrases is not None:
        report.opening = "\n".join(
            [opening_sentence(phrases, unit.name, year, scope, sums.breakdown.members),
             *group_figures(phrases, report, sums)])
    return report


def group_counts(phrases: AggregatePhrases, members: Sequence[Member]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for member in members:
        group = member.group or phrases.ungrouped
        counts[group] = counts.get(group, 0) + 1
    return counts


def opening_sentence(phrases: AggregatePhrases, unit: str, year: int, scope: str, members: Sequence[Member]) -> str:
    counts = group_counts(phrases, members)
    if not any(m.group for m in members):
        return phrases.opening_ungrouped.format(unit=unit, year=year, scope=scope, count=len(members))
    groups = phrases.joiner.join(phrases.group.format(group=g, count=n) for g, n in counts.items())
    return phrases.opening.format(unit=unit, year=year, scope=scope, count=len(members), groups=groups)


def group_figures(phrases: AggregatePhrases, report: Report, sums: SumResult) -> list[str]:
    """One sentence per figure the texts state, broken down by group; none without two groups."""
    members = sums.breakdown.members
    groups = list(group_counts(phrases, members))
    if len(groups) < 2:
        return []
    # each group's tables summed from its units' input cells, its totals computed as the office's are
    # (never the units' own typed totals)
    template = report.template
    by_group = {}
    for group in groups:
        chosen = [i for i, m in enumerate(members) if (m.group or phrases.ungrouped) == group]
        inputs = {key: sum_cell(template, key, [sums.breakdown.of(key)[i] for i in chosen])
                  for key in sums.inputs}
        by_group[group] = summed_report(template, report.year, report.unit, inputs)[0]
    partial = set(sums.partial_totals)
    sentences = []
    for figure in template.prose_figures:
        total = _sum(report.value(k) for k in figure.cells)
        parts = [_sum(by_group[g].value(k) for k in figure.cells) for g in groups]
        if total is None or None in parts or partial & set(figure.cells):
            continue  # a blank (or "/") in some unit: the figure is not known, and the notes say why
        sentences.append(phrases.figure.format(
            what=figure.what, total=format_value(total), measure=figure.unit, groups=phrases.joiner.join(
                phrases.figure_group.format(group=g, value=format_value(v), measure=figure.unit)
                for g, v in zip(groups, parts, strict=True))))
    return sentences


def _sum(values) -> int | Decimal | None:
    total = Decimal(0)
    for value in values:
        number = numeric(value)
        if number is None:
            return None
        total += number
    return int(total) if total == total.to_integral_value() else total
