"""Format version 2 of the .nianbao file: the report's own outline, drawn tables, title, signature
choice and last year's report round-trip; version 1 files still open; bad parts are refused in Chinese."""

from __future__ import annotations

import json

import pytest

from core.carry_over import report_from_last_year
from core.document import FreeTable
from core.outline import OutlineChapter, OutlineSection, default_outline
from core.report_file import ReportFileError, dumps_report, load_report, loads_report, report_to_dict, save_report
from resources import SAMPLE_REPORT


def test_own_parts_round_trip(tmp_path):
    report = load_report(SAMPLE_REPORT)
    outline = list(default_outline(report.template))
    outline[0] = OutlineChapter(outline[0].key, outline[0].title,
                                (*outline[0].sections[:3], OutlineSection(outline[0].sections[3].key, "（四）平台建设")))
    report.outline = tuple(outline)
    report.free_tables = {"free-1": FreeTable("审批单", [["事项", "意见"], ["公开", "同意"]])}
    report.own_title = ("某单位", "关于2025年度政府信息公开工作的报告")
    report.print_signature = False
    path = tmp_path / "r.nianbao"
    save_report(report, path)
    back = load_report(path)
    assert report_to_dict(back) == report_to_dict(report)
    assert back.chapter("overview").sections[3].title == "（四）平台建设"
    assert back.free_tables["free-1"].rows[1] == ["公开", "同意"]
    assert back.signature_printed is False


def test_last_years_report_travels_inside_this_one(tmp_path):
    last = load_report(SAMPLE_REPORT)
    report, _ = report_from_last_year(last, path=str(tmp_path / "2025.nianbao"))
    path = tmp_path / "2026.nianbao"
    save_report(report, path)
    back = load_report(path)
    assert back.previous is not None and back.previous.year == last.year
    assert report_to_dict(back.previous) == report_to_dict(last)
    assert back.previous_path.endswith("2025.nianbao")


def test_version_one_files_still_open():
    data = json.loads(SAMPLE_REPORT.read_text(encoding="utf-8"))
    data["format_version"] = 1
    for key in ("outline", "free_tables", "own_title", "print_signature"):
        data.pop(key, None)
    assert loads_report(json.dumps(data)).outline is None


@pytest.mark.parametrize("part, value, message", [
    ("outline", {"a": 1}, "章节结构（outline）应为章节的列表"),
    ("outline", [{"key": "overview"}], "“title”应为文字"),
    ("outline", [{"key": "x", "title": "概述"}], "章节是固定的"),
    ("free_tables", {"t1": {"rows": []}}, "自制表格的编号“t1”无效"),
    ("free_tables", {"free-1": {"rows": [[1, 2]]}}, "应为若干行文字"),
    ("own_title", "标题", "报告标题格式错误"),
    ("print_signature", "否", "应为真假值"),
    ("previous", {"format": "x"}, "上年报告不是年报文件"),
])
def test_bad_parts_are_refused_with_a_message(part, value, message):
    data = json.loads(dumps_report(load_report(SAMPLE_REPORT)))
    data[part] = value
    with pytest.raises(ReportFileError, match=message):
        loads_report(json.dumps(data), "“x.nianbao”")
