"""A new report from last year's: unit and texts carried over as drafts, 上年结转 filled from last year's
结转下年度 (across the 2019 → 2021 change of format too), last year kept for the cross-year checks."""

from __future__ import annotations

from core.carry_over import carried_summary, report_from_last_year
from core.checks import run_checks
from core.drafts import unchanged_drafts
from core.report_file import load_report
from resources import SAMPLE_REPORT
from tests.conftest import FIXTURES

SAMPLE_2020 = FIXTURES / "sample_2020.nianbao"


def test_next_year_starts_from_this_years_report():
    last = load_report(SAMPLE_REPORT)
    last.set_value("t3.carried_forward.natural", 2)
    report, notes = report_from_last_year(last, path="/somewhere/2025.nianbao")
    assert (report.year, report.template_id, report.unit) == (last.year + 1, "2021", last.unit)
    assert report.signing_date is None and report.previous_path == "/somewhere/2025.nianbao"
    assert report.text("overview.requests") == last.text("overview.requests")
    assert report.value("t3.carried_over.natural") == 2 and report.value("t3.carried_over.total") == 2
    assert report.value("t3.new.natural") is None and report.value("t2.fees.amount") is None
    assert notes == []
    result = run_checks(report)  # last year travels inside the report
    drafts = {f.subject: f for f in result.findings if f.rule_id == "C12"}
    # one finding per chapter: the whole of 一 is still last year's, so it is named as one
    assert drafts["overview"].message == "一、总体情况：仍是从上年报告带来的原文，请按本年实际情况改写"
    assert "overview.requests" in drafts["overview"].targets and "opening" in drafts
    assert not any(n.reason == "没有上年报告" for n in result.not_assessable)
    report.set_text("overview.requests", "本年度新收申请8件。")
    assert "overview.requests" not in unchanged_drafts(report)
    rest = next(f for f in run_checks(report).findings if f.rule_id == "C12" and f.chapter == "overview")
    assert "overview.requests" not in rest.targets and rest.message.startswith("一、总体情况中的章首文字、（一）主动公开情况、（三）")


def test_a_2020_report_in_the_2019_format_starts_a_2021_report():
    last = load_report(SAMPLE_2020)
    report, notes = report_from_last_year(last)
    assert (report.year, report.template_id) == (2021, "2021")
    for column in ("natural", "commercial", "research", "public_interest", "legal_services", "other", "total"):
        assert report.value(f"t3.carried_over.{column}") == last.value(f"t3.carried_forward.{column}"), column
    found = {f.id for f in run_checks(report).findings}
    assert not any(i.startswith("R8:") for i in found)  # carried over as last year ended: R8 holds


def test_a_blank_in_last_years_carried_forward_is_named_not_taken_as_zero():
    last = load_report(SAMPLE_REPORT)
    last.set_value("t3.carried_forward.research", None)
    report, notes = report_from_last_year(last)
    assert report.value("t3.carried_over.research") is None
    assert any("结转下年度继续办理·科研机构" in n for n in notes)


def test_linking_last_years_report_is_an_edit_that_reverts_exactly():
    from core.editing import SetPrevious

    report = load_report(SAMPLE_REPORT)
    last = load_report(SAMPLE_2020)
    edit = SetPrevious(last, "/old/2020.nianbao")
    change = edit.apply(report)
    assert change.previous and bool(change)
    assert report.previous is not last and report.previous.year == 2020 and report.previous_path == "/old/2020.nianbao"
    last.set_value("t3.carried_forward.natural", 99)  # the snapshot does not follow the file
    assert report.previous.value("t3.carried_forward.natural") != 99
    edit.revert(report)
    assert report.previous is None and report.previous_path == ""
    remove = SetPrevious(None)
    edit.apply(report)
    remove.apply(report)
    assert report.previous is None and report.previous_path == "" and remove.label == "移除上年报告"
    remove.revert(report)
    assert report.previous.year == 2020


def test_what_carried_is_said_row_by_row():
    last = load_report(SAMPLE_2020)
    last.set_value("t3.carried_forward.research", None)
    report, _ = report_from_last_year(last)
    lines = carried_summary(last, report)
    assert lines[0] == "单位信息和联系方式沿用上年报告"
    carried = next(line for line in lines if "上年结转" in line)
    assert "填入 6 个单元格" in carried and "科研机构" not in carried and "自然人" in carried


def test_last_years_file_of_another_kind_is_refused_in_chinese(tmp_path):
    import pytest

    from core.last_year import LastYearError, read_last_year

    other = tmp_path / "2024.doc"
    other.write_bytes(b"PK")
    with pytest.raises(LastYearError, match="不是年报文件"):
        read_last_year(other)
    broken = tmp_path / "2024.docx"  # a published report's suffix, but not a Word file
    broken.write_bytes(b"PK")
    with pytest.raises(LastYearError, match="2024.docx"):
        read_last_year(broken)
    with pytest.raises(LastYearError, match="2024.nianbao"):
        read_last_year(tmp_path / "2024.nianbao")
    assert read_last_year(SAMPLE_2020).complete


def test_within_the_2019_format_next_years_item_counts_follow_from_this_years():
    last = load_report(SAMPLE_2020)
    last.year = 2019  # a 2019 report starts the 2020 one, both in the 2019 format
    last.set_value("t2.fees.change", None)
    report, notes = report_from_last_year(last)
    assert report.template_id == "2019"
    licensing = last.value("t2.licensing.previous_items") + last.value("t2.licensing.change")
    assert report.value("t2.licensing.previous_items") == licensing
    assert report.value("t2.licensing.change") is None and report.value("t2.licensing.decisions") is None
    assert report.value("t2.fees.previous_items") is None  # its 本年增/减 was blank: not taken as 0
    assert any("行政事业性收费·本年增/减" in n for n in notes)
    assert "“行政许可”按上年“上一年项目数量 + 本年增/减”填入 1 个单元格（上一年项目数量）" in carried_summary(last, report)
    found = {f.id: f for f in run_checks(report).findings}
    assert "R10:licensing" not in found and "R8:natural" not in found
    report.set_value("t2.licensing.previous_items", licensing + 1)
    r10 = {f.id: f for f in run_checks(report).findings}["R10:licensing"]
    assert r10.message == (f"第二十条第（五）项 行政许可·上一年项目数量：应为上年报告的上一年项目数量 + 本年增/减，"
                           f"上年 {last.value('t2.licensing.previous_items')} + 上年 {last.value('t2.licensing.change')} "
                           f"= {licensing}，表中 {licensing + 1}")
