"""Workbooks in the official annex layout and as published reports lay the tables out: every one
imports every value, or names in a located problem what it could not read."""

from __future__ import annotations

import openpyxl
import pytest

from core.imports import xlsx_locate
from core.imports.xlsx_reader import read_xlsx
from core.template import load_template
from tests.annex_workbooks import Layout, annex_workbook, expected_values, official, retyped, seed_style

ALL_CELLS = set(load_template("2021").cells)

LAYOUTS = {
    "annex, three sheets, title rows": (Layout(), False, True),
    "annex, one sheet, no title": (Layout(), True, False),
    "retyped labels, one sheet, totals blank": (Layout(labels=retyped, totals="blank"), True, True),
    "retyped labels, unmerged, three sheets": (Layout(labels=retyped, merge=False), False, False),
    "seed 001 style: unmerged, labels cut over two rows": (Layout(labels=seed_style, merge=False, cut_labels=True), True, True),
    "older 表四 header (行政复议 over two rows)": (Layout(old_t4_header=True), False, True),
    "older 表四 header, unmerged, retyped": (Layout(labels=retyped, merge=False, old_t4_header=True), True, False),
}


@pytest.mark.parametrize("name", LAYOUTS)
def test_every_value_of_an_annex_layout_is_read(tmp_path, name):
    layout, one_sheet, title = LAYOUTS[name]
    path = annex_workbook(tmp_path / "annex.xlsx", layout, one_sheet=one_sheet, title=title)
    result = read_xlsx(path)
    assert result.source == "labels"
    assert result.read == ALL_CELLS
    expected = expected_values()
    assert {k: result.report.value(k) for k in expected} == expected
    if title:
        assert result.complete and result.problems == []
        assert (result.report.year, result.report.unit.name) == (2025, "清河县柳溪镇人民政府")
    else:  # nothing is missing but what the user can supply
        assert {p.topic for p in result.problems} == {"year", "unit"}


def test_labels_cut_over_rows_are_joined(tmp_path):
    layout = Layout(labels=seed_style, merge=False, cut_labels=True)
    path = annex_workbook(tmp_path / "cut.xlsx", layout, one_sheet=True)
    ws = openpyxl.load_workbook(path).active
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "2. 其他法律行政" in texts and "法规禁止公开" in texts  # as seed 001's table comes out
    assert "(一) 予以公开" in texts and "社会组织" in texts
    assert read_xlsx(path).report.value("t3.withheld_prohibited.natural") == expected_values()["t3.withheld_prohibited.natural"]


def test_typed_totals_stay_as_typed_and_blank_ones_are_computed(tmp_path):
    wrong = read_xlsx(annex_workbook(tmp_path / "w.xlsx", Layout(totals="wrong"))).report
    assert wrong.value("t3.new.total") == expected_values()["t3.new.total"] + 1  # the checks will say so
    blank = read_xlsx(annex_workbook(tmp_path / "b.xlsx", Layout(totals="blank"))).report
    assert blank.value("t3.new.total") == expected_values()["t3.new.total"]
    assert blank.value("t4.suit_after_review.total") == expected_values()["t4.suit_after_review.total"]


def test_a_blank_half_of_table_four_is_read_as_blank(tmp_path):
    values = expected_values()
    for column in ("upheld", "corrected", "other", "pending", "total"):
        values[f"t4.review.{column}"] = None  # seed 001 left 行政复议 blank
    result = read_xlsx(annex_workbook(tmp_path / "half.xlsx", Layout(), values=values))
    assert result.complete and result.read == ALL_CELLS
    assert result.report.value("t4.review.upheld") is None
    assert result.report.value("t4.direct_suit.upheld") == values["t4.direct_suit.upheld"]


def test_table_four_without_a_data_row_names_its_cells(tmp_path):
    path = annex_workbook(tmp_path / "t4.xlsx", Layout())
    wb = openpyxl.load_workbook(path)
    wb["表四"].delete_rows(7)  # the data row under the three header rows
    wb.save(path)
    result = read_xlsx(path)
    [problem] = [p for p in result.problems if p.sheet == "表四"]
    assert problem.cell == "A7" and "没有数据行" in problem.message
    assert set(problem.keys) == {k for k in ALL_CELLS if k.startswith("t4.")}
    assert not result.complete and not any(k.startswith("t4.") for k in result.read)


def test_two_data_rows_under_table_four_are_not_guessed(tmp_path):
    path = annex_workbook(tmp_path / "t4.xlsx", Layout())
    wb = openpyxl.load_workbook(path)
    ws = wb["表四"]
    for col in range(1, 16):
        ws.cell(8, col, col)  # another row of numbers right under the data
    wb.save(path)
    result = read_xlsx(path)
    [problem] = [p for p in result.problems if p.sheet == "表四"]
    assert "不止一行数据" in problem.message and len(problem.keys) == 15
    assert result.report.value("t4.review.upheld") is None


def test_the_final_pass_names_any_cell_no_path_read(tmp_path, monkeypatch):
    """Even a locator that silently drops a position cannot make a cell vanish."""
    real = xlsx_locate.locate_table

    def forgetful(spec, indexes, problems):
        located = real(spec, indexes, problems)
        if located is not None:
            located.positions.pop("t3.new.natural", None)
        return located

    monkeypatch.setattr("core.imports.xlsx_foreign.locate_table", forgetful)
    result = read_xlsx(annex_workbook(tmp_path / "a.xlsx", Layout()))
    [problem] = [p for p in result.problems if "t3.new.natural" in p.keys]
    assert (problem.sheet, problem.cell) == ("表三", "A7") and "没有读取到" in problem.message  # its row label
    assert "一、本年新收政府信息公开申请数量·自然人" in problem.message
    assert not result.complete and result.read == ALL_CELLS - {"t3.new.natural"}


def test_a_missing_table_names_all_its_cells(tmp_path):
    path = annex_workbook(tmp_path / "a.xlsx", Layout(labels=official))
    wb = openpyxl.load_workbook(path)
    del wb["表二"]
    wb.save(path)
    result = read_xlsx(path)
    [problem] = [p for p in result.problems if "表二" in p.message]
    assert "没有找到表二" in problem.message and set(problem.keys) == {k for k in ALL_CELLS if k.startswith("t2.")}
