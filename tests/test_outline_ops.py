"""Outline operations keep to what the format allows, and the structure edit undoes exactly."""

from __future__ import annotations

import dataclasses

import pytest

from core.document import FreeTable, Report
from core.editing import SetStructure, Structure
from core.outline import OutlineError
from core.outline_ops import (
    add_chapter,
    add_section,
    current_outline,
    exclude_table,
    include_table,
    move,
    new_free_table_key,
    remove,
    rename,
)


def test_sections_of_a_fixed_format_can_be_reworded_added_moved_and_removed():
    report = Report.new(2025, "某镇人民政府")
    outline = current_outline(report)
    outline = rename(report, outline, "overview.platforms", "（四）平台建设")
    outline, key = add_section(report, outline, "overview", "（六）其他工作", after="overview.supervision")
    outline = move(report, outline, key, -1)
    outline = remove(report, outline, "overview.management")
    assert [s.title for s in outline[0].sections] == ["（一）主动公开情况", "（二）依申请公开情况", "（四）平台建设",
                                                      "（六）其他工作", "（五）政府信息公开监督保障情况"]
    with pytest.raises(OutlineError, match="章节是固定的"):
        add_chapter(report, outline, "七、附录")
    with pytest.raises(OutlineError, match="章节标题是固定的"):
        rename(report, outline, "overview", "概述")


def test_a_free_format_takes_the_units_chapters_and_tables():
    report = Report.new(2018, "某乡人民政府")
    assert report.template_id == "pre2019"
    outline = current_outline(report)
    outline, key = add_chapter(report, outline, "重点领域信息公开情况", after=outline[1].key)
    outline = include_table(report, outline, key, "stats")
    free = new_free_table_key(report, outline)
    outline = include_table(report, outline, key, free)
    structure = Structure(outline, {free: FreeTable("审批单", [["事项", "意见"]])}, ("某乡", "2018年工作报告"), False,
                          True)
    edit = SetStructure(structure)
    before = Structure.of(report)
    edit.apply(report)
    assert [c.title for c in report.chapters][2] == "重点领域信息公开情况"
    assert [t.key for t in report.tables] == ["stats"] and report.title == "某乡2018年工作报告"
    assert report.chapter(key).tables == ("stats", free) and not report.signature_printed
    report.set_text(key, "本年度公开了重点领域信息。")
    outline = exclude_table(report, remove(report, current_outline(report), key), "stats")
    SetStructure(dataclasses.replace(Structure.of(report), outline=outline)).apply(report)
    assert key not in report.text_keys and report.texts[key]  # kept, so undo brings it back
    edit.revert(report)
    assert Structure.of(report) == before
    with pytest.raises(OutlineError, match="不能插入表格"):
        include_table(report, current_outline(report), outline[0].key, "t3")
