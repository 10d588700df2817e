"""Importers: read a report from files made by this app or by others. Importing this package stays cheap."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.document import Report


@dataclass(frozen=True)
class ImportProblem:
    """Something missing or wrong in the file, located: sheet, cell ("D7", or "" for the whole
    file) and a Chinese message saying what was expected and what was found."""

    sheet: str
    cell: str
    message: str
    key: str | None = None  # the report cell key, when the problem is about one data cell


@dataclass
class ImportResult:
    """What could be read. Callers import nothing partial unless the user accepts ``problems``."""

    report: Report
    problems: list[ImportProblem] = field(default_factory=list)
    source: str = ""  # "nianbao" (our own export, read through its hidden map) or "labels"

    @property
    def complete(self) -> bool:
        """True when nothing is missing or wrong."""
        return not self.problems
