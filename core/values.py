"""Cell values: blank, a number, or "/" — three different things — and how typed text becomes one.

A value is ``None`` (blank), an ``int`` (a count, or a signed count such as a year's change in the
number of items, which may be negative), a ``Decimal`` (money in 万元, exactly as typed, trailing
zeros kept) or ``SLASH`` (the user typed "/", which reviewers flag but which is kept).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Final

from core.cell_types import kind_of
from core.template.model import CellType


class _Slash(str):
    __slots__ = ()

    def __repr__(self) -> str:
        return "SLASH"

    def __reduce__(self) -> str:
        return "SLASH"  # unpickled (from a worker process) as the one SLASH, so "is SLASH" holds


SLASH: Final = _Slash("/")
CellValue = int | Decimal | _Slash | None

MAX_DIGITS = 15  # beyond this a number is a typing accident, and Excel loses precision anyway
_WHOLE_LIMIT = 10 ** MAX_DIGITS

# U+2212 (the minus sign of Word, WPS and PDFs) counts as "-" too.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－−＋／，　", "0123456789.--+/, ")
_DASHES = set("—–-－―─~～")
_UNITS = ("件", "个", "条", "项", "次", "人", "万元", "元", "千元", "亿元", "%")


def _is_number(text: str) -> bool:
    """``text`` is digits, or digits, a point and digits (what ``\\d+(?:\\.\\d+)?`` matches)."""
    whole, point, fraction = text.partition(".")
    return whole.isdecimal() and (not point or fraction.isdecimal())


@cache
def _with_unit() -> re.Pattern[str]:
    """A number with a unit ("3件"); compiled with the first text ending in one, not at start-up."""
    return re.compile(rf"^(-?[\d.]+)\s*({'|'.join(_UNITS)})$")


@cache
def _change_in_words() -> re.Pattern[str]:
    """A change written in words ("减少2", "增3项"): group 1 says which way, group 2 is the number."""
    return re.compile(r"^(增加|增|减少|减)\s*(\d+)\s*(?:项|个|件)?$")


class CellInputError(ValueError):
    """Typed text that is not a valid value for the cell; the message says what was expected."""


def normalize_text(text: str) -> str:
    """Full-width digits and punctuation from Chinese input methods become their ASCII forms."""
    return text.translate(_FULL_WIDTH).strip()


def parse_cell_input(text: str | None, cell_type: CellType = "count", strict: bool = True) -> CellValue:
    """Turn what a user typed (or a file held) into a cell value, or explain in Chinese why not.

    ``strict=False`` (files and imports) keeps numbers that break the cell's type — negative,
    fractional counts, too many decimals — so that the R6 check can report them where they are,
    instead of refusing the whole file. Text that is not a number is refused either way.
    """
    if text is None:
        return None
    raw = str(text)
    value = normalize_text(raw)
    if value == "":
        return None
    if value == "/":
        return SLASH
    kind = kind_of(cell_type)
    what = kind.expected
    if set(value) <= _DASHES:
        raise CellInputError(f"“{raw}”不是数字：没有发生请填 0，不要填横线")
    unit = _with_unit().match(value) if value.endswith(_UNITS) else None
    if unit:
        number, suffix = unit.groups()
        if kind.money and suffix in ("元", "千元", "亿元"):
            raise CellInputError(f"“{raw}”带了单位“{suffix}”：金额以万元为单位，只填数字（例如 25.1 万元填 25.1）")
        raise CellInputError(f"“{raw}”带了单位“{suffix}”：只填数字 {number}，不要带单位")
    if "," in value:
        raise CellInputError(f"“{raw}”含有逗号：请直接填数字，不要用千位分隔符")
    words = _change_in_words().match(value) if value[0] in "增减" else None
    if words and kind.signed:
        sign = "-" if words.group(1).startswith("减") else ""
        raise CellInputError(f"“{raw}”：增减数只填数字，减少的填负数、增加的填正数，这里应填 {sign}{int(words.group(2))}")
    negative = value.startswith("-") and _is_number(value[1:])
    if negative and kind.signed:
        value = value[1:]
    elif negative:
        if not strict:
            return _lenient_number(value)
        raise CellInputError(f"“{raw}”是负数：应填{what}，不能为负")
    if value.startswith("+") and _is_number(value[1:]):
        value = value[1:]
    if not _is_number(value):
        raise CellInputError(f"“{raw}”不是数字：应填{what}")
    if len(value.replace(".", "").lstrip("0")) > MAX_DIGITS:
        raise CellInputError(f"“{raw}”位数太多，请检查是否输入有误")
    if kind.whole:
        sign = -1 if negative else 1
        if "." in value:
            whole, _, fraction = value.partition(".")
            if fraction.strip("0"):
                if not strict:
                    return sign * Decimal(value)
                raise CellInputError(f"“{raw}”不是整数：{kind.not_whole}")
            value = whole
        return sign * int(value)
    decimals = len(value.partition(".")[2])
    if decimals > kind.max_decimals:
        if not strict:
            return Decimal(value)
        raise CellInputError(f"“{raw}”有 {decimals} 位小数：金额最多保留 {kind.max_decimals} 位小数")
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid decimals
        raise CellInputError(f"“{raw}”不是数字：应填{what}") from None


def _lenient_number(text: str) -> int | Decimal:
    number = Decimal(text)
    return int(number) if "." not in text else number


def type_problem(value: CellValue, cell_type: CellType) -> str | None:
    """Why a stored number breaks its cell's type (for the R6 check), or None when it is fine."""
    if numeric(value) is None:
        return None
    return kind_of(cell_type).problem(value)  # type: ignore[arg-type]


def format_value(value: CellValue) -> str:
    """The text shown and exported for a value: blank is "", money exactly as typed."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def same_value(a: CellValue, b: CellValue) -> bool:
    """Whether storing ``b`` over ``a`` changes nothing: the one place this is decided.

    Blank, 0 and "/" differ, and so do 1.0 and 1.00 (money keeps what was typed), although
    Decimal("1.0") == Decimal("1.00") == 1.
    """
    return type(a) is type(b) and a == b and format_value(a) == format_value(b)


_SMALL_COUNTS: tuple[Decimal, ...] = ()  # Decimal(n) for most cells of every report (immutable), made at first use


def _small_counts() -> tuple[Decimal, ...]:
    global _SMALL_COUNTS
    _SMALL_COUNTS = tuple(Decimal(n) for n in range(1000))  # whole before it is seen (checks run in threads)
    return _SMALL_COUNTS


def numeric(value: CellValue) -> Decimal | None:
    """The number a rule computes with; None for blank and "/" (not assessable)."""
    if type(value) is int:
        return (_SMALL_COUNTS or _small_counts())[value] if 0 <= value < 1000 else Decimal(value)
    if value is None or isinstance(value, _Slash):
        return None
    return value if type(value) is Decimal else Decimal(value)


def to_json(value: CellValue) -> int | str | None:
    """Counts (signed ones too) as JSON numbers; money and "/" as strings so nothing is lost to floats."""
    if value is None or isinstance(value, int):
        return value
    return format_value(value)


def from_json(raw: object, cell_type: CellType) -> CellValue:
    if raw is None:
        return None
    if type(raw) is int and 0 <= raw < _WHOLE_LIMIT and kind_of(cell_type).whole:
        return raw  # what parsing its text gives a count (most of a report's cells), in a fraction of the time
    if isinstance(raw, bool) or not isinstance(raw, (int, str)):
        raise CellInputError(f"“{raw}”不是有效的单元格值")
    return parse_cell_input(str(raw), cell_type, strict=False)
