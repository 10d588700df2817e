"""填报人 and 联系电话: kept in the report file, written to the Excel 填报信息 and read back on import."""

from __future__ import annotations

import openpyxl

from core.checks import run_checks
from core.export.xlsx_hidden import HIDDEN_SHEET
from core.export.xlsx_layout import INFO_SHEET
from core.export.xlsx_writer import write_xlsx
from core.imports.xlsx_reader import read_xlsx
from core.report_file import load_report, save_report


def _with_reporter(report):
    report.unit.reporter = "王小红"
    report.unit.reporter_phone = "13800001234"
    return report


def test_kept_in_the_report_file(tmp_path, sample_report):
    path = tmp_path / "r.nianbao"
    save_report(_with_reporter(sample_report), path)
    unit = load_report(path).unit
    assert (unit.reporter, unit.reporter_phone) == ("王小红", "13800001234")


def test_a_file_without_them_loads_blank(sample_report):
    assert (sample_report.unit.reporter, sample_report.unit.reporter_phone) == ("", "")


def test_written_to_the_info_sheet(tmp_path, sample_report):
    path = tmp_path / "r.xlsx"
    write_xlsx(_with_reporter(sample_report), path, run_checks(sample_report))
    sheet = openpyxl.load_workbook(path)[INFO_SHEET]
    pairs = {row[0].value: row[1].value for row in sheet.iter_rows(min_row=2) if row[0].value}
    assert pairs["填报人"] == "王小红" and pairs["联系电话"] == "13800001234"
    assert pairs["电话"] == sample_report.unit.phone  # the unit's own phone stays apart


def test_read_back_from_our_export(tmp_path, sample_report):
    path = tmp_path / "r.xlsx"
    write_xlsx(_with_reporter(sample_report), path, run_checks(sample_report))
    unit = read_xlsx(path).report.unit
    assert (unit.reporter, unit.reporter_phone) == ("王小红", "13800001234")


def test_read_back_from_the_info_sheet_alone(tmp_path, sample_report):
    """A workbook whose hidden sheet is gone (copied sheet by sheet, or re-saved elsewhere), with the
    填报人 corrected by hand in 填报信息."""
    path = tmp_path / "r.xlsx"
    write_xlsx(_with_reporter(sample_report), path, run_checks(sample_report))
    book = openpyxl.load_workbook(path)
    del book[HIDDEN_SHEET]
    sheet = book[INFO_SHEET]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "填报人")
    row[1].value = "李明"
    book.save(path)
    result = read_xlsx(path)
    assert result.source == "labels"
    assert (result.report.unit.reporter, result.report.unit.reporter_phone) == ("李明", "13800001234")
