"""Standard sentences come from the template per text slot and are filled from the report."""

from __future__ import annotations

from core.document import OPENING, Report
from core.phrases import fill


def _phrase(report: Report, key: str, title: str):
    return next(p for p in report.phrases_for(key) if p.title == title)


def test_basis_sentence_names_the_templates_official_notice():
    report = Report.new(2025, "清河县柳溪镇人民政府")
    text = fill(_phrase(report, OPENING, "编制依据"), report)
    assert text == ("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和" + report.template.basis
                    + "要求，清河县柳溪镇人民政府编制本报告。")
    assert "（国办公开办函〔2021〕30号）要求" in text


def test_contact_sentence_lists_only_the_filled_fields():
    report = Report.new(2025, "柳溪镇人民政府")
    assert fill(_phrase(report, OPENING, "联系方式"), report) == "如对本报告有任何疑问，请与柳溪镇人民政府联系。"
    report.unit.phone = "0000-1234567"
    assert fill(_phrase(report, OPENING, "联系方式"), report) == "如对本报告有任何疑问，请与柳溪镇人民政府联系（电话：0000-1234567）。"


def test_each_slot_offers_its_own_sentences():
    report = Report.new(2025)
    fees = [p.title for p in report.phrases_for("other_matters")]
    assert "未收取信息处理费" in fees and "编制依据" not in fees
    assert "统计期限" in [p.title for p in report.phrases_for(OPENING)]
    # a section offers its own sentences, then its chapter's
    assert [p.title for p in report.phrases_for("overview.requests")] == ["无行政复议、行政诉讼"]
    assert report.phrases_for("problems") == ()
