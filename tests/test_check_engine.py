"""One rule engine over a check context: pass, fail or not assessable with a reason; other reports'
cells by namespace; a missing report makes a rule not assessable, never a crash."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.checks import run_checks
from core.checks.kinds import EVALUATORS
from core.document import Report
from core.template import load_template_text
from core.template.registry import template_installed
from core.template.rule_kinds import KINDS
from tests.inline_template import mini_template


@pytest.fixture
def mini():
    with template_installed(load_template_text(mini_template())) as template:
        yield template


def _filled(values: dict[str, int]) -> Report:
    report = Report(template_id="mini", year=2024)
    for key, value in values.items():
        report.set_value(key, value)
    report.set_text("words", "本年度费用为零。")
    return report


def test_every_kind_a_template_can_name_has_an_evaluator():
    assert set(EVALUATORS) == set(KINDS)


def test_a_rule_on_last_year_is_not_assessable_without_it(mini):
    report = _filled({"t.a.x": 1, "t.a.y": 2, "t.b.x": 3, "t.b.y": 4})
    result = run_checks(report)
    (carry,) = [n for n in result.not_assessable if n.rule_id == "CARRY"]
    assert carry.reason == "没有上年报告" and carry.blank_cells == ()
    assert "1 项检查因没有上年报告暂无法核对" in result.summary()
    assert result.findings == []


def test_a_rule_on_last_year_compares_both_years(mini):
    report = _filled({"t.a.x": 1, "t.a.y": 2, "t.b.x": 3, "t.b.y": 4})
    last_year = _filled({"t.a.x": 0, "t.a.y": 0, "t.b.x": 5, "t.b.y": 0})
    (finding,) = run_checks(report, previous=last_year).findings
    assert finding.id == "CARRY" and finding.severity == "warning"
    assert (finding.left, finding.right) == (Decimal(1), Decimal(5))
    assert finding.targets == ("t.a.x",)  # the other report's cell is not a place in this one
    last_year.set_value("t.b.x", 1)
    result = run_checks(report, previous=last_year)
    assert result.findings == [] and ("CARRY", "") in {(p.rule_id, p.subject) for p in result.passed}


def test_members_namespace_is_the_units_sum_and_a_blank_unit_leaves_it_unknown(mini):
    from core.checks.context import CheckContext

    units = [_filled({"t.a.x": 1}), _filled({"t.a.x": 2})]
    context = CheckContext(_filled({}), members=units)
    assert context.numbers["members.t.a.x"] == Decimal(3)
    assert context.numbers["members.t.a.y"] is None


def test_generated_total_rules_find_a_typed_total_that_is_wrong(mini):
    report = _filled({"t.a.x": 1, "t.a.y": 2, "t.b.x": 3, "t.b.y": 4})
    report.store("t.a.z", 9)  # as an import of a hand-typed total would
    found = {f.id: f for f in run_checks(report, previous=_filled({"t.b.x": 1})).findings}
    assert found["ROW:a"].message == "子项一·合计列：左边 9，右边 3，相差 6"
    assert found["ROW:a"].targets == ("t.a.z", "t.a.x", "t.a.y")


def test_blank_cells_make_a_sum_not_assessable_with_the_cells(mini):
    report = _filled({"t.a.x": 1, "t.b.x": 3})
    result = run_checks(report, previous=_filled({"t.b.x": 1}))
    blocked = {(n.rule_id, n.subject): n for n in result.not_assessable}
    assert blocked[("ROW", "a")].blank_cells == ("t.a.y",) and blocked[("ROW", "a")].reason == "空白单元格"


def test_text_kind_with_template_message(mini):
    report = _filled({})
    report.set_text("words", "本年度没有什么。")
    (mention,) = [f for f in run_checks(report).findings if f.rule_id == "MENTION"]
    assert mention.message == "一、文字：没有提到费用" and mention.targets == ("words",)


def test_a_part_may_be_less_than_its_whole_but_never_more():
    rule = {"id": "PART", "severity": "error", "relation": "<=", "left": "t.a.x", "right": "t.s.y",
            "title": "t", "help": "h", "message": "子项一·甲列 不能大于 小计·乙列"}
    with template_installed(load_template_text(mini_template(rules=[rule]))):
        report = _filled({"t.a.x": 1, "t.a.y": 2, "t.b.x": 3, "t.b.y": 4})  # t.s.y = 6
        assert run_checks(report).findings == []
        report.set_value("t.a.x", 9)
        (finding,) = run_checks(report).findings
        assert finding.message == "子项一·甲列 不能大于 小计·乙列：左边 9，右边 6，超出 3"
    with pytest.raises(Exception, match="relation"):
        load_template_text(mini_template(rules=[{**rule, "relation": "<"}]))
