"""The office's workbook: its report's statistics in the official layout (as any report's export,
so it can be imported again), then the 明细 and 审核 sheets of the aggregation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.export import ExportError, write_export

if TYPE_CHECKING:
    from core.aggregate.run import Aggregation


def office_xlsx_bytes(aggregation: Aggregation) -> bytes:
    from core.export.xlsx_members import write_audit_sheet, write_members_sheet
    from core.export.xlsx_writer import build_workbook, saved

    if aggregation.report is None:
        raise ExportError("没有可以汇总的单位，无法导出汇总工作簿")
    assert aggregation.check is not None  # summarise checks every report it makes
    workbook = build_workbook(aggregation.report, aggregation.check)  # it cleans the report itself
    before_hidden = len(workbook.worksheets) - 1
    write_members_sheet(workbook, aggregation, before_hidden)
    write_audit_sheet(workbook, aggregation, before_hidden + 1)
    return saved(workbook)


def write_office_xlsx(aggregation: Aggregation, path: str | Path) -> None:
    """The office's workbook at ``path``; ExportError (Chinese) if it cannot be written."""
    write_export(path, office_xlsx_bytes(aggregation), "WPS、Excel")
