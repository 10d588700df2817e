"""Collecting a template's problems, each with the line of the JSON object it is about."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # json (with its encoder) loads to build a template, not to open a report
    from core.template.json_lines import LinedDict


class TemplateError(ValueError):
    """A template file that cannot be used; ``problems`` lists (line, message)."""

    def __init__(self, path: Path | str, problems: list[tuple[int, str]]):
        self.path = Path(path)
        self.problems = problems
        lines = [f"{self.path.name} 第 {line} 行：{message}" for line, message in problems]
        super().__init__("模板文件有错误：\n" + "\n".join(lines))


class Lint:
    """Problems found while building a template; building goes on so that all are reported at once."""

    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []

    def add(self, node: Any, message: str) -> None:
        self.problems.append((getattr(node, "line", 0), message))

    def text(self, node: LinedDict, field: str, what: str, required: bool = True) -> str:
        value = node.get(field) if isinstance(node, dict) else None
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.add(node, f"{what}缺少“{field}”")
            return ""
        return value

    def strings(self, node: LinedDict, field: str, what: str) -> tuple[str, ...]:
        """An optional list of non-empty strings (aliases, trivial answers, levels…)."""
        value = node.get(field, []) if isinstance(node, dict) else []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.add(node, f"{what}的“{field}”应为文字列表")
            return ()
        return tuple(value)

    def objects(self, node: Any, field: str, what: str) -> list[LinedDict]:
        """An optional list of JSON objects."""
        value = node.get(field, []) if isinstance(node, dict) else []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add(node, f"{what}的“{field}”应为对象列表")
            return []
        return value

    def unique(self, node: LinedDict, key: str, seen: set[str], what: str) -> None:
        if key in seen:
            self.add(node, f"{what}的键“{key}”重复")
        seen.add(key)
