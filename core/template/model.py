"""The loaded, linted form of a report template: what every other part reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

CellType = Literal["count", "signed_count", "money"]
Severity = Literal["error", "warning", "info"]
ItemRole = Literal["header", "heading", "label", "row_label", "cell"]


@dataclass(frozen=True)
class Section:
    """A customary sub-section of a text chapter (一's five sub-headings)."""

    key: str  # e.g. "overview.proactive"
    title: str
    help: str


@dataclass(frozen=True)
class Chapter:
    key: str
    number: str  # "一" … "六"
    title: str
    help: str
    table: str | None = None  # table key for table chapters
    sections: tuple[Section, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    help: str
    type: CellType


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    name: str  # the row as named in messages (label plus its group labels)
    help: str
    columns: tuple[str, ...]  # column keys this row has cells in


@dataclass(frozen=True)
class Cell:
    key: str  # "t3.new.natural"
    table: str
    row: Row
    column: Column
    computed: bool

    @property
    def type(self) -> CellType:
        return self.column.type

    @property
    def name(self) -> str:
        """Chinese name for messages: "一、本年新收政府信息公开申请数量·自然人"."""
        return f"{self.row.name}·{self.column.label}"

    @property
    def help(self) -> str:
        return f"{self.row.label}：{self.row.help}\n{self.column.label}：{self.column.help}"


@dataclass(frozen=True)
class GridItem:
    """One drawn cell of a table's printed grid (possibly merged)."""

    row: int  # grid row, 0-based, header rows first
    col: int
    rowspan: int
    colspan: int
    role: ItemRole
    text: str = ""  # label text; empty for data cells
    cell: str | None = None  # data cell key for role "cell"
    vertical: bool = False  # text runs top to bottom (三、本年度办理结果)
    help: str = ""


@dataclass(frozen=True)
class Table:
    key: str
    chapter: str
    title: str  # the chapter heading the table belongs to
    grid_columns: int
    header_rows: int  # how many grid rows are column headers (repeat on a new page)
    grid_rows: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    items: tuple[GridItem, ...]
    cells: tuple[str, ...]  # cell keys in reading order

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)

    def item_for_cell(self, cell_key: str) -> GridItem:
        return next(i for i in self.items if i.cell == cell_key)


@dataclass(frozen=True)
class Computation:
    cell: str
    expression: object  # core.expressions.Expression
    source: str


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    kind: Literal["equation", "cell_type", "filled"]
    title: str
    help: str
    message: str
    # For equations, one instance per iteration value ("natural", "new", …):
    instances: tuple[RuleInstance, ...] = ()


@dataclass(frozen=True)
class RuleInstance:
    rule_id: str
    subject: str  # the iterated key, or "" for a single equation
    message: str  # with {row}/{col} already filled in
    left: object  # core.expressions.Expression
    right: object
    cells: tuple[str, ...]  # every cell the two sides read
    anchor: str  # the cell the finding points at first


@dataclass(frozen=True)
class ProseFigure:
    """A figure the chapter texts state in words ("收到申请3件") that must equal table cells (C10)."""

    key: str
    what: str  # how messages name it, with its table: "表三的新收申请件数"
    pattern: re.Pattern[str]  # group 1 is the number
    cells: tuple[str, ...]  # the number must equal their sum


@dataclass
class Template:
    id: str
    name: str
    basis: str
    first_year: int
    last_year: int | None
    chapters: tuple[Chapter, ...]
    tables: tuple[Table, ...]
    cells: dict[str, Cell]  # every data cell, in reading order
    computations: tuple[Computation, ...]
    rules: tuple[Rule, ...]
    prose_figures: tuple[ProseFigure, ...] = ()
    path: Path | None = None
    _dependents: dict[str, tuple[Computation, ...]] = field(default_factory=dict, repr=False)

    def chapter(self, key: str) -> Chapter:
        return next(c for c in self.chapters if c.key == key)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)

    def chapter_of_cell(self, cell_key: str) -> Chapter:
        return self.chapter(self.table(self.cells[cell_key].table).chapter)

    @property
    def text_keys(self) -> tuple[str, ...]:
        """Every text slot of the report: each text chapter, then 一's sub-sections."""
        keys: list[str] = []
        for chapter in self.chapters:
            if chapter.table is None:
                keys.append(chapter.key)
                keys.extend(s.key for s in chapter.sections)
        return tuple(keys)

    def covers_year(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)
