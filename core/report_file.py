"""The .nianbao file: one JSON document per report, saved atomically with a backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from core import json_text
from core.document import UNIT_FIELD_LABELS, UNIT_KINDS, UNIT_LEVELS, Report, UnitInfo
from core.outline import OutlineError, check_outline
from core.report_parts import free_tables_from_json, free_tables_to_json, outline_from_json, outline_to_json
from core.template import Template, TemplateError, UnknownTemplateError, load_template
from core.text_clean import replace_surrogates
from core.user_files import read_user_file, remove_abandoned_temps, write_user_file
from core.values import CellInputError, from_json, to_json

FILE_FORMAT = "nianbao-report"
FORMAT_VERSION = 2  # 2: the report's own outline, tables it drew, its title, signature, last year's report
EXTENSION = ".nianbao"


class ReportFileError(Exception):
    """A report file that cannot be opened or saved; the message is Chinese and says why."""


def report_to_dict(report: Report) -> dict[str, Any]:
    template = report.template
    data = _report_dict(report, template)
    if report.previous is not None:
        data["previous"] = _report_dict(report.previous, report.previous.template)
        data["previous_path"] = report.previous_path
    if report.members is not None:
        from core.member_breakdown import breakdown_to_json  # aggregates only: loaded when there is one

        data["members"] = breakdown_to_json(report.members)
    return data


def _report_dict(report: Report, template: Template) -> dict[str, Any]:
    return {
        "format": FILE_FORMAT,
        "format_version": FORMAT_VERSION,
        "template": report.template_id,
        "year": report.year,
        "unit": {name: getattr(report.unit, name) for name in UnitInfo.field_names()},
        "signing_date": report.signing_date.isoformat() if report.signing_date else None,
        "opening": report.opening,
        "texts": {k: report.texts[k] for k in report.text_keys if report.texts.get(k)},
        "cells": {k: to_json(report.cells[k]) for k in template.cells if k in report.cells},
        "explanations": dict(sorted(report.explanations.items())),
        "outline": outline_to_json(report.outline),
        "free_tables": free_tables_to_json(report.free_tables),
        "own_title": list(report.own_title),
        "print_signature": report.print_signature,
        "run_in_headings": report.run_in_headings,
    }


def report_from_dict(data: Any, source: str = "文件") -> Report:
    """Build a report from parsed JSON, refusing anything inconsistent with a located message.

    Every field is checked for its type: a file is data, and a list where a name belongs is an
    error, never the text "['a', 1]"."""
    report = _report_from_dict(data, source)
    previous = data.get("previous")
    if previous is not None:
        if isinstance(previous, dict) and "previous" in previous:
            raise ReportFileError(f"{source}中的上年报告格式错误")
        report.previous = _report_from_dict(previous, f"{source}中保存的上年报告")
        report.previous_path = _text(data.get("previous_path"), source, "上年报告的位置")
    if data.get("members") is None:  # a unit's own report (nearly all): no cell types to look up
        return report
    from core.member_breakdown import breakdown_from_json

    try:
        report.members = breakdown_from_json(data["members"], {k: c.type for k, c in report.template.cells.items()})
    except ValueError as error:
        raise ReportFileError(f"{source}中的{error}") from None
    return report


def _report_from_dict(data: Any, source: str) -> Report:
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
        raise ReportFileError(f"{source}不是年报文件（.nianbao）")
    version = data.get("format_version")
    if version is None:
        raise ReportFileError(f"{source}缺少文件格式版本号")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ReportFileError(f"{source}的文件格式版本号“{_shown(version)}”无效（应为正整数）")
    if version > FORMAT_VERSION:
        raise ReportFileError(f"{source}由更新版本的年报软件保存（文件格式 {_shown(version)}），请升级本软件后再打开")
    try:
        template = load_template(_text(data.get("template"), source, "报告格式"))
    except (UnknownTemplateError, TemplateError) as error:
        raise ReportFileError(f"{source}使用的报告格式无法加载：{error}") from None
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not 1990 <= year <= 2100:
        raise ReportFileError(f"{source}中的报告年度“{_shown(year)}”无效")
    if not template.covers_year(year):
        raise ReportFileError(f"{source}的报告年度 {year} 不适用其报告格式“{template.name}”，文件可能被改动过")
    unit = _unit(_section(data, "unit", source, "单位信息"), source)
    signing = data.get("signing_date")
    try:
        signing_date = dt.date.fromisoformat(signing) if signing else None
    except (TypeError, ValueError):
        raise ReportFileError(f"{source}中的落款日期“{_shown(signing)}”无效") from None
    report = Report(template_id=template.id, year=year, unit=unit, signing_date=signing_date,
                    opening=_text(data.get("opening"), source, "开头段落"))
    _own_parts(report, data, source)
    for key, text in _section(data, "texts", source, "章节内容").items():
        if key not in report.text_keys:
            raise ReportFileError(f"{source}中有无法识别的章节内容“{_shown(key)}”")
        if text := _text(text, source, f"章节内容“{key}”"):
            report.texts[key] = text
    for key, raw in _section(data, "cells", source, "表格数据").items():
        cell = template.cells.get(key)
        if cell is None:
            raise ReportFileError(f"{source}中有不属于“{template.name}”的单元格“{_shown(key)}”")
        try:
            value = from_json(raw, cell.type)
        except CellInputError as error:
            short = isinstance(raw, (str, int)) and len(str(raw)) <= 40
            detail = str(error) if short else f"“{_shown(raw)}”不是有效的单元格值"
            raise ReportFileError(f"{source}中单元格“{cell.name}”的值无效：{detail}") from None
        if value is not None:
            report.cells[key] = value
    for key, text in _section(data, "explanations", source, "警告说明").items():
        if (text := _text(text, source, f"警告说明“{_shown(key)}”")).strip():
            report.explanations[replace_surrogates(key)] = text
    return report


def _own_parts(report: Report, data: dict, source: str) -> None:
    """The report's own outline, drawn tables, title and signature choice (format version 2)."""
    try:
        outline = outline_from_json(data.get("outline"))
        if outline is not None:
            check_outline(report.template, outline)
        report.outline = outline
        report.free_tables = free_tables_from_json(data.get("free_tables"))
    except (ValueError, OutlineError) as error:
        raise ReportFileError(f"{source}中的{error}") from None
    title = data.get("own_title") or []
    if not isinstance(title, list) or not all(isinstance(line, str) for line in title):
        raise ReportFileError(f"{source}中的报告标题格式错误")
    report.own_title = tuple(replace_surrogates(line) for line in title)
    signature = data.get("print_signature")
    if signature is not None and not isinstance(signature, bool):
        raise ReportFileError(f"{source}中的“是否打印落款”应为真假值")
    report.print_signature = signature
    run_in = data.get("run_in_headings", False)
    if not isinstance(run_in, bool):
        raise ReportFileError(f"{source}中的“小标题接排”应为真假值")
    report.run_in_headings = run_in


def _section(data: dict, name: str, source: str, what: str) -> dict:
    value = data.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ReportFileError(f"{source}中的{what}格式错误（应为一组键和值，现为{_type_name(value)}）")
    return value


def _text(value: Any, source: str, what: str) -> str:
    """A text field: a string or absent; lone surrogates (which cannot be saved) become U+FFFD."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ReportFileError(f"{source}中的{what}应为文字，现为{_type_name(value)}“{_shown(value)}”")
    return replace_surrogates(value)


def _unit(data: dict, source: str) -> UnitInfo:
    values = {name: _text(data.get(name), source, f"单位信息“{UNIT_FIELD_LABELS[name]}”")
              for name in UnitInfo.field_names() if data.get(name) is not None}
    unit = UnitInfo(**values)
    if unit.kind not in UNIT_KINDS or unit.level not in UNIT_LEVELS:
        raise ReportFileError(f"{source}中的单位类型或行政层级无效")
    return unit


def _type_name(value: Any) -> str:
    names = {bool: "真假值", int: "数字", float: "数字", str: "文字", list: "列表", dict: "一组键和值"}
    return names.get(type(value), type(value).__name__)


def _shown(value: Any, limit: int = 40) -> str:
    """A value as quoted in a message: never thousands of characters, never a nested structure."""
    if isinstance(value, (list, dict)):
        return _type_name(value)
    try:
        text = replace_surrogates(value if isinstance(value, str) else str(value))
    except ValueError:  # an integer too long to print
        return "（过长的数字）"
    return text if len(text) <= limit else text[:limit] + "……"


def dumps_report(report: Report) -> str:
    import json  # the encoder loads with the first save, not to open a report

    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=1) + "\n"


def loads_report(text: str, source: str = "文件") -> Report:
    try:
        data = json_text.loads(text)
    except RecursionError:
        raise ReportFileError(f"{source}的结构嵌套过深，不是年报文件，无法打开") from None
    except ValueError as error:
        from json import JSONDecodeError

        if isinstance(error, JSONDecodeError):
            raise ReportFileError(f"{source}已损坏或不完整（第 {error.lineno} 行附近无法解析），无法打开") from None
        raise ReportFileError(f"{source}中有无法读取的数值，文件可能已损坏，无法打开") from None  # thousands of digits
    return report_from_dict(data, source)


_UTF8_BOM = b"\xef\xbb\xbf"


def load_report(path: Path | str) -> Report:
    """Open a .nianbao file; every failure is a ReportFileError naming the file."""
    path = Path(path)
    source = f"“{path.name}”"
    remove_abandoned_temps(path)  # left by a save that was killed
    raw = read_user_file(path, "年报文件", ReportFileError)
    try:
        # utf-8-sig by hand: its codec module would be one more import as the first report opens
        text = (raw[len(_UTF8_BOM):] if raw.startswith(_UTF8_BOM) else raw).decode("utf-8")
    except UnicodeDecodeError:
        raise ReportFileError(f"{source}不是年报文件（不是 UTF-8 文本），无法打开") from None
    return loads_report(text, source)


def save_report(report: Report, path: Path | str, replace_read_only: bool = False) -> None:
    """Save atomically, keeping the previous version as a backup; ReportFileError on failure.

    A read-only file is refused unless ``replace_read_only`` (the GUI asks the user first)."""
    write_user_file(Path(path), dumps_report(report).encode("utf-8"), ReportFileError, action="保存",
                    holder="其他程序", keep_backup=True, replace_read_only=replace_read_only)
