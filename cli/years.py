"""`nianbao new --from LAST` and `nianbao check --previous LAST`: a report year after year."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.carry_over import carried_summary, link_previous, report_from_last_year
from core.document import Report
from core.last_year import LastYear, LastYearError, read_last_year
from core.report_file import ReportFileError, save_report
from core.template import UnknownTemplateError

EXIT_OK, EXIT_FAILURE = 0, 2


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return EXIT_FAILURE


def read_previous(path: str, year: int | None, accept_partial: bool) -> LastYear | str:
    """Last year's report, or the Chinese reason it cannot be used (its problems printed first)."""
    try:
        last = read_last_year(path)
    except LastYearError as error:
        return str(error)
    for notice in last.notices:
        print(f"  提示：{notice}", file=sys.stderr)
    for problem in last.problems:
        print(f"  问题：{problem}", file=sys.stderr)
    if last.year_unknown:
        if year is None:
            return f"上年报告“{Path(path).name}”中没有写明报告年度，未做任何改动；请用 --year 指定本年度，例如 --year 2025"
        last.supply_year(year - 1)
    if not last.complete and not accept_partial:
        return (f"上年报告“{Path(path).name}”有 {len(last.problems)} 处无法读取（见上），未做任何改动；"
                "确认只用能读取的部分请加 --accept-partial")
    return last


def new_from_last_year(args: argparse.Namespace, output: Path) -> int:
    last = read_previous(args.from_file, args.year, args.accept_partial)
    if isinstance(last, str):
        return _fail(last)
    year = args.year or last.report.year + 1
    if year <= last.report.year:
        return _fail(f"新报告的年度（{year}）应晚于上年报告的年度（{last.report.year}），未做任何改动")
    try:
        report, notes = report_from_last_year(last.report, year, str(last.path.resolve()))
    except UnknownTemplateError as error:
        return _fail(str(error))
    try:
        save_report(report, output)
    except ReportFileError as error:
        return _fail(str(error))
    print(f"已从上年报告新建 {output}：{report.title} · {report.template.name}")
    print(f"上年报告：{last.path}（{last.report.title}），已保存在新报告中，供跨年度检查使用")
    if year != last.report.year + 1:
        print(f"  注意：上年报告是 {last.report.year} 年度，与本年度 {year} 不相邻，跨年度检查仍以它为上年报告")
    for line in carried_summary(last.report, report):
        print(f"  {line}")
    for note in notes:
        print(f"  注意：{note}")
    return EXIT_OK


def keep_previous(report: Report, last: LastYear, path: Path, quiet: bool = False) -> str | None:
    """Save ``last`` inside the report file (asked for with --keep-previous); the reason when it failed."""
    link_previous(report, last.report, str(last.path.resolve()))
    try:
        save_report(report, path)
    except ReportFileError as error:
        return str(error)
    print(f"已把上年报告“{last.path.name}”保存到 {path} 中（原文件保留为 .bak）", file=sys.stderr if quiet else sys.stdout)
    return None
