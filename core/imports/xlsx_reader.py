"""Import a report's statistics from an .xlsx file. Reads only; never writes any file.

Our own exports are read exactly through their hidden sheet; other workbooks in the official
layout are read by matching labels. What could not be read is listed in ``problems``; whether a
partial result is used is the caller's decision (``ImportResult.complete``).
"""

from __future__ import annotations

from pathlib import Path

from core.imports import ImportProblem, ImportResult
from core.imports.xlsx_workbook import XlsxImportError, load_grids

__all__ = ["ImportProblem", "ImportResult", "XlsxImportError", "read_xlsx"]


def read_xlsx(path: str | Path) -> ImportResult:
    """Read ``path``; XlsxImportError (Chinese message) when the file cannot be read at all."""
    from core.export.xlsx_hidden import HIDDEN_SHEET
    from core.imports.xlsx_foreign import read_by_labels
    from core.imports.xlsx_own import find_hidden_sheet, read_own

    path = Path(path)
    grids = load_grids(path)
    problems: list[ImportProblem] = []
    hidden = find_hidden_sheet(grids)
    if hidden is not None:
        report = read_own(hidden, grids, problems, f"“{path.name}”")
        if report is not None:
            return ImportResult(report, problems, source="nianbao")
    visible = [g for g in grids if g.title != HIDDEN_SHEET]
    report = read_by_labels(visible, problems)
    return ImportResult(report, problems, source="labels")
