"""The .nianbao file: one JSON document per report, saved atomically with a backup."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from core.document import UNIT_KINDS, UNIT_LEVELS, Report, UnitInfo
from core.template import TemplateError, UnknownTemplateError, load_template
from core.user_files import read_user_file, write_user_file
from core.values import CellInputError, from_json, to_json

FILE_FORMAT = "nianbao-report"
FORMAT_VERSION = 1
EXTENSION = ".nianbao"


class ReportFileError(Exception):
    """A report file that cannot be opened or saved; the message is Chinese and says why."""


def report_to_dict(report: Report) -> dict[str, Any]:
    template = report.template
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
    }


def report_from_dict(data: Any, source: str = "文件") -> Report:
    """Build a report from parsed JSON, refusing anything inconsistent with a located message."""
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
        raise ReportFileError(f"{source}不是年报文件（.nianbao）")
    version = data.get("format_version")
    if not isinstance(version, int):
        raise ReportFileError(f"{source}缺少文件格式版本号")
    if version > FORMAT_VERSION:
        raise ReportFileError(f"{source}由更新版本的年报软件保存（文件格式 {version}），请升级本软件后再打开")
    try:
        template = load_template(str(data.get("template")))
    except (UnknownTemplateError, TemplateError) as error:
        raise ReportFileError(f"{source}使用的报告格式无法加载：{error}") from None
    year = data.get("year")
    if not isinstance(year, int) or not 1990 <= year <= 2100:
        raise ReportFileError(f"{source}中的报告年度“{year}”无效")
    unit_data = data.get("unit") or {}
    if not isinstance(unit_data, dict):
        raise ReportFileError(f"{source}中的单位信息格式错误")
    unit = UnitInfo(**{k: str(unit_data[k]) for k in UnitInfo.field_names() if unit_data.get(k) is not None})
    if unit.kind not in UNIT_KINDS or unit.level not in UNIT_LEVELS:
        raise ReportFileError(f"{source}中的单位类型或行政层级无效")
    signing = data.get("signing_date")
    try:
        signing_date = dt.date.fromisoformat(signing) if signing else None
    except (TypeError, ValueError):
        raise ReportFileError(f"{source}中的落款日期“{signing}”无效") from None
    texts = data.get("texts") or {}
    cells = data.get("cells") or {}
    explanations = data.get("explanations") or {}
    if not all(isinstance(x, dict) for x in (texts, cells, explanations)):
        raise ReportFileError(f"{source}的内容结构已损坏")
    report = Report(template_id=template.id, year=year, unit=unit, signing_date=signing_date,
                    opening=str(data.get("opening") or ""))
    for key, text in texts.items():
        if key not in template.text_keys or not isinstance(text, str):
            raise ReportFileError(f"{source}中有无法识别的章节内容“{key}”")
        report.texts[key] = text
    for key, raw in cells.items():
        cell = template.cells.get(key)
        if cell is None:
            raise ReportFileError(f"{source}中有不属于“{template.name}”的单元格“{key}”")
        try:
            value = from_json(raw, cell.type)
        except CellInputError as error:
            raise ReportFileError(f"{source}中单元格“{cell.name}”的值无效：{error}") from None
        if value is not None:
            report.cells[key] = value
    report.explanations = {str(k): str(v) for k, v in explanations.items() if str(v).strip()}
    return report


def dumps_report(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=1) + "\n"


def loads_report(text: str, source: str = "文件") -> Report:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportFileError(f"{source}已损坏或不完整（第 {error.lineno} 行附近无法解析），无法打开") from None
    return report_from_dict(data, source)


def load_report(path: Path | str) -> Report:
    """Open a .nianbao file; every failure is a ReportFileError naming the file."""
    path = Path(path)
    source = f"“{path.name}”"
    raw = read_user_file(path, "年报文件", ReportFileError)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportFileError(f"{source}不是年报文件（不是 UTF-8 文本），无法打开") from None
    return loads_report(text, source)


def save_report(report: Report, path: Path | str) -> None:
    """Save atomically, keeping the previous version as a backup; ReportFileError on failure."""
    write_user_file(Path(path), dumps_report(report).encode("utf-8"), ReportFileError, action="保存",
                    holder="其他程序", keep_backup=True)
