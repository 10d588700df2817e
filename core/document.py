"""The report being written: unit information, texts, table cells by key, and explanations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from decimal import Decimal

from core.expressions import evaluate_partial
from core.template import Template, load_template, template_for_year
from core.values import CellValue, numeric, parse_cell_input

UNIT_KINDS = {"government": "人民政府", "department": "部门/机构"}
UNIT_LEVELS = {"province": "省级", "city": "设区的市", "county": "县级", "township": "乡镇街道"}


@dataclass
class UnitInfo:
    """Who the report is for and how the public reaches them."""

    name: str = ""  # full official name, e.g. "某某县某某镇人民政府"
    kind: str = "government"  # a key of UNIT_KINDS
    level: str = "township"  # a key of UNIT_LEVELS
    region: str = ""  # e.g. "宁夏回族自治区吴忠市利通区"
    address: str = ""
    postcode: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""

    @property
    def kind_label(self) -> str:
        return UNIT_KINDS.get(self.kind, self.kind)

    @property
    def level_label(self) -> str:
        return UNIT_LEVELS.get(self.level, self.level)

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


UNIT_FIELD_LABELS = {
    "name": "单位全称", "kind": "单位类型", "level": "行政层级", "region": "所在地区",
    "address": "地址", "postcode": "邮编", "phone": "电话", "fax": "传真",
    "email": "电子邮箱", "website": "网站",
}


@dataclass
class Report:
    """One unit's annual report. Cells hold blank (absent), an int, a Decimal or SLASH."""

    template_id: str
    year: int
    unit: UnitInfo = field(default_factory=UnitInfo)
    signing_date: dt.date | None = None
    opening: str = ""  # the paragraph before 一
    texts: dict[str, str] = field(default_factory=dict)  # chapter or section key → text
    cells: dict[str, CellValue] = field(default_factory=dict)
    explanations: dict[str, str] = field(default_factory=dict)  # finding id → 说明 of a confirmed warning

    @classmethod
    def new(cls, year: int, unit_name: str = "", template_id: str | None = None) -> Report:
        template = load_template(template_id) if template_id else template_for_year(year)
        return cls(template_id=template.id, year=year, unit=UnitInfo(name=unit_name))

    @property
    def template(self) -> Template:
        return load_template(self.template_id)

    @property
    def title(self) -> str:
        return f"{self.unit.name}{self.year}年政府信息公开工作年度报告"

    # --- cells -------------------------------------------------------------------------------

    def value(self, key: str) -> CellValue:
        return self.cells.get(key)

    def set_value(self, key: str, value: CellValue) -> list[str]:
        """Store a value and recompute the totals that depend on it; returns every key changed."""
        if key not in self.template.cells:
            raise KeyError(key)
        changed = [key] if self.cells.get(key) != value or type(self.cells.get(key)) is not type(value) else []
        if value is None:
            self.cells.pop(key, None)
        else:
            self.cells[key] = value
        return changed + self.recompute()

    def set_text_value(self, key: str, text: str) -> list[str]:
        """Parse what the user typed for a cell (CellInputError on bad input) and store it."""
        return self.set_value(key, parse_cell_input(text, self.template.cells[key].type))

    def recompute(self) -> list[str]:
        """Bring every computed total up to date; returns the keys whose value changed."""
        changed: list[str] = []
        numbers = {k: numeric(v) for k, v in self.cells.items()}
        for computation in self.template.computations:
            result = evaluate_partial(computation.expression, numbers)
            value: CellValue = None if result is None else _as_cell_value(result, self.template.cells[computation.cell].type)
            numbers[computation.cell] = result
            if self.cells.get(computation.cell) != value:
                changed.append(computation.cell)
                if value is None:
                    self.cells.pop(computation.cell, None)
                else:
                    self.cells[computation.cell] = value
        return changed

    def numbers(self) -> dict[str, Decimal | None]:
        return {k: numeric(v) for k, v in self.cells.items()}

    # --- texts -------------------------------------------------------------------------------

    def text(self, key: str) -> str:
        return self.texts.get(key, "")

    def set_text(self, key: str, text: str) -> None:
        if key not in self.template.text_keys:
            raise KeyError(key)
        if text:
            self.texts[key] = text
        else:
            self.texts.pop(key, None)

    def chapter_text(self, chapter_key: str) -> str:
        """A chapter's whole text: its own text, then each sub-section's title and text."""
        chapter = self.template.chapter(chapter_key)
        parts = [self.text(chapter.key)]
        for section in chapter.sections:
            body = self.text(section.key)
            if body.strip():
                parts.append(section.title + body)
        return "\n".join(p for p in parts if p.strip())

    def iter_texts(self) -> Iterator[tuple[str, str]]:
        for key in self.template.text_keys:
            yield key, self.text(key)


def _as_cell_value(number: Decimal, cell_type: str) -> CellValue:
    if cell_type == "count" and number == number.to_integral_value():
        return int(number)
    return number
