"""Excel export: fonts, borders, number formats, text widths and safe cell writing."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, Side

from core.values import CellValue, format_value

FONT_NAME = "宋体"
FONT_SIZE = 10
TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
HEADER_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
BODY_FONT = Font(name=FONT_NAME, size=FONT_SIZE)
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
VERTICAL = Alignment(horizontal="center", vertical="center", wrap_text=True, text_rotation=255)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)

LINE_HEIGHT = 14.0  # points per wrapped line of the body font
MIN_ROW_HEIGHT = 20.0

# Characters that may not appear in an XML 1.0 document (openpyxl refuses them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORMULA_START = ("=", "+", "-", "@")


def display_width(text: str) -> int:
    """Width in Excel column units: a CJK (wide) character counts double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` needs in a column span ``width`` units wide (explicit breaks count)."""
    usable = max(1.0, width - 1.0)
    return sum(max(1, -(-display_width(part) // int(usable))) for part in text.split("\n"))


def number_format(value: CellValue) -> str:
    """"0" for whole numbers; a Decimal keeps exactly its typed number of decimals ("0.00000")."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return "0." + "0" * decimals if decimals else "0"
    return "0"


def write_text_value(text: str) -> str:
    """The text ``write_text`` stores for ``text`` (what a reader finds in the cell)."""
    return _ILLEGAL.sub("", text)


def write_text(cell: Cell | MergedCell, text: str) -> None:
    """Write user text so that it is always text: never a formula, never an illegal character."""
    text = write_text_value(text)
    cell.value = text
    if text.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def write_value(cell: Cell, value: CellValue) -> None:
    """A cell value as a literal: blank stays empty, numbers are numbers, "/" is the text "/"."""
    if value is None:
        cell.value = None
    elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        # float() is exact enough: values are limited to 15 significant digits, and openpyxl
        # writes "%.16g", which gives back the digits as typed.
        cell.value = value if isinstance(value, int) else float(value)
        cell.number_format = number_format(value)
    else:
        write_text(cell, format_value(value))
