"""Excel export: official layout from the template, borders, formats, print setup, safe text, atomic write."""

from __future__ import annotations

import json
import os
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from core import __version__
from core.checks import run_checks
from core.document import UNIT_FIELD_LABELS, Report
from core.export import ExportError
from core.export.xlsx_hidden import HIDDEN_SHEET
from core.export.xlsx_info import INFO_SHEET
from core.export.xlsx_layout import CHUNK_CHARS, LAYOUT_VERSION, MAP_ROW, MARKER
from core.export.xlsx_style import display_width
from core.export.xlsx_tables import FIRST_GRID_ROW
from core.export.xlsx_writer import write_xlsx
from core.report_file import load_report
from core.values import SLASH
from tests.conftest import ERRORS, SEED001

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
TABLE_SHEETS = {"t2": "表二", "t3": "表三", "t4": "表四"}


# --- helpers (also used by the import tests) -------------------------------------------------

def tricky_report(report: Report) -> Report:
    """``report`` with blank, 0, "/", odd money decimals and formula-looking text."""
    report.cells.pop("t3.new.research", None)
    report.cells["t3.new.commercial"] = 0
    report.cells["t4.review.other"] = SLASH
    report.cells["t2.fees.amount"] = Decimal("3056.81805")
    report.unit.name = '=HYPERLINK("http://x")某某镇人民政府'
    report.unit.phone = "-0953-1234567"
    report.unit.address = "+某某街1号"
    report.unit.email = "@mail"
    report.opening = "=1+1 开头段落"
    return report


def sheet_xml(path: Path, title: str) -> ElementTree.Element:
    with zipfile.ZipFile(path) as archive:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        sheet = next(s for s in workbook.find("m:sheets", NS) if s.get("name") == title)
        target = targets[sheet.get(REL_ID)].lstrip("/")
        return ElementTree.fromstring(archive.read(target if target.startswith("xl/") else "xl/" + target))


def xml_cells(path: Path, title: str) -> dict[str, ElementTree.Element]:
    return {c.get("r"): c for c in sheet_xml(path, title).iter(f"{{{NS['m']}}}c")}


def styles(path: Path) -> tuple[list[ElementTree.Element], list[ElementTree.Element]]:
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("xl/styles.xml"))
    return list(root.find("m:cellXfs", NS)), list(root.find("m:borders", NS))


@pytest.fixture
def exported(tmp_path, sample_report):
    path = tmp_path / "sample.xlsx"
    write_xlsx(sample_report, path, run_checks(sample_report))
    return path, sample_report


# --- layout ------------------------------------------------------------------------------------

def test_sheets_and_hidden_map(exported):
    path, report = exported
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["表二", "表三", "表四", INFO_SHEET, HIDDEN_SHEET]
    assert wb[HIDDEN_SHEET].sheet_state == "veryHidden"
    assert all(wb[name].sheet_state == "visible" for name in wb.sheetnames[:4])
    hidden = wb[HIDDEN_SHEET]
    assert hidden["A1"].value == MARKER
    assert hidden["B1"].value == LAYOUT_VERSION == 2 and hidden.max_row == MAP_ROW  # one row for the whole map
    entries = json.loads("".join(c.value for c in hidden[MAP_ROW][1:] if c.value))
    mapped = {key: (sheet, where) for key, sheet, where, _ in entries}
    assert list(mapped) == list(report.template.cells)  # every stable key, in template order
    sheet, where = mapped["t3.new.natural"]
    assert wb[sheet][where].value == report.value("t3.new.natural")
    meta = json.loads("".join(c.value for c in hidden[2][1:] if c.value))
    assert "cells" not in meta and meta["texts"] == report.texts and meta["unit"]["name"] == report.unit.name


@pytest.mark.parametrize("key", ["t2", "t3", "t4"])
def test_table_sheet_is_drawn_from_template_items(exported, key):
    path, report = exported
    table = report.template.table(key)
    ws = openpyxl.load_workbook(path)[TABLE_SHEETS[key]]
    chapter = report.template.chapter(table.chapter)
    title = ws["A1"].value.replace("\n", "\u3000")
    assert title == f"{report.title}\u3000表{chapter.number} {chapter.title}"
    expected_merges = {f"A1:{openpyxl.utils.get_column_letter(table.grid_columns)}1"}
    for item in table.items:
        top, left = FIRST_GRID_ROW + item.row, 1 + item.col
        cell = ws.cell(top, left)
        if item.role == "cell":
            value = report.value(item.cell)
            assert cell.value == (float(value) if isinstance(value, Decimal) else value)
        else:
            assert cell.value == item.text  # verbatim official label
        if item.rowspan > 1 or item.colspan > 1:
            expected_merges.add(f"{cell.coordinate}:{ws.cell(top + item.rowspan - 1, left + item.colspan - 1).coordinate}")
        if item.vertical:
            assert cell.alignment.textRotation == 255
    assert {str(r) for r in ws.merged_cells.ranges} == expected_merges


@pytest.mark.parametrize("key", ["t2", "t3", "t4"])
def test_thin_border_on_every_cell_including_merged_ones(exported, key):
    path, report = exported
    table = report.template.table(key)
    cells = xml_cells(path, TABLE_SHEETS[key])
    xfs, borders = styles(path)
    checked = 0
    for row in range(FIRST_GRID_ROW, FIRST_GRID_ROW + table.grid_rows):
        for col in range(1, table.grid_columns + 1):
            element = cells[f"{openpyxl.utils.get_column_letter(col)}{row}"]  # every cell is written
            border = borders[int(xfs[int(element.get("s"))].get("borderId"))]
            for side in ("left", "right", "top", "bottom"):
                assert border.find(f"m:{side}", NS).get("style") == "thin", (element.get("r"), side)
            checked += 1
    assert checked == table.grid_rows * table.grid_columns


def test_column_widths_fit_labels(exported):
    path, report = exported
    wb = openpyxl.load_workbook(path)
    for key, title in TABLE_SHEETS.items():
        ws = wb[title]
        for item in report.template.table(key).items:
            if item.colspan == 1 and item.text and not item.vertical and display_width(item.text) <= 8:
                letter = openpyxl.utils.get_column_letter(item.col + 1)
                assert ws.column_dimensions[letter].width >= display_width(item.text), (title, item.text)
    # a label of 37 CJK characters wraps instead of making the column 74 wide
    assert wb["表三"].column_dimensions["C"].width < 30
    assert all(wb[t]["A1"].alignment.wrap_text for t in TABLE_SHEETS.values())


def test_number_formats_and_literal_values(tmp_path, sample_report):
    report = tricky_report(sample_report)
    path = tmp_path / "t.xlsx"
    write_xlsx(report, path, run_checks(report))
    wb = openpyxl.load_workbook(path)
    t2, t3, t4 = wb["表二"], wb["表三"], wb["表四"]
    fees_item = report.template.table("t2").item_for_cell("t2.fees.amount")
    fees = t2.cell(FIRST_GRID_ROW + fees_item.row, 1 + fees_item.col)
    assert fees.value == 3056.81805 and fees.number_format == "0.00000"
    natural = t3.cell(FIRST_GRID_ROW + 3, 4)
    assert natural.value == report.value("t3.new.natural") and natural.number_format == "0"
    commercial, research = t3.cell(FIRST_GRID_ROW + 3, 5), t3.cell(FIRST_GRID_ROW + 3, 6)
    assert commercial.value == 0 and commercial.data_type == "n"  # 0 is 0
    assert research.value is None  # blank stays empty
    other = t4.cell(FIRST_GRID_ROW + 3, 3)
    assert other.value == "/" and other.data_type == "s"  # "/" is the text "/"
    for title in TABLE_SHEETS.values():  # no formulas anywhere, not even for totals
        assert not list(sheet_xml(path, title).iter(f"{{{NS['m']}}}f"))


def test_money_keeps_typed_decimals(tmp_path, sample_report):
    for typed, fmt in [("12.50", "0.00"), ("7", "0"), ("0.000001", "0.000000"), ("3056.81805", "0.00000")]:
        sample_report.cells["t2.fees.amount"] = Decimal(typed)
        path = tmp_path / f"{typed}.xlsx"
        write_xlsx(sample_report, path, run_checks(sample_report))
        ws = openpyxl.load_workbook(path)["表二"]
        cell = next(c for row in ws.iter_rows() for c in row if c.number_format == fmt and c.value == float(typed))
        assert cell.data_type == "n"


def test_formula_looking_text_is_stored_as_text(tmp_path, sample_report):
    report = tricky_report(sample_report)
    path = tmp_path / "t.xlsx"
    write_xlsx(report, path, run_checks(report))
    xfs, _ = styles(path)
    for title in ["表二", "表三", INFO_SHEET, HIDDEN_SHEET]:
        root = sheet_xml(path, title)
        assert not list(root.iter(f"{{{NS['m']}}}f")), title
    info = openpyxl.load_workbook(path)[INFO_SHEET]
    found = {}
    for row in info.iter_rows(min_row=2, max_col=2):
        if row[0].value in UNIT_FIELD_LABELS.values():
            found[row[0].value] = row[1]
    for label, text in [("单位全称", report.unit.name), ("电话", "-0953-1234567"), ("地址", "+某某街1号"), ("电子邮箱", "@mail")]:
        cell = found[label]
        assert cell.value == text and cell.data_type == "s"
        element = xml_cells(path, INFO_SHEET)[cell.coordinate]
        assert xfs[int(element.get("s"))].get("quotePrefix") == "1"


def test_print_setup(exported):
    path, _ = exported
    wb = openpyxl.load_workbook(path)
    expected = {"表二": ("portrait", "1:1"), "表三": ("portrait", "1:4"), "表四": ("landscape", "1:4")}
    for title, (orientation, titles) in expected.items():
        ws = wb[title]
        assert ws.page_setup.orientation == orientation
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == f"${titles.split(':')[0]}:${titles.split(':')[1]}"


def test_info_sheet_lists_unit_checks_and_explanations(tmp_path):
    report = load_report(ERRORS)
    result = run_checks(report)
    warning = next(f for f in result.findings if f.severity == "warning")
    report.explanations[warning.id] = "本单位于次年一月补签，特此说明"
    path = tmp_path / "e.xlsx"
    write_xlsx(report, path, run_checks(report))
    ws = openpyxl.load_workbook(path)[INFO_SHEET]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    pairs = {r[0]: r[1] for r in rows if r[0]}
    assert pairs["单位全称"] == report.unit.name and pairs["单位类型"] == "人民政府" and pairs["行政层级"] == "乡镇街道"
    assert pairs["报告年度"] == "2025年" and "2021" in pairs["报告格式"] and pairs["软件版本"] == f"nianbao {__version__}"
    assert pairs["导出时间"] and pairs["检查结果"] == run_checks(report).summary()
    messages = [r[3] for r in rows if r[3]]
    for finding in result.findings:
        assert finding.message in messages
    confirmed = next(r for r in rows if r[3] == warning.message)
    assert confirmed[4] == "本单位于次年一月补签，特此说明" and "已说明" in confirmed[1]


def test_long_texts_are_split_under_the_cell_limit(tmp_path, sample_report):
    sample_report.texts["overview"] = "很长的正文。" * 20000  # 120 000 characters
    path = tmp_path / "long.xlsx"
    write_xlsx(sample_report, path, run_checks(sample_report))
    hidden = openpyxl.load_workbook(path)[HIDDEN_SHEET]
    chunks = [c.value for c in hidden[2][1:] if c.value]
    assert len(chunks) > 1 and all(len(c) <= CHUNK_CHARS < 32767 for c in chunks)


def test_seed001_blank_cells_stay_blank(tmp_path):
    report = load_report(SEED001)
    path = tmp_path / "seed.xlsx"
    write_xlsx(report, path, run_checks(report))
    wb = openpyxl.load_workbook(path)
    hidden = wb[HIDDEN_SHEET]
    for row in hidden.iter_rows(min_row=4):
        key, sheet, where = row[0].value, row[1].value, row[2].value
        if key and report.value(key) is None:
            assert wb[sheet][where].value is None, key


# --- failures ----------------------------------------------------------------------------------

def test_missing_folder_and_directory_targets_raise_export_error(tmp_path, sample_report):
    with pytest.raises(ExportError, match="不存在"):
        write_xlsx(sample_report, tmp_path / "no" / "such" / "x.xlsx", run_checks(sample_report))
    with pytest.raises(ExportError, match="文件夹"):
        write_xlsx(sample_report, tmp_path, run_checks(sample_report))


def test_locked_target_is_left_unchanged(tmp_path, sample_report, monkeypatch):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"previous export")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="原文件未改动"):
        write_xlsx(sample_report, path, run_checks(sample_report))
    assert path.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["x.xlsx"]  # no temp file left behind
