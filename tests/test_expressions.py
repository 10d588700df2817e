"""The restricted rule language: parsing, ranges, blanks, and refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.expressions import ExpressionError, Ref, compile_expression, evaluate, evaluate_partial, references

KEYS = ["t.a.x", "t.b.x", "t.c.x", "t.a.y"]


def resolve(first: str, last: str) -> list[str]:
    column = [k for k in KEYS if k.endswith(".x")]
    if first in column and last in column:
        return column[column.index(first): column.index(last) + 1]
    return []


def compile_(text: str):
    return compile_expression(text, KEYS.__contains__, resolve)


def test_arithmetic_and_ranges():
    node = compile_("sum(t.a.x : t.c.x) - t.a.y + 2")
    assert references(node) == ["t.a.x", "t.b.x", "t.c.x", "t.a.y"]
    values = {"t.a.x": Decimal(1), "t.b.x": Decimal(2), "t.c.x": Decimal(3), "t.a.y": Decimal(10)}
    assert evaluate(node, values) == Decimal(-2)
    assert evaluate(compile_("(t.a.x + t.b.x) - (t.c.x - t.a.y)"), values) == Decimal(10)


def test_nested_subtractions_flip_the_signs_of_everything_inside_them():
    values = {"t.a.x": Decimal(1), "t.b.x": Decimal("2.50"), "t.c.x": Decimal(3), "t.a.y": Decimal(10)}
    node = compile_("t.a.y - (t.a.x - (t.b.x + 4) - sum(t.c.x, 1)) - 2")
    assert references(node) == ["t.a.y", "t.a.x", "t.b.x", "t.c.x"]
    assert evaluate(node, values) == Decimal("17.50")  # 10 − (1 − 6.50 − 4) − 2
    assert evaluate(node, values) == Decimal("17.50")  # the second time from the worked-out form
    assert evaluate(compile_("5"), {}) == Decimal(5)
    assert evaluate(node, {**values, "t.c.x": None}) is None


def test_a_blank_makes_the_expression_not_assessable():
    node = compile_("t.a.x + t.b.x")
    assert evaluate(node, {"t.a.x": Decimal(1)}) is None
    assert evaluate_partial(node, {"t.a.x": Decimal(1)}) == Decimal(1)
    assert evaluate_partial(node, {}) is None


@pytest.mark.parametrize(("text", "message"), [
    ("t.a.x + t.z.x", "引用了不存在的单元格 t.z.x"),
    ("t.a.x +", "此处应为内容，实际是结尾"),
    ("t.a.x * 2", "第 6 个字符无法识别"),
    ("__import__('os')", "无法识别"),
    ("sum(t.a.x : t.a.y)", "不是同一行或同一列的区间"),
    ("t.a.x t.b.x", "多出内容"),
])
def test_refusals(text, message):
    with pytest.raises(ExpressionError, match=message):
        compile_(text)


def test_single_reference():
    assert compile_("t.a.x") == Ref("t.a.x")
