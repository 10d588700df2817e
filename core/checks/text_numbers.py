"""Numbers written in the prose must match the tables ("收到申请3件" = 表三 一、本年新收 总计).

Mismatches between prose and tables are among the most common defects of published reports.
Each statement is a pattern whose first group is the number, and the table total it must equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from core.document import Report
from core.values import numeric

_GAP = r"[^。；;，,\d]{0,12}?"  # a few words between the noun and the number, within one clause


@dataclass(frozen=True)
class Statement:
    key: str
    what: str  # how the message names the figure
    pattern: re.Pattern[str]
    cells: tuple[str, ...]  # table cells whose sum the number must equal


STATEMENTS = (
    Statement("new", "新收申请件数", re.compile(rf"(?:新收|收到|受理){_GAP}申请{_GAP}(\d+)\s*件"), ("t3.new.total",)),
    Statement("carried_over", "上年结转件数", re.compile(rf"上年(?:度)?结转{_GAP}(\d+)\s*件"), ("t3.carried_over.total",)),
    Statement("carried_forward", "结转下年度件数", re.compile(rf"结转(?:至|到)?下一?年度?{_GAP}(\d+)\s*件"),
              ("t3.carried_forward.total",)),
    Statement("review", "行政复议件数", re.compile(rf"行政复议{_GAP}(\d+)\s*(?:件|起)"), ("t4.review.total",)),
    Statement("suits", "行政诉讼件数", re.compile(rf"行政诉讼{_GAP}(\d+)\s*(?:件|起)"),
              ("t4.direct_suit.total", "t4.suit_after_review.total")),
)


@dataclass(frozen=True)
class Mismatch:
    statement: Statement
    text_key: str
    written: Decimal
    table: Decimal
    quote: str


def find_mismatches(report: Report) -> list[Mismatch]:
    """Every figure in the text that disagrees with its table total (blank totals are skipped)."""
    mismatches: list[Mismatch] = []
    for statement in STATEMENTS:
        values = [numeric(report.value(k)) for k in statement.cells]
        if any(v is None for v in values):
            continue
        table = sum(values, Decimal(0))
        for text_key, text in report.iter_texts():
            for match in statement.pattern.finditer(text):
                written = Decimal(match.group(1))
                if written != table:
                    mismatches.append(Mismatch(statement, text_key, written, table, match.group(0)))
                    break
    return mismatches
