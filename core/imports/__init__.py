"""Importers: read a report from files made by this app or by others. Importing this package stays cheap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from core.document import Report

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")  # the workbooks core.imports.xlsx_reader opens

Progress = Callable[[int, str], None]  # (percent 0-100, what is being done); may raise ImportCancelled


class ImportCancelled(Exception):
    """The user cancelled; nothing was imported."""


@dataclass(frozen=True)
class ImportProblem:
    """Something missing or wrong in the file, located: sheet, cell ("D7", or "" for the whole
    file) and a Chinese message saying what was expected and what was found.

    ``keys`` are the report cells the problem is about (none were imported from there); ``topic``
    marks the metadata a user can supply instead ("year", "unit"); a ``notice`` tells what was done
    (a row read where it moved to) and does not make the import incomplete.
    """

    sheet: str
    cell: str
    message: str
    key: str | None = None  # the report cell key, when the problem is about one data cell
    keys: tuple[str, ...] = ()
    topic: str = ""
    notice: bool = False

    @property
    def cell_keys(self) -> tuple[str, ...]:
        return ((self.key,) if self.key else ()) + self.keys

    @property
    def where(self) -> str:
        """"表三!D7", "表三" or "" for messages."""
        return f"{self.sheet}!{self.cell}" if self.sheet and self.cell else self.sheet


@dataclass(frozen=True)
class Origin:
    """Where something imported came from, for the confirmation view: the place in the file ("第 12 行"),
    the text there, and what it went to — text keys ("opening", "overview.proactive"), cell keys, a free
    table's id, or "title", "unit.name", "signing_date"; none for a part that was not imported (a problem
    at the same place says why)."""

    where: str
    text: str
    targets: tuple[str, ...]


@dataclass
class ImportResult:
    """What could be read. Callers import nothing partial unless the user accepts ``problems``.

    ``read`` holds every template cell read at a position whose row and column labels were
    verified (blank cells included); every other cell is named in one of ``problems``.
    """

    report: Report
    problems: list[ImportProblem] = field(default_factory=list)
    source: str = ""  # "nianbao" (our own export, with its hidden map), "labels" or "published"
    read: set[str] = field(default_factory=set)
    origins: list[Origin] = field(default_factory=list)  # a published report's parts, in the file's order

    @property
    def complete(self) -> bool:
        """True when nothing is missing or wrong (notices do not count)."""
        return not any(not p.notice for p in self.problems)

    @property
    def notices(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.notice]

    @property
    def defects(self) -> list[ImportProblem]:
        return [p for p in self.problems if not p.notice]

    def needs(self, topic: str) -> bool:
        """True while the workbook left ``topic`` ("year", "unit") for the user to supply."""
        return any(p.topic == topic for p in self.problems)

    def supply(self, year: int | None = None, unit: str | None = None) -> None:
        """What the user gave instead of the workbook: it fills the report and settles the problems
        that asked for it; a unit name also decides the unit's kind and level where it says them."""
        from core.imports.xlsx_meta import unit_kind_problems

        if year is not None:
            self.report.year = year
            self.problems = [p for p in self.problems if p.topic != "year"]
            template = self.report.template
            if not template.covers_year(year):
                source = "报告" if self.source == "published" else "工作簿"
                self.problems.append(ImportProblem("", "", f"{source}的表格是{template.name}，不适用于 {year} 年度的报告；"
                                                           "请核对年度，或使用该年度格式的表格"))
        if unit is not None and unit.strip():
            self.report.unit.name = unit.strip()
            self.problems = [p for p in self.problems if p.topic not in ("unit", "kind")]
            self.problems.extend(unit_kind_problems(self.report.unit))
