"""The report owns its outline where the format allows it: its own sub-headings of 一, or free text;
before 2019, its own chapters."""

from __future__ import annotations

import json

import pytest

from core.checks import run_checks
from core.document import Report
from core.outline import OutlineChapter, OutlineError, OutlineSection, check_outline, chinese_number, default_outline
from core.report_file import load_report
from core.template import load_template_text
from core.template.registry import template_installed
from resources import SAMPLE_REPORT
from tests.inline_template import mini_template


def test_chapter_numbers():
    assert [chinese_number(n) for n in (1, 9, 10, 11, 12, 20, 23)] == ["一", "九", "十", "十一", "十二", "二十", "二十三"]


def test_a_report_keeps_the_formats_outline_until_it_has_its_own(sample_report):
    assert sample_report.chapters == sample_report.template.chapters
    assert default_outline(sample_report.template)[0].sections[3].title == "（四）政府信息公开平台建设情况"


def test_own_sub_headings_of_one_are_printed_and_checked_without_false_warnings():
    report = load_report(SAMPLE_REPORT)
    outline = list(default_outline(report.template))
    overview = outline[0]
    sections = list(overview.sections)
    sections[3] = OutlineSection(sections[3].key, "（四）平台建设")
    sections[4] = OutlineSection(sections[4].key, "（五）监督保障")
    sections.append(OutlineSection("overview.extra", "（六）重点领域信息公开"))
    outline[0] = OutlineChapter(overview.key, overview.title, tuple(sections))
    check_outline(report.template, tuple(outline))
    report.outline = tuple(outline)
    report.set_text("overview.extra", "围绕乡村振兴公开项目信息。")
    assert [s.title for s in report.chapter("overview").sections][3:] == ["（四）平台建设", "（五）监督保障", "（六）重点领域信息公开"]
    assert "（六）重点领域信息公开围绕乡村振兴" in report.chapter_text("overview")
    assert report.text_heading("overview.extra") == "一、总体情况（六）重点领域信息公开"
    findings = [f for f in run_checks(report).findings if f.severity != "info"]
    assert findings == []


def test_one_written_as_free_text_is_checked_for_its_five_topics():
    report = load_report(SAMPLE_REPORT)
    whole = report.chapter_text("overview")
    overview = default_outline(report.template)[0]
    report.outline = (OutlineChapter(overview.key, overview.title, ()), *default_outline(report.template)[1:])
    report.texts = {k: v for k, v in report.texts.items() if not k.startswith("overview.")}
    report.set_text("overview", whole)
    assert [f.id for f in run_checks(report).findings if f.rule_id == "C3"] == []
    report.set_text("overview", "本年度主动公开政府信息312条，依申请公开6件。")
    missing = [f.message for f in run_checks(report).findings if f.rule_id == "C3"]
    assert missing == [f"一、总体情况：没有写到“{t}”方面的情况" for t in ("政府信息管理", "平台建设", "监督保障")]


def test_fixed_chapters_cannot_be_renamed_moved_or_removed(sample_report):
    template = sample_report.template
    outline = list(default_outline(template))
    with pytest.raises(OutlineError, match="章节是固定的"):
        check_outline(template, tuple(reversed(outline)))
    with pytest.raises(OutlineError, match="章节标题是固定的"):
        check_outline(template, (OutlineChapter(outline[0].key, "概述", outline[0].sections), *outline[1:]))
    with pytest.raises(OutlineError, match="不能插入表格"):
        check_outline(template, (OutlineChapter(outline[0].key, outline[0].title, (), ("t9",)), *outline[1:]))


def test_a_free_outline_numbers_the_units_own_chapters():
    data = json.loads(mini_template(outline={"chapters": "free", "sections": "free", "chapter_help": "本单位自拟的章节"}))
    data["rules"].append({"id": "FILLED", "severity": "error", "kind": "chapters_filled", "title": "t", "help": "h",
                          "message": "{heading}：尚未填写"})
    with template_installed(load_template_text(json.dumps(data))):
        report = Report(template_id="mini", year=2017)
        report.outline = (OutlineChapter("c1", "概述"), OutlineChapter("numbers", "数字"),
                          OutlineChapter("c3", "其他需要报告的事项"))
        check_outline(report.template, report.outline)
        assert [c.heading for c in report.chapters] == ["一、概述", "二、数字", "三、其他需要报告的事项"]
        assert report.chapter("c1").help == "本单位自拟的章节" and report.chapter("numbers").table == "t"
        assert report.text_keys == ("c1", "c3")
        report.set_text("c1", "本年度工作概况。")
        found = {f.id: f.message for f in run_checks(report).findings}
        assert found["FILLED:c3"] == "三、其他需要报告的事项：尚未填写" and "FILLED:c1" not in found
        assert found["FILL:t"].startswith("二、数字（表二）：整张表尚未填写")


def test_an_optional_table_is_printed_and_checked_only_where_a_chapter_includes_it():
    data = json.loads(mini_template(outline={"chapters": "free", "sections": "free", "optional_tables": ["t"],
                                             "chapter_help": "自拟章节"}))
    del data["chapters"][1]["table"]
    data["rules"] = [r for r in data["rules"] if r["id"] == "FILL"]
    with template_installed(load_template_text(json.dumps(data))):
        report = Report(template_id="mini", year=2017)
        report.outline = (OutlineChapter("words", "概述"), OutlineChapter("numbers", "统计"))
        assert report.tables == () and run_checks(report).findings == []
        report.outline = (OutlineChapter("words", "概述"), OutlineChapter("numbers", "统计", (), ("t",)))
        check_outline(report.template, report.outline)
        assert [t.key for t in report.tables] == ["t"]
        assert [f.id for f in run_checks(report).findings] == ["FILL:t"]
