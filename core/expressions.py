"""A small restricted expression language for template rules and computed cells.

Grammar (never evaluated with Python's eval):

    expression := term (("+" | "-") term)*
    term       := NUMBER | CELL | "sum" "(" items ")" | "(" expression ")"
    items      := item ("," item)*
    item       := CELL ":" CELL | expression

``CELL`` is a dotted key ``<table>.<row>.<column>``, possibly after a namespace (``prev.``). ``A : B`` is every cell from A to B in the
same table column (or the same row), in template order, resolved when the expression is compiled.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache

from core.records import record

_TOKEN_TEXT = (
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)"
    r"|(?P<op>[-+(),:]))"
)


@cache
def _token() -> re.Pattern[str]:
    """Compiled with the first expression compiled: a template read from the cache compiles none."""
    return re.compile(_TOKEN_TEXT)


class ExpressionError(ValueError):
    """The expression text is malformed or names an unknown cell (message in Chinese)."""


@record(frozen=True)
class Number:
    value: Decimal


@record(frozen=True)
class Ref:
    key: str


@record(frozen=True)
class Sum:
    terms: tuple[Expression, ...]


@record(frozen=True)
class Binary:
    op: str
    left: Expression
    right: Expression


Expression = Number | Ref | Sum | Binary
RangeResolver = Callable[[str, str], list[str]]


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        match = _token().match(text, pos)
        if not match or match.end() == pos:
            raise ExpressionError(f"表达式“{text}”第 {pos + 1} 个字符无法识别：“{text[pos:].strip()[:10]}”")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        pos = match.end()
    return tokens


# One Ref per key for every expression compiled (they are immutable): a template holds a few hundred
# instead of seven hundred, and its cached copy reads back faster.
_shared_ref = cache(Ref)


class _Parser:
    def __init__(self, text: str, known: Callable[[str], bool], resolve_range: RangeResolver):
        self.text = text
        self.tokens = _tokenize(text)
        self.pos = 0
        self.known = known
        self.resolve_range = resolve_range

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (value is not None and token[1] != value):
            found = "结尾" if token is None else f"“{token[1]}”"
            expected = f"“{value}”" if value else "内容"
            raise ExpressionError(f"表达式“{self.text}”：此处应为{expected}，实际是{found}")
        self.pos += 1
        return token

    def expression(self) -> Expression:
        node = self.term()
        while (token := self.peek()) is not None and token[1] in "+-" and token[0] == "op":
            self.take()
            node = Binary(token[1], node, self.term())
        return node

    def reference(self, name: str) -> Ref:
        if not self.known(name):
            raise ExpressionError(f"表达式“{self.text}”引用了不存在的单元格 {name}")
        return _shared_ref(name)

    def term(self) -> Expression:
        kind, value = self.take()
        if kind == "number":
            return Number(Decimal(value))
        if kind == "name" and value == "sum":
            self.take("(")
            terms: list[Expression] = []
            while True:
                terms.extend(self.sum_item())
                if self.peek() == ("op", ","):
                    self.take()
                    continue
                break
            self.take(")")
            return Sum(tuple(terms))
        if kind == "name":
            return self.reference(value)
        if value == "(":
            node = self.expression()
            self.take(")")
            return node
        raise ExpressionError(f"表达式“{self.text}”：此处不能是“{value}”")

    def sum_item(self) -> list[Expression]:
        start = self.pos
        token = self.peek()
        if token and token[0] == "name" and token[1] != "sum":
            self.take()
            if self.peek() == ("op", ":"):
                self.take()
                first = self.reference(token[1]).key
                last = self.reference(self.take()[1]).key
                keys = self.resolve_range(first, last)
                if not keys:
                    raise ExpressionError(f"表达式“{self.text}”：{first} 到 {last} 不是同一行或同一列的区间")
                return [_shared_ref(k) for k in keys]
            self.pos = start
        return [self.expression()]


def compile_expression(
    text: str, known: Callable[[str], bool], resolve_range: RangeResolver
) -> Expression:
    """Parse ``text`` into an expression tree; unknown cells and bad syntax raise ExpressionError."""
    parser = _Parser(text, known, resolve_range)
    node = parser.expression()
    if parser.peek() is not None:
        raise ExpressionError(f"表达式“{text}”在“{parser.peek()[1]}”处多出内容")
    return node


def references(node: Expression) -> list[str]:
    """Every cell key the expression reads, in order, without repeats."""
    return list(dict.fromkeys(key for key, _ in _linear(node)[1]))


def evaluate(node: Expression, values: Mapping[str, Decimal | None]) -> Decimal | None:
    """The value of ``node``; None when any cell it reads has no number (not assessable)."""
    if isinstance(node, Ref):
        return values.get(node.key)
    constant, terms = _linear(node)
    total = constant
    for key, positive in terms:
        value = values.get(key)
        if value is None:
            return None
        total = total + value if positive else total - value
    return total


_LINEAR: dict[int, tuple[Expression, Decimal, tuple[tuple[str, bool], ...]]] = {}


def _linear(node: Expression) -> tuple[Decimal, tuple[tuple[str, bool], ...]]:
    """``node`` as a constant plus signed cells, in reading order (the language has only + and −),
    worked out once per node: the checks evaluate the same template expressions for every report."""
    entry = _LINEAR.get(id(node))
    if entry is not None and entry[0] is node:
        return entry[1], entry[2]
    constant = Decimal(0)
    terms: list[tuple[str, bool]] = []

    def walk(n: Expression, positive: bool) -> None:
        nonlocal constant
        if isinstance(n, Number):
            constant = constant + n.value if positive else constant - n.value
        elif isinstance(n, Ref):
            terms.append((n.key, positive))
        elif isinstance(n, Sum):
            for term in n.terms:
                walk(term, positive)
        else:
            walk(n.left, positive)
            walk(n.right, positive if n.op == "+" else not positive)

    walk(node, True)
    signed = tuple(terms)
    if len(_LINEAR) > 20_000:  # expressions compiled on the fly (an edited template) must not pile up
        _LINEAR.clear()
    _LINEAR[id(node)] = (node, constant, signed)  # the node kept alive, so its id stays its own
    return constant, signed


def render(node: Expression, values: Mapping[str, Decimal | None], word: Callable[[str], str]) -> str:
    """The expression with each cell shown as its value, for messages: "上年 5 + 本年 3 − 本年 0".

    ``word`` names a cell's report ("上年" for last year's); numbers are shown as in Finding messages.
    """
    if isinstance(node, Number):
        return _shown(node.value)
    if isinstance(node, Ref):
        value = values.get(node.key)
        return f"{word(node.key)} {'（空）' if value is None else _shown(value)}".strip()
    if isinstance(node, Sum):
        return " + ".join(render(term, values, word) for term in node.terms)
    right = render(node.right, values, word)
    if node.op == "-" and isinstance(node.right, (Binary, Sum)):
        right = f"（{right}）"
    return f"{render(node.left, values, word)} {'+' if node.op == '+' else '−'} {right}"


def _shown(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")


def evaluate_partial(node: Expression, values: Mapping[str, Decimal | None]) -> Decimal | None:
    """Like evaluate, but blanks count as absent terms: the running total a user sees as they type.

    Returns None only when no cell the expression reads has a number.
    """
    refs = references(node)
    if all(values.get(k) is None for k in refs):
        return None
    filled = {k: (values.get(k) if values.get(k) is not None else Decimal(0)) for k in refs}
    return evaluate(node, filled)
