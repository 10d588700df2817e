"""What each `nianbao` sub-command does; all work is done by the core."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli import years
from cli.check_output import previous_source, render_json, render_text
from cli.exit_codes import EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK  # noqa: F401  # callers import them from here too
from core.checks import CheckContext, run_checks, run_context
from core.document import Report
from core.last_year import other_unit_note
from core.report_file import EXTENSION, ReportFileError, load_report, save_report
from core.template import UnknownTemplateError
from core.text_clean import clean_report


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return EXIT_FAILURE


def _refuse_overwrite(path: Path, force: bool) -> str | None:
    if path.suffix.lower() != EXTENSION:
        return f"输出文件 {path} 的扩展名应为 {EXTENSION}"
    if path.exists() and not force:
        return f"{path} 已存在，未做任何改动；如需覆盖请加 --force"
    return None


def new_report(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if problem := _refuse_overwrite(output, args.force):
        return _fail(problem)
    if args.from_file:
        if args.unit is not None or args.kind is not None or args.level is not None:
            return _fail("从上年报告新建时单位信息沿用上年报告，不能同时指定 --unit、--kind 或 --level；新建后可在报告中修改")
        return years.new_from_last_year(args, output)
    if args.year is None or args.unit is None:
        return _fail("请用 --year 和 --unit 指定报告年度和单位全称，或用 --from 指定上年报告")
    unit = args.unit.strip()
    if not unit:
        return _fail("单位全称不能为空")
    try:
        report = Report.new(args.year, unit)
    except UnknownTemplateError as error:
        return _fail(str(error))
    report.unit.kind, report.unit.level = args.kind or "government", args.level or "township"
    try:
        save_report(report, output)
    except ReportFileError as error:
        return _fail(str(error))
    print(f"已新建 {output}：{report.title} · {report.template.name}")
    return EXIT_OK


def check_report(args: argparse.Namespace) -> int:
    try:
        report = load_report(args.file)
    except ReportFileError as error:
        return _fail(str(error))
    if args.keep_previous and not args.previous:
        return _fail("--keep-previous 须与 --previous 一起使用")
    previous = report.previous
    if args.previous:
        last = years.read_previous(args.previous, report.year or None, args.accept_partial)
        if isinstance(last, str):
            return _fail(last)
        if last.report.year >= report.year:
            return _fail(f"上年报告“{args.previous}”是 {last.report.year} 年度的，不早于本报告的 {report.year} 年度")
        previous = last.report
        if note := other_unit_note(report, previous):
            print(f"  注意：{note}", file=sys.stderr)
    context = CheckContext(report, previous)
    result = run_context(context)
    source = previous_source(report, previous, args.previous, args.keep_previous)
    if args.json:  # the copied-text shares the checks measured, not measured again
        print(render_json(report, result, args.file, source, context.chapter_repeats))
    else:
        print(render_text(report, result, args.file, source))
    if args.previous and args.keep_previous:
        problem = years.keep_previous(report, last, Path(args.file), quiet=args.json)
        if problem is not None:
            return _fail(problem)
    return EXIT_FINDINGS if result.errors else EXIT_OK


def export_report(args: argparse.Namespace) -> int:
    if not args.docx and not args.xlsx:
        return _fail("请用 --docx 和/或 --xlsx 指定导出文件")
    try:
        report = load_report(args.file)
    except ReportFileError as error:
        return _fail(str(error))
    from core.export import ExportError

    try:
        if args.docx:
            from core.export.docx_writer import write_docx

            notes = write_docx(report, args.docx, font_set=args.fonts, run_in_headings=args.run_in_headings,
                               signature=False if args.no_signature else None)
            print(f"已导出 Word：{args.docx}")
            _print_notes(notes)
        if args.xlsx:
            from core.export.xlsx_writer import write_xlsx

            notes = write_xlsx(report, args.xlsx, run_checks(report))
            print(f"已导出 Excel：{args.xlsx}")
            _print_notes(notes)
    except ExportError as error:
        return _fail(str(error))
    result = run_checks(report)
    if result.findings:
        print(f"提示：报告仍有问题（{result.summary()}），请用 nianbao check 查看")
    return EXIT_OK


def _print_notes(notes: list[str], after: str = "（原报告未改动）") -> None:
    for note in notes:
        print(f"  注意：{note}{after}")


def import_workbook(args: argparse.Namespace) -> int:
    """`nianbao import FILE -o R.nianbao`: an Excel workbook, or a published report (.docx, .html, .txt)."""
    output = Path(args.output)
    if problem := _refuse_overwrite(output, args.force):
        return _fail(problem)
    from core.imports.published import SUFFIXES

    published = Path(args.file).suffix.lower() in SUFFIXES
    what = "报告" if published else "工作簿"
    if published:
        from core.imports.published import PublishedImportError as ReadError
        from core.imports.published.reader import read_published as read
    else:
        from core.imports.xlsx_reader import XlsxImportError as ReadError
        from core.imports.xlsx_reader import read_xlsx as read
    try:
        imported = read(args.file)
    except ReadError as error:
        return _fail(str(error))
    cleaned = clean_report(imported.report)
    imported.report = cleaned.report
    _print_notes(cleaned.notes, after="")
    imported.supply(year=args.year, unit=args.unit)
    report = imported.report
    if args.kind or args.level:
        report.unit.kind = args.kind or report.unit.kind
        report.unit.level = args.level or report.unit.level
        imported.problems = [p for p in imported.problems if p.topic != "kind"]
    for problem in imported.problems:
        label = "提示" if problem.notice else "问题"
        where = f"[{problem.where}] " if problem.where else ""
        print(f"  {label}：{where}{problem.message}", file=sys.stderr)
    if imported.needs("year") or not 1990 <= report.year <= 2100:
        return _fail(f"{what}中没有写明报告年度，未保存任何文件；请用 --year 指定，例如 --year 2025")
    if not report.template.covers_year(report.year):
        return _fail(f"{what}的表格是{report.template.name}，不适用于 {report.year} 年度的报告，未保存任何文件")
    if not imported.complete and not args.accept_partial:
        return _fail(f"导入不完整（{len(imported.defects)} 处问题，见上），未保存任何文件；"
                     "确认只保存能读取的部分请加 --accept-partial")
    try:
        save_report(report, output)
    except ReportFileError as error:
        return _fail(str(error))
    print(f"已导入为 {output}：{report.title}")
    if published:  # the figures of the text against the tables, at once
        print(f"检查：{run_checks(report).summary()}；请用 nianbao check {output} 查看")
    return EXIT_OK


def aggregate_reports(args: argparse.Namespace) -> int:
    import os

    from cli.aggregate_output import render_json, render_text
    from core.aggregate.roster import RosterError, read_roster
    from core.aggregate.run import aggregate
    from core.units import UnitInfo

    output = Path(args.output)
    if problem := _refuse_overwrite(output, args.force):
        return _fail(problem)
    unit = " ".join(args.unit.split())
    if not unit:
        return _fail("汇总单位的全称不能为空")
    try:
        roster = read_roster(args.roster) if args.roster else None
    except RosterError as error:
        return _fail(str(error))
    for problem in roster.problems if roster else []:
        print(f"  提示：{problem}", file=sys.stderr)
    groups = [g.strip() for g in (args.groups or "").replace("，", ",").split(",") if g.strip()]
    if groups and roster is None:
        return _fail("--groups 按名单中的分组汇总，请同时用 --roster 指定名单")
    if roster is not None and (unknown := [g for g in groups if g not in roster.groups]):
        return _fail(f"名单中没有分组“{unknown[0]}”；名单中的分组有：{'、'.join(roster.groups) or '（无）'}")
    try:
        aggregation = aggregate(args.files, args.year, UnitInfo(name=unit, kind=args.kind, level=args.level), roster,
                                excluded=args.exclude, include=args.include, groups=groups,
                                workers=args.workers or min(2, os.cpu_count() or 1))
    except UnknownTemplateError as error:
        return _fail(str(error))
    from core.aggregate.audit import unmatched_names

    for option, names in (("--exclude", args.exclude), ("--include", args.include)):
        if unknown := unmatched_names(aggregation.rows, names):
            return _fail(f"{option} 指定的单位“{unknown[0]}”不在本次读取的单位中，请核对单位名称；未保存任何文件")
    print(render_json(aggregation, str(output), args.xlsx) if args.json else render_text(aggregation))
    if aggregation.report is None:
        return _fail("没有可以汇总的单位，未保存任何文件")
    try:
        save_report(aggregation.report, output)
    except ReportFileError as error:
        return _fail(str(error))
    if not args.json:
        print(f"已保存汇总报告：{output}")
    if args.xlsx:
        from core.export import ExportError
        from core.export.xlsx_office import write_office_xlsx

        try:
            write_office_xlsx(aggregation, args.xlsx)
        except ExportError as error:
            return _fail(str(error))
        if not args.json:
            print(f"已导出汇总工作簿：{args.xlsx}")
    return EXIT_FINDINGS if aggregation.has_errors else EXIT_OK
