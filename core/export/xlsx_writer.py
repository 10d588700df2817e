"""Excel export of a report's statistics: one sheet per table, 填报信息, and a hidden round-trip sheet.

The workbook is built in memory and then written atomically, so an existing file at the target is
either replaced whole or left untouched.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import TYPE_CHECKING

from core import __version__
from core.checks.findings import CheckResult
from core.document import Report
from core.export import write_export
from core.text_clean import clean_report, fit_property

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook


def build_workbook(report: Report, checks: CheckResult, exported_at: dt.datetime | None = None) -> Workbook:
    """The export as an openpyxl Workbook (not yet saved); ``checks`` is the report's check result,
    summarised on the 填报信息 sheet."""
    from openpyxl import Workbook

    from core.export.xlsx_hidden import write_hidden_sheet
    from core.export.xlsx_info import write_info_sheet
    from core.export.xlsx_seal import reserve_prints
    from core.export.xlsx_tables import write_table_sheet

    report = clean_report(report).report
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = fit_property(report.title)
    workbook.properties.creator = f"nianbao {__version__}"
    reserve_prints(workbook)
    placements: dict[str, tuple[str, str]] = {}
    for table in report.tables:  # the tables this report prints
        coordinates = write_table_sheet(workbook, report, table)
        sheet = workbook.worksheets[-1].title
        placements.update({key: (sheet, coordinate) for key, coordinate in coordinates.items()})
    write_info_sheet(workbook, report, checks, exported_at or dt.datetime.now())
    write_hidden_sheet(workbook, report, placements)
    workbook.active = 0
    return workbook


def xlsx_bytes(report: Report, checks: CheckResult, exported_at: dt.datetime | None = None) -> bytes:
    return saved(build_workbook(report, checks, exported_at))


def saved(workbook: Workbook) -> bytes:
    """A workbook from ``build_workbook`` (sheets may have been added) as sealed .xlsx bytes."""
    from core.export.xlsx_seal import seal

    buffer = io.BytesIO()
    workbook.save(buffer)
    return seal(buffer.getvalue())


def write_xlsx(report: Report, path: str | Path, checks: CheckResult) -> list[str]:
    """Write the report's statistics workbook to ``path``; ExportError (Chinese) if it cannot.

    Returns a Chinese note per text field that held characters Excel cannot store (removed)."""
    cleaned = clean_report(report)
    write_export(path, xlsx_bytes(cleaned.report, checks), "WPS、Excel")
    return cleaned.notes
