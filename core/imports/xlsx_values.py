"""What a spreadsheet cell holds, turned into a report cell value (or a Chinese reason why not)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

from core.cell_types import kind_of
from core.template.model import CellType
from core.values import MAX_DIGITS, CellInputError, CellValue, parse_cell_input

_DECIMALS = re.compile(r"\.([0#?]+)")
_QUOTED = re.compile(r'"[^"]*"|\\.')


def format_decimals(number_format: str | None) -> int:
    """How many decimals a number format always shows: "0.00000" → 5, "#,##0.0#" → 1, General → 0."""
    if not number_format:
        return 0
    section = _QUOTED.sub("", number_format.split(";")[0])
    match = _DECIMALS.search(section)
    return match.group(1).count("0") if match else 0


def number_text(number: int | float) -> str:
    """A spreadsheet number as the digits a person saw: 15 significant digits, no exponent."""
    if isinstance(number, int):
        return str(number)
    text = format(number, ".15g")
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


WHOLE_LIMIT = 10 ** MAX_DIGITS


def convert(raw: Any, number_format: str | None, cell_type: CellType) -> CellValue:
    """Raise CellInputError (Chinese) for anything that is not blank, a number or "/"."""
    if raw is None:
        return None
    if type(raw) is float or type(raw) is int:  # nearly every cell, decided first
        if kind_of(cell_type).whole and (type(raw) is int or raw.is_integer()) and abs(raw) < WHOLE_LIMIT:
            return int(raw)  # what parse_cell_input gives a whole number of at most 15 digits, read directly
    if isinstance(raw, bool):
        raise CellInputError(f"“{'TRUE' if raw else 'FALSE'}”是逻辑值，不是数字")
    if isinstance(raw, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        raise CellInputError(f"“{raw}”是日期或时间，不是数字（请把单元格格式改为“常规”或“数值”）")
    if isinstance(raw, (int, float)):
        value = parse_cell_input(number_text(raw), cell_type, strict=False)
        return _with_format_decimals(value, format_decimals(number_format)) if kind_of(cell_type).money else value
    return parse_cell_input(str(raw), cell_type, strict=False)


def _with_format_decimals(value: CellValue, decimals: int) -> CellValue:
    """Money shown as "12.50" in the sheet was typed as 12.50: keep the decimals the format shows."""
    if not isinstance(value, Decimal) or decimals <= 0:
        return value
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent < decimals:
        return value.quantize(Decimal(1).scaleb(-decimals))
    return value


def looks_numeric(raw: Any) -> bool:
    """A number, "/" or text that reads as a number ("１２", " 5 "): what a data cell holds."""
    if isinstance(raw, bool):
        return False
    if isinstance(raw, (int, float)):
        return True
    if not isinstance(raw, str):
        return False
    try:
        parse_cell_input(raw, "money", strict=False)
    except CellInputError:
        return False
    return True


@lru_cache(maxsize=4096)  # values are immutable (int, Decimal, SLASH); "0" comes back thousands of times
def exported_text_value(text: str, cell_type: CellType) -> CellValue | None:
    """The value our export wrote as ``text`` (the hidden map's text), None when it does not parse."""
    try:
        return parse_cell_input(text, cell_type, strict=False)
    except CellInputError:
        return None


def same_number(raw: Any, exported: str) -> bool:
    """True when a visible cell still holds the number exported as ``exported``."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return False
    number = _exported_float(exported)
    return number is not None and number == float(raw)


@lru_cache(maxsize=4096)  # the same exported texts ("0", "1" …) come back in every workbook
def _exported_float(exported: str) -> float | None:
    try:
        return float(Decimal(exported))
    except ArithmeticError:
        return None
