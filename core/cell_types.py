"""One object per cell type (count, signed count, money): what it accepts, what it asks for in
messages, how it checks a stored value and how a computed total is kept. Parsing (core.values),
the type check (R6), the file, computed totals and the Excel reader and writer all ask it."""

from __future__ import annotations

from decimal import Decimal

from core.records import record

MAX_MONEY_DECIMALS = 6


@record(frozen=True)
class CellKind:
    name: str
    expected: str  # what a message asks for: "件数（0 或正整数）"
    problem_what: str  # how R6 names a wrong value: "件数应为 0 或正整数"
    signed: bool = False  # negatives are valid values (a year's change)
    whole: bool = True  # integers only; money keeps its decimals
    max_decimals: int = 0
    money: bool = False  # in 万元: amounts with a unit of 元 are refused with a hint, typed decimals kept
    not_whole: str = ""  # what a message says to a fraction typed in a whole kind ("件数只能填 0 或正整数")

    def problem(self, value: int | Decimal) -> str | None:
        """Why a stored number breaks this type (for the R6 check), or None when it is fine."""
        if type(value) is int and (value >= 0 or self.signed):
            return None  # the common case, decided without building a Decimal: a whole number is always fine
        number = Decimal(value)
        shown = format(value, "f") if isinstance(value, Decimal) else str(value)
        if self.whole and not isinstance(value, int):
            return f"{self.problem_what}，现为 {shown}"
        if number < 0 and not self.signed:
            return f"{self.problem_what}，现为 {shown}"
        exponent = number.as_tuple().exponent
        if self.money and isinstance(exponent, int) and -exponent > self.max_decimals:
            return f"金额最多保留 {self.max_decimals} 位小数，现为 {shown}"
        return None

    def total(self, number: Decimal) -> int | Decimal:
        """A computed total as this type stores it: whole kinds as int where it is whole."""
        if self.whole and number == number.to_integral_value():
            return int(number)
        return number


COUNT = CellKind("count", "件数（0 或正整数）", "件数应为 0 或正整数", not_whole="件数只能填 0 或正整数")
SIGNED_COUNT = CellKind("signed_count", "整数（增加填正数，减少填负数，例如 -3）", "增减数应为整数（可以为负数）",
                        signed=True, not_whole="应填整数（增加填正数，减少填负数，例如 -3）")
MONEY = CellKind("money", "金额（以万元为单位的数字，例如 3.5）", "金额不能为负数", whole=False,
                 max_decimals=MAX_MONEY_DECIMALS, money=True)

CELL_KINDS: dict[str, CellKind] = {kind.name: kind for kind in (COUNT, MONEY, SIGNED_COUNT)}


def kind_of(cell_type: str | CellKind) -> CellKind:
    return cell_type if isinstance(cell_type, CellKind) else CELL_KINDS[cell_type]
