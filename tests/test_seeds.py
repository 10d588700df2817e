"""Every seed is produced by the app: each fixture prints every heading, paragraph and number of its
published report in order, and its checks find exactly what is true of it."""

from __future__ import annotations

import datetime as dt

import pytest

from core.checks import run_checks
from core.document import Report
from core.outline import OutlineChapter
from core.printed_text import printed_text
from core.report_file import load_report, report_to_dict
from scripts.make_fixtures import build_seed001
from scripts.make_seed_fixtures import SEEDS, build
from tests.conftest import FIXTURES, SEED001
from tests.seed_text import FILES, ONE_LINE_PER_PARAGRAPH, differences, seed_stream, seed_text

# Where the app prints the format as it is and the seed did not.
KNOWN_DIFFERENCES: dict[str, list[str]] = {
    "001": [
        # The seed prints 社会组织 where the official label is 社会公益组织; the app prints the official label.
        "the seed prints '商业企业科研机构社会组织法律服务机构其他' where the report prints '商业企业科研机构社会公益组织法律服务机构其他'",
    ],
}

# Every finding is true of its seed: 002 was signed on 2017-12-31, before its period ended; 001 left its
# four 行政复议 results blank. 001, 003 and 004 print no signature block, so no date is asked of them.
FINDINGS = {
    "000": [],
    "001": ["R7:t4.review.upheld", "R7:t4.review.corrected", "R7:t4.review.other", "R7:t4.review.pending"],
    "002": ["C8"],
    "003": [],
    "004": [],
}
FIXTURE_FILES = {"001": SEED001, **{name: FIXTURES / seed.fixture for name, seed in SEEDS.items()}}
# The seeds' own outlines: chapters, then sections per chapter, as they print them.
CHAPTERS = {"000": 5, "002": 6, "003": 7, "004": 12}


def fixture(name: str) -> Report:
    return load_report(FIXTURE_FILES[name])


def built(name: str) -> Report:
    return build_seed001() if name == "001" else build(name)


def compare(name: str, report: Report) -> list[str]:
    stream, starts = seed_stream(seed_text(name, repaired=True))
    return differences(printed_text(report), stream, starts, name in ONE_LINE_PER_PARAGRAPH)


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_fixture_file_is_what_its_script_builds(name: str):
    saved = report_to_dict(fixture(name))
    assert saved == report_to_dict(built(name))
    assert saved["format_version"] == 2 and (saved["outline"] is not None)


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_fixture_prints_every_heading_paragraph_and_number_of_its_seed_in_order(name: str):
    found = compare(name, fixture(name))
    assert found == KNOWN_DIFFERENCES.get(name, []), "\n".join(found)


@pytest.mark.parametrize("name", sorted(FILES))
def test_checks_on_each_fixture_find_only_what_is_true(name: str):
    result = run_checks(fixture(name))
    assert [f.id for f in result.findings] == FINDINGS[name], [f.message for f in result.findings]
    blocked = {(n.rule_id, n.reason) for n in result.not_assessable}
    if name == "001":  # the blank 行政复议 results block its sum; the rules across years need last year's report
        assert blocked == {("R5", "空白单元格"), ("R8", "没有上年报告"), ("R9", "没有上年报告"), ("C11", "没有上年报告")}
    else:  # every sum of the 统计表 and the channel table holds
        assert blocked == {("C11", "没有上年报告")}


def test_the_seeds_own_outlines():
    for name, count in CHAPTERS.items():
        report = fixture(name)
        assert len(report.chapters) == count and report.template_id == "pre2019"
    assert [c.heading for c in fixture("004").chapters][9:] == [
        "十、2018年推进公开工作存在的问题与不足", "十一、开展2019年工作的初步计划安排", "十二、其他需要报告的事项"]
    assert [s.title for s in fixture("001").chapter("overview").sections] == [
        "（一）主动公开情况。", "（二）依申请公开情况。", "（三）政府信息管理情况。", "（四）平台建设。", "（五）监督保障。"]
    report = fixture("002")
    assert [t.title for t in report.free_tables.values()] == ["主动公开政府信息审批单"] * 2
    assert report.chapter("proactive").sections[1].tables == ("free-1", "free-2")
    assert fixture("003").chapter("proactive").sections[1].tables == ("channels",)
    assert [t.key for t in fixture("004").tables] == ["stats"]
    assert [(r.signing_date, r.signature_printed) for r in map(fixture, FILES)] == [
        (dt.date(2019, 3, 7), True), (None, False), (dt.date(2017, 12, 31), True), (None, False), (None, False)]


def test_the_comparison_finds_a_changed_number_a_lost_paragraph_a_moved_chapter_and_a_wrong_cell():
    report = fixture("004")
    assert compare("004", report) == []
    report.set_text("proactive", report.text("proactive").replace("540条", "541条"))
    report.set_text("plans", "\n".join(report.text("plans").splitlines()[1:]))
    report.set_value("stats.wechat.number", 278)
    found = compare("004", report)
    assert any("540" in line and "541" in line for line in found), found
    assert any("一是进一步强化组织领导" in line and "leaves out" in line for line in found), found
    assert any("279" in line and "278" in line for line in found), found
    moved = fixture("000")
    moved.outline = (moved.outline[1], moved.outline[0], *moved.outline[2:])
    assert compare("000", moved)
    joined = fixture("002")
    joined.opening = joined.opening.replace("\n", "")
    assert compare("002", joined) == ["the seed starts a paragraph at '地址：吴忠市利通区朝阳东街111号（邮编', the report does not"]


def test_a_seed_without_its_table_or_with_a_blank_table_is_checked_for_what_it_prints():
    report = fixture("004")
    report.outline = tuple(OutlineChapter(c.key, c.title, c.sections[:0] if c.key == "other_matters" else c.sections,
                                          c.tables) for c in report.outline)
    assert report.tables == ()
    assert [f.id for f in run_checks(report).findings] == []  # the table's prose figures are not read
    blank = fixture("003")
    for key in list(blank.cells):
        blank.set_value(key, None)
    assert [f.id for f in run_checks(blank).findings] == ["R7:channels"]
