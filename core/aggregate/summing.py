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

from core.aggregate.breakdown import Member, MemberBreakdown
from core.cell_types import kind_of
from core.document import Report
from core.template.model import Template
from core.values import SLASH, CellValue, numeric


@dataclass
class SumResult:
    inputs: dict[str, CellValue]  # input cell key → the office's value
    breakdown: MemberBreakdown
    blanks: dict[str, list[str]] = field(default_factory=dict)  # cell key → units that left it blank
    slashes: dict[str, list[str]] = field(default_factory=dict)  # cell key → units that wrote "/" (others did not)


def sum_members(template: Template, members: Sequence[tuple[Member, Report]]) -> SumResult:
    breakdown = MemberBreakdown(tuple(m for m, _ in members))
    result = SumResult({}, breakdown)
    cells = [report.cells for _, report in members]
    for key, cell in template.cells.items():
        values = tuple(c.get(key) for c in cells)
        breakdown.values[key] = values
        if cell.computed:
            continue
        if None in values:
            result.blanks[key] = [m.name for (m, _), v in zip(members, values, strict=True) if v is None]
            continue
        if SLASH in values:  # "/" is the only text a cell holds
            slash = [m.name for (m, _), v in zip(members, values, strict=True) if numeric(v) is None]
            if len(slash) == len(members):
                result.inputs[key] = SLASH
                continue
            result.slashes[key] = slash
            values = tuple(v for v in values if numeric(v) is not None)
        if not members:
            result.inputs[key] = None
            continue
        total = sum(values)  # ints stay ints; money (Decimal) stays exact
        result.inputs[key] = total if type(total) is int else kind_of(cell.type).total(Decimal(total))
    return result
