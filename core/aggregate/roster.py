"""The roster of expected units: a CSV or a workbook with a header row, one unit a row.

Columns are found by their Chinese titles (spaces and a BOM ignored); only the unit name is
required. A CSV may be UTF-8 (with or without BOM) or GBK/GB18030, as Excel and WPS save it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from core.aggregate.names import shown_name, unit_key
from core.imports import WORKBOOK_SUFFIXES
from core.units import UNIT_KINDS, UNIT_LEVELS
from core.user_files import read_user_file

# Column title → field; the roster's own vocabulary (not a report format's).
COLUMNS = {
    "name": ("单位名称", "单位全称", "单位", "名称", "报送单位"),
    "group": ("分组", "单位分组", "类别", "单位类别", "分类", "组别"),
    "kind": ("类型", "单位类型"),
    "level": ("层级", "行政层级", "级别"),
}
MAX_ROSTER_ROWS = 5000


class RosterError(Exception):
    """A roster that cannot be read at all; the message is Chinese and names the file."""


@dataclass(frozen=True)
class RosterEntry:
    name: str
    group: str = ""
    kind: str = ""  # a key of UNIT_KINDS, "" when not given
    level: str = ""  # a key of UNIT_LEVELS, "" when not given
    row: int = 0  # the file's row, for messages

    @property
    def key(self) -> str:
        return unit_key(self.name)


@dataclass
class Roster:
    entries: list[RosterEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # located Chinese messages
    source: str = ""

    def find(self, name: str) -> RosterEntry | None:
        key = unit_key(name)
        return next((e for e in self.entries if e.key == key), None)

    @property
    def groups(self) -> list[str]:
        """The groups in the order the roster first names them."""
        return list(dict.fromkeys(e.group for e in self.entries if e.group))


def read_roster(path: str | Path) -> Roster:
    path = Path(path)
    read_problems: list[str] = []
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        rows = _workbook_rows(path, read_problems)
    else:
        rows = _csv_rows(path)
    roster = roster_from_rows(rows, f"名单“{path.name}”")
    roster.problems[:0] = read_problems  # e.g. rows beyond what a workbook is read to: named, never dropped
    return roster


def roster_from_rows(rows: list[list[str]], source: str) -> Roster:
    roster = Roster(source=source)
    header_at = next((i for i, row in enumerate(rows) if _columns(row).get("name") is not None), None)
    if header_at is None:
        raise RosterError(f"{source}中找不到标题行：应有一列“单位名称”（也可写作“单位”“名称”），"
                          "还可以有“分组”“类型”“层级”列")
    columns = _columns(rows[header_at])
    seen: dict[str, RosterEntry] = {}
    for number, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if number > MAX_ROSTER_ROWS:
            roster.problems.append(f"{source}超过 {MAX_ROSTER_ROWS} 行，其余行未读取")
            break
        value = {name: (row[col].strip() if col is not None and col < len(row) else "") for name, col in columns.items()}
        if not any(value.values()):
            continue
        if not value["name"]:
            roster.problems.append(f"{source}第 {number} 行没有单位名称，未读取")
            continue
        kind = _choice(value.get("kind", ""), UNIT_KINDS)
        level = _choice(value.get("level", ""), UNIT_LEVELS)
        for what, raw, key in (("类型", value.get("kind", ""), kind), ("层级", value.get("level", ""), level)):
            if raw and not key:
                roster.problems.append(f"{source}第 {number} 行的{what}“{raw}”无法识别，未采用")
        entry = RosterEntry(" ".join(value["name"].split()), value.get("group", ""), kind, level, number)
        if entry.key in seen:
            first = seen[entry.key]
            roster.problems.append(f"{source}第 {number} 行的“{shown_name(entry.name)}”与第 {first.row} 行重复，"
                                   f"以第 {first.row} 行为准")
            continue
        seen[entry.key] = entry
        roster.entries.append(entry)
    if not roster.entries:
        raise RosterError(f"{source}中没有任何单位")
    return roster


def _columns(row: list[str]) -> dict[str, int | None]:
    titles = ["".join(str(cell).replace("\ufeff", "").split()) for cell in row]
    found: dict[str, int | None] = {}
    for name, wordings in COLUMNS.items():
        found[name] = next((i for i, title in enumerate(titles) if title in wordings), None)
    return found


def _choice(text: str, choices: dict[str, str]) -> str:
    text = "".join(text.split())
    if not text:
        return ""
    for key, label in choices.items():
        if text in (key, label) or text in label.split("/"):
            return key
    return ""


def _csv_rows(path: Path) -> list[list[str]]:
    from core.imports.published.decode import decode

    data = read_user_file(path, "单位名单", RosterError)
    decoded = decode(data)
    if decoded is None:
        raise RosterError(f"名单“{path.name}”不是 UTF-8 或 GBK 编码的文字，无法读取")
    text = decoded[0]
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _workbook_rows(path: Path, problems: list[str]) -> list[list[str]]:
    from core.imports import ImportProblem
    from core.imports.xlsx_workbook import XlsxImportError, load_grids

    read: list[ImportProblem] = []
    try:
        grids = load_grids(path, read)
    except XlsxImportError as error:
        raise RosterError(str(error)) from None
    problems += [f"名单“{path.name}”{'!'.join(x for x in (p.sheet, p.cell) if x)}：{p.message}" for p in read]
    grid = next((g for g in grids if g.state == "visible" and g.values), None)
    if grid is None:
        raise RosterError(f"名单“{path.name}”中没有内容")
    last_row = max(r for r, _ in grid.values)
    last_col = max(c for _, c in grid.values)
    return [["" if grid.get(r, c) is None else _cell_text(grid.get(r, c)) for c in range(1, last_col + 1)]
            for r in range(1, last_row + 1)]


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
