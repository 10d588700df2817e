"""What a computed total says when the user tries to type on it: which cells to fill instead."""

from __future__ import annotations

from core.expressions import references
from core.template.model import Template

LIST_AT_MOST = 7  # more parts than this are counted, not listed


def total_parts(template: Template, key: str) -> list[str]:
    """The cell keys the total at ``key`` adds up, as its formula reads them."""
    for computation in template.computations:
        if computation.cell == key:
            return references(computation.expression)
    return []


def explain_total(template: Template, key: str) -> str:
    """The message “…是总计，由软件自动计算…请填写本行的各项（…）”, parts named by their row or column label."""
    cells = template.cells
    parts = [cells[k] for k in total_parts(template, key) if k in cells]
    total = cells[key]
    text = f"“{total.name}”是总计，由软件自动计算，不能直接填写。"
    if not parts:
        return text + "请填写各项，总计会随之更新。"
    if all(p.row.key == total.row.key for p in parts):
        names, where = [p.column.label for p in parts], "本行的"
    elif all(p.column.key == total.column.key for p in parts):
        names, where = [p.row.label for p in parts], "本列的"
    else:
        names, where = [p.name for p in parts], ""
    listed = "、".join(names) if len(names) <= LIST_AT_MOST else f"共 {len(names)} 项"
    return text + f"请填写{where}各项（{listed}），总计会随之更新。"
