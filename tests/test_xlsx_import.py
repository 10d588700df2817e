"""Excel import: our exports round-trip exactly; official-layout workbooks made elsewhere are read by
their labels; every bad input gives a located Chinese message or a refusal."""

from __future__ import annotations

import io
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from core.checks import run_checks
from core.document import Report
from core.export.xlsx_hidden import HIDDEN_SHEET
from core.export.xlsx_layout import MAP_ROW
from core.export.xlsx_writer import write_xlsx
from core.imports import xlsx_package, xlsx_scan
from core.imports.labels import canonical
from core.imports.xlsx_reader import XlsxImportError, read_xlsx
from core.report_file import load_report, report_to_dict
from core.values import SLASH
from tests.conftest import SEED001
from tests.test_xlsx_export import tricky_report

TITLE = "清河县柳溪镇人民政府2025年政府信息公开工作年度报告"


# --- our own exports ---------------------------------------------------------------------------

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


# --- workbooks made elsewhere ------------------------------------------------------------------

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


# --- files that cannot be read at all ----------------------------------------------------------

def zip_of(**members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


@pytest.mark.parametrize("name, content, expected", [
    ("notes.xlsx", "单位,数量\n".encode(), "不是 Excel"),
    ("archive.xlsx", zip_of(**{"readme.txt": "hello"}), "不是 Excel"),
    ("old.xls", OLE + "Workbook".encode("utf-16-le"), "旧版.*另存为 .xlsx"),
    ("secret.xlsx", OLE + "EncryptionInfo".encode("utf-16-le"), "打开密码"),
    ("nothing.xlsx", None, "找不到"),
])
def test_files_that_are_not_plain_workbooks(tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(XlsxImportError, match=expected):
        read_xlsx(path)


def test_oversized_file(tmp_path):
    big = tmp_path / "big.xlsx"
    with big.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(XlsxImportError, match="超过 20 MB"):
        read_xlsx(big)


def test_zip_bomb_and_too_many_rows(tmp_path, sample_report):
    path = tmp_path / "r.xlsx"
    write_xlsx(sample_report, path, run_checks(sample_report))
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/media/image1.bin", b"\0" * (60 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(XlsxImportError, match="压缩炸弹"):
        read_xlsx(bomb)



def test_cells_far_down_or_right_are_left_unread_with_a_notice(tmp_path, sample_report):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("数据")
    for number in range(xlsx_scan.MAX_ROWS + 500):
        ws.append([number])
    ws.append([None] * 300 + ["远处"])
    rows = tmp_path / "rows.xlsx"
    wb.save(rows)
    result = read_xlsx(rows)
    [far] = [p for p in result.problems if p.sheet == "数据"]
    assert far.notice and f"第 {xlsx_scan.MAX_ROWS} 行以下" in far.message
    grid_rows = {p.sheet for p in result.problems}
    assert grid_rows == {"数据", ""}  # and the three tables are named as not found


def entity_workbook(tmp_path: Path) -> Path:
    """A workbook whose sheet XML declares entities (billion-laughs style, kept small)."""
    source = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    wb.save(source)
    attack = (b'<?xml version="1.0"?><!DOCTYPE ws [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              b'<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>')
    path = tmp_path / "entity.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as target:
        for item in original.infolist():
            data = attack if item.filename == "xl/worksheets/sheet1.xml" else original.read(item)
            target.writestr(item, data)
    return path


def test_xml_entity_attack_is_refused(tmp_path, monkeypatch):
    path = entity_workbook(tmp_path)
    with pytest.raises(XlsxImportError, match="实体"):
        read_xlsx(path)
    # Without our own pre-check the reader still refuses it: python-calamine expands no entities.
    monkeypatch.setattr(xlsx_package, "_refuse_doctype", lambda *args: None)
    with pytest.raises(XlsxImportError, match="无法读取"):
        read_xlsx(path)
