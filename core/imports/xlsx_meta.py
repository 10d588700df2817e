"""Unit and year of a workbook made elsewhere: from its title rows or a "填报信息" sheet, never invented."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from core.document import UNIT_FIELD_LABELS, UNIT_KINDS, UNIT_LEVELS, UnitInfo
from core.export.xlsx_layout import INFO_SHEET, INFO_SIGNING_DATE, INFO_YEAR
from core.imports import ImportProblem
from core.imports.labels import chinese_year_digits
from core.imports.xlsx_locate import MAX_LABEL_CHARS, SheetIndex, coordinate

_TITLE = re.compile(r"(.*?)((?:19|20)\d{2})年度?政府信息公开(?:工作)?年度?报告")
_ATTACHMENT = re.compile(r"^(?:附件|附表)\d*[:：]?")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR = re.compile(r"^(\d{4})\s*年?$")
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_REGIONS = ("省", "自治区", "市", "自治州", "盟", "县", "旗", "区", "镇", "乡", "街道")
_DEPARTMENTS = ("局", "委员会", "委", "办公室", "办", "厅", "部", "中心", "院", "所", "站", "队", "会", "处", "署")


@dataclass
class Metadata:
    unit: dict[str, str] = field(default_factory=dict)  # UnitInfo field → value
    year: int | None = None
    signing_date: dt.date | None = None
    year_source: str = ""  # "sheet!cell" where the year was read, for messages
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # (sheet, cell, message)


def read_metadata(indexes: list[SheetIndex]) -> Metadata:
    meta = Metadata()
    for index in indexes:
        if index.grid.title == INFO_SHEET:
            _read_info_sheet(index, meta)
    for index in indexes:
        for (row, col), value in sorted(index.grid.values.items()):
            if not isinstance(value, str) or "报告" not in value or len(value) > MAX_LABEL_CHARS:
                continue
            text = re.sub(r"\s+", "", chinese_year_digits(unicodedata.normalize("NFKC", value)))
            match = _TITLE.search(text)
            if not match:
                continue
            unit = _ATTACHMENT.sub("", match.group(1)).strip("：:，,、 ")
            year = int(match.group(2))
            where = f"{index.grid.title}!{coordinate(row, col)}"
            if meta.year is None:
                meta.year, meta.year_source = year, where
            elif meta.year != year:
                meta.conflicts.append((index.grid.title, coordinate(row, col),
                                       f"标题中的年度 {year} 与 {meta.year_source} 的 {meta.year} 不一致，已按 {meta.year} 读取"))
            if unit and not meta.unit.get("name"):
                meta.unit["name"] = unit
    _infer_kind_and_level(meta.unit)
    return meta


def _read_info_sheet(index: SheetIndex, meta: Metadata) -> None:
    by_label = {label: name for name, label in UNIT_FIELD_LABELS.items()}
    kinds = {label: key for key, label in UNIT_KINDS.items()}
    levels = {label: key for key, label in UNIT_LEVELS.items()}
    for row, cells in index.rows.items():
        if len(cells) < 2 or not isinstance(cells[0][1], str):
            continue
        label, value = cells[0][1].strip(), str(cells[1][1]).strip()
        name = by_label.get(label)
        if name == "kind":
            if value in kinds:
                meta.unit["kind"] = kinds[value]
        elif name == "level":
            if value in levels:
                meta.unit["level"] = levels[value]
        elif name:
            meta.unit[name] = value
        elif label == INFO_YEAR and (match := _YEAR.match(value)):
            meta.year, meta.year_source = int(match.group(1)), f"{index.grid.title}!{coordinate(row, cells[1][0])}"
        elif label == INFO_SIGNING_DATE and (match := _DATE.search(value)):
            try:
                meta.signing_date = dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                pass


def _infer_kind_and_level(unit: dict[str, str]) -> None:
    """Only what the name states plainly: "某某镇人民政府" is a township government, "某某局" a
    department; "某某市人民政府" (设区的市 or 县级市?) stays undecided."""
    name = unit.get("name", "")
    place = name.removesuffix("人民政府").removesuffix("办事处")
    if not name:
        return
    if "kind" not in unit:
        if name.endswith("人民政府") or place.endswith(_REGIONS):
            unit["kind"] = "government"
        elif name.endswith(_DEPARTMENTS):
            unit["kind"] = "department"
    if "level" in unit or unit.get("kind") != "government":
        return
    if place.endswith(("省", "自治区")) or place in _MUNICIPALITIES:
        unit["level"] = "province"
    elif place.endswith(("自治州", "盟")):
        unit["level"] = "city"
    elif place.endswith(("镇", "乡", "街道")):
        unit["level"] = "township"
    elif place.endswith(("县", "旗", "区")):
        unit["level"] = "county"


def metadata_problems(unit: UnitInfo, meta: Metadata, format_name: str) -> list[ImportProblem]:
    """What the workbook did not say about the report: the year and unit name (which the user can
    supply, ``topic``), and the unit's kind and level (defaults kept, named in notices).
    ``format_name`` is the format the tables were read in (judged by their labels without a year)."""
    problems = []
    if meta.year is None:
        problems.append(ImportProblem("", "", "文件中没有找到报告年度（标题行中如“XX镇人民政府2025年政府信息公开工作年度报告”），"
                                              f"年度暂空，请导入后填写；表格按其标签判断为{format_name}", topic="year"))
    if not unit.name:
        problems.append(ImportProblem("", "", "文件中没有找到单位名称，单位名称暂空，请导入后填写", topic="unit"))
        return problems
    return problems + _kind_notices(unit, "kind" in meta.unit, "level" in meta.unit)


def unit_kind_problems(unit: UnitInfo) -> list[ImportProblem]:
    """A unit name the user supplied: its kind and level where the name says them, notices otherwise."""
    inferred = {"name": unit.name}
    _infer_kind_and_level(inferred)
    unit.kind = inferred.get("kind", unit.kind)
    unit.level = inferred.get("level", unit.level)
    return _kind_notices(unit, "kind" in inferred, "level" in inferred)


def _kind_notices(unit: UnitInfo, known_kind: bool, known_level: bool) -> list[ImportProblem]:
    kept = f"暂按“{unit.kind_label}·{unit.level_label}”，请导入后在单位信息中确认（它决定哪些检查适用）"
    if not known_kind:
        message = f"无法从单位名称“{unit.name}”判断单位类型（人民政府或部门），{kept}"
    elif known_level:
        return []
    elif unit.kind == "government":
        message = f"无法从单位名称“{unit.name}”判断行政层级，{kept}"
    else:
        message = f"文件中没有“{unit.name}”的行政层级，{kept}"
    return [ImportProblem("", "", message, topic="kind", notice=True)]
