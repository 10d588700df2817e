"""The office's own report: the summed tables, locked, with the opening that says what it adds up.

The wording comes from the format's front matter (``aggregate`` phrases); per-group figures are
given for the figures the format's texts state (its ``prose_figures``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from core.aggregate.breakdown import Member
from core.aggregate.summing import SumResult
from core.document import Report
from core.template.model import AggregatePhrases, Template
from core.units import UnitInfo
from core.values import format_value, numeric


def office_report(template: Template, year: int, unit: UnitInfo, sums: SumResult, scope: str) -> Report:
    report = Report(template_id=template.id, year=year, unit=unit)
    for key, value in sums.inputs.items():
        report.store(key, value)
    report.recompute()
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
    sentences = []
    for figure in report.template.prose_figures:
        total = _sum(report.value(k) for k in figure.cells)
        if total is None:
            continue  # a blank in some unit: the figure is not known, and the notes say why
        parts = []
        for group in groups:
            values = [v for key in figure.cells for m, v in zip(members, sums.breakdown.of(key), strict=True)
                      if (m.group or phrases.ungrouped) == group]
            value = _sum(values)
            if value is None:
                break
            parts.append(phrases.figure_group.format(group=group, value=format_value(value), measure=figure.unit))
        else:
            sentences.append(phrases.figure.format(what=figure.what, total=format_value(total), measure=figure.unit,
                                                   groups=phrases.joiner.join(parts)))
    return sentences


def _sum(values) -> int | Decimal | None:
    total = Decimal(0)
    for value in values:
        number = numeric(value)
        if number is None:
            return None
        total += number
    return int(total) if total == total.to_integral_value() else total
