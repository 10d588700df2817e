"""What an aggregated report keeps of its members: each cell's value in each unit, and the lock.

The office's tables are sums; while ``locked`` they are read-only and every cell can show which
unit contributed what. Saved in the .nianbao file as "members" (absent in any other report).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.records import field, record
from core.values import CellInputError, CellValue, format_value, from_json, numeric, to_json

MAX_MEMBERS = 5000


@record(frozen=True)
class Member:
    name: str
    group: str = ""  # the roster's group (区直部门, 乡镇街道 …); "" without a roster


@record
class MemberBreakdown:
    """Per cell key, the value of each member in ``members`` order (blank None, "/" SLASH)."""

    members: tuple[Member, ...]
    values: dict[str, tuple[CellValue, ...]] = field(default_factory=dict)
    locked: bool = True
    scope: str = ""  # 本级 / 本行政区域

    def of(self, key: str) -> tuple[CellValue, ...]:
        return self.values.get(key, (None,) * len(self.members))

    def lines(self, key: str) -> list[str]:
        """One line per member for a tooltip: "某某镇人民政府（乡镇街道）：12"; blank and "/" said in words."""
        found = []
        for member, value in zip(self.members, self.of(key), strict=True):
            shown = "空白（未填）" if value is None else "“/”（不适用）" if numeric(value) is None else format_value(value)
            group = f"（{member.group}）" if member.group else ""
            found.append(f"{member.name}{group}：{shown}")
        return found


def breakdown_to_json(breakdown: MemberBreakdown | None) -> dict[str, Any] | None:
    if breakdown is None:
        return None
    return {"members": [{"name": m.name, "group": m.group} for m in breakdown.members],
            "values": {k: [to_json(v) for v in values] for k, values in breakdown.values.items()},
            "locked": breakdown.locked, "scope": breakdown.scope}


def breakdown_from_json(raw: Any, cell_types: Mapping[str, str]) -> MemberBreakdown | None:
    """The breakdown, or ValueError (Chinese) naming what is wrong; ``cell_types`` by cell key."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ValueError("汇总明细（members）格式错误")
    members_raw = raw.get("members")
    if not isinstance(members_raw, list) or len(members_raw) > MAX_MEMBERS:
        raise ValueError("汇总明细中的单位列表格式错误")
    members = []
    for item in members_raw:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) \
                or not isinstance(item.get("group", ""), str):
            raise ValueError("汇总明细中的单位格式错误")
        members.append(Member(item["name"], item.get("group", "")))
    values_raw = raw.get("values", {})
    if not isinstance(values_raw, dict):
        raise ValueError("汇总明细中的数值格式错误")
    values: dict[str, tuple[CellValue, ...]] = {}
    for key, column in values_raw.items():
        if key not in cell_types:
            raise ValueError(f"汇总明细中有不属于本报告格式的单元格“{str(key)[:40]}”")
        if not isinstance(column, list) or len(column) != len(members):
            raise ValueError(f"汇总明细中单元格“{key}”的数值个数与单位数不符")
        try:
            values[key] = tuple(from_json(v, cell_types[key]) for v in column)  # type: ignore[arg-type]
        except CellInputError as error:
            raise ValueError(f"汇总明细中单元格“{key}”的值无效：{error}") from None
    locked, scope = raw.get("locked", True), raw.get("scope", "")
    if not isinstance(locked, bool) or not isinstance(scope, str):
        raise ValueError("汇总明细中的锁定状态或汇总范围格式错误")
    return MemberBreakdown(tuple(members), values, locked, scope)
