"""Excel import of official-layout workbooks made elsewhere: read by their labels, whatever their
wording, offsets and format; what cannot be placed is located, never guessed."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from core.document import Report
from core.imports.labels import canonical
from core.imports.xlsx_reader import read_xlsx

TITLE = "清河县柳溪镇人民政府2025年政府信息公开工作年度报告"


def mess(text: str) -> str:
    """The ways people retype official labels."""
    text = text.replace("（", "(").replace("）", ")")
    text = re.sub(r"^(\d)\.", r"\1、", text)
    text = text.replace("“", '"').replace("”", '"')
    text = text.replace("社会公益组织", "社会组织")
    if len(text) > 12:
        text = text[:6] + "\n" + text[6:]
    elif len(text) == 4:
        text = text[:2] + " " + text[2:]
    return text


@pytest.mark.parametrize("official, variant", [
    ("1.属于国家秘密", "1、属于国家秘密"), ("1.属于国家秘密", "1．属于 国家\n秘密"), ("1.属于国家秘密", "1，属于国家秘密"),
    ("（三）不予公开", "(三)不予公开"), ("3.危及“三安全一稳定”", "3、危及'三安全一稳定'"),
    ("社会公益组织", "社会组织"), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开"),
])
def test_label_variants_are_the_same_label(official, variant):
    assert canonical(variant) == canonical(official)
    assert canonical(variant) != canonical("（四）无法提供")


def put_table(ws, report: Report, key: str, top: int, left: int, merge: bool = True, labels=mess) -> None:
    """Type ``key``'s table at (top, left) the way a person would: labels retyped, numbers as numbers."""
    for item in report.template.table(key).items:
        row, col = top + item.row, left + item.col
        if item.role == "cell":
            value = report.value(item.cell)
            ws.cell(row, col, float(value) if isinstance(value, Decimal) else value)
        else:
            ws.cell(row, col, labels(item.text))
        if merge and (item.rowspan > 1 or item.colspan > 1):
            ws.merge_cells(start_row=row, start_column=col, end_row=row + item.rowspan - 1,
                           end_column=col + item.colspan - 1)


def foreign_workbook(report: Report, path: Path, merge_t4: bool = False) -> Path:
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "主动公开"
    first["B2"] = "附件：" + TITLE
    put_table(first, report, "t2", top=4, left=2)
    other = wb.create_sheet("Sheet2")
    other["A1"] = "表三"
    put_table(other, report, "t3", top=6, left=3)
    put_table(other, report, "t4", top=40, left=2, merge=merge_t4)
    wb.save(path)
    return path


def distinct_table_four(report: Report) -> None:
    for n, row in enumerate(("review", "direct_suit", "suit_after_review")):
        for m, col in enumerate(("upheld", "corrected", "other", "pending")):
            report.set_value(f"t4.{row}.{col}", 10 * n + m + 1)


def test_messy_official_layout_imports_by_labels(tmp_path, sample_report):
    distinct_table_four(sample_report)  # so that a value read from the wrong column shows
    sample_report.cells["t3.carried_over.total"] = 99  # a total typed wrong: kept as typed
    del sample_report.cells["t3.new.total"]  # a total left blank: filled in
    path = foreign_workbook(sample_report, tmp_path / "other.xlsx")
    labels = [c.value for ws in openpyxl.load_workbook(path) for r in ws.iter_rows() for c in r if isinstance(c.value, str)]
    assert {"社会 组织", "1、属于国家秘密", "(一)予以公开", "结果 维持", "2、其他法律\n行政法规禁止公开",
            '3、危及"三安全一稳定"'} <= set(labels)
    result = read_xlsx(path)
    assert result.source == "labels"
    assert result.problems == [] and result.complete
    report = result.report
    assert report.unit.name == "清河县柳溪镇人民政府" and report.year == 2025
    assert report.unit.kind == "government" and report.unit.level == "township"
    assert report.value("t3.carried_over.total") == 99
    assert report.value("t3.new.total") == sum(sample_report.value(f"t3.new.{c}") for c in
                                               ("natural", "commercial", "research", "public_interest",
                                                "legal_services", "other"))
    expected = dict(sample_report.cells, **{"t3.new.total": report.value("t3.new.total")})
    assert report.cells == expected


def test_unmerged_table_four_and_money_format(tmp_path, sample_report):
    distinct_table_four(sample_report)
    path = foreign_workbook(sample_report, tmp_path / "other.xlsx", merge_t4=False)
    wb = openpyxl.load_workbook(path)
    fees = next(c for row in wb["主动公开"].iter_rows() for c in row if c.value == 12.5)
    fees.number_format = "0.00"
    wb.save(path)
    result = read_xlsx(path)
    assert result.complete
    assert str(result.report.value("t2.fees.amount")) == "12.50"  # the decimals the sheet showed
    assert all(result.report.value(k) == sample_report.value(k) for k in sample_report.cells if k.startswith("t4"))


def test_missing_row_is_located(tmp_path, sample_report):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "统计"
    put_table(ws, sample_report, "t3", top=3, left=1, merge=False)
    row = next(c.row for r in ws.iter_rows() for c in r if isinstance(c.value, str) and "三安全" in c.value)
    ws.delete_rows(row)
    path = tmp_path / "missing.xlsx"
    wb.save(path)
    result = read_xlsx(path)
    assert not result.complete
    missing = [p for p in result.problems if "三安全一稳定" in p.message]
    assert len(missing) == 1 and missing[0].sheet == "统计" and missing[0].cell == f"C{row}"
    assert "缺少" in missing[0].message and "表三" in missing[0].message
    assert result.report.value("t3.withheld_security.natural") is None


def test_misspelt_row_label_is_located_and_not_guessed(tmp_path, sample_report):
    def typo(text: str) -> str:
        return "4.保护第三方权益" if text.startswith("4.保护第三方") else text

    wb = openpyxl.Workbook()
    put_table(wb.active, sample_report, "t3", top=1, left=1, labels=typo)
    path = tmp_path / "typo.xlsx"
    wb.save(path)
    result = read_xlsx(path)
    [problem] = [p for p in result.problems if "保护第三方" in p.message]
    assert problem.cell == "C11" and "4.保护第三方合法权益" in problem.message and "未导入" in problem.message
    assert result.report.value("t3.withheld_third_party.natural") is None


def test_unit_in_number_cell_is_located(tmp_path, sample_report):
    path = foreign_workbook(sample_report, tmp_path / "other.xlsx")
    wb = openpyxl.load_workbook(path)
    fees = next(c for row in wb["主动公开"].iter_rows() for c in row if c.value == 12.5)
    fees.value = "251000元"
    wb.save(path)
    result = read_xlsx(path)
    [problem] = result.problems
    assert (problem.sheet, problem.cell, problem.key) == ("主动公开", fees.coordinate, "t2.fees.amount")
    assert "251000元" in problem.message and "万元" in problem.message and "行政事业性收费" in problem.message
    assert result.report.value("t2.fees.amount") is None and not result.complete


def _workbook_in_the_2019_layout(tmp_path, sample_report, title: str | None = None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表二"
    if title:
        ws.cell(1, 1, title)
    rows = [["第二十条第（一）项"], ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["规章", 0, 0, 0], ["规范性文件", 2, 2, 5], ["第二十条第（九）项"],
            ["信息内容", "采购项目数量", "采购总金额（单位：万元）"], ["政府集中采购", 3, 12.5]]
    for offset, values in enumerate(rows):
        for col, value in enumerate(values, start=2):
            ws.cell(3 + offset, col, value)
    t3 = wb.create_sheet("表三")
    put_table(t3, sample_report, "t3", top=1, left=1, merge=False)
    t3.delete_rows(24, 3)  # （六）其他处理 becomes one row, as in the 2019 format
    t3.insert_rows(24)
    t3.cell(24, 2, "（六）其他处理")
    for col in range(4, 11):
        t3.cell(24, col, 0)
    path = tmp_path / "2019.xlsx"
    wb.save(path)
    return path


def _by_cell(result) -> dict[tuple[str, str], str]:
    by_cell: dict[tuple[str, str], str] = {}
    for problem in result.problems:
        by_cell[(problem.sheet, problem.cell)] = by_cell.get((problem.sheet, problem.cell), "") + problem.message
    return by_cell


def test_a_workbook_without_a_year_is_read_in_the_format_its_labels_show(tmp_path, sample_report):
    result = read_xlsx(_workbook_in_the_2019_layout(tmp_path, sample_report))
    assert result.report.template_id == "2019"
    (year,) = [p for p in result.problems if p.topic == "year"]
    assert "表格按其标签判断为2019年版格式" in year.message
    result.supply(year=2025)
    assert any("不适用于 2025 年度" in p.message for p in result.defects)
    assert result.report.value("t2.normative_documents.total_published") == 5
    assert result.report.value("t2.purchase.purchase_amount") == Decimal("12.5")
    assert result.report.value("t3.other_processing.natural") == 0


def test_other_formats_labels_are_named_as_such(tmp_path, sample_report):
    path = _workbook_in_the_2019_layout(tmp_path, sample_report, "某镇人民政府2025年政府信息公开工作年度报告")
    result = read_xlsx(path)
    assert result.report.template_id == "2021"
    by_cell = _by_cell(result)
    assert "2019年版格式" in by_cell[("表二", "C4")] and "本年新制作数量" in by_cell[("表二", "C4")]
    assert "政府集中采购" in by_cell[("表二", "B9")]
    assert "2019年版格式" in by_cell[("表三", "D24")] and "（六）其他处理" in by_cell[("表三", "D24")]
    assert not result.complete


def test_missing_title_leaves_unit_and_year_blank(tmp_path, sample_report):
    wb = openpyxl.Workbook()
    put_table(wb.active, sample_report, "t3", top=1, left=1)
    path = tmp_path / "bare.xlsx"
    wb.save(path)
    result = read_xlsx(path)
    assert result.report.year == 0 and result.report.unit.name == ""
    messages = " ".join(p.message for p in result.problems)
    assert "报告年度" in messages and "单位名称" in messages and "表二" in messages and "表四" in messages


def test_formula_without_saved_result_is_located(tmp_path, sample_report):
    wb = openpyxl.Workbook()
    ws = wb.active
    put_table(ws, sample_report, "t4", top=3, left=1)
    ws["E6"] = "=SUM(A6:D6)"  # 行政复议 总计, never calculated
    path = tmp_path / "formula.xlsx"
    wb.save(path)
    result = read_xlsx(path)
    [problem] = [p for p in result.problems if p.key == "t4.review.total"]
    assert problem.cell == "E6" and "公式" in problem.message
