"""How `nianbao check` prints findings: grouped by chapter for people, or as JSON for programs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal

from core.checks import CheckResult, chapter_title, group_by_chapter
from core.checks.copied_text import ChapterRepeats
from core.document import Report

SEVERITY_TAGS = {"error": "错误", "warning": "警告", "info": "提示"}


def previous_source(report: Report, previous: Report | None, given: str | None, kept: bool) -> str:
    """Which last year's report the cross-year checks used, said in one line."""
    if given and previous is not None:
        where = "已保存到报告文件中" if kept else "仅用于本次检查，报告文件未改动"
        return f"上年报告：{given}（{previous.title}），{where}"
    if previous is not None:
        place = f"，原位置 {report.previous_path}" if report.previous_path else ""
        return f"上年报告：报告中保存的 {previous.title}{place}"
    return "上年报告：没有（跨年度检查和与上年文字的比对无法进行，可用 --previous 指定上年报告）"


def render_text(report: Report, result: CheckResult, source: str, previous_line: str = "") -> str:
    lines = [f"{source}：{report.title} · {report.template.name}"]
    if previous_line:
        lines.append(previous_line)
    if not result.findings:
        lines.append("未发现问题。")
    for heading, findings in group_by_chapter(report, result.findings):
        lines.append("")
        lines.append(heading)
        for finding in findings:
            tag = SEVERITY_TAGS[finding.severity]
            if result.is_confirmed(finding):
                tag += "·已说明"
            lines.append(f"  [{tag}] {finding.rule_id} {finding.message}")
            if result.is_confirmed(finding):
                lines.append(f"      说明：{result.explanation(finding)}")
    lines.append("")
    lines.append(f"合计：{result.summary()}")
    return "\n".join(lines)


def _number(value: Decimal | None) -> int | str | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else format(value, "f")


def copied_shares(report: Report, repeats: Sequence[ChapterRepeats]) -> list[dict]:
    """Each text chapter's share repeated from last year's report, for programs reading the JSON."""
    return [{"chapter": c.chapter, "chapter_title": chapter_title(report, c.chapter), "percent": c.percent,
             "repeated_chars": c.repeated_chars} for c in repeats]


def render_json(report: Report, result: CheckResult, source: str, previous_line: str = "",
                repeats: Sequence[ChapterRepeats] = ()) -> str:
    """``repeats``: what the checks measured of last year's text (``CheckContext.chapter_repeats``)."""
    data = {
        "file": source,
        "previous": previous_line,
        "copied_text": copied_shares(report, repeats),
        "template": report.template_id,
        "year": report.year,
        "unit": report.unit.name,
        "summary": {
            "errors": result.errors,
            "warnings": result.warnings,
            "open_warnings": result.open_warnings,
            "infos": result.infos,
            "not_assessable": len(result.not_assessable),
            "text": result.summary(),
        },
        "findings": [
            {
                "id": f.id,
                "rule": f.rule_id,
                "severity": f.severity,
                "chapter": f.chapter,
                "chapter_title": chapter_title(report, f.chapter),
                "message": f.message,
                "targets": list(f.targets),
                "left": _number(f.left),
                "right": _number(f.right),
                "difference": _number(f.difference),
                "confirmed": result.is_confirmed(f),
                "explanation": result.explanation(f),
            }
            for f in result.findings
        ],
        "not_assessable": [
            {"rule": n.rule_id, "subject": n.subject, "message": n.message, "blank_cells": list(n.blank_cells)}
            for n in result.not_assessable
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
