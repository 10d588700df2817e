"""Typed input becomes a cell value or a Chinese message saying what was expected."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from core.values import (
    SLASH,
    CellInputError,
    format_value,
    from_json,
    numeric,
    parse_cell_input,
    to_json,
    type_problem,
)


@pytest.mark.parametrize(("typed", "expected"), [
    ("12", 12), ("０", 0), ("１２３", 123), (" 7 ", 7), ("3.0", 3), ("", None), ("  ", None), ("/", SLASH), ("／", SLASH),
])
def test_counts(typed, expected):
    assert parse_cell_input(typed, "count") == expected


def test_blank_zero_and_slash_are_different():
    values = [parse_cell_input(x) for x in ("", "0", "/")]
    assert values == [None, 0, SLASH]
    assert [format_value(v) for v in values] == ["", "0", "/"]
    assert [numeric(v) for v in values] == [None, Decimal(0), None]


def test_money_kept_exactly_as_typed():
    assert format_value(parse_cell_input("3056.81805", "money")) == "3056.81805"
    assert format_value(parse_cell_input("12.50", "money")) == "12.50"
    assert format_value(parse_cell_input("１２．５", "money")) == "12.5"
    assert parse_cell_input("0.000001", "money") == Decimal("0.000001")


@pytest.mark.parametrize(("typed", "cell_type", "message"), [
    ("12件", "count", "“12件”带了单位“件”：只填数字 12，不要带单位"),
    ("251000元", "money", "“251000元”带了单位“元”：金额以万元为单位，只填数字（例如 25.1 万元填 25.1）"),
    ("—", "count", "“—”不是数字：没有发生请填 0，不要填横线"),
    ("-3", "count", "“-3”是负数：应填件数（0 或正整数），不能为负"),
    ("2.5", "count", "“2.5”不是整数：件数只能填 0 或正整数"),
    ("1,234", "count", "“1,234”含有逗号：请直接填数字，不要用千位分隔符"),
    ("abc", "money", "“abc”不是数字：应填金额（以万元为单位的数字，例如 3.5）"),
    ("1.1234567", "money", "“1.1234567”有 7 位小数：金额最多保留 6 位小数"),
])
def test_refused_with_a_message(typed, cell_type, message):
    with pytest.raises(CellInputError) as caught:
        parse_cell_input(typed, cell_type)
    assert str(caught.value) == message


def test_lenient_parsing_keeps_numbers_for_the_type_check():
    assert parse_cell_input("-1", "count", strict=False) == -1
    assert type_problem(-1, "count") == "件数应为 0 或正整数，现为 -1"
    assert type_problem(parse_cell_input("2.5", "count", strict=False), "count") == "件数应为 0 或正整数，现为 2.5"
    assert type_problem(parse_cell_input("1.1234567", "money", strict=False), "money") == "金额最多保留 6 位小数，现为 1.1234567"
    assert type_problem(5, "count") is None and type_problem(SLASH, "count") is None
    with pytest.raises(CellInputError):
        parse_cell_input("12件", "count", strict=False)


@pytest.mark.parametrize(("typed", "expected"), [
    ("-3", -3), ("−3", -3), ("－３", -3), ("+2", 2), ("2", 2), ("0", 0), ("-0", 0), ("-4.0", -4), ("", None), ("/", SLASH),
])
def test_signed_counts(typed, expected):
    value = parse_cell_input(typed, "signed_count")
    assert value == expected and type(value) is type(expected)
    assert type_problem(value, "signed_count") is None


@pytest.mark.parametrize(("typed", "message"), [
    ("减少2", "“减少2”：增减数只填数字，减少的填负数、增加的填正数，这里应填 -2"),
    ("增3项", "“增3项”：增减数只填数字，减少的填负数、增加的填正数，这里应填 3"),
    ("-3项", "“-3项”带了单位“项”：只填数字 -3，不要带单位"),
    ("-2.5", "“-2.5”不是整数：应填整数（增加填正数，减少填负数，例如 -3）"),
    ("abc", "“abc”不是数字：应填整数（增加填正数，减少填负数，例如 -3）"),
    ("—", "“—”不是数字：没有发生请填 0，不要填横线"),
])
def test_signed_counts_refused_with_a_message(typed, message):
    with pytest.raises(CellInputError) as caught:
        parse_cell_input(typed, "signed_count")
    assert str(caught.value) == message


def test_signed_counts_in_files_and_the_type_check():
    assert to_json(-3) == -3 and json.loads(json.dumps(to_json(-3))) == -3
    assert from_json(-3, "signed_count") == -3 and from_json("-3", "signed_count") == -3
    assert format_value(-3) == "-3"
    fraction = from_json("-2.5", "signed_count")
    assert fraction == Decimal("-2.5")
    assert type_problem(fraction, "signed_count") == "增减数应为整数（可以为负数），现为 -2.5"
    # The same "-3" stays a defect in a plain count, and "−" (U+2212) is read as a minus there too.
    assert parse_cell_input("−3", "count", strict=False) == -3
    assert type_problem(-3, "count") == "件数应为 0 或正整数，现为 -3"
    with pytest.raises(CellInputError, match="是负数"):
        parse_cell_input("−3", "count")


@pytest.mark.parametrize("cell_type", ["count", "signed_count", "money"])
@pytest.mark.parametrize("raw", [0, 1, 7, 120, 10 ** 15 - 1, 10 ** 15, 10 ** 16, -1, -250, True, False, 2.5])
def test_a_number_in_a_file_reads_as_its_text_does(raw, cell_type):
    """from_json's shortcut for whole numbers gives what parsing the number's text gives, or the same refusal."""
    outcomes = []
    for read in (lambda: from_json(raw, cell_type),
                 lambda: from_json(str(raw), cell_type) if type(raw) is int else from_json(raw, cell_type)):
        try:
            value = read()
            outcomes.append((type(value), value))
        except CellInputError as error:
            outcomes.append((CellInputError, str(error)))
    assert outcomes[0] == outcomes[1]


def test_the_number_test_matches_the_pattern_it_replaced():
    """``_is_number`` stands for ``\\d+(?:\\.\\d+)?`` (full match): every character class it meets."""
    import random
    import re

    from core.values import _is_number

    pattern = re.compile(r"\d+(?:\.\d+)?")
    alphabet = "0123456789..-+ eE,٣²０xa"
    random.seed(16)
    cases = ["", ".", "1.", ".5", "1.5", "00", "١٢٣", "²", "1..2", "12.5.1"]
    cases += ["".join(random.choice(alphabet) for _ in range(random.randint(0, 6))) for _ in range(20000)]
    assert all(_is_number(text) == (pattern.fullmatch(text) is not None) for text in cases)
