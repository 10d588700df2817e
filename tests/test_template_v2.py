"""The template is the whole format: front matter, phrases, aliases, generated total rules, coded
kinds, links and namespaces, all linted with their line — tested on a small inline template."""

from __future__ import annotations

import json

import pytest

from core.document import Report
from core.template import TemplateError, load_template, load_template_text
from core.template.links import carried_into_next_year, key_map
from core.template.registry import template_installed
from tests.inline_template import BASE, mini_template


def _problems(text: str) -> list[str]:
    with pytest.raises(TemplateError) as caught:
        load_template_text(text, "mini.json")
    return [m for _, m in caught.value.problems]


def test_inline_template_loads_with_its_front_matter_and_phrases():
    template = load_template_text(mini_template())
    assert template.title("某单位", 2024) == "某单位2024年测试报告"
    assert template.front_matter.title_parts("", 2024) == ["2024年测试报告"]
    assert template.front_matter.signature.printed is False
    with template_installed(template):
        report = Report(template_id="mini", year=2024)
        assert [p.title for p in report.phrases_for("opening")] == ["期限"]
        assert [p.title for p in report.phrases_for("words.s1")] == ["无"]  # the chapter's, for its section


def test_aliases_reach_the_grid_items_of_their_row_or_column():
    template = load_template_text(mini_template())
    items = {i.text: i for i in template.table("t").items if i.text}
    assert items["甲列"].aliases == ("甲",)
    assert items["子项二"].aliases == ("第二项",)
    assert items["乙列"].aliases == ()


def test_each_total_formula_generates_its_verification_rule():
    template = load_template_text(mini_template())
    row, col = template.rule("ROW"), template.rule("COL")
    assert [i.subject for i in row.instances] == ["a", "b", "s"]
    assert [i.subject for i in col.instances] == ["x", "y", "z"]
    assert col.instances[2].message == "小计·合计列"
    # t.s.z is both a row and a column sum: computed once (the row formula came first), verified twice
    assert [c.cell for c in template.computations].count("t.s.z") == 1
    order = [c.cell for c in template.computations]
    assert order.index("t.s.x") < order.index("t.s.z") and order.index("t.s.y") < order.index("t.s.z")


def test_a_total_without_verification_is_refused():
    data = json.loads(mini_template())
    del data["tables"][0]["computed"][0]["verify"]
    assert any("缺少核对规则“verify”" in m for m in _problems(json.dumps(data)))


def test_circular_totals_are_refused():
    data = json.loads(mini_template())
    data["tables"][0]["computed"].append(
        {"cell": "t.a.x", "expr": "t.s.x", "verify": {"id": "LOOP", "severity": "error", "title": "环", "help": "环",
                                                      "message": "环"}})
    assert any(m.startswith("计算单元格之间循环引用") for m in _problems(json.dumps(data)))


def test_kind_parameters_and_messages_are_linted():
    rules = [
        {"id": "K1", "severity": "warning", "kind": "text_mentions", "text": "nowhere", "terms": {"x": "("},
         "title": "t", "help": "h", "message": "{heading}{unknown}"},
        {"id": "K2", "severity": "warning", "kind": "cells_zero_for_levels", "cells": ["t.q.x"],
         "unit_levels": ["village"], "title": "t", "help": "h", "message": "{level}"},
        {"id": "K3", "severity": "warning", "kind": "signing_date", "title": "t", "help": "h",
         "messages": {"missing": "缺"}},
        {"id": "K4", "severity": "sometimes", "kind": "no_such_kind", "title": "t", "help": "h", "message": "m"},
        {"id": "K5", "severity": "error", "kind": "filled", "left": "t.a.x", "title": "t", "help": "h",
         "message": "{cell}"},
    ]
    problems = " / ".join(_problems(mini_template(rules=rules)))
    assert "规则 K1 的参数“text”“nowhere”不是本格式的文字章节或小节" in problems
    assert "规则 K1 的参数“terms”中的“x”不是有效的正则表达式" in problems
    assert "规则 K1 的消息“message”用了未知的占位符 {unknown}" in problems
    assert "规则 K2 的参数“cells”引用了不存在的单元格 t.q.x" in problems
    assert "规则 K2 的参数“unit_levels”中的“village”无效" in problems
    assert "规则 K3 的 messages 缺少“wrong_year”" in problems
    assert "规则 K4 的类型“no_such_kind”无效" in problems
    assert "规则 K5（filled）不认识参数“left”" in problems


def test_problems_name_their_line():
    text = mini_template(rules=[{"id": "R", "severity": "error", "title": "t", "help": "h",
                                 "left": "t.a.x", "right": "t.nowhere.x", "message": "m"}])
    with pytest.raises(TemplateError) as caught:
        load_template_text(text, "mini.json")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if '"id": "R"' in row) - 1
    assert (line, "表达式“t.nowhere.x”引用了不存在的单元格 t.nowhere.x") in caught.value.problems
    assert f"mini.json 第 {line} 行" in str(caught.value)


def test_namespaced_cells_in_rules_but_never_in_totals():
    template = load_template_text(mini_template())
    carry = template.rule("CARRY").instances[0]
    assert carry.cells == ("t.a.x", "prev.t.b.x") and carry.namespaces == ("prev",) and carry.anchor == "t.a.x"
    data = json.loads(mini_template())
    data["tables"][0]["computed"][0]["expr"] = "t.{row}.x + prev.t.{row}.y"
    assert any("不能引用其他报告的单元格" in m for m in _problems(json.dumps(data)))


def test_schema_version_is_required():
    assert any("“schema”应为 2" in m for m in _problems(mini_template(schema=1)))


def test_links_map_keys_between_formats():
    other = json.loads(mini_template(id="mini2"))
    other["tables"][0]["rows"][0]["key"] = "first"
    other["tables"][0]["body"][0] = [{"row": "first"}, {"cells": "first"}]
    other["tables"][0]["computed"][1]["expr"] = "t.first.{col} + t.b.{col}"
    other["rules"] = [r for r in other["rules"] if r["id"] != "CARRY"]
    other["links"] = {"format": "mini", "same": {"t.first.x": {"to": "t.a.x"}, "t.s": {"to": ["t.a", "t.b"]}},
                      "next_year": {"t.b": {"to": "t.a"}}, "unlinked": {"t.first.y": "不再统计"}}
    theirs = load_template_text(json.dumps(other))
    ours = load_template_text(mini_template())
    mapping = key_map(ours, theirs)
    assert mapping["t.a.x"] == ("t.first.x",) and mapping["t.b.y"] == ("t.b.y",)
    assert "t.a.y" not in mapping  # renamed without a link: no counterpart
    backwards = key_map(theirs, ours)
    assert backwards["t.first.x"] == ("t.a.x",)
    assert backwards["t.s.z"] == ("t.a.z", "t.b.z")  # a row linked to the sum of two rows, column by column
    assert carried_into_next_year(theirs, ours) == {"t.a.x": ("t.b.x",), "t.a.y": ("t.b.y",), "t.a.z": ("t.b.z",)}
    bad = json.loads(json.dumps(other))
    bad["links"]["same"]["t.nowhere"] = {"to": "t.a.x"}
    bad["links"]["next_year"]["t.b"] = {}
    problems = " / ".join(_problems(json.dumps(bad)))
    assert "“links”的 same 中的 t.nowhere 不是本格式的单元格或行" in problems
    assert "“links”的 next_year 中 t.b 缺少“to”" in problems


def test_shipped_template_chapter_lookups_never_crash():
    template = load_template("2021")
    assert template.find_chapter("no_such_chapter") is None
    with pytest.raises(KeyError, match="没有章节 no_such_chapter"):
        template.chapter("no_such_chapter")
    assert Report.new(2025).text_heading("no_such_chapter.x") == ""


def test_base_is_not_modified_by_builders():
    mini_template(rules=[])
    assert BASE["rules"]
