"""How `nianbao aggregate` prints the audit: one block per unit for people, or JSON for programs."""

from __future__ import annotations

import json

from core.aggregate.audit import STATUSES
from core.aggregate.run import Aggregation


def render_text(aggregation: Aggregation) -> str:
    lines = [f"汇总 {aggregation.year} 年度（{aggregation.template.name}）："]
    for row in aggregation.rows:
        group = f"（{row.group}）" if row.group else ""
        files = "、".join(row.files) or "无文件"
        lines.append(f"[{row.status}] {row.unit}{group} · {files} · {'已汇总' if row.included else '未汇总'}")
        lines.extend(f"    {line}" for line in row.problem_lines())
    counts = {s: sum(1 for r in aggregation.rows if r.status == s) for s in STATUSES}
    lines.append("")
    lines.append("合计：" + "，".join(f"{s} {n} 个" for s, n in counts.items())
                 + f"；汇总了 {len(aggregation.included)} 个单位")
    for note in aggregation.notes:
        lines.append(f"  注意：{note}")
    if aggregation.check is not None:
        lines.append(f"汇总报告的检查：{aggregation.check.summary()}")
    return "\n".join(lines)


def render_json(aggregation: Aggregation, output: str, xlsx: str | None) -> str:
    data = {
        "year": aggregation.year,
        "template": aggregation.template.id,
        "output": output if aggregation.report is not None else None,
        "xlsx": xlsx if aggregation.report is not None else None,
        "summed": len(aggregation.included),
        "units": [
            {"unit": r.unit, "group": r.group, "files": r.files, "format": r.format, "status": r.status,
             "included": r.included, "errors": r.errors, "warnings": r.warnings,
             "missing_chapters": r.missing_chapters, "import_problems": r.import_problems,
             "similar": r.similar, "reasons": r.reasons, "notices": r.notices}
            for r in aggregation.rows
        ],
        "notes": aggregation.notes,
        "check": None if aggregation.check is None else {
            "errors": aggregation.check.errors, "warnings": aggregation.check.warnings,
            "text": aggregation.check.summary()},
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
