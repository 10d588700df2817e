"""Our own Excel export of a report in every format comes back cell for cell: every seed fixture, the
2020 sample, and the pre-2019 统计表 whose sub-items repeat a label under two headings."""

from __future__ import annotations

import copy
from pathlib import Path

import openpyxl
import pytest

from core.checks import run_checks
from core.export.xlsx_writer import write_xlsx
from core.imports.xlsx_reader import read_xlsx
from core.report_file import load_report, report_to_dict
from core.template import TemplateError, load_template_text
from tests.conftest import FIXTURES
from tests.inline_template import BASE, mini_template

REPORTS = sorted(p.name for p in FIXTURES.glob("*.nianbao") if p.name.startswith(("seed", "sample_2020")))


def export(report, path: Path) -> Path:
    write_xlsx(report, path, run_checks(report))
    return path


@pytest.mark.parametrize("name", REPORTS)
def test_our_export_of_each_seed_imports_back_identical(name: str, tmp_path: Path):
    report = load_report(FIXTURES / name)
    result = read_xlsx(export(report, tmp_path / "r.xlsx"))
    assert [p.message for p in result.problems if not p.notice] == []
    assert report_to_dict(result.report) == report_to_dict(report)


def test_a_pre2019_export_holds_the_tables_the_report_prints_under_their_own_names(tmp_path: Path):
    with_stats = load_report(FIXTURES / "seed004_baitugang_2018.nianbao")
    with_channels = load_report(FIXTURES / "seed003_gongnong_2018.nianbao")
    without = load_report(FIXTURES / "seed002_litong_offices_2017.nianbao")
    names = {}
    for label, report in (("stats", with_stats), ("channels", with_channels), ("none", without)):
        names[label] = openpyxl.load_workbook(export(report, tmp_path / f"{label}.xlsx")).sheetnames
    assert names == {"stats": ["统计表", "填报信息", "_nianbao"], "channels": ["公开渠道统计", "填报信息", "_nianbao"],
                     "none": ["填报信息", "_nianbao"]}
    sheet = openpyxl.load_workbook(tmp_path / "stats.xlsx")["统计表"]
    assert sheet["A1"].value.replace("\n", "") == f"{with_stats.title}\u3000统计表"


def _stats_rows(path: Path) -> dict[str, list[int]]:
    sheet = openpyxl.load_workbook(path)["统计表"]
    rows: dict[str, list[int]] = {}
    for row in range(1, sheet.max_row + 1):
        rows.setdefault(str(sheet.cell(row, 1).value), []).append(row)
    return rows


def test_rows_the_official_table_labels_alike_are_read_in_their_order(tmp_path: Path):
    report = load_report(FIXTURES / "seed004_baitugang_2018.nianbao")
    twice = [key for key, rows in _stats_rows(export(report, tmp_path / "r.xlsx")).items() if len(rows) == 2]
    assert twice == ["（二）被依法纠错数", "（三）其他情形数"]
    first, second = (k for k in report.template.cells if report.template.cells[k].row.label == "（二）被依法纠错数")
    report.set_value(first, 7)
    report.set_value(second, 3)  # the two namesakes differ, so a swap would show
    result = read_xlsx(export(report, tmp_path / "r.xlsx"))
    assert result.report.value(first) == 7 and result.report.value(second) == 3 and result.complete


def test_a_namesake_row_deleted_or_moved_out_of_order_names_all_of_them(tmp_path: Path):
    report = load_report(FIXTURES / "seed004_baitugang_2018.nianbao")
    path = export(report, tmp_path / "r.xlsx")
    rows = _stats_rows(path)["（二）被依法纠错数"]
    keys = {k for k in report.template.cells if report.template.cells[k].row.label == "（二）被依法纠错数"}

    deleted = openpyxl.load_workbook(path)
    deleted["统计表"].delete_rows(rows[1])
    deleted.save(tmp_path / "deleted.xlsx")
    result = read_xlsx(tmp_path / "deleted.xlsx")
    problem = next(p for p in result.problems if "都叫“（二）被依法纠错数”" in p.message)
    assert set(problem.cell_keys) == keys and "找到 1 处" in problem.message and not result.complete
    assert all(key not in result.read for key in keys)

    moved = openpyxl.load_workbook(path)
    sheet = moved["统计表"]
    first_heading = rows[0] - 2  # the first namesake moved up above the rows found before it
    for col in range(1, 4):
        above, namesake = sheet.cell(first_heading, col), sheet.cell(rows[0], col)
        above.value, namesake.value = namesake.value, above.value
    moved.save(tmp_path / "moved.xlsx")
    result = read_xlsx(tmp_path / "moved.xlsx")
    assert any("都叫“（二）被依法纠错数”" in p.message for p in result.problems) and not result.complete
    assert all(key not in result.read for key in keys)


def test_a_table_name_that_cannot_name_a_sheet_is_refused_with_its_line():
    table = copy.deepcopy(BASE["tables"][0]) | {"name": "表[1]"}
    with pytest.raises(TemplateError) as caught:
        load_template_text(mini_template(tables=[table]), "mini.json")
    assert any("不能作 Excel 工作表名" in message for _, message in caught.value.problems)


def test_a_channel_table_without_its_unit_column_names_its_cells(tmp_path: Path):
    """The channel table's title spans label, 单位 and number; a sheet that left out the 单位 column has
    its numbers one column to the left, where the template's offset does not point: named, not blank."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "工农区2018年政府信息公开情况"
    sheet["A2"] = "通过不同渠道和方式公开政府信息的情况"
    sheet.merge_cells("A2:B2")
    rows = [("1.政府公报公开政府信息数", 0), ("2.政府网站公开政府信息数", 528), ("3.政务微博公开政府信息数", 0),
            ("4.政务微信公开政府信息数", 1286), ("5.其他方式公开政府信息数", 2)]
    for n, (label, value) in enumerate(rows, start=3):
        sheet.cell(n, 1, label)
        sheet.cell(n, 2, value)
    book.save(tmp_path / "channels.xlsx")
    result = read_xlsx(tmp_path / "channels.xlsx")
    keys = {k for k in result.report.template.cells if k.startswith("channels.")}
    problem = next(p for p in result.problems if "没有跨到" in p.message)
    assert set(problem.cell_keys) == keys and not keys & result.read and not result.complete
