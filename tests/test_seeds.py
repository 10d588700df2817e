"""Every seed is produced by the app: each fixture prints every heading, paragraph and number of its
published report in order, and its checks find exactly what is true of it."""

from __future__ import annotations

import datetime as dt

import pytest

from core.checks import run_checks
from core.document import Report
from core.outline import OutlineChapter
from core.printed_text import printed_text
from scripts.make_fixtures import build_seed001
from scripts.make_seed_fixtures import build
from tests.conftest import SEEDS_DIR
from tests.seed_text import Repair, differences, seed_stream

FILES = {"000": "000_3de0323ae760b06b.txt", "001": "001_7769b43667f38014.txt", "002": "002_228735099014d1ff.txt",
         "003": "003_f7e992f8f73b9ee1.txt", "004": "004_7192ca63686b88e7.txt"}
# Seeds whose extraction prints each paragraph (and table row) on one line; 000 and 003 wrap at the page width.
ONE_LINE_PER_PARAGRAPH = {"001", "002", "004"}
HEADER_004 = "统计指标\t单位\t统计数\n"

# Where the PDF extraction garbled a seed, put right before comparing (each must be found as often as said).
REPAIRS: dict[str, tuple[Repair, ...]] = {
    "001": (
        Repair("全面保障人民\n\n群众知情权", "全面保障人民群众知情权", "a paragraph of 一 split by a page break"),
        Repair("等 18\n\n个政务公开专区", "等 18个政务公开专区", "（四）平台建设 split by a page break"),
        Repair("根据平时工作情况对\n\n重点部门", "根据平时工作情况对重点部门", "a paragraph of 五 split by a page break"),
        Repair("(一) 予以公开\t2\t0\t0\t0\t0\t2\n\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\n"
               "\t(三) 不予公开\t1. 属于国家秘密\t0\t0\t0\t0\t0\n2. 其他法律行政\t\t0\t0\t0\t0\t0\t0\n\n\t法规禁止公开\t\t\t\t\t\t\t",
               "(一) 予以公开\t2\t0\t0\t0\t0\t0\t2\n\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0\n"
               "\t(三) 不予公开\t1. 属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n2. 其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0",
               "beside the vertical 三、本年度办理结果 the extraction lost five zeros of 表三 (each row's 总计, 2 and 0, "
               "is the sum of its six columns, so they are 0) and split 2.其他法律行政法规禁止公开 over a page break"),
        Repair("政府信息公开申\t0\t0\t0\t0\t0\t0\t0\n\n\t请\t\t\t\t\t\t\t", "政府信息公开申请\t0\t0\t0\t0\t0\t0\t0",
               "表三（六）2. split over a page break"),
    ),
    "002": (Repair("领导小组，指\n\n定了", "领导小组，指定了", "a paragraph of 一（二） split by a page break"),),
    "004": (
        Repair("该段\n\n于2018年7月23日", "该段于2018年7月23日", "a paragraph of 五 split by a page break"),
        Repair("回应解读的情况\t\t\n" + HEADER_004, "回应解读的情况\t\t\n", "the header row repeated on a new page"),
        Repair("驳回原告诉讼请求数\t件\t0\n" + HEADER_004, "驳回原告诉讼请求数\t件\t0\n", "the header row repeated on a new page"),
        Repair("\t统计指标\t单位 统计数\n", "", "the header row repeated on a new page, garbled"),
        Repair("危及国家安全、公共安全、经济\t件\t0\n\n安全和社会稳定\t\t", "危及国家安全、公共安全、经济安全和社会稳定\t件\t0",
               "a row label split over a page break"),
        Repair("1. 专职人员数(不包括政府公报及政府\t人\t1\n\n网站工作人员数)\t\t", "1. 专职人员数(不包括政府公报及政府网站工作人员数)\t人\t1",
               "a row label split over a page break"),
    ),
}

# Where the app prints the format as it is and the seed did not.
KNOWN_DIFFERENCES: dict[str, list[str]] = {
    "001": [
        # The seed prints 社会组织 where the official label is 社会公益组织; the app prints the official label.
        "the seed prints '商业企业科研机构社会组织法律服务机构其他' where the report prints '商业企业科研机构社会公益组织法律服务机构其他'",
        # The 2021 template draws 行政复议's five results in the third header row; the seed (and the official
        # table) merges each over rows two and three, so they come before 未经复议直接起诉 in reading order.
        "the report leaves out '结果维持结果纠正其他结果尚未审结总计'",
        "'未经复议直接起诉复议后起诉' starts a paragraph in the report but not in the seed",
        "the seed prints '结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计' "
        "where the report prints '结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计'",
    ],
}

# Every finding is true of its seed: 002 was signed on 2017-12-31, before its period ended; 001, 003 and
# 004 print no date, so the app has none; 001 left its four 行政复议 results blank.
FINDINGS = {
    "000": [],
    "001": ["C8:missing", "R7:t4.review.upheld", "R7:t4.review.corrected", "R7:t4.review.other", "R7:t4.review.pending"],
    "002": ["C8"],
    "003": ["C8:missing"],
    "004": ["C8:missing"],
}
# The seeds' own outlines: chapters, then sections per chapter, as they print them.
CHAPTERS = {"000": 5, "002": 6, "003": 7, "004": 12}


def fixture(name: str) -> Report:
    return build_seed001() if name == "001" else build(name)


def seed(name: str) -> tuple[str, list[int]]:
    return seed_stream((SEEDS_DIR / FILES[name]).read_text(encoding="utf-8"), REPAIRS.get(name, ()))


def compare(name: str, report: Report) -> list[str]:
    stream, starts = seed(name)
    return differences(printed_text(report), stream, starts, name in ONE_LINE_PER_PARAGRAPH)


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
    assert [f.id for f in run_checks(report).findings] == ["C8:missing"]  # the table's prose figures are not read
    blank = fixture("003")
    for key in list(blank.cells):
        blank.set_value(key, None)
    assert [f.id for f in run_checks(blank).findings] == ["C8:missing", "R7:channels"]
