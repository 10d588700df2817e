"""Numbers written in the prose must match the tables ("收到申请3件" must equal the table's total).

Mismatches between prose and tables are among the most common defects of published reports.
Which figures to look for, and the cells they must equal, are the template's ``prose_figures``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from core.checks.context import CheckContext
from core.checks.findings import Finding, Outcome, Passed, format_number
from core.document import Report
from core.template.model import ProseFigure, Rule
from core.values import numeric


@dataclass(frozen=True)
class Mismatch:
    figure: ProseFigure
    text_key: str
    written: Decimal
    table: Decimal
    quote: str


def find_mismatches(report: Report) -> list[Mismatch]:
    """Every figure in the text that disagrees with its table total (blank totals are skipped)."""
    mismatches: list[Mismatch] = []
    for figure in report.template.prose_figures:
        if not all(report.includes_cell(k) for k in figure.cells):
            continue
        values = [numeric(report.value(k)) for k in figure.cells]
        if any(v is None for v in values):
            continue
        table = sum(values, Decimal(0))
        for text_key, text in report.iter_texts():
            for match in figure.pattern.finditer(text):
                written = Decimal(match.group(1))
                if written != table:
                    mismatches.append(Mismatch(figure, text_key, written, table, match.group(0)))
                    break
    return mismatches


def prose_figures(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    report = context.report
    for mismatch in find_mismatches(report):
        figure = mismatch.figure
        message = rule.message.format(heading=context.heading(mismatch.text_key), quote=mismatch.quote,
                                      what=figure.what, written=format_number(mismatch.written),
                                      table=format_number(mismatch.table),
                                      difference=format_number(abs(mismatch.written - mismatch.table)),
                                      unit=figure.unit)
        yield Finding(rule.id, rule.severity, message, mismatch.text_key.partition(".")[0],
                      (mismatch.text_key, *figure.cells), f"{figure.key}@{mismatch.text_key}",
                      mismatch.written, mismatch.table)
    yield Passed(rule.id)
