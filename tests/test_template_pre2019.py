"""The pre-2019 format (2008 条例, art. 32) as data: the unit's own title and chapters, the old 统计表 with
its labels verbatim as seed 004 prints them and its sums, the channel table of seed 003, and the checks
that apply to reports of 2008–2018."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from core.checks import run_checks
from core.document import Report
from core.report_file import load_report
from core.template import UnknownTemplateError, load_template, load_template_file, template_for_year
from core.values import CellInputError, parse_cell_input
from resources import TEMPLATES_DIR
from scripts.make_seed_fixtures import SEEDS
from tests.conftest import FIXTURES
from tests.seed_text import normalise, seed_text

TEMPLATE = load_template("pre2019")
ARTICLE_32 = ["一、概述", "二、主动公开政府信息的情况", "三、依申请公开政府信息和不予公开政府信息的情况",
              "四、政府信息公开的收费及减免情况", "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
              "六、政府信息公开工作存在的主要问题及改进情况", "七、其他需要报告的事项"]


def printed_labels(table_key: str) -> list[tuple[str, ...]]:
    """Each grid row of a table as printed without its figures: headings, row labels and units."""
    table = TEMPLATE.table(table_key)
    rows: list[list[tuple[int, str]]] = [[] for _ in range(table.grid_rows)]
    for item in table.items:
        if item.role != "cell":
            rows[item.row].append((item.col, item.text))
    return [tuple(text for _, text in sorted(row)) for row in rows]


def seed_table_labels(name: str, first_line: str, count: int) -> list[tuple[str, ...]]:
    """The seed's ``count`` table lines from ``first_line`` on, without their figures, labels as the
    official table prints them (the extraction's half-width brackets full-width, its spaces dropped)."""
    lines = [line for line in seed_text(name, repaired=True).splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(first_line))
    rows = []
    for line in lines[start:start + count]:
        cells = [c for c in (line.split("\t") if "\t" in line else line.rsplit(maxsplit=2)) if c.strip()]
        if cells and cells[-1].strip().isdigit():
            cells = cells[:-1]
        if cells:
            rows.append(tuple(normalise(c) for c in cells))
    return rows


def build(name: str) -> Report:
    """A seed's fixture file, as the app opens it."""
    return load_report(FIXTURES / SEEDS[name].fixture)


def findings(report: Report) -> dict[str, str]:
    return {f.id: f.message for f in run_checks(report).findings}


# --- the template itself --------------------------------------------------------------------------

def test_loads_clean_and_serves_2008_to_2018():
    template = load_template_file(TEMPLATES_DIR / "pre2019.json")  # raises TemplateError on any lint problem
    assert (template.id, template.first_year, template.last_year) == ("pre2019", 2008, 2018)
    assert template.name == "2019 年以前的格式（2008 年《条例》第三十二条）"
    assert template.basis == "《中华人民共和国政府信息公开条例》（国务院令第492号）"
    assert [template_for_year(y).id for y in (2008, 2017, 2018, 2019)] == ["pre2019", "pre2019", "pre2019", "2019"]
    with pytest.raises(UnknownTemplateError, match="本软件收录的格式适用于 2008 年度及以后的报告"):
        template_for_year(2007)
    assert template.links == {}  # no key is shared with the 2019 or 2021 format, and nothing carries over


def test_the_unit_words_its_title_and_chooses_its_chapters_sections_and_tables():
    rules, front = TEMPLATE.outline, TEMPLATE.front_matter
    assert (rules.chapters, rules.sections, rules.optional_tables, rules.free_tables) == (
        "free", "free", ("stats", "channels"), True)
    assert "第三十二条" in rules.chapter_help
    assert front.title_free and (front.signature.printed, front.signature.optional) == (True, True)
    report = Report.new(2018, "某某县某某局")
    assert report.template_id == "pre2019" and report.title_lines == ["某某县某某局", "2018年政府信息公开工作年度报告"]
    report.own_title = ("某某县某某局关于2018年度政府信息公开工作的报告",)
    assert report.title == "某某县某某局关于2018年度政府信息公开工作的报告"
    assert report.tables == ()  # a new report prints no table until a chapter includes one
    assert [p.title for p in front.opening_phrases] == ["编制依据", "全文内容", "统计期限", "电子版查阅", "联系方式"]


def test_the_default_chapters_are_the_old_article_32_with_help_for_a_first_time_clerk():
    assert [c.heading for c in TEMPLATE.chapters] == ARTICLE_32
    assert all(len(c.help) > 30 for c in TEMPLATE.chapters)
    assert all(c.table is None and c.sections == () for c in TEMPLATE.chapters)
    assert TEMPLATE.chapter("applications").phrases[0].text == "本年度未收到政府信息公开申请。"
    assert "第二十七条" in TEMPLATE.chapter("fees").help


def test_help_on_every_chapter_row_column_rule_and_label():
    for table in TEMPLATE.tables:
        assert all(r.help for r in table.rows) and all(c.help for c in table.columns)
        assert [i.text for i in table.items if not i.help] == []
    assert all(r.help and r.title for r in TEMPLATE.rules)
    raw = json.loads((TEMPLATES_DIR / "pre2019.json").read_text(encoding="utf-8"))
    assert "half-width brackets" in raw["note"]  # the one normalisation of seed 004's labels says so


def test_the_rules_are_the_checks_that_apply_before_2019():
    assert [r.id for r in TEMPLATE.rules] == ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11",
                                              "R6", "R7", "C1", "C2", "C4", "C8", "C11", "C14", "C10"]
    assert {p.key for p in TEMPLATE.prose_figures} >= {"published", "published_by_channel", "responses_by_channel",
                                                       "published_channels_table"}


# --- the 统计表 and the channel table ---------------------------------------------------------------

def test_the_statistics_table_prints_seed_004s_labels_and_units_verbatim():
    printed = printed_labels("stats")
    assert printed == seed_table_labels("004", "统计指标", len(printed) + 1)  # the seed's table ends the text
    labels = [r.label for r in TEMPLATE.table("stats").rows]
    assert "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）" in labels
    assert "1.专职人员数（不包括政府公报及政府网站工作人员数）" in labels
    assert not any(" " in label or "(" in label for label in labels)
    assert len(TEMPLATE.table("stats").cells) == 58 and TEMPLATE.table("stats").header_rows == 1


def test_the_channel_table_prints_seed_003s_labels():
    printed = printed_labels("channels")
    assert printed == seed_table_labels("003", "通过不同渠道和方式公开政府信息的情况", len(printed))
    assert seed_table_labels("003", "通过不同渠道和方式公开政府信息的情况", len(printed) + 1)[-1] == ("（二）信息公开主要形式。",)
    assert [r.label for r in TEMPLATE.table("channels").rows] == [
        "1.政府公报公开政府信息数", "2.政府网站公开政府信息数", "3.政务微博公开政府信息数", "4.政务微信公开政府信息数",
        "5.其他方式公开政府信息数"]


def test_money_rows_are_in_wan_yuan_and_everything_else_counts():
    types = {k: c.type for k, c in TEMPLATE.cells.items()}
    assert sorted(k for k, t in types.items() if t == "money") == ["stats.fees.amount", "stats.funds.amount"]
    assert all(TEMPLATE.cells[k].column.unit == "万元" for k in ("stats.fees.amount", "stats.funds.amount"))
    assert str(parse_cell_input("0.35", "money")) == "0.35"
    with pytest.raises(CellInputError, match="金额以万元为单位"):
        parse_cell_input("3500元", "money")


def test_every_sum_of_seed_004_holds_and_the_strict_ones_are_computed():
    report = build("004")
    result = run_checks(report)
    passed = {p.rule_id for p in result.passed}
    assert {f"S{n}" for n in range(1, 12)} <= passed and result.findings == []
    assert [c.cell for c in TEMPLATE.computations] == [
        "stats.received.number", "stats.concluded.number", "stats.answered.number", "stats.review.number",
        "stats.suits.number", "stats.staff.number"]
    assert [report.value(k) for k in ("stats.received.number", "stats.concluded.number", "stats.answered.number",
                                      "stats.staff.number")] == [1, 1, 1, 1]
    assert report.set_value("stats.in_person.number", 2) == ["stats.in_person.number", "stats.received.number"]
    assert report.value("stats.received.number") == 3


def test_a_typed_total_that_is_wrong_and_a_part_that_exceeds_its_whole_are_errors():
    report = build("004")
    report.cells["stats.received.number"] = 2  # a total typed by hand in an imported table
    report.set_value("stats.published_normative.number", 123)
    report.set_value("stats.refused_privacy.number", 1)
    report.set_value("stats.press_conferences_leaders.number", 1)
    report.set_value("stats.interviews.number", 2)
    report.set_value("stats.interviews_leaders.number", 3)
    report.set_value("stats.weibo.number", 0)
    report.set_value("stats.wechat.number", 0)
    report.set_value("stats.other_channels.number", 0)
    found = findings(report)
    assert found["S1"] == "三（一）收到申请数 应等于 当面、传真、网络、信函申请数之和：左边 2，右边 1，相差 1"
    assert found["S7"] == "三（三）4.不同意公开答复数为 0 件，少于其下“其中”各项之和 1 件"
    assert found["S8"] == "一（一）其中：主动公开规范性文件数为 123 条，多于主动公开政府信息数 122 条"
    assert found["S9"] == "二（二）1.其中：主要负责同志参加新闻发布会次数为 1 次，多于参加或举办新闻发布会总次数 0 次"
    assert found["S10"] == "二（二）2.其中：主要负责同志参加政府网站在线访谈次数为 3 次，多于政府网站在线访谈次数 2 次"
    assert found["S11"] == "一（一）主动公开政府信息数为 122 条，多于（二）各渠道公开政府信息数之和 53 条"
    assert all(f.severity == "error" for f in run_checks(report).findings if f.rule_id.startswith("S"))


def test_a_count_that_is_negative_or_fractional_and_a_blank_in_a_printed_table_are_found():
    report = build("004")
    report.cells["stats.trainees.number"] = -1
    report.set_value("stats.meetings.number", None)
    found = findings(report)
    assert found["R6:stats.trainees.number"].startswith("九（三）接受培训人员数·统计数：")
    assert found["R7:stats.meetings.number"] == "九（一）召开政府信息公开工作会议或专题会议数·统计数：未填写，没有发生请填 0"


# --- figures in the prose ----------------------------------------------------------------------------

def test_seed_004s_prose_figures_match_its_table_and_a_changed_one_is_found():
    report = build("004")
    assert not [f for f in run_checks(report).findings if f.rule_id == "C10"]
    report.set_text("proactive", report.text("proactive").replace("540条", "541条"))
    report.set_text("interpretation", report.text("interpretation").replace("2685次", "2686次"))
    found = findings(report)
    assert found["C10:published_by_channel@proactive"] == (
        "二、主动公开政府信息情况：正文写 541 条（“不同渠道和方式公开政府信息541条”），统计表各渠道公开政府信息数之和为 540 条，两者不一致")
    assert found["C10:responses_by_channel@interpretation"] == (
        "六、开展政策解读情况：正文写 2686 次（“不同渠道和方式回应解读2686次”），统计表各渠道回应解读数之和为 2685 次，两者不一致")


def test_seed_003s_total_is_the_sum_of_its_channel_table():
    report = build("003")
    assert not [f for f in run_checks(report).findings if f.rule_id == "C10"]
    report.set_value("channels.wechat.number", 1285)
    assert findings(report)["C10:published_channels_table@proactive.s1"] == (
        "二、主动公开政府信息情况（一）主动公开信息数量。：正文写 1816 条（“主动公开政府信息1816条”），"
        "渠道表各渠道公开政府信息数之和为 1815 条，两者不一致")


# --- the command line ---------------------------------------------------------------------------------

def test_cli_new_and_check_a_2018_report(capsys, tmp_path: Path):
    path = tmp_path / "2018.nianbao"
    assert main(["new", "--year", "2018", "--unit", "某某县某某局", "-o", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert "2019 年以前的格式" in out and load_report(path).template_id == "pre2019"
    assert main(["check", str(path)]) == 1
    out, _ = capsys.readouterr()
    for heading in ARTICLE_32:
        assert f"{heading}：尚未填写" in out
    assert "整张表" not in out  # no table is printed until a chapter includes one
