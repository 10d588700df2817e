"""An aggregated report's tables are the units' sums: read-only, each cell telling on hover what
every unit contributed, until the user detaches them (解除汇总锁定)."""

from __future__ import annotations

from core.document import Report

SHOWN_UNITS = 25  # a tooltip lists this many units, then counts the others


def locked_message(report: Report) -> str:
    count = len(report.members.members) if report.members else 0
    return (f"这是 {count} 个单位的汇总数，汇总报告的表格不能直接修改（悬停可查看各单位的数字）。"
            "如需修改，请先选择“编辑”菜单中的“解除汇总锁定”。")


def breakdown_tooltip(report: Report, key: str) -> str:
    """"各单位的数字：" and one line per unit, for a locked aggregated report; "" otherwise."""
    if not report.sums_locked:
        return ""
    lines = report.members.lines(key)  # type: ignore[union-attr]
    shown = lines[:SHOWN_UNITS]
    if len(lines) > SHOWN_UNITS:
        shown.append(f"……另有 {len(lines) - SHOWN_UNITS} 个单位（见汇总工作簿的“明细”表）")
    scope = f"（{report.members.scope}）" if report.members.scope else ""  # type: ignore[union-attr]
    return f"汇总数{scope}，各单位的数字：\n" + "\n".join(shown)


DETACH_QUESTION = ("解除锁定后，汇总报告的表格可以直接修改，改过的数字将不再等于各单位之和；"
                   "各单位的明细仍保留在报告中。确定要解除汇总锁定吗？")
