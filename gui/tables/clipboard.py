"""Tab-separated blocks to and from Excel/WPS: copy a selection out, paste a block in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from core.document import Report
from core.values import CellInputError, CellValue, format_value, numeric, parse_cell_input
from gui.tables.model import ReportTableModel


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of fields; Excel ends the block with a newline, and may quote fields with line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    rows: list[list[str]] = []
    for line in text.split("\n"):
        rows.append([f[1:-1].replace('""', '"') if len(f) >= 2 and f[0] == f[-1] == '"' else f
                     for f in line.split("\t")])
    return rows


def selection_to_tsv(model: ReportTableModel, positions: list[tuple[int, int]]) -> str:
    """The bounding rectangle of the selected grid positions; merged-away positions are empty."""
    if not positions:
        return ""
    rows = [r for r, _ in positions]
    cols = [c for _, c in positions]
    chosen = set(positions)
    lines = []
    for r in range(min(rows), max(rows) + 1):
        fields = []
        for c in range(min(cols), max(cols) + 1):
            text = model.data(model.index(r, c)) if (r, c) in chosen else ""
            fields.append(str(text or "").replace("\t", " ").replace("\n", " "))
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


@dataclass
class PastePlan:
    values: dict[str, CellValue] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)  # Chinese, with the position
    skipped: int = 0  # fields that landed on labels or outside the table
    # Numbers that landed on computed totals: not stored, but compared with the sum of the parts.
    totals: dict[str, tuple[CellValue, int, int]] = field(default_factory=dict)  # key → (value, i, j)


def plan_paste(model: ReportTableModel, row: int, col: int, block: list[list[str]]) -> PastePlan:
    """Map a block onto the grid from (row, col): field (i, j) goes to the grid position (row+i, col+j).

    Positions that are labels or inside a merge are skipped; so a block copied from the same form in
    Excel lines up, and a bare block of numbers fills the cells it covers. Totals are computed, so a
    number landing on one is kept aside to be compared with its parts (``disagreeing_totals``).
    """
    plan = PastePlan()
    cells = model.document.report.template.cells
    for i, fields in enumerate(block):
        for j, text in enumerate(fields):
            index = model.index(row + i, col + j)
            key = model.cell_key(index) if index.isValid() else None
            if key is None:
                if text.strip():
                    plan.skipped += 1
                continue
            try:
                value = parse_cell_input(text, cells[key].type)
            except CellInputError as error:
                plan.refused.append(f"第 {i + 1} 行第 {j + 1} 列（{cells[key].name}）：{error}")
                continue
            if model.is_editable(index):
                plan.values[key] = value
            elif value is not None:
                plan.totals[key] = (value, i, j)
    return plan


def disagreeing_totals(plan: PastePlan, report: Report) -> list[str]:
    """After the paste: each pasted total that differs from the total of the parts, with its position."""
    lines = []
    for key, (pasted, i, j) in plan.totals.items():
        computed = report.value(key)
        if numeric(pasted) != numeric(computed) or (numeric(pasted) is None and computed is not pasted):
            name = report.template.cells[key].name
            lines.append(f"第 {i + 1} 行第 {j + 1} 列（{name}）：粘贴的总计 {format_value(pasted)} "
                         f"与各项之和 {format_value(computed) or '（空白）'} 不一致")
    return lines


def describe_paste(plan: PastePlan, disagreeing: Sequence[str] = ()) -> str:
    text = f"已粘贴 {len(plan.values)} 个单元格"
    if plan.totals:
        text += f"，核对了 {len(plan.totals)} 个总计"
        if disagreeing:
            text += f"（{len(disagreeing)} 个与各项之和不一致）"
    if plan.skipped:
        text += f"，跳过 {plan.skipped} 个落在标签上的值"
    if plan.refused:
        text += f"，{len(plan.refused)} 个值不是数字未粘贴"
    return text

