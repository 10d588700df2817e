"""Standard sentences are filled from the report: year, unit, contact details and the format's basis."""

from __future__ import annotations

from core.document import Report
from gui.texts.phrases import PHRASES, fill


def _phrase(title: str):
    return next(p for p in PHRASES if p.title == title)


def test_basis_sentence_names_the_templates_official_notice():
    report = Report.new(2025, "清河县柳溪镇人民政府")
    text = fill(_phrase("编制依据"), report)
    assert text == ("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和" + report.template.basis
                    + "要求，清河县柳溪镇人民政府编制本报告。")
    assert "（国办公开办函〔2021〕30号）要求" in text


def test_contact_sentence_lists_only_the_filled_fields():
    report = Report.new(2025, "柳溪镇人民政府")
    report.unit.phone = "0000-1234567"
    assert fill(_phrase("联系方式"), report) == "如对本报告有任何疑问，请与柳溪镇人民政府联系（电话：0000-1234567）。"
