"""Read a workbook's sheets into small grids of values, bounded in time and memory.

Values come from python-calamine (a Rust reader, ~15× faster than openpyxl) for every sheet the scan
proves bounded; cells beyond the range read are clipped off first (with a notice). Only a small
sheet whose cells carry no positions, so that no bound can be proven, goes through openpyxl's
streaming parser, which stops at the last row read. Only the parts that were size-checked reach
either reader (``Package.trimmed``). Number formats are looked up only for the cells that need them.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from core.export.xlsx_layout import HIDDEN_SHEET, is_zip_print, legacy_sheet_print
from core.imports import ImportProblem, Progress
from core.imports.xlsx_exported_xml import exported_values
from core.imports.xlsx_package import (
    MAX_CLIPPED_BYTES,
    MAX_READ_BYTES,
    MAX_SHARED_STRINGS_BYTES,
    MAX_SHEET_BYTES,
    MAX_SHEETS,
    SHARED_STRINGS,
    Package,
    SheetEntry,
    XlsxImportError,
)
from core.imports.xlsx_scan import MAX_COLUMNS, MAX_ROWS, clip_sheet, merged_ranges, scan_sheet, style_index
from core.imports.xlsx_styles import NumberFormats, read_number_formats
from core.user_files import read_user_file

__all__ = ["SheetGrid", "XlsxImportError", "load_grids"]

MAX_SLOW_SHEET_BYTES = 1024 * 1024  # openpyxl's parser reads ~2 MB/s: a sheet it must read stays small


@dataclass
class SheetGrid:
    """One worksheet's non-empty cells by (row, column), both 1-based, within the range read."""

    title: str
    state: str = "visible"
    values: dict[tuple[int, int], Any] = field(default_factory=dict)
    uncached_formulas: set[tuple[int, int]] = field(default_factory=set)  # formulas without a saved result
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    style_of: Callable[[int, int], str] | None = None  # number format of a cell, looked up on demand
    as_exported: bool = False  # byte for byte as our export wrote it
    parsed: bool = True  # False: as exported and not parsed, its values left to the hidden map

    def get(self, row: int, col: int) -> Any:
        return self.values.get((row, col))

    def number_format(self, row: int, col: int) -> str:
        return self.style_of(row, col) if self.style_of else "General"


class _Formats:
    """styles.xml, parsed the first time a cell's number format is asked for."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self._formats: NumberFormats | None = None

    @property
    def formats(self) -> NumberFormats:
        if self._formats is None:
            self._formats = read_number_formats(self.package)
        return self._formats

    def lookup(self, xml: bytes) -> Callable[[int, int], str]:
        return lambda row, col: self.formats.code(style_index(xml, row, col))


def load_grids(path: str | Path, problems: list[ImportProblem], progress: Progress | None = None,
               trust_prints: bool = True) -> list[SheetGrid]:
    """Every sheet read (hidden ones too); what was left unread is added to ``problems`` as notices.
    With ``trust_prints``, sheets still as our export wrote them come back ``as_exported`` and, but for
    the hidden sheet (read from its XML directly), not ``parsed``."""
    path = Path(path)
    step = progress or (lambda percent, what: None)
    step(0, "打开工作簿")
    data = read_user_file(path, "年报统计表（.xlsx）", XlsxImportError)
    package = Package(data, f"“{path.name}”")
    formats = _Formats(package)
    prints = package.sheet_prints() if trust_prints else {}
    entries = package.sheets
    if len(entries) > MAX_SHEETS:
        skipped = "、".join(f"“{e.title}”" for e in entries[MAX_SHEETS:MAX_SHEETS + 5])
        problems.append(ImportProblem("", "", f"工作簿有 {len(entries)} 张工作表，只读取了前 {MAX_SHEETS} 张，"
                                              f"其余（{skipped}等）未读取", notice=True))
        entries = entries[:MAX_SHEETS]
    budget, clip_budget = MAX_READ_BYTES, MAX_CLIPPED_BYTES
    fast: list[tuple[SheetEntry, bytes]] = []
    slow: list[tuple[SheetEntry, bytes]] = []
    grids: dict[str, SheetGrid] = {}
    for entry in entries:
        size = package.size(entry.part)
        if not entry.part:
            continue  # a chart sheet or a dangling entry: no cells
        if size > MAX_SHEET_BYTES or size > budget:
            problems.append(ImportProblem(entry.title, "", f"工作表“{entry.title}”解压后有 {size / 1024 / 1024:.1f} MB，"
                                          "内容过多，不像年报统计表，未读取；如果统计表在其中，请把统计表复制到新的工作簿后再导入",
                                          notice=True))
            continue
        budget -= size
        expected = prints.get(entry.part, "")
        # A sheet the zip directory shows as exported is not even decompressed (the hidden sheet, read
        # below, is checked against that CRC by the unzipping); earlier exports' prints need the XML.
        as_exported = is_zip_print(expected) and expected == package.recorded_print(entry.part)
        if not as_exported or entry.title == HIDDEN_SHEET:
            xml = package.read(entry.part, MAX_SHEET_BYTES, f"工作表“{entry.title}”")
            as_exported = as_exported or (bool(expected) and not is_zip_print(expected)
                                          and expected == legacy_sheet_print(xml))
        if as_exported and entry.title != HIDDEN_SHEET:
            grids[entry.title] = SheetGrid(entry.title, entry.state, as_exported=True, parsed=False)
            continue
        if as_exported and (values := exported_values(xml)) is not None:
            grids[entry.title] = SheetGrid(entry.title, entry.state, values=values, as_exported=True)
            continue
        scan = scan_sheet(xml)
        if not scan.within_bounds and len(xml) > clip_budget:
            problems.append(ImportProblem(entry.title, "", f"工作表“{entry.title}”的内容远远超出年报统计表的范围"
                                          f"（第 {MAX_ROWS} 行以下或 {get_column_letter(MAX_COLUMNS)} 列以右），"
                                          "未读取；如果统计表在其中，请把统计表复制到新的工作簿后再导入", notice=True))
            continue
        if not scan.within_bounds:  # cells far away: drop them, and read the rest fast if that makes it bounded
            clip_budget -= len(xml)
            xml = clip_sheet(xml)
            scan = scan_sheet(xml)
            problems.append(ImportProblem(entry.title, "", f"工作表“{entry.title}”第 {MAX_ROWS} 行以下或 "
                                          f"{get_column_letter(MAX_COLUMNS)} 列以右还有内容，这些内容未读取"
                                          "（年报统计表不会在这么远的位置）", notice=True))
        merges = [m for m in merged_ranges(xml) if m[0] <= MAX_ROWS and m[1] <= MAX_COLUMNS]
        grids[entry.title] = SheetGrid(entry.title, entry.state, uncached_formulas=scan.uncached_formulas,
                                       merges=merges, style_of=formats.lookup(xml), as_exported=as_exported)
        if scan.within_bounds:
            fast.append((entry, xml))
        elif len(xml) <= MAX_SLOW_SHEET_BYTES:
            slow.append((entry, xml))
        else:
            del grids[entry.title]
            problems.append(ImportProblem(entry.title, "", f"工作表“{entry.title}”的单元格没有写明位置，且内容较多，"
                                          "无法安全读取，未读取；请在 Excel 或 WPS 中打开并另存后再导入", notice=True))
    step(20, "读取工作表")
    if fast:
        _read_fast(package, fast, grids)
    step(50, "读取工作表")
    if slow:
        _read_bounded(package, slow, grids, formats, problems)
    step(60, "查找表格")
    return [grids[e.title] for e in entries if e.title in grids]


def _read_fast(package: Package, sheets: list[tuple[SheetEntry, bytes]], grids: dict[str, SheetGrid]) -> None:
    import python_calamine

    trimmed = package.trimmed({entry.part: xml for entry, xml in sheets})
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(trimmed))
        for entry, _ in sheets:
            rows = workbook.get_sheet_by_name(entry.title).to_python(skip_empty_area=False)
            values = grids[entry.title].values
            for r, row in enumerate(rows, start=1):
                values.update({(r, c): v for c, v in enumerate(row, start=1) if v != "" and v is not None})
    except Exception as error:  # python-calamine's own errors (XmlError, ZipError, CalamineError …)
        raise XlsxImportError(f"{package.name}已损坏或不是有效的 Excel 工作簿，无法读取（{type(error).__name__}）") from None
    for entry, _ in sheets:
        grid = grids[entry.title]
        for position in grid.uncached_formulas:
            grid.values.pop(position, None)


def _read_bounded(package: Package, sheets: list[tuple[SheetEntry, bytes]], grids: dict[str, SheetGrid],
                  formats: _Formats, problems: list[ImportProblem]) -> None:
    """Sheets with cells beyond the range read: openpyxl's streaming parser, up to MAX_ROWS rows."""
    from openpyxl.reader.strings import read_string_table
    from openpyxl.worksheet._reader import WorkSheetParser

    try:
        strings = (read_string_table(io.BytesIO(package.read(SHARED_STRINGS, MAX_SHARED_STRINGS_BYTES, "共享字符串表")))
                   if package.has(SHARED_STRINGS) else [])
    except XlsxImportError:
        raise
    except Exception as error:
        raise XlsxImportError(f"{package.name}已损坏（共享字符串表无法读取：{type(error).__name__}），无法导入") from None
    dates, durations = formats.formats.date_styles()
    for entry, xml in sheets:
        grid = grids[entry.title]
        styles: dict[tuple[int, int], int] = {}
        parser = WorkSheetParser(io.BytesIO(xml), strings, data_only=True, epoch=package.epoch,
                                 date_formats=dates, timedelta_formats=durations)
        try:
            for row, cells in parser.parse():
                if row > MAX_ROWS:
                    break
                for cell in cells:
                    value, col = cell["value"], cell["column"]
                    if value is None or value == "":
                        continue
                    if col > MAX_COLUMNS:
                        continue
                    grid.values[(row, col)] = value
                    styles[(row, col)] = int(cell.get("style_id") or 0)
        except Exception as error:  # the XML is broken; defusedxml refusals included
            raise XlsxImportError(f"{package.name}的工作表“{entry.title}”已损坏，无法读取（{type(error).__name__}）") from None
        for position in grid.uncached_formulas:
            grid.values.pop(position, None)
        grid.style_of = lambda r, c, styles=styles: formats.formats.code(styles.get((r, c), 0))
