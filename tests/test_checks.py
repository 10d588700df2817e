"""Every rule fires with the right arithmetic, and nothing false is reported on real and sample reports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from core.checks import run_checks
from core.document import Report
from core.report_file import load_report
from core.values import SLASH
from tests.conftest import ERRORS, SEED001


def by_id(result):
    return {f.id: f for f in result.findings}


def blank_blocked(result):
    """The sums a blank cell keeps from being checked (not those waiting for last year's report)."""
    return [n for n in result.not_assessable if n.reason == "空白单元格"]


def test_sample_report_is_clean(sample_report):
    result = run_checks(sample_report)
    assert result.findings == [] and blank_blocked(result) == []
    # the cross-year rules wait for last year's report, and say so
    assert {n.rule_id for n in result.not_assessable} == {"R8", "R9", "C11"}
    assert {n.reason for n in result.not_assessable} == {"没有上年报告"}


def test_seed001_reports_exactly_its_blank_review_results():
    result = run_checks(load_report(SEED001))
    errors = [f for f in result.findings if f.severity == "error"]
    # Five cells are blank; the blank 总计 is not one to fill in: it follows from the four results.
    assert [f.targets for f in errors] == [(f"t4.review.{c}",) for c in ("upheld", "corrected", "other", "pending")]
    assert {f.rule_id for f in errors} == {"R7"}
    assert errors[0].message == "行政复议·结果维持：未填写，没有发生请填 0"
    # The seed prints no signature block, so it has no signing date to check.
    assert [f.id for f in result.findings if f.severity != "error"] == []
    assert [n.rule_id for n in blank_blocked(result)] == ["R5"]


def test_the_signing_date_is_checked_only_where_the_report_prints_it():
    report = load_report(SEED001)
    report.print_signature = True
    assert [f.id for f in run_checks(report).findings if f.rule_id == "C8"] == ["C8:missing"]
    report.signing_date = dt.date(2021, 12, 30)
    assert "报告期尚未结束" in by_id(run_checks(report))["C8"].message
    report.print_signature = False
    assert [f for f in run_checks(report).findings if f.rule_id == "C8"] == []


def test_errors_fixture_fires_every_rule_with_its_arithmetic():
    found = by_id(run_checks(load_report(ERRORS)))
    expected = {  # id: (left, right)
        "R1:natural": (7, 6), "R3:commercial": (3, 1), "R4:disclosed": (4, 3), "R5:suit_after_review": (2, 0),
    }
    for finding_id, (left, right) in expected.items():
        finding = found[finding_id]
        assert (finding.left, finding.right, finding.difference) == (Decimal(left), Decimal(right), Decimal(left - right))
        assert finding.severity == "error"
    assert found["R3:commercial"].message == "三、本年度办理结果（七）总计·商业企业：左边 3，右边 1，相差 2"
    assert found["R4:disclosed"].message == "三、本年度办理结果（一）予以公开·总计：左边 4，右边 3，相差 1"
    assert found["R5:suit_after_review"].targets[0] == "t4.suit_after_review.total"
    assert found["R6:t2.penalty.decisions"].message == "第二十条第（六）项 行政处罚·本年处理决定数量：件数应为 0 或正整数，现为 -1"
    assert found["R7:t4.review.pending"].message == "行政复议·尚未审结：未填写，没有发生请填 0"
    assert found["R7:t4.direct_suit.pending"].message == "行政诉讼 未经复议直接起诉·尚未审结：填了“/”，没有发生请填 0"
    for coded in ("C3:监督保障", "C4", "C5", "C6", "C7", "C8"):
        assert found[coded].severity == "warning", coded
    assert found["C7"].targets == ("t2.regulations.issued",)
    assert "2025年1月20日" in found["C8"].message and "报告期尚未结束" in found["C8"].message


def test_empty_report_names_every_unfilled_chapter_and_groups_blank_tables():
    result = run_checks(Report.new(2025, "某镇人民政府"))
    messages = [f.message for f in result.findings]
    for heading in ("一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        assert f"{heading}：尚未填写" in messages
    tables = [f for f in result.findings if f.rule_id == "R7"]
    # counts and targets are the cells to fill in, not the totals computed from them
    assert [(f.subject, len(f.targets)) for f in tables] == [("t2", 10), ("t3", 144), ("t4", 12)]
    assert len(result.findings) == 8


def test_half_filled_table_groups_blank_rows():
    report = load_report(ERRORS)
    for column in ("natural", "commercial", "research", "public_interest", "legal_services", "other"):
        for row in ("withheld_process", "withheld_inquiry", "unprocessed_repeat"):
            report.cells.pop(f"t3.{row}.{column}")
    report.recompute()
    r7 = [f for f in run_checks(report).findings if f.rule_id == "R7" and f.chapter == "applications"]
    assert [f.subject for f in r7] == ["t3.withheld_process", "t3.withheld_inquiry", "t3.unprocessed_repeat"]
    assert r7[0].message == "三、本年度办理结果（三）不予公开 6.属于四类过程性信息：整行尚未填写（6 个单元格）"


def test_a_blank_makes_sums_not_assessable_never_zero(sample_report):
    sample_report.set_value("t3.disclosed.research", None)
    result = run_checks(sample_report)
    assert [f.id for f in result.findings] == ["R7:t3.disclosed.research"]
    # The shown total (七) adds what is filled in; the sums that read the blank cannot be checked.
    assert {(n.rule_id, n.subject) for n in blank_blocked(result)} == {("R3", "research"), ("R4", "disclosed")}


def test_confirmed_warning_keeps_its_explanation(sample_report):
    sample_report.set_value("t2.regulations.issued", 1)
    result = run_checks(sample_report)
    (finding,) = result.findings
    assert finding.id == "C7" and not result.is_confirmed(finding)
    sample_report.explanations["C7"] = "经省政府授权"
    result = run_checks(sample_report)
    assert result.is_confirmed(result.findings[0]) and result.open_warnings == 0
    assert "已说明 1 项" in result.summary()


def test_coded_checks(sample_report):
    sample_report.unit.level = "city"
    sample_report.set_value("t2.regulations.issued", 1)
    sample_report.set_text("other_matters", "本年度全年收取信息处理费 0.3 万元。")
    sample_report.opening = sample_report.opening.replace("2025年1月1日", "2024年1月1日")
    sample_report.signing_date = dt.date(2027, 2, 1)
    sample_report.unit.name = " "
    found = by_id(run_checks(sample_report))
    assert "C7" not in found and "C5" not in found
    assert found["C9:year"].message == "开头段落：统计期限写的是 2024 年，报告年度是 2025 年"
    assert "晚于次年" in found["C8"].message
    assert found["C1:unit.name"].severity == "error"
    sample_report.unit.kind = "department"
    sample_report.set_text("overview.supervision", "开展培训。")
    assert "C6" not in by_id(run_checks(sample_report))
    sample_report.unit.kind = "government"
    assert "工作考核、社会评议、责任追究" in by_id(run_checks(sample_report))["C6"].message


def test_slash_is_reported_not_counted(sample_report):
    sample_report.set_value("t4.review.upheld", SLASH)
    result = run_checks(sample_report)
    assert [f.id for f in result.findings] == ["R7:t4.review.upheld"]
    assert sample_report.value("t4.review.total") == 0


def test_text_numbers_must_match_the_tables(sample_report):
    text = sample_report.text("overview.requests")
    sample_report.set_text("overview.requests", text.replace("新收政府信息公开申请6件", "新收政府信息公开申请5件"))
    sample_report.set_text("problems", "本年度发生行政复议2件，未发生行政诉讼。")
    found = by_id(run_checks(sample_report))
    new = found["C10:new@overview.requests"]
    assert new.message == ("一、总体情况（二）依申请公开情况：正文写 5 件（“新收政府信息公开申请5件”），"
                           "表三的新收申请件数为 6 件，两者不一致")
    assert new.targets[:2] == ("overview.requests", "t3.new.total") and new.severity == "warning"
    assert (found["C10:review@problems"].left, found["C10:review@problems"].right) == (2, 0)
    assert not any(k.startswith("C10:suits") for k in found)
