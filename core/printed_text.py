"""The report as it is printed, block by block and in print order: the title lines, the opening, each
chapter heading, its paragraphs and tables, each section heading with its paragraphs and tables, and
the signature and date.

It is drawn from ``Report.chapters`` (the report's own outline), the format's tables and the report's
free tables, so that an exporter and the tests that compare a report with its published original read
the same sequence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from core.document import OPENING, FreeTable, Report
from core.outline import FREE_TABLE_PREFIX
from core.template.model import Chapter, Section, Table
from core.values import format_value

BlockKind = Literal["title", "paragraph", "chapter", "section", "table_title", "row", "signature", "date"]


@dataclass(frozen=True)
class PrintedBlock:
    kind: BlockKind
    text: str  # a row's cells joined by tabs
    source: str = ""  # the text slot ("opening", a chapter or section key) or table id it comes from
    cells: tuple[str, ...] = ()  # a table row's cells, left to right, a merged cell once


def paragraphs_of(text: str) -> list[str]:
    """A typed text split on newlines; blank lines and typed indentation (incl. full-width spaces) dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def format_date(date: dt.date) -> str:
    """"2026年1月20日": Arabic numerals, no leading zeros."""
    return f"{date.year}年{date.month}月{date.day}日"


RUN_IN_ENDS = "。：:"


def run_in_heading(title: str) -> str:
    """A section title opening its first paragraph ends in a full stop: "（一）小标题。"."""
    title = title.strip()
    return title if title.endswith(tuple(RUN_IN_ENDS)) else title + "。"


def printed_text(report: Report) -> list[PrintedBlock]:
    """Every block the report prints, in order."""
    blocks = [PrintedBlock("title", line) for line in report.title_lines]
    blocks += _paragraphs(report.opening, OPENING)
    for chapter in report.chapters:
        blocks += _chapter(report, chapter)
    if report.signature_printed:
        if report.unit.name.strip():
            blocks.append(PrintedBlock("signature", report.unit.name.strip()))
        if report.signing_date is not None:
            blocks.append(PrintedBlock("date", format_date(report.signing_date)))
    return blocks


def table_rows(table: Table, report: Report) -> list[tuple[str, ...]]:
    """A format's table as printed: each grid row's labels and values left to right; a merged cell is in
    the row where it starts, a blank cell is ""."""
    rows: list[list[tuple[int, str]]] = [[] for _ in range(table.grid_rows)]
    for item in table.items:
        text = format_value(report.value(item.cell)) if item.cell else item.text
        rows[item.row].append((item.col, text))
    return [tuple(text for _, text in sorted(row)) for row in rows]


def _chapter(report: Report, chapter: Chapter) -> Iterator[PrintedBlock]:
    yield PrintedBlock("chapter", chapter.heading, chapter.key)
    if chapter.table:
        yield from _table(report, chapter.table)
        return
    yield from _paragraphs(report.text(chapter.key), chapter.key)
    for table in chapter.tables:
        yield from _table(report, table)
    for section in chapter.sections:
        yield from _section(report, section)


def _section(report: Report, section: Section) -> Iterator[PrintedBlock]:
    """The section's title (unless its text already opens with it), its paragraphs and tables; a
    section with neither text nor tables prints nothing, as the Word export leaves it out."""
    paragraphs = paragraphs_of(report.text(section.key))
    if not paragraphs and not section.tables:
        return
    if not (paragraphs and paragraphs[0].startswith(section.title)):
        if report.run_in_headings and paragraphs:
            paragraphs[0] = run_in_heading(section.title) + paragraphs[0]
        else:
            yield PrintedBlock("section", section.title, section.key)
    yield from (PrintedBlock("paragraph", p, section.key) for p in paragraphs)
    for table in section.tables:
        yield from _table(report, table)


def _paragraphs(text: str, source: str) -> Iterator[PrintedBlock]:
    return (PrintedBlock("paragraph", p, source) for p in paragraphs_of(text))


def _table(report: Report, key: str) -> Iterator[PrintedBlock]:
    if key.startswith(FREE_TABLE_PREFIX):
        free = report.free_tables.get(key)
        rows = _free_rows(free, key) if free is not None else []
    else:
        rows = [_row(cells, key) for cells in table_rows(report.template.table(key), report)]
    yield from rows


def _free_rows(table: FreeTable, key: str) -> list[PrintedBlock]:
    blocks = [PrintedBlock("table_title", table.title.strip(), key)] if table.title.strip() else []
    return blocks + [_row(tuple(row), key) for row in table.rows]


def _row(cells: tuple[str, ...], key: str) -> PrintedBlock:
    return PrintedBlock("row", "\t".join(cells), key, cells)
