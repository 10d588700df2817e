"""C14: the opening or the texts name another unit than the report's (a report begun over another's)."""

from __future__ import annotations

import pytest

from core.checks import run_checks
from core.report_file import load_report
from core.template import load_template
from tests.conftest import FIXTURES

ALL_FIXTURES = sorted(FIXTURES.glob("*.nianbao"))


def _c14(report):
    return [f for f in run_checks(report).findings if f.rule_id == "C14"]


def test_the_rule_is_listed_by_every_format():
    for template_id in ("2021", "2019", "pre2019"):
        assert load_template(template_id).rule("C14").kind == "foreign_unit"


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=[p.stem for p in ALL_FIXTURES])
def test_no_finding_on_published_reports_and_fixtures(path):
    assert _c14(load_report(path)) == []


def test_no_finding_on_the_sample(sample_report):
    assert _c14(sample_report) == []


def test_sample_with_only_the_unit_renamed_names_the_sample_town(sample_report):
    sample_report.unit.name = "清河县桃园镇人民政府"
    findings = _c14(sample_report)
    written = {f.subject for f in findings}
    assert written == {"柳溪镇人民政府", "柳溪镇党政办公室", "清河县柳溪镇政府街"}
    first = next(f for f in findings if f.subject == "柳溪镇人民政府")
    assert first.severity == "warning" and first.targets == ("opening",) and first.chapter == "front"
    assert first.message.startswith("开头段落写的“柳溪镇人民政府”中的“柳溪镇”不在本报告单位“清河县桃园镇人民政府”的名称中")


def test_a_changed_phone_names_the_old_phone(sample_report):
    sample_report.unit.phone = "0000-7654321"
    messages = [f.message for f in _c14(sample_report)]
    assert messages == ["开头段落写的电话 0000-1234567 与单位信息中的电话、传真（0000-7654321、0000-1234568）都不同："
                        "可能是别的单位的电话，请核对"]


def test_superiors_and_the_units_own_short_name_are_normal(sample_report):
    sample_report.unit.name = "柳溪镇人民政府"  # no county in the name: 清河县 is above it, a superior
    sample_report.opening += "本报告由清河县人民政府办公室汇总编制。请与柳溪镇党政办公室联系。"
    assert _c14(sample_report) == []


def test_a_county_department_renamed_to_another_county(sample_report):
    report = load_report(FIXTURES / "sample_2020.nianbao")
    report.unit.name = "丰台县市场监督管理局"
    assert {f.subject for f in _c14(report)} == {"清河县市场监督管理局", "清河县市场监督管理局办公室", "清河县人民路"}


def test_a_chapter_text_naming_itself_as_another_unit(sample_report):
    sample_report.set_text("other_matters", "如对本报告有疑问，请与桃园镇党政办公室联系。")
    [finding] = _c14(sample_report)
    assert finding.targets == ("other_matters",) and finding.chapter == "other_matters"
    assert finding.message.startswith("六、其他需要报告的事项写的“桃园镇党政办公室”")


def test_no_unit_name_leaves_it_to_the_name_check(sample_report):
    sample_report.unit.name = ""
    assert _c14(sample_report) == []


def test_a_compiler_named_anywhere_in_a_chapter_is_found_past_its_anchor(sample_report):
    """The 编制 pattern is tried only on texts holding 本报告 or 本年度报告: a long text without them
    is skipped, and one with them is still read."""
    sample_report.set_text("problems", "桃园镇党政办公室完善了制度。" * 50)
    assert _c14(sample_report) == []
    sample_report.set_text("problems", "桃园镇党政办公室负责编制本年度报告。")
    [finding] = _c14(sample_report)
    assert finding.subject == "桃园镇党政办公室" and finding.targets == ("problems",)


def test_anchors_must_be_lists_of_words():
    from core.template import TemplateError, load_template_text
    from tests.inline_template import BASE, mini_template

    rule = {"id": "X1", "severity": "warning", "kind": "foreign_unit", "title": "t", "help": "h",
            "self_patterns": {"编制": "(.+)编制"}, "places": {"镇": ".+?镇"}, "anchors": {"编制": "编制"},
            "messages": {"message": "{heading}{written}{unit}{place}", "phone": "{heading}{written}{own}"}}
    with pytest.raises(TemplateError) as caught:
        load_template_text(mini_template(rules=[*BASE["rules"], rule]), "mini.json")
    assert any("应为“名称: [文字, …]”的对象" in message for _, message in caught.value.problems)
