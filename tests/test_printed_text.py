"""The printed text walker: headings, paragraphs, table rows and the signature in print order, from the
report's own outline, the format's tables and the report's free tables."""

from __future__ import annotations

import datetime as dt

from core.document import FreeTable, Report
from core.outline import OutlineChapter, OutlineSection, default_outline
from core.printed_text import format_date, paragraphs_of, printed_text, table_rows


def kinds_and_texts(report: Report) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in printed_text(report)]


def test_a_2021_report_in_print_order(sample_report):
    blocks = printed_text(sample_report)
    assert [(b.kind, b.text) for b in blocks[:2]] == [("title", "清河县柳溪镇人民政府"), ("title", "2025年政府信息公开工作年度报告")]
    assert blocks[2].kind == "paragraph" and blocks[2].source == "opening"
    assert [b.text for b in blocks if b.kind == "chapter"] == [c.heading for c in sample_report.chapters]
    assert [b.text for b in blocks if b.kind == "section"] == [s.title for s in sample_report.chapter("overview").sections]
    assert [(b.kind, b.text) for b in blocks[-2:]] == [("signature", "清河县柳溪镇人民政府"), ("date", "2026年1月20日")]
    t3 = [b for b in blocks if b.kind == "row" and b.source == "t3"]
    assert len(t3) == 3 + 25  # three header rows, 25 rows of figures
    first = t3[3]
    assert first.cells[0] == "一、本年新收政府信息公开申请数量" and len(first.cells) == 8
    assert first.text == "\t".join(first.cells)
    assert [b.source for b in blocks if b.kind == "row"][0] == "t2"


def test_merged_labels_print_once_in_the_row_where_they_start(sample_report):
    rows = table_rows(sample_report.template.table("t3"), sample_report)
    assert rows[0] == ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况")
    assert rows[5][:2] == ("三、本年度办理结果", "（一）予以公开")
    assert rows[6][0] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert sum(row.count("三、本年度办理结果") for row in rows) == 1


def test_blank_cells_print_empty_and_money_as_typed(sample_report):
    sample_report.set_value("t3.new.natural", None)
    sample_report.set_text_value("t2.fees.amount", "12.500")
    rows = {b.cells[0]: b.cells for b in printed_text(sample_report) if b.kind == "row"}
    assert rows["一、本年新收政府信息公开申请数量"][1] == ""
    assert rows["行政事业性收费"][1] == "12.500"


def test_a_section_prints_its_title_once_and_not_at_all_when_empty(sample_report):
    sample_report.set_text("overview.platforms", "")
    sample_report.set_text("overview.management", "（三）政府信息管理情况。严格保密审查。")
    sections = [t for k, t in kinds_and_texts(sample_report) if k == "section"]
    assert sections == ["（一）主动公开情况", "（二）依申请公开情况", "（五）政府信息公开监督保障情况"]
    assert ("paragraph", "（三）政府信息管理情况。严格保密审查。") in kinds_and_texts(sample_report)


def test_the_outline_decides_chapters_sections_and_where_tables_stand():
    report = Report.new(2017, "某某县某某局")
    report.own_title = ("某某县某某局关于2017年度", "政府信息公开工作的报告")
    report.free_tables["free-1"] = FreeTable("审批单", [["内容概要", "某制度"], ["承办人：", ""]])
    report.outline = (
        OutlineChapter("overview", "概述", (OutlineSection("overview.s1", "（一）组织领导", ("free-1",)),)),
        OutlineChapter("numbers", "统计情况", (), ("channels",)),
    )
    report.set_text("overview", "第一段。\n\n第二段。")
    report.set_text("overview.s1", "成立了领导小组。")
    report.set_value("channels.website.number", 12)
    report.print_signature = False
    report.signing_date = dt.date(2018, 1, 30)
    texts = kinds_and_texts(report)
    assert texts[:9] == [
        ("title", "某某县某某局关于2017年度"), ("title", "政府信息公开工作的报告"),
        ("chapter", "一、概述"), ("paragraph", "第一段。"), ("paragraph", "第二段。"),
        ("section", "（一）组织领导"), ("paragraph", "成立了领导小组。"),
        ("table_title", "审批单"), ("row", "内容概要\t某制度"),
    ]
    assert texts[9:12] == [("row", "承办人：\t"), ("chapter", "二、统计情况"), ("row", "通过不同渠道和方式公开政府信息的情况")]
    assert ("row", "2.政府网站公开政府信息数\t条\t12") in texts
    assert texts[-1] == ("row", "5.其他方式公开政府信息数\t条\t")  # no signature: the unit chose none
    report.print_signature = True
    assert kinds_and_texts(report)[-2:] == [("signature", "某某县某某局"), ("date", "2018年1月30日")]


def test_a_free_table_the_report_no_longer_has_prints_nothing():
    report = Report.new(2017, "某某县某某局")
    report.outline = (OutlineChapter("overview", "概述", (), ("free-9",)),)
    report.set_text("overview", "正文。")
    assert [k for k, _ in kinds_and_texts(report)] == ["title", "title", "chapter", "paragraph", "signature"]


def test_the_formats_outline_is_printed_when_the_report_has_none_of_its_own(sample_report):
    before = kinds_and_texts(sample_report)
    sample_report.outline = default_outline(sample_report.template)
    assert kinds_and_texts(sample_report) == before


def test_paragraphs_and_dates():
    assert paragraphs_of("  第一段。\n\n\u3000\u3000第二段。\n ") == ["第一段。", "第二段。"]
    assert format_date(dt.date(2019, 3, 7)) == "2019年3月7日"
