"""Start this year's report from last year's: what carries over and what starts blank.

Unit information and contacts carry over; texts are offered as drafts (the checks report a chapter
still word for word last year's); tables start blank except what follows from last year — the
template's "next_year" links (last year's 结转下年度 is this year's 上年结转), across a change of format
too. Last year's report is kept inside the new one, so the cross-year checks keep working.
"""

from __future__ import annotations

import copy
from decimal import Decimal

from core.cell_types import kind_of
from core.document import OPENING, Report
from core.outline import OutlineError, check_outline
from core.template import template_for_year
from core.template.links import carried_into_next_year


def report_from_last_year(last: Report, year: int | None = None, path: str = "") -> tuple[Report, list[str]]:
    """The new report, and Chinese notes on what did not carry over (never silently)."""
    year = year or last.year + 1
    template = template_for_year(year)
    report = Report(template_id=template.id, year=year, unit=copy.deepcopy(last.unit))
    notes: list[str] = []
    link_previous(report, last, path)
    if last.outline is not None and last.template_id == template.id:
        try:
            check_outline(template, last.outline)
            report.outline = last.outline
        except OutlineError as error:
            notes.append(f"上年报告的章节结构不适用于本年格式，已按本年格式的章节开始：{error}")
    if last.template.front_matter.title_free and template.front_matter.title_free and last.own_title:
        report.own_title = last.own_title
        notes.append("标题沿用了上年的写法，请把其中的年度改为本年")
    report.print_signature = last.print_signature
    report.opening = last.opening
    dropped = []
    for key, text in last.iter_texts():
        if not text.strip():
            continue
        if key in report.text_keys:
            report.set_text(key, text)
        else:
            dropped.append(last.text_heading(key) or key)
    if dropped:
        notes.append("上年报告中以下章节在本年格式中没有对应的位置，未带入草稿：" + "、".join(dropped))
    carried = carried_into_next_year(last.template, template)
    numbers = last.numbers()
    blank_sources = []
    values = {}
    for key, sources in carried.items():
        figures = [numbers.get(s) for s in sources]
        if any(f is None for f in figures):
            sources_named = "、".join(last.template.cells[s].name for s in sources)
            blank_sources.append(f"上年“{sources_named}”（本年“{template.cells[key].name}”）")
            continue
        total = sum(figures, Decimal(0))
        values[key] = kind_of(template.cells[key].type).total(total)  # money stays exact, counts whole
    for key, value in values.items():
        report.set_value(key, value)
    if blank_sources:
        notes.append("上年报告中以下数字为空白或“/”，本年对应的单元格没有填，请核对后填写：" + "；".join(blank_sources))
    return report, notes


def _source_words(last: Report, row_label: str, source_keys: tuple[str, ...]) -> str:
    """Last year's cells a figure starts from: their row's label, or their columns' labels joined by
    "+" when they sit in the same row (a count and its signed change)."""
    cells = [last.template.cells[key] for key in source_keys]
    if all(cell.row.label == row_label for cell in cells):
        return " + ".join(cell.column.label for cell in cells)
    return "、".join(dict.fromkeys(cell.row.label for cell in cells))


def previous_snapshot(last: Report) -> Report:
    """What a report keeps of last year's: a copy without the year before it (one year is enough)."""
    snapshot = copy.deepcopy(last)
    snapshot.previous, snapshot.previous_path = None, ""
    return snapshot


def link_previous(report: Report, last: Report | None, path: str = "") -> None:
    """Keep ``last`` (a snapshot of it) as the report's last year, or unlink it with None."""
    report.previous = previous_snapshot(last) if last is not None else None
    report.previous_path = path if last is not None else ""


def carried_summary(last: Report, report: Report) -> list[str]:
    """What a report started from ``last`` took from it, and what stays blank (Chinese, for both faces)."""
    lines = ["单位信息和联系方式沿用上年报告"]
    drafts = [key for key in (OPENING, *report.text_keys) if report.text(key).strip()]
    if drafts:
        lines.append(f"{len(drafts)} 段文字作为草稿带入，须逐章按本年实际情况改写（原样未改的会在检查中列出）")
    else:
        lines.append("上年报告没有文字，各章从空白开始")
    carried = carried_into_next_year(last.template, report.template)
    filled: dict[tuple[str, str], list[str]] = {}  # (this year's row, last year's source) → columns
    for key, source_keys in carried.items():
        if report.value(key) is None:
            continue
        cell = report.template.cells[key]
        filled.setdefault((cell.row.label, _source_words(last, cell.row.label, source_keys)), []).append(
            cell.column.label)
    for (label, source), columns in filled.items():
        lines.append(f"“{label}”按上年“{source}”填入 {len(columns)} 个单元格（{'、'.join(columns)}）")
    lines.append("其余表格单元格为空白，请按本年数据填写；落款日期为空白")
    return lines
