"""Checks written in code: completeness of texts and unit information, and what reviewers look for
that a table equation cannot say (规章 below 设区的市, 信息处理费, 考核/评议/责任追究, dates)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.checks.findings import FRONT_MATTER, CheckResult, Finding, format_number
from core.checks.text_numbers import find_mismatches
from core.document import Report
from core.values import numeric


@dataclass(frozen=True)
class CodedCheck:
    id: str
    severity: str
    title: str
    help: str


CODED_CHECKS = {
    c.id: c
    for c in (
        CodedCheck("C1", "error", "单位全称和报告年度必须填写", "报告标题由单位全称和年度组成，缺了就无法成文。"),
        CodedCheck("C2", "error", "每一章都要有内容", "一、五、六章须有文字；没有的情况也要写明“本年度未发生……”。"),
        CodedCheck("C3", "warning", "总体情况习惯上分五个方面写", "（一）至（五）小节都应有内容，内容“不能遗漏，也不宜泛化”。"),
        CodedCheck("C4", "warning", "五不能只写“无”", "存在的主要问题及改进情况应如实写明问题和改进措施。"),
        CodedCheck("C5", "warning", "六要说明信息处理费", "第六章应写明本年度收取信息处理费的情况，例如“本年度未收取信息处理费”。"),
        CodedCheck("C6", "warning", "人民政府须报告考核、评议和责任追究", "《条例》第五十条：各级人民政府的年报要包括工作考核、社会评议和责任追究结果情况。"),
        CodedCheck("C7", "warning", "县级及以下单位不能制定规章", "只有国务院部门、省级和设区的市人民政府可以制定规章，县级及以下应填 0。"),
        CodedCheck("C8", "warning", "落款日期应在报告年度的次年", "年报在报告年度结束后编制，落款日期应在次年（通常 1 月 31 日前）。"),
        CodedCheck("C9", "warning", "开头段落应写明统计期限", "开头段落通常写明编制依据和“本报告中所列数据统计期限自某年1月1日起至12月31日止”，年份应与报告年度一致。"),
        CodedCheck("C10", "warning", "正文数字应与表格一致", "正文写的收到申请、上年结转、结转下年度、行政复议、行政诉讼件数，应与表三、表四的总计一致。"),
    )
}

_TRIVIAL = re.compile(r"^[\s　]*(无|暂无|没有|无。|暂无。|没有。)[\s　。.]*$")
_FEE_STATEMENT = re.compile(r"信息(公开)?处理费")
_ACCOUNTABILITY = {"工作考核": re.compile(r"考核"), "社会评议": re.compile(r"评议"), "责任追究": re.compile(r"责任追究|追责")}
_PERIOD_YEAR = re.compile(r"(\d{4})\s*年\s*1\s*月\s*1\s*日")
_LOW_LEVELS = ("county", "township")


def _finding(check_id: str, message: str, chapter: str, targets: tuple[str, ...], subject: str = "") -> Finding:
    return Finding(check_id, CODED_CHECKS[check_id].severity, message, chapter, targets, subject)  # type: ignore[arg-type]


def text_heading(report: Report, text_key: str) -> str:
    """"一、总体情况（二）依申请公开情况" for a section key, the chapter heading for a chapter key."""
    chapter_key, _, _ = text_key.partition(".")
    chapter = report.template.chapter(chapter_key)
    section = next((s for s in chapter.sections if s.key == text_key), None)
    return chapter.heading + (section.title if section else "")


def check_report(report: Report, result: CheckResult) -> None:
    template = report.template
    add = result.findings.append
    if not report.unit.name.strip():
        add(_finding("C1", "单位信息：尚未填写单位全称", FRONT_MATTER, ("unit.name",), "unit.name"))

    for chapter in template.chapters:
        if chapter.table is not None:
            continue
        if not report.chapter_text(chapter.key).strip():
            add(_finding("C2", f"{chapter.heading}：尚未填写", chapter.key, (chapter.key,), chapter.key))
            continue
        for section in chapter.sections:
            if not report.text(section.key).strip():
                add(_finding("C3", f"{chapter.heading}{section.title}：尚未填写", chapter.key, (section.key,), section.key))

    problems = report.text("problems")
    if problems.strip() and _TRIVIAL.match(problems):
        add(_finding("C4", f"五、存在的主要问题及改进情况：只写了“{problems.strip()}”，应如实写明问题和改进措施",
                     "problems", ("problems",)))

    other = report.chapter_text("other_matters")
    if other.strip() and not _FEE_STATEMENT.search(other):
        add(_finding("C5", "六、其他需要报告的事项：没有说明信息处理费的收取情况（例如“本年度未收取信息处理费”）",
                     "other_matters", ("other_matters",)))

    overview = report.chapter_text("overview")
    if report.unit.kind == "government" and overview.strip():
        missing = [name for name, pattern in _ACCOUNTABILITY.items() if not pattern.search(overview)]
        if missing:
            add(_finding("C6", f"一、总体情况：人民政府的年报须写明{'、'.join(missing)}结果情况，正文没有提到",
                         "overview", ("overview.supervision",)))

    if report.unit.level in _LOW_LEVELS:
        keys = tuple(k for k in template.cells if k.startswith("t2.regulations."))
        nonzero = [k for k in keys if (numeric(report.cells.get(k)) or 0) != 0]
        if nonzero:
            add(_finding("C7", f"二、规章：{report.unit.level_label}单位不能制定规章，规章各项应为 0，"
                               f"现在 {template.cells[nonzero[0]].column.label} 填了 {report.cells[nonzero[0]]}",
                         "proactive", tuple(nonzero)))

    if report.signing_date is None:
        add(_finding("C8", "单位信息：尚未填写落款日期", FRONT_MATTER, ("signing_date",), "missing"))
    elif report.signing_date.year != report.year + 1:
        date = f"{report.signing_date.year}年{report.signing_date.month}月{report.signing_date.day}日"
        why = "报告期尚未结束就已落款" if report.signing_date.year <= report.year else "晚于次年"
        add(_finding("C8", f"单位信息：落款日期 {date} 不在 {report.year + 1} 年（{why}），"
                           f"{report.year} 年度的报告应在 {report.year + 1} 年落款", FRONT_MATTER, ("signing_date",)))

    if not report.opening.strip():
        add(_finding("C9", "开头段落：尚未填写（编制依据、统计期限、查阅方式和联系方式）", FRONT_MATTER, ("opening",), "missing"))
    else:
        years = {int(y) for y in _PERIOD_YEAR.findall(report.opening)}
        if years and report.year not in years:
            add(_finding("C9", f"开头段落：统计期限写的是 {min(years)} 年，报告年度是 {report.year} 年",
                         FRONT_MATTER, ("opening",), "year"))
        elif not years and "统计期限" not in report.opening:
            add(_finding("C9", f"开头段落：没有写明统计期限（“本报告中所列数据统计期限自{report.year}年1月1日起至{report.year}年12月31日止”）",
                         FRONT_MATTER, ("opening",), "missing_period"))

    for mismatch in find_mismatches(report):
        figure = mismatch.figure
        message = (f"{text_heading(report, mismatch.text_key)}：正文写“{mismatch.quote}”，与{figure.what}不一致："
                   f"左边 {format_number(mismatch.written)}，右边 {format_number(mismatch.table)}，"
                   f"相差 {format_number(abs(mismatch.written - mismatch.table))}")
        add(Finding("C10", "warning", message, mismatch.text_key.partition(".")[0],
                    (mismatch.text_key, *figure.cells), f"{figure.key}@{mismatch.text_key}",
                    mismatch.written, mismatch.table))
