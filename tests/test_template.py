"""The 2021 template: every official label verbatim, the merges as printed, help everywhere, and lint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.template import TemplateError, load_template_file
from resources import TEMPLATES_DIR

T3_ROW_LABELS = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
    "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
    "（七）总计", "四、结转下年度继续办理",
]


def test_chapters_in_official_order(template):
    assert [c.heading for c in template.chapters] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ]
    assert [s.title for s in template.chapter("overview").sections] == [
        "（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理情况",
        "（四）政府信息公开平台建设情况", "（五）政府信息公开监督保障情况",
    ]


def test_table_three_labels_and_merges(template):
    table = template.table("t3")
    assert [r.label for r in table.rows] == T3_ROW_LABELS
    assert [c.label for c in table.columns] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert len(table.cells) == 25 * 7
    by_text = {i.text: i for i in table.items if i.text}
    vertical = by_text["三、本年度办理结果"]
    assert (vertical.rowspan, vertical.colspan, vertical.vertical) == (22, 1, True)
    assert (by_text["（三）不予公开"].rowspan, by_text["（四）无法提供"].rowspan) == (8, 3)
    assert (by_text["（五）不予处理"].rowspan, by_text["（六）其他处理"].rowspan) == (5, 3)
    note = by_text["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
    assert (note.row, note.col, note.rowspan, note.colspan) == (0, 0, 3, 3)
    assert (by_text["法人或其他组织"].colspan, by_text["申请人情况"].colspan) == (5, 7)
    assert by_text["一、本年新收政府信息公开申请数量"].colspan == 3
    assert table.header_rows == 3 and table.grid_rows == 28


def test_every_grid_position_is_covered_exactly_once(template):
    for table in template.tables:
        covered: list[tuple[int, int]] = []
        for item in table.items:
            covered += [(item.row + r, item.col + c) for r in range(item.rowspan) for c in range(item.colspan)]
        assert len(covered) == len(set(covered)) == table.grid_rows * table.grid_columns, table.key


def test_table_two_and_four_layout(template):
    t2 = template.table("t2")
    assert [i.text for i in t2.items if i.role == "heading"] == [
        "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert template.cells["t2.fees.amount"].type == "money"
    assert t2.item_for_cell("t2.licensing.decisions").colspan == 3
    t4 = template.table("t4")
    assert len(t4.cells) == 15 and t4.grid_columns == 15
    assert [template.cells[k].name for k in t4.cells[:1]] == ["行政复议·结果维持"]
    # As the official annex prints it: 行政复议 over five columns in header row 1, its five results
    # each over rows 2-3; 行政诉讼 over ten, its two kinds in row 2 and their ten results in row 3.
    spans = {(i.row, i.col): (i.text, i.rowspan, i.colspan) for i in t4.items if i.role == "header"}
    assert spans[(0, 0)] == ("行政复议", 1, 5) and spans[(0, 5)] == ("行政诉讼", 1, 10)
    assert [spans[(1, c)] for c in range(5)] == [(t, 2, 1) for t in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")]
    assert spans[(1, 5)] == ("未经复议直接起诉", 1, 5) and spans[(1, 10)] == ("复议后起诉", 1, 5)
    assert [spans[(2, c)][0] for c in range(5, 15)] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
    assert t4.header_rows == 3 and {i.row for i in t4.items if i.role == "cell"} == {3}


def test_computed_cells_are_every_total(template):
    computed = sorted(k for k, c in template.cells.items() if c.computed)
    assert len(computed) == 25 + 6 + 3
    assert "t3.total_results.natural" in computed and "t4.review.total" in computed
    assert all(k.endswith(".total") or ".total_results." in k for k in computed)


def test_every_row_column_and_chapter_has_help(template):
    for table in template.tables:
        for part in (*table.rows, *table.columns):
            assert len(part.help) >= 8, part
    for chapter in template.chapters:
        assert chapter.help and all(s.help for s in chapter.sections)


def test_rule_messages_name_labels(template):
    r3 = template.rule("R3")
    assert r3.severity == "error"
    assert r3.instances[0].message == "三、本年度办理结果（七）总计·自然人"
    assert {r.id for r in template.rules} == {*(f"R{n}" for n in range(1, 10) if n != 2), *(f"C{n}" for n in range(1, 13)), "C14"}


def _broken(tmp_path: Path, edit) -> Path:
    data = json.loads((TEMPLATES_DIR / "2021.json").read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_lint_unknown_cell_in_rule(tmp_path):
    path = _broken(tmp_path, lambda d: d["rules"][0].update(right="t3.total_resultz.{col} + t3.carried_forward.{col}"))
    with pytest.raises(TemplateError) as caught:
        load_template_file(path)
    rule_line = _line_of(path, '"id": "R1"') - 1  # the rule object opens on the line before its id
    assert any("t3.total_resultz.natural" in m and line == rule_line for line, m in caught.value.problems)
    assert f"broken.json 第 {rule_line} 行" in str(caught.value)


def test_prose_figures_are_compiled_and_point_at_cells(template):
    figure = next(f for f in template.prose_figures if f.key == "new")
    assert figure.cells == ("t3.new.total",) and figure.what == "表三的新收申请件数"
    assert figure.pattern.search("全年共新收政府信息公开申请6件").group(1) == "6"
    assert figure.pattern.search("新收申请。其中6件") is None  # the number must be in the same clause


def test_lint_prose_figure_with_unknown_cell_or_bad_pattern(tmp_path):
    def edit(data):
        data["prose_figures"][0]["cells"] = ["t3.neww.total"]
        data["prose_figures"][1]["pattern"] = "上年结转(\\d+"

    path = _broken(tmp_path, edit)
    with pytest.raises(TemplateError) as caught:
        load_template_file(path)
    messages = {m: line for line, m in caught.value.problems}
    assert messages["正文数字 new 引用了不存在的单元格 t3.neww.total"] == _line_of(path, '"what": "表三的新收申请件数"') - 2
    assert any(m.startswith("正文数字 carried_over 的 pattern 不是有效的正则表达式") for m in messages)


def test_lint_missing_label(tmp_path):
    path = _broken(tmp_path, lambda d: d["tables"][1]["rows"][0].pop("label"))
    with pytest.raises(TemplateError, match="行 new 缺少“label”"):
        load_template_file(path)


def test_lint_duplicate_key_reports_its_line(tmp_path):
    text = (TEMPLATES_DIR / "2021.json").read_text(encoding="utf-8")
    text = text.replace('"key": "overview", "number": "一"', '"key": "overview", "key": "x", "number": "一"', 1)
    path = tmp_path / "dup.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template_file(path)
    line = _line_of(path, '"key": "x"') - 1
    assert caught.value.problems == [(line, "键“key”重复出现")]


def test_lint_duplicate_row_and_bad_layout(tmp_path):
    def edit(d):
        d["tables"][2]["rows"].append(dict(d["tables"][2]["rows"][0]))
        d["tables"][0]["body"][2].append({"text": "多余"})
    with pytest.raises(TemplateError) as caught:
        load_template_file(_broken(tmp_path, edit))
    messages = " / ".join(m for _, m in caught.value.problems)
    assert "表格 t4 的行的键“review”重复" in messages
    assert "表格 t2 第 3 行的内容超出了 4 列" in messages


def test_lint_malformed_json(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n "id": "x",\n "name": \n}', encoding="utf-8")
    with pytest.raises(TemplateError, match="bad.json 第 4 行：JSON 格式错误"):
        load_template_file(path)
