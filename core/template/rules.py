"""A template's checks: equations (written as rules, or generated from computed totals), the table
kinds, and the coded kinds bound to the format's keys, each validated with its line."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any

from core.template import rule_kinds as kinds
from core.template.chapters import check_placeholders
from core.template.formulas import equation_instances
from core.template.json_lines import LinedDict
from core.template.lint import Lint
from core.template.model import FormatLink, ProseFigure, Regex, Rule, Template

SEVERITIES = ("error", "warning", "info")
# In a prose figure's pattern, {gap} stands for a few words between the noun and the number,
# within one clause.
PROSE_GAP = r"[^。；;，,\d]{0,12}?"
_RULE_FIELDS = frozenset({"id", "severity", "kind", "title", "help", "message", "messages", "note"})
_EQUATION_FIELDS = frozenset({"each", "left", "right", "cell", "relation"})


def build_rules(rule_nodes: list, table_nodes: list, template: Template, lint: Lint) -> list[Rule]:
    """The totals' verifications first (one per computed formula), then the template's rules in order."""
    rules: list[Rule] = []
    seen: set[str] = set()
    tables = list(template.tables)
    known = set(template.cells)
    for table_node in table_nodes:
        for node in lint.objects(table_node, "computed", f"表格 {table_node.get('key')} "):
            verify = node.get("verify")
            if not isinstance(verify, dict):
                lint.add(node, f"计算单元格 {node.get('cell')} 缺少核对规则“verify”（id、severity、title、help、message）："
                               "导入的文件可能带有手填的合计，必须核对")
                continue
            rule_id = lint.text(verify, "id", "核对规则")
            lint.unique(verify, rule_id, seen, "规则")
            message = lint.text(verify, "message", f"规则 {rule_id} ")
            instances = equation_instances(rule_id, node, str(node.get("cell", "")), str(node.get("expr", "")),
                                           str(node.get("cell", "")), message, known, tables, lint)
            rules.append(_rule(verify, rule_id, "equation", message, lint, instances=tuple(instances)))
    for node in rule_nodes:
        rule_id = lint.text(node, "id", "规则")
        lint.unique(node, rule_id, seen, "规则")
        kind = node.get("kind", "equation")
        if kind not in kinds.KINDS:
            lint.add(node, f"规则 {rule_id} 的类型“{kind}”无效，可用的有 {' / '.join(kinds.KINDS)}")
            continue
        rules.append(_kind_rule(node, rule_id, kind, template, lint))
    return rules


def _rule(node: LinedDict, rule_id: str, kind: str, message: str, lint: Lint, **extra: Any) -> Rule:
    severity = node.get("severity")
    if severity not in SEVERITIES:
        lint.add(node, f"规则 {rule_id} 的严重程度“{severity}”无效，应为 error / warning / info")
        severity = "error"
    return Rule(id=rule_id, severity=severity, kind=kind, title=lint.text(node, "title", f"规则 {rule_id} "),
                help=lint.text(node, "help", f"规则 {rule_id} "), message=message, **extra)


def _kind_rule(node: LinedDict, rule_id: str, kind: str, template: Template, lint: Lint) -> Rule:
    spec = kinds.KINDS[kind]
    messages = _messages(node, rule_id, kind, spec, lint)
    message = messages.get("message", "")
    allowed = _RULE_FIELDS | (_EQUATION_FIELDS if kind == "equation" else set(spec.params))
    unknown = sorted(set(node) - allowed)
    if unknown:
        lint.add(node, f"规则 {rule_id}（{kind}）不认识参数“{unknown[0]}”，可用的有 {'、'.join(sorted(allowed - _RULE_FIELDS))}")
    if kind == "equation":
        instances = equation_instances(rule_id, node, lint.text(node, "left", f"规则 {rule_id} "),
                                       lint.text(node, "right", f"规则 {rule_id} "), str(node.get("cell", "")),
                                       message, set(template.cells), list(template.tables), lint)
        return _rule(node, rule_id, kind, message, lint, instances=tuple(instances))
    params = {name: _param(node, rule_id, name, param, template, lint) for name, param in spec.params.items()}
    return _rule(node, rule_id, kind, message, lint, params=MappingProxyType(params),
                 messages=MappingProxyType(messages))


def _messages(node: LinedDict, rule_id: str, kind: str, spec: kinds.Kind, lint: Lint) -> dict[str, str]:
    if set(spec.messages) == {"message"}:
        texts = {"message": lint.text(node, "message", f"规则 {rule_id} ")}
    else:
        given = node.get("messages")
        if not isinstance(given, dict):
            lint.add(node, f"规则 {rule_id}（{kind}）缺少“messages”：应有 {'、'.join(spec.messages)}")
            return {}
        texts = {}
        for name in spec.messages:
            texts[name] = lint.text(given, name, f"规则 {rule_id} 的 messages ")
        for extra in sorted(set(given) - set(spec.messages)):
            lint.add(given, f"规则 {rule_id} 的 messages 中“{extra}”用不到，应有 {'、'.join(spec.messages)}")
    if kind != "equation":  # equations use {row}/{col} of their iteration instead
        for name, text in texts.items():
            check_placeholders(lint, node, text, spec.messages[name], f"规则 {rule_id} 的消息“{name}”")
    return texts


def _param(node: LinedDict, rule_id: str, name: str, param: kinds.Param, template: Template, lint: Lint) -> Any:
    value = node.get(name)
    what = f"规则 {rule_id} 的参数“{name}”"
    if value is None:
        if param.required:
            lint.add(node, f"规则 {rule_id} 缺少参数“{name}”")
        return None
    if param.type == kinds.TEXT:
        if value != kinds.OPENING and value not in template.text_keys:
            lint.add(node, f"{what}“{value}”不是本格式的文字章节或小节")
        return value
    if param.type == kinds.CELLS:
        if not isinstance(value, list) or not value:
            lint.add(node, f"{what}应为单元格键的列表")
            return ()
        for key in value:
            if key not in template.cells:
                lint.add(node, f"{what}引用了不存在的单元格 {key}")
        return tuple(value)
    if param.type in (kinds.PATTERN, kinds.PATTERN_ONE_GROUP):
        return _pattern(node, what, value, lint, groups=1 if param.type == kinds.PATTERN_ONE_GROUP else None)
    if param.type == kinds.PATTERNS:
        if not isinstance(value, dict) or not value:
            lint.add(node, f"{what}应为“名称: 正则表达式”的对象")
            return MappingProxyType({})
        return MappingProxyType({term: _pattern(node, f"{what}中的“{term}”", p, lint) for term, p in value.items()})
    if param.type == kinds.WORD_LISTS:
        if not isinstance(value, dict) or not all(isinstance(v, list) and v and all(isinstance(w, str) and w for w in v)
                                                  for v in value.values()):
            lint.add(node, f"{what}应为“名称: [文字, …]”的对象")
            return MappingProxyType({})
        return MappingProxyType({name: tuple(words) for name, words in value.items()})
    if param.type == kinds.WORD:
        if not isinstance(value, str) or not value:
            lint.add(node, f"{what}应为文字")
        return str(value)
    if param.type == kinds.PERCENT:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            lint.add(node, f"{what}应为 0 到 100 之间的数（百分比）")
            return 0
        return value
    if param.type == kinds.FIELD:
        if value not in kinds.FRONT_FIELDS:
            lint.add(node, f"{what}“{value}”不是单位信息字段，可用的有 {'、'.join(sorted(kinds.FRONT_FIELDS))}")
        return value
    # lists of words or of unit kinds/levels
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        lint.add(node, f"{what}应为文字列表")
        return ()
    allowed = kinds.CHOICES.get(param.type)
    for item in value if allowed else ():
        if item not in allowed:
            lint.add(node, f"{what}中的“{item}”无效，可用的有 {'、'.join(sorted(allowed))}")
    return tuple(value)


def _pattern(node: LinedDict, what: str, text: Any, lint: Lint, groups: int | None = None) -> Regex | None:
    if not isinstance(text, str) or not text:
        lint.add(node, f"{what}应为正则表达式")
        return None
    pattern = Regex(text.replace("{gap}", PROSE_GAP))
    try:
        pattern.compiled  # noqa: B018  # compiled here only to lint it
    except re.error as error:
        lint.add(node, f"{what}不是有效的正则表达式：{error}")
        return None
    if groups is not None and pattern.groups != groups:
        lint.add(node, f"{what}应恰有 {groups} 个括号分组，现在有 {pattern.groups} 个")
    return pattern


def prose_figures(nodes: list, template: Template, lint: Lint) -> list[ProseFigure]:
    figures: list[ProseFigure] = []
    seen: set[str] = set()
    for node in nodes:
        key = lint.text(node, "key", "正文数字")
        lint.unique(node, key, seen, "正文数字")
        what = lint.text(node, "what", f"正文数字 {key} ")
        cells = tuple(node.get("cells") or ())
        if not cells:
            lint.add(node, f"正文数字 {key} 缺少“cells”")
        for cell in cells:
            if cell not in template.cells:
                lint.add(node, f"正文数字 {key} 引用了不存在的单元格 {cell}")
        pattern = Regex(lint.text(node, "pattern", f"正文数字 {key} ").replace("{gap}", PROSE_GAP))
        try:
            pattern.compiled  # noqa: B018  # compiled here only to lint it
        except re.error as error:
            lint.add(node, f"正文数字 {key} 的 pattern 不是有效的正则表达式：{error}")
            continue
        if pattern.groups != 1:
            lint.add(node, f"正文数字 {key} 的 pattern 应恰有一个括号分组（数字），现在有 {pattern.groups} 个")
        unit = lint.text(node, "unit", f"正文数字 {key} ", required=False) or "件"
        figures.append(ProseFigure(key, what, pattern, cells, unit))
    return figures


def links(node: Any, template: Template, lint: Lint) -> dict[str, FormatLink]:
    """The template's "links": one object per other format (its own id for year-to-year links).

    A key is a cell ("<table>.<row>.<column>") or a whole row ("<table>.<row>": each column to the same column of
    the other row); "to" is a key or a list of keys whose sum is meant.
    """
    if node is None:
        return {}
    nodes = node if isinstance(node, list) else [node]
    result: dict[str, FormatLink] = {}
    for item in nodes:
        if not isinstance(item, dict) or not isinstance(item.get("format"), str):
            lint.add(item, "“links”的每一项应写明对应的格式编号“format”")
            continue
        parts = {name: _link_part(item, name, template, lint) for name in ("same", "next_year")}
        unlinked = item.get("unlinked", {})
        if not isinstance(unlinked, dict):
            lint.add(item, "“links”的“unlinked”应为“单元格或行: 原因”的对象")
            unlinked = {}
        for key in unlinked:
            if not _cells_of(key, template):
                lint.add(unlinked, f"“links”的 unlinked 中的 {key} 不是本格式的单元格或行")
        result[item["format"]] = FormatLink(item["format"], parts["same"], parts["next_year"], dict(unlinked))
    return result


def _link_part(item: LinedDict, name: str, template: Template, lint: Lint) -> dict[str, tuple[str, ...]]:
    given = item.get(name, {})
    if not isinstance(given, dict):
        lint.add(item, f"“links”的“{name}”应为“单元格或行: {{\"to\": …}}”的对象")
        return {}
    mapping: dict[str, tuple[str, ...]] = {}
    for key, link in given.items():
        target = link.get("to") if isinstance(link, dict) else None
        targets = [target] if isinstance(target, str) else target
        if not isinstance(targets, list) or not targets or not all(isinstance(t, str) for t in targets):
            lint.add(link if isinstance(link, dict) else given, f"“links”的 {name} 中 {key} 缺少“to”（键或键的列表）")
            continue
        ours = _cells_of(key, template)
        if not ours:
            lint.add(link, f"“links”的 {name} 中的 {key} 不是本格式的单元格或行")
        for cell in ours:
            column = cell.rsplit(".", 1)[1] if key != cell else ""
            mapping[cell] = tuple(f"{t}.{column}" if column else t for t in targets)
    return mapping


def _cells_of(key: str, template: Template) -> list[str]:
    if key in template.cells:
        return [key]
    return [cell for cell in template.cells if cell.startswith(key + ".") and cell.count(".") == 2]
