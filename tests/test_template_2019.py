"""The 2019 format (国办公开办函〔2019〕60号) as data: official labels and layout, keys shared with 2021,
links, the unit of 采购总金额, rules on a filled and a broken 2020 report, signed counts, and the
whole CLI round trip (new → check → export Word and Excel → import)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from cli.main import main
from core.checks import run_checks
from core.document import Report
from core.export.docx_writer import write_docx
from core.export.xlsx_writer import write_xlsx
from core.imports.xlsx_reader import read_xlsx
from core.report_file import load_report, report_to_dict, save_report
from core.template import TemplateError, UnknownTemplateError, load_template, load_template_file, template_for_year
from core.values import CellInputError
from resources import TEMPLATES_DIR
from scripts.make_sample_2020 import build_sample_2020
from tests.conftest import FIXTURES
from tests.test_template import T3_ROW_LABELS

SAMPLE_2020 = FIXTURES / "sample_2020.nianbao"
TEMPLATE = load_template("2019")
RAW = json.loads((TEMPLATES_DIR / "2019.json").read_text(encoding="utf-8"))

# Table 二 of the 2019 format, block by block, as formats.md gives it: heading, column labels, row labels.
T2_BLOCKS = [
    ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "规范性文件"]),
    ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "其他对外管理服务事项"]),
    ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政处罚", "行政强制"]),
    ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"], ["行政事业性收费"]),
    ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额（单位：万元）"], ["政府集中采购"]),
]
# Table 三 is the 2021 table with （六）其他处理 as one row instead of three sub-items (formats.md).
T3_ROWS = [label for label in T3_ROW_LABELS if label not in T3_ROW_LABELS[20:23]]
T3_ROWS.insert(T3_ROWS.index("（七）总计"), "（六）其他处理")
RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


@pytest.fixture
def sample() -> Report:
    return load_report(SAMPLE_2020)


def labels(table_key: str) -> list[str]:
    """Every printed label of a table (headers, headings, row and group labels), in grid order."""
    return [i.text for i in TEMPLATE.table(table_key).items if i.role != "cell"]


def findings_by_id(report: Report) -> dict[str, object]:
    return {f.id: f for f in run_checks(report).findings}


# --- the template itself ------------------------------------------------------------------------

def test_loads_clean_and_serves_2019_and_2020():
    template = load_template_file(TEMPLATES_DIR / "2019.json")  # raises TemplateError on any lint problem
    assert (template.first_year, template.last_year) == (2019, 2020)
    assert [template_for_year(y).id for y in (2018, 2019, 2020, 2021)] == ["pre2019", "2019", "2019", "2021"]
    with pytest.raises(UnknownTemplateError, match="没有适用于 2007 年度的报告格式"):
        template_for_year(2007)
    assert "国办公开办函〔2019〕60号" in template.name and "国办公开办函〔2019〕60号" in template.basis
    assert [len(t.cells) for t in template.tables] == [22, 161, 15]
    assert [c.heading for c in template.chapters] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    assert [c.key for c in template.chapters] == [c.key for c in load_template("2021").chapters]
    assert template.text_keys == load_template("2021").text_keys


def test_an_unknown_cell_type_is_located_and_names_the_valid_ones(tmp_path: Path):
    text = (TEMPLATES_DIR / "2019.json").read_text(encoding="utf-8")
    broken = tmp_path / "2019.json"
    broken.write_text(text.replace('"type": "signed_count"', '"type": "signed"'), encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template_file(broken)
    [(line, message)] = caught.value.problems
    assert text.splitlines()[line - 1].lstrip().startswith('{"key": "change"')
    assert message == "列 change 的类型“signed”无效，应为 count / money / signed_count"


@pytest.mark.parametrize("table_key", ["t2", "t3", "t4"])
def test_every_layout_position_is_drawn_once_and_every_cell_exists(table_key: str):
    table = TEMPLATE.table(table_key)
    covered: dict[tuple[int, int], int] = {}
    for item in table.items:
        for r in range(item.row, item.row + item.rowspan):
            for c in range(item.col, item.col + item.colspan):
                covered[(r, c)] = covered.get((r, c), 0) + 1
    assert covered == {(r, c): 1 for r in range(table.grid_rows) for c in range(table.grid_columns)}
    expected = [f"{table.key}.{row.key}.{column}" for row in table.rows for column in row.columns]
    drawn = [i.cell for i in table.items if i.role == "cell"]
    assert sorted(drawn) == sorted(expected) == sorted(table.cells)
    assert all(key in TEMPLATE.cells for key in expected)


def test_table_two_has_the_five_2019_blocks():
    table = TEMPLATE.table("t2")
    rows: dict[int, list] = {}
    for item in table.items:
        rows.setdefault(item.row, []).append(item)
    printed = [[i.text if i.role != "cell" else "#" for i in sorted(items, key=lambda i: i.col)]
               for _, items in sorted(rows.items())]
    expected = []
    for heading, header, row_labels in T2_BLOCKS:
        expected += [[heading], header]
        expected += [[label] + ["#"] * (len(header) - 1) for label in row_labels]
    assert printed == expected
    assert [r.label for r in table.rows] == [label for *_, rows_ in T2_BLOCKS for label in rows_]
    # The last column of a block with two figures is one merged cell, as in the official table.
    assert table.item_for_cell("t2.fees.change").colspan == 2
    assert table.item_for_cell("t2.purchase.purchase_amount").colspan == 2
    assert {c.key: c.type for c in table.columns if c.type != "count"} == {"change": "signed_count",
                                                                           "purchase_amount": "money"}


def test_table_three_has_a_single_other_processing_row():
    table = TEMPLATE.table("t3")
    assert [r.label for r in table.rows] == T3_ROWS
    vertical = next(i for i in table.items if i.vertical)
    assert (vertical.text, vertical.rowspan) == ("三、本年度办理结果", 20)
    other = table.row("other_processing")
    assert other.name == "三、本年度办理结果（六）其他处理"
    label = next(i for i in table.items if i.role == "row_label" and i.text == "（六）其他处理")
    assert (label.row, label.colspan) == (vertical.row + 18, 2)
    assert labels("t3")[:8] == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人",
                                "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织"]


def test_table_four_header_uses_the_official_merge():
    table = TEMPLATE.table("t4")
    header = {(i.row, i.col): (i.text, i.rowspan, i.colspan) for i in table.items if i.row < table.header_rows}
    expected = {(0, 0): ("行政复议", 1, 5), (0, 5): ("行政诉讼", 1, 10),
                (1, 5): ("未经复议直接起诉", 1, 5), (1, 10): ("复议后起诉", 1, 5)}
    expected |= {(1, c): (text, 2, 1) for c, text in enumerate(RESULTS)}
    expected |= {(2, 5 + c): (text, 1, 1) for c, text in enumerate(RESULTS * 2)}
    assert header == expected and table.header_rows == 3
    assert [i.cell for i in table.items if i.role == "cell"] == list(TEMPLATE.table("t4").cells)


def test_2021_keys_are_kept_where_the_meaning_is_the_same():
    t2021 = load_template("2021")
    t2_rows = {r.key for r in TEMPLATE.table("t2").rows}
    assert {"regulations", "normative_documents", "licensing", "penalty", "coercion", "fees"} <= t2_rows
    assert {"t2.licensing.decisions", "t2.penalty.decisions", "t2.coercion.decisions"} <= set(TEMPLATE.cells)
    # Columns that mean something else in 2019 have keys of their own.
    assert not {"issued", "repealed", "in_force", "amount"} & {c.key for c in TEMPLATE.table("t2").columns}
    old_rows = [r.key for r in t2021.table("t3").rows]
    assert [r.key for r in TEMPLATE.table("t3").rows] == (
        old_rows[:old_rows.index("other_no_correction")] + ["other_processing"]
        + old_rows[old_rows.index("other_other") + 1:])
    assert TEMPLATE.table("t3").columns == t2021.table("t3").columns
    assert TEMPLATE.table("t4").cells == t2021.table("t4").cells


def _link_cells(template, key: str) -> list[str]:
    """The cells a link key names: a cell, or every cell of a row."""
    if key.count(".") == 2:
        return [key] if key in template.cells else []
    table_key, _, row_key = key.partition(".")
    table = template.table(table_key)
    row = next((r for r in table.rows if r.key == row_key), None)
    return [f"{key}.{c}" for c in row.columns] if row else []


def test_links_name_real_keys_and_every_2019_cell_is_linked_or_says_why_not():
    links, t2021 = next(x for x in RAW["links"] if x["format"] == "2021"), load_template("2021")
    assert links["format"] == "2021" and links["note"]
    accounted: list[str] = []
    for kind in ("same", "next_year"):
        for source, link in links[kind].items():
            cells = _link_cells(TEMPLATE, source)
            targets = link["to"] if isinstance(link["to"], list) else [link["to"]]
            assert cells and link["note"].strip(), source
            for target in targets:
                assert _link_cells(t2021, target), (source, target)
                if source.count(".") == 1:  # a row link matches columns by key
                    assert [c.rpartition(".")[2] for c in _link_cells(t2021, target)] == \
                        [c.rpartition(".")[2] for c in cells], (source, target)
            if kind == "same":
                accounted += cells
    for source, why in links["unlinked"].items():
        assert _link_cells(TEMPLATE, source) and why.strip(), source
        accounted += _link_cells(TEMPLATE, source)
    assert sorted(accounted) == sorted(TEMPLATE.cells)  # each cell exactly once
    # Decisions taken on purpose (see formats.md): 对外公开总数量 is not 现行有效件数.
    assert "t2.regulations.total_published" in links["unlinked"]
    assert links["next_year"]["t3.carried_forward"]["to"] == "t3.carried_over"


def test_the_purchase_amount_is_asked_for_in_wan_yuan():
    [column] = [c for c in RAW["tables"][0]["columns"] if "unit" in c]
    assert (column["key"], column["label"], column["unit"], column["type"]) == ("purchase_amount", "采购总金额", "万元", "money")
    cell = TEMPLATE.cells["t2.purchase.purchase_amount"]
    assert cell.column.label == "采购总金额" and "（单位：万元）" in cell.help
    assert "元" in cell.column.help and "10000" in cell.column.help  # reports wrote 元 or 万元
    header = next(i for i in TEMPLATE.table("t2").items if i.role == "header" and i.text.startswith("采购总金额"))
    assert header.text == "采购总金额（单位：万元）" and "（单位：万元）" in header.help


def test_help_on_every_chapter_row_column_rule_and_label():
    assert all(c.help for c in TEMPLATE.chapters) and all(s.help for c in TEMPLATE.chapters for s in c.sections)
    for table in TEMPLATE.tables:
        assert all(r.help for r in table.rows) and all(c.help for c in table.columns)
        assert [i.text for i in table.items if not i.help] == []
    assert all(r.help and r.title for r in TEMPLATE.rules)
    # no 信息处理费 check (C5): the 2019 format does not require that sentence
    assert sorted(r.id for r in TEMPLATE.rules) == sorted(["R1", "R3", "R4", "R5", "R6", "R7", "R8", "R10", "C1", "C2",
                                                           "C3", "C4", "C6", "C7", "C8", "C9", "C10", "C11", "C12",
                                                           "C14"])
    assert "2019 年版格式" in TEMPLATE.chapter("proactive").help and "第（九）项" in TEMPLATE.chapter("proactive").help
    assert "其他处理" in TEMPLATE.chapter("applications").help
    assert "负数" in TEMPLATE.rule("R6").help and "万元" in TEMPLATE.rule("R6").help


# --- reports in the 2019 format ---------------------------------------------------------------------

def test_the_fixture_is_what_the_script_writes(sample: Report):
    assert report_to_dict(sample) == report_to_dict(build_sample_2020())
    assert sample.template_id == "2019" and sample.year == 2020


def test_a_filled_2020_report_passes_every_check(sample: Report):
    result = run_checks(sample)
    assert result.findings == [] and [n for n in result.not_assessable if n.reason != "没有上年报告"] == []
    assert sample.value("t3.total_results.total") == 18 and sample.value("t3.other_processing.total") == 1
    assert sample.value("t4.review.total") == 1 and sample.value("t2.licensing.change") == -3


def test_a_broken_2020_report_fires_r1_r3_r4_r5(sample: Report):
    sample.set_value("t3.new.natural", 15)  # R1 自然人: 15 + 1 vs 14 + 1
    sample.cells["t3.total_results.commercial"] = 4  # R3 商业企业: 4 vs 3 (a hand-typed total), and R1 商业企业
    sample.cells["t3.other_processing.total"] = 2  # R4 （六）其他处理: 2 vs 1
    sample.cells["t4.review.total"] = 3  # R5 行政复议: 3 vs 1
    found = findings_by_id(sample)
    expected = {
        "R1:natural": (16, 15, "三、收到和处理申请·自然人列"),
        "R1:commercial": (3, 4, "三、收到和处理申请·商业企业列"),
        "R3:commercial": (4, 3, "三、本年度办理结果（七）总计·商业企业"),
        "R4:other_processing": (2, 1, "三、本年度办理结果（六）其他处理·总计"),
        "R5:review": (3, 1, "行政复议·总计"),
        # The same defects seen from the 总计 column and the （七）总计 row:
        "R1:total": (20, 19, "三、收到和处理申请·总计列"),
        "R3:total": (18, 19, "三、本年度办理结果（七）总计·总计"),
        "R4:total_results": (18, 19, "三、本年度办理结果（七）总计·总计"),
    }
    for finding_id, (left, right, where) in expected.items():
        finding = found[finding_id]
        assert (finding.left, finding.right, finding.severity) == (left, right, "error"), finding_id
        assert finding.message.startswith(where)
        assert finding.message.endswith(f"左边 {left}，右边 {right}，相差 {abs(left - right)}")
    assert {k for k in found if k.startswith(("R1", "R3", "R4", "R5"))} == set(expected)
    assert found["R4:other_processing"].targets[0] == "t3.other_processing.total"


def test_the_signed_column_accepts_minus_three_and_counts_do_not(sample: Report, tmp_path: Path):
    sample.set_text_value("t2.penalty.change", "−3")  # U+2212, as Word and WPS print it
    assert sample.value("t2.penalty.change") == -3 and "R6:t2.penalty.change" not in findings_by_id(sample)
    with pytest.raises(CellInputError, match="是负数"):
        sample.set_text_value("t2.penalty.previous_items", "-3")
    sample.cells["t2.penalty.previous_items"] = -3  # as a file may hold it
    sample.cells["t2.coercion.change"] = Decimal("1.5")
    found = findings_by_id(sample)
    assert found["R6:t2.penalty.previous_items"].message == \
        "第二十条第（六）项 行政处罚·上一年项目数量：件数应为 0 或正整数，现为 -3"
    assert found["R6:t2.coercion.change"].message == \
        "第二十条第（六）项 行政强制·本年增/减：增减数应为整数（可以为负数），现为 1.5"
    path = tmp_path / "r.nianbao"
    save_report(sample, path)
    assert json.loads(path.read_text(encoding="utf-8"))["cells"]["t2.penalty.change"] == -3
    assert load_report(path).value("t2.penalty.change") == -3


def test_the_purchase_amount_is_money_kept_as_typed(sample: Report):
    assert sample.value("t2.purchase.purchase_amount") == Decimal("386.42")
    with pytest.raises(CellInputError, match="金额以万元为单位"):
        sample.set_text_value("t2.purchase.purchase_amount", "3864200元")
    sample.set_text_value("t2.purchase.purchase_amount", "386.420")
    assert str(sample.value("t2.purchase.purchase_amount")) == "386.420"


# --- exports and the command line --------------------------------------------------------------------

def test_word_export_prints_every_2019_label_verbatim(sample: Report, tmp_path: Path):
    path = tmp_path / "r.docx"
    write_docx(sample, path, "official")
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    for chapter in TEMPLATE.chapters:
        assert chapter.heading in paragraphs
    for section in TEMPLATE.chapter("overview").sections:
        assert section.title in paragraphs
    # a table may be printed in page parts, each captioned with its chapter heading
    parts: dict[str, list] = {}
    for printed in document.tables:
        caption = printed._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val"))
        parts.setdefault(caption, []).append(printed)
    assert list(parts) == [t.title for t in TEMPLATE.tables]
    for table in TEMPLATE.tables:
        texts = {cell.text.replace("\n", "") for printed in parts[table.title] for row in printed.rows for cell in row.cells}
        assert [label for label in labels(table.key) if label not in texts] == [], table.key
    t2_texts = [cell.text for printed in parts[TEMPLATE.tables[0].title] for row in printed.rows for cell in row.cells]
    assert "-3" in t2_texts and "386.42" in t2_texts and "-1" in t2_texts


def test_excel_export_prints_every_2019_label_and_imports_back_exactly(sample: Report, tmp_path: Path):
    path = tmp_path / "r.xlsx"
    write_xlsx(sample, path, run_checks(sample))
    workbook = openpyxl.load_workbook(path)
    for table, name in zip(TEMPLATE.tables, ("表二", "表三", "表四"), strict=True):
        values = {c.value for row in workbook[name].iter_rows() for c in row if c.value is not None}
        assert [label for label in labels(table.key) if label not in values] == [], table.key
    t2_values = [c.value for row in workbook["表二"].iter_rows() for c in row]
    assert -3 in t2_values and -1 in t2_values and 386.42 in t2_values
    result = read_xlsx(path)
    assert result.complete and result.problems == []
    assert report_to_dict(result.report) == report_to_dict(sample)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_new_check_export_import_for_2020(capsys, tmp_path: Path):
    blank = tmp_path / "blank.nianbao"
    code, out, _ = run(capsys, "new", "--year", "2020", "--unit", "某某县某某局", "-o", str(blank))
    assert code == 0 and "2019年版格式" in out and load_report(blank).template_id == "2019"
    code, out, _ = run(capsys, "check", str(blank))
    assert code == 1
    for whole in ("（表二）：整张表尚未填写（22 个单元格）", "（表三）：整张表尚未填写（132 个单元格）",
                  "（表四）：整张表尚未填写（12 个单元格）"):
        assert whole in out
    code, out, _ = run(capsys, "check", str(SAMPLE_2020))
    assert code == 0 and "未发现问题" in out
    word, excel, back = tmp_path / "r.docx", tmp_path / "r.xlsx", tmp_path / "back.nianbao"
    code, _, err = run(capsys, "export", "--docx", str(word), "--xlsx", str(excel), str(SAMPLE_2020))
    assert code == 0 and err == "" and word.stat().st_size > 0 and excel.stat().st_size > 0
    code, _, err = run(capsys, "import", str(excel), "-o", str(back))
    assert code == 0 and err == ""
    assert report_to_dict(load_report(back)) == report_to_dict(load_report(SAMPLE_2020))
