"""Excel import of our own exports: they round-trip exactly, edits made in Excel or WPS are read
where their labels are now, and a damaged or foreign hidden map is named and falls back to the labels."""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl
import pytest

from core.checks import run_checks
from core.export.xlsx_hidden import HIDDEN_SHEET
from core.export.xlsx_layout import MAP_ROW
from core.export.xlsx_writer import write_xlsx
from core.imports.xlsx_reader import read_xlsx
from core.report_file import load_report, report_to_dict
from core.values import SLASH
from tests.conftest import SEED001
from tests.test_xlsx_export import tricky_report


@pytest.mark.parametrize("source", ["sample", "seed001"])
def test_own_export_round_trips_exactly(tmp_path, sample_report, source):
    report = sample_report if source == "sample" else load_report(SEED001)
    path = tmp_path / "r.xlsx"
    write_xlsx(report, path, run_checks(report))
    result = read_xlsx(path)
    assert result.source == "nianbao" and result.complete and result.problems == []
    assert report_to_dict(result.report) == report_to_dict(report)


def test_round_trip_keeps_blank_zero_slash_decimals_and_odd_text(tmp_path, sample_report):
    report = tricky_report(sample_report)
    report.cells["t3.carried_over.natural"] = Decimal("1.5")  # a fractional count is kept for R6
    report.texts["overview"] = "第一段\n\t第二段😀 =SUM(A1) \x0b" + "长" * 40000
    report.explanations["C7"] = "@说明"
    path = tmp_path / "t.xlsx"
    notes = write_xlsx(report, path, run_checks(report))
    assert len(notes) == 1 and "1 个无法写入文件的字符" in notes[0]  # the \x0b: XML cannot hold it
    report.texts["overview"] = report.texts["overview"].replace("\x0b", "")
    result = read_xlsx(path)
    again = result.report
    assert result.complete
    assert report_to_dict(again) == report_to_dict(report)
    assert again.value("t3.new.research") is None and again.value("t3.new.commercial") == 0
    assert again.value("t4.review.other") is SLASH
    assert str(again.value("t2.fees.amount")) == "3056.81805"
    assert again.unit.name == report.unit.name and again.opening == "=1+1 开头段落"


@pytest.mark.parametrize("typed", ["12.50", "0.000001", "120000", "0.10"])
def test_money_decimals_round_trip_as_typed(tmp_path, sample_report, typed):
    sample_report.cells["t2.fees.amount"] = Decimal(typed)
    path = tmp_path / "m.xlsx"
    write_xlsx(sample_report, path, run_checks(sample_report))
    assert str(read_xlsx(path).report.value("t2.fees.amount")) == typed


def test_labels_decide_where_cells_are_and_edits_are_read(tmp_path, sample_report):
    path = tmp_path / "r.xlsx"
    write_xlsx(sample_report, path, run_checks(sample_report))
    wb = openpyxl.load_workbook(path)
    entries = hidden_map(wb)
    moved = next(e for e in entries if e[0] == "t3.new.natural")
    moved[2] = "Z99"  # the map now points elsewhere, where a stray number stands
    write_hidden_map(wb, entries)
    wb["表三"]["Z99"] = 42
    edited = next(e for e in entries if e[0] == "t2.licensing.decisions")
    wb[edited[1]][edited[2]] = 60  # corrected by hand in Excel
    wb.save(path)
    result = read_xlsx(path)
    assert result.source == "nianbao"
    assert result.report.value("t3.new.natural") == sample_report.value("t3.new.natural")  # where its labels are
    assert result.report.value("t2.licensing.decisions") == 60
    [moved] = [p for p in result.notices if "本年新收" in p.message]
    assert "第 99 行" in moved.message and result.complete


def hidden_map(wb) -> list[list[str]]:
    """The hidden sheet's map of [key, sheet, cell, value] entries."""
    return json.loads("".join(c.value for c in wb[HIDDEN_SHEET][MAP_ROW][1:] if isinstance(c.value, str)))


def write_hidden_map(wb, entries: list[list[str]]) -> None:
    row = wb[HIDDEN_SHEET][MAP_ROW]
    for cell in row[1:]:
        cell.value = None
    wb[HIDDEN_SHEET].cell(MAP_ROW, 2, json.dumps(entries, ensure_ascii=False))


def test_layout_version_1_workbooks_still_read_exactly(tmp_path, sample_report):
    """Exports before the compact map kept one row per data cell (row 3 titles, rows from 4)."""
    path = tmp_path / "r.xlsx"
    sample_report.cells["t2.fees.amount"] = Decimal("12.50")
    write_xlsx(sample_report, path, run_checks(sample_report))
    wb = openpyxl.load_workbook(path)
    hidden = wb[HIDDEN_SHEET]
    entries = hidden_map(wb)
    hidden["B1"] = 1
    for cell in hidden[MAP_ROW]:
        cell.value = None
    for col, title in enumerate(("key", "sheet", "cell", "value"), start=1):
        hidden.cell(MAP_ROW, col, title)
    for row, entry in enumerate(entries, start=MAP_ROW + 1):
        for col, value in enumerate(entry, start=1):
            hidden.cell(row, col, value)
    wb.save(path)
    result = read_xlsx(path)
    assert result.source == "nianbao" and result.complete and not result.problems
    assert result.report.cells == sample_report.cells and str(result.report.value("t2.fees.amount")) == "12.50"


def test_a_cell_key_the_format_lacks_in_the_hidden_map_is_named_and_the_rest_read(tmp_path, sample_report):
    for layout in (2, 1):
        path = tmp_path / f"r{layout}.xlsx"
        write_xlsx(sample_report, path, run_checks(sample_report))
        wb = openpyxl.load_workbook(path)
        entries = [*hidden_map(wb), ["t9.unknown.cell", "表二", "Z99", "7"]]
        if layout == 2:
            write_hidden_map(wb, entries)
        else:
            hidden = wb[HIDDEN_SHEET]
            hidden["B1"] = 1
            for cell in hidden[MAP_ROW]:
                cell.value = None
            for row, entry in enumerate(entries, start=MAP_ROW + 1):
                for col, value in enumerate(entry, start=1):
                    hidden.cell(row, col, value)
        wb.save(path)
        result = read_xlsx(path)
        assert result.source == "nianbao" and result.complete and result.report.cells == sample_report.cells
        [notice] = [p for p in result.notices if "t9.unknown.cell" in p.message]
        assert notice.sheet == HIDDEN_SHEET and "隐藏数据中有不属于" in notice.message
        assert notice.cell == ("B3" if layout == 2 else f"A{MAP_ROW + len(entries)}")


def test_texts_excel_would_change_come_back_as_written(tmp_path, sample_report):
    odd = "见_x000D_号文件，_x4E00_ 与 \\_x 之后_"
    sample_report.opening = odd
    path = tmp_path / "r.xlsx"
    write_xlsx(sample_report, path, run_checks(sample_report))
    result = read_xlsx(path)
    assert result.source == "nianbao"
    assert result.report.opening == odd


def test_damaged_hidden_map_falls_back_to_labels(tmp_path, sample_report):
    path = tmp_path / "r.xlsx"
    write_xlsx(sample_report, path, run_checks(sample_report))
    wb = openpyxl.load_workbook(path)
    wb[HIDDEN_SHEET]["B3"] = '[["t2.licensing.decisions", 5]]'
    wb.save(path)
    result = read_xlsx(path)
    assert result.source == "labels"
    assert result.problems[0].sheet == HIDDEN_SHEET and result.problems[0].cell == "B3"
    assert "损坏" in result.problems[0].message
    assert result.report.cells == sample_report.cells


def test_damaged_hidden_sheet_falls_back_to_labels(tmp_path, sample_report):
    path = tmp_path / "r.xlsx"
    write_xlsx(sample_report, path, run_checks(sample_report))
    wb = openpyxl.load_workbook(path)
    wb[HIDDEN_SHEET]["B2"] = "{not json"
    wb.save(path)
    result = read_xlsx(path)
    assert result.source == "labels" and not result.complete
    assert result.problems[0].sheet == HIDDEN_SHEET and "损坏" in result.problems[0].message
    assert result.report.cells == sample_report.cells  # the statistics are still all there
    assert result.report.unit.name == sample_report.unit.name and result.report.year == 2025  # from 填报信息


def test_renamed_sheet_is_read_by_its_labels(tmp_path, sample_report):
    path = tmp_path / "r.xlsx"
    write_xlsx(sample_report, path, run_checks(sample_report))
    wb = openpyxl.load_workbook(path)
    wb["表四"].title = "复议诉讼"
    wb.move_sheet("复议诉讼", offset=-2)
    wb.save(path)
    result = read_xlsx(path)
    [notice] = result.problems
    assert notice.notice and notice.sheet == "复议诉讼" and "“表四”已改名为“复议诉讼”" in notice.message
    assert result.complete and result.report.cells == sample_report.cells


def test_reader_never_writes_files(tmp_path, sample_report):
    path = tmp_path / "r.xlsx"
    write_xlsx(sample_report, path, run_checks(sample_report))
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    read_xlsx(path)
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before
