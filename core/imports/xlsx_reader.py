"""Import a report's statistics from an .xlsx file. Reads only; never writes any file.

Our own exports keep their texts and exact values through the hidden sheet; every workbook's cells
are read where their labels are. What could not be read is listed in ``problems``, every template
cell is either read or named there; whether a partial result is used is the caller's decision
(``ImportResult.complete``). ``progress`` is called between steps and may raise ImportCancelled.
"""

from __future__ import annotations

from pathlib import Path

from core.document import Report
from core.imports import ImportCancelled, ImportProblem, ImportResult, Progress
from core.imports.xlsx_workbook import SheetGrid, XlsxImportError, load_grids

__all__ = ["ImportCancelled", "ImportProblem", "ImportResult", "XlsxImportError", "read_xlsx"]


def read_xlsx(path: str | Path, progress: Progress | None = None) -> ImportResult:
    """Read ``path``; XlsxImportError (Chinese message) when the file cannot be read at all."""
    from core.export.xlsx_layout import HIDDEN_SHEET
    from core.imports.xlsx_foreign import read_by_labels
    from core.imports.xlsx_own import SheetsNotParsed

    path = Path(path)
    problems: list[ImportProblem] = []
    read: set[str] = set()
    grids = load_grids(path, problems, progress)
    if progress:
        progress(70, "按标签查找表格")
    try:
        report = _read_own(path, grids, problems, read)
    except SheetsNotParsed:
        report = None
    if report is None and any(not g.parsed for g in grids):  # the unparsed sheets are needed after all
        problems.clear()
        read.clear()
        grids = load_grids(path, problems, trust_prints=False)
        report = _read_own(path, grids, problems, read)
    if report is not None:
        return _done(ImportResult(report, problems, "nianbao", read), progress)
    read.clear()
    visible = [g for g in grids if g.title != HIDDEN_SHEET]
    report = read_by_labels(visible, problems, read)
    return _done(ImportResult(report, problems, "labels", read), progress)


def _read_own(path: Path, grids: list[SheetGrid], problems: list[ImportProblem], read: set[str]) -> Report | None:
    from core.imports.xlsx_own import find_hidden_sheet, read_own

    hidden = find_hidden_sheet(grids)
    return None if hidden is None else read_own(hidden, grids, problems, read, f"“{path.name}”")


def _done(result: ImportResult, progress: Progress | None) -> ImportResult:
    if progress:
        progress(100, "完成")
    return result
