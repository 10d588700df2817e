"""Computed totals and equations: iterating over a table's rows or columns, compiling expressions,
ordering totals so that each is computed after what it reads, and the index of who reads what."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.expressions import ExpressionError, compile_expression, references
from core.template.json_lines import LinedDict
from core.template.lint import Lint
from core.template.model import NAMESPACES, Computation, RuleInstance, Table


def iterations(spec: Any, tables: list[Table], lint: Lint, node: LinedDict) -> list[tuple[str, str, str]]:
    """(placeholder, key, label) for each iteration of an "each" clause; one empty one without it."""
    if not spec:
        return [("", "", "")]
    kind = "col" if "col" in spec else "row" if "row" in spec else None
    table = next((t for t in tables if t.key == spec.get(kind)), None) if kind else None
    if table is None:
        lint.add(node, f"“each”应写作 {{\"col\": 表格}} 或 {{\"row\": 表格}}，表格须存在：{dict(spec)}")
        return []
    excluded = set(spec.get("except") or [])
    if kind == "col":
        return [("col", c.key, c.label) for c in table.columns if c.key not in excluded]
    return [("row", r.key, r.name) for r in table.rows if r.key not in excluded]


def fill(text: str, placeholder: str, value: str) -> str:
    """Put one iteration's key (or label) where the template wrote {col} or {row}."""
    return text.replace("{" + placeholder + "}", value) if placeholder else text


def split_namespace(key: str) -> tuple[str, str]:
    """("prev", "<table>.<row>.<col>") for a namespaced key, ("", key) otherwise."""
    head, _, rest = key.partition(".")
    return (head, rest) if head in NAMESPACES else ("", key)


def _resolver(tables: list[Table]) -> Callable[[str, str], list[str]]:
    by_key = {t.key: t for t in tables}

    def resolve(first: str, last: str) -> list[str]:
        (ns1, first), (ns2, last) = split_namespace(first), split_namespace(last)
        t1, r1, c1 = first.split(".")
        t2, r2, c2 = last.split(".")
        if t1 != t2 or ns1 != ns2 or t1 not in by_key:
            return []
        table = by_key[t1]
        if c1 == c2:
            keys = [f"{t1}.{r.key}.{c1}" for r in table.rows if c1 in r.columns]
        elif r1 == r2:
            keys = [f"{t1}.{r1}.{c}" for c in table.row(r1).columns]
        else:
            return []
        if first not in keys or last not in keys:
            return []
        span = keys[keys.index(first): keys.index(last) + 1]
        return [f"{ns1}.{k}" if ns1 else k for k in span]

    return resolve


def compile_text(text: str, known: set[str], tables: list[Table], lint: Lint, node: LinedDict):
    """The expression, or None (with a located problem); cells may be namespaced ("prev.<key>")."""
    def is_known(name: str) -> bool:
        return split_namespace(name)[1] in known

    try:
        return compile_expression(text, is_known, _resolver(tables))
    except ExpressionError as error:
        lint.add(node, str(error))
        return None


RELATIONS = ("=", "<=", ">=")


def equation_instances(rule_id: str, node: LinedDict, left: str, right: str, anchor: str, message: str,
                       known: set[str], tables: list[Table], lint: Lint) -> list[RuleInstance]:
    """One instance per iteration of the node's "each": both sides compiled, the anchor checked."""
    found = []
    relation = node.get("relation", "=")
    if relation not in RELATIONS:
        lint.add(node, f"规则 {rule_id} 的“relation”应为 {' / '.join(RELATIONS)}，现在是 {relation!r}")
        relation = "="
    for placeholder, key, label in iterations(node.get("each"), tables, lint, node):
        left_expr = compile_text(fill(left, placeholder, key), known, tables, lint, node)
        right_expr = compile_text(fill(right, placeholder, key), known, tables, lint, node)
        if left_expr is None or right_expr is None:
            continue
        cells = tuple(dict.fromkeys(references(left_expr) + references(right_expr)))
        own = [c for c in cells if not split_namespace(c)[0]]
        at = fill(anchor, placeholder, key) or (own[0] if own else "")
        if at not in known:
            lint.add(node, f"规则 {rule_id} 的定位单元格 {at or '（无）'} 不存在：定位须是本报告的单元格")
        namespaces = tuple(sorted({ns for c in cells if (ns := split_namespace(c)[0])}))
        found.append(RuleInstance(rule_id, key, fill(message, placeholder, label), left_expr, right_expr,
                                  cells, at, namespaces, relation))
    return found


def computations(nodes: list, tables: list[Table], lint: Lint) -> tuple[Computation, ...]:
    """Every computed cell's formula, in an order where each comes after the totals it reads.

    Several formulas may describe one cell (a grand total is both a row and a column sum): the first
    computes it, the others only verify it (see rules.total_rules).
    """
    known = {k for t in tables for k in t.cells}
    first: dict[str, Computation] = {}
    where: dict[str, LinedDict] = {}
    for table_node in nodes:
        for node in lint.objects(table_node, "computed", f"表格 {table_node.get('key')} "):
            for placeholder, key, _ in iterations(node.get("each"), tables, lint, node):
                cell = fill(str(node.get("cell", "")), placeholder, key)
                if cell in first:
                    continue
                if cell not in known:
                    lint.add(node, f"计算单元格 {cell} 不存在")
                    continue
                expression = compile_text(fill(str(node.get("expr", "")), placeholder, key), known, tables, lint, node)
                if expression is None:
                    continue
                refs = references(expression)
                if any(split_namespace(r)[0] for r in refs):
                    lint.add(node, f"计算单元格 {cell} 不能引用其他报告的单元格")
                    continue
                if cell in refs:
                    lint.add(node, f"计算单元格 {cell} 引用了自己")
                    continue
                first[cell] = Computation(cell, expression, fill(str(node.get("expr", "")), placeholder, key))
                where[cell] = node
    return tuple(_in_dependency_order(first, where, lint))


def _in_dependency_order(formulas: dict[str, Computation], where: dict[str, LinedDict], lint: Lint) -> list[Computation]:
    ordered: list[Computation] = []
    state: dict[str, str] = {}  # "active" while its inputs are being placed, "done" after

    def place(cell: str, chain: list[str]) -> None:
        if state.get(cell) == "done":
            return
        if state.get(cell) == "active":
            cycle = chain[chain.index(cell):] + [cell]
            lint.add(where[cell], f"计算单元格之间循环引用：{' → '.join(cycle)}")
            return
        state[cell] = "active"
        for ref in references(formulas[cell].expression):
            if ref in formulas:
                place(ref, chain + [cell])
        state[cell] = "done"
        ordered.append(formulas[cell])

    for cell in formulas:
        place(cell, [])
    return ordered


def dependents_index(ordered: tuple[Computation, ...]) -> dict[str, tuple[Computation, ...]]:
    """cell key → every computation that reads it directly or through other totals, in order."""
    readers: dict[str, list[Computation]] = {}
    for computation in ordered:
        for ref in references(computation.expression):
            readers.setdefault(ref, []).append(computation)
    position = {c.cell: i for i, c in enumerate(ordered)}
    index: dict[str, tuple[Computation, ...]] = {}
    for key in readers:
        found: dict[str, Computation] = {}
        todo = list(readers[key])
        while todo:
            computation = todo.pop()
            if computation.cell in found:
                continue
            found[computation.cell] = computation
            todo.extend(readers.get(computation.cell, ()))
        index[key] = tuple(sorted(found.values(), key=lambda c: position[c.cell]))
    return index
