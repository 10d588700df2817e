"""Adding up the units' tables: every input cell summed over the included units, totals recomputed.

A blank is not a 0: where any unit left an input cell blank, the office's cell stays blank (its
figure is not known) and the units are named; the breakdown still shows what the others filled in.
"/" (not applicable) adds nothing: the cell is "/" when every unit wrote "/", otherwise the sum of
the numbers, and the units that wrote "/" are named. Totals are then computed by the format's own
formulas from the summed inputs, never added up from the units' typed totals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from core.cell_types import kind_of
from core.document import Report
from core.member_breakdown import Member, MemberBreakdown
from core.template.model import Template
from core.units import UnitInfo
from core.values import SLASH, CellValue


@dataclass
class SumResult:
    inputs: dict[str, CellValue]  # input cell key → the office's value
    breakdown: MemberBreakdown
    blanks: dict[str, list[str]] = field(default_factory=dict)  # cell key → units that left it blank
    slashes: dict[str, list[str]] = field(default_factory=dict)  # cell key → units that wrote "/" (others did not)
    partial_totals: list[str] = field(default_factory=list)  # totals that add up a blank cell: only what is known


def sum_members(template: Template, members: Sequence[tuple[Member, Report]]) -> SumResult:
    breakdown = MemberBreakdown(tuple(m for m, _ in members))
    result = SumResult({}, breakdown)
    keys = list(template.cells)
    by_unit = [list(map(report.cells.get, keys)) for _, report in members]  # each unit's values, in key order
    names = [m.name for m, _ in members]
    columns = zip(*by_unit, strict=True) if by_unit else [()] * len(keys)  # each cell's values, unit by unit
    for (key, cell), values in zip(template.cells.items(), columns, strict=True):
        breakdown.values[key] = values
        if cell.computed:
            continue
        if None in values:
            result.blanks[key] = [n for n, v in zip(names, values, strict=True) if v is None]
        elif SLASH in values and any(v is not SLASH for v in values):
            result.slashes[key] = [n for n, v in zip(names, values, strict=True) if v is SLASH]
        result.inputs[key] = sum_cell(template, key, values)
    return result


def sum_cell(template: Template, key: str, values: Sequence[CellValue]) -> CellValue:
    """One input cell over some units: blank if any left it blank, "/" if all wrote "/", else the sum of
    the numbers ("/" adding nothing)."""
    if None in values:
        return None
    numbers = [v for v in values if v is not SLASH]
    if not numbers:
        return SLASH
    total = sum(numbers)  # ints stay ints; money (Decimal) stays exact
    return total if type(total) is int else kind_of(template.cells[key].type).total(Decimal(total))


def summed_report(template: Template, year: int, unit: UnitInfo, inputs: dict[str, CellValue]) -> tuple[Report, list[str]]:
    """A report holding ``inputs`` with the format's totals computed from them, and the totals that add
    up a blank cell: as in any report being filled they add what is known, so they are returned to be
    named (the blank cell itself is an error of the checks)."""
    report = Report(template_id=template.id, year=year, unit=unit)
    for key, value in inputs.items():
        report.store(key, value)
    report.recompute()
    return report, [c.cell for c in template.computations_after(k for k, v in inputs.items() if v is None)]
