"""The .nianbao file's parts beyond cells and texts: the report's own outline and tables it drew.

Each reader checks every field's type and raises ValueError with a Chinese message; report_file turns
it into a ReportFileError naming the file.
"""

from __future__ import annotations

from typing import Any

from core.document import FreeTable
from core.outline import FREE_TABLE_PREFIX, Outline, OutlineChapter, OutlineSection

MAX_FREE_TABLE_CELLS = 10000


def outline_to_json(outline: Outline | None) -> list[dict[str, Any]] | None:
    if outline is None:
        return None
    return [{"key": c.key, "title": c.title, "tables": list(c.tables),
             "sections": [{"key": s.key, "title": s.title, "tables": list(s.tables)} for s in c.sections]}
            for c in outline]


def outline_from_json(raw: Any) -> Outline | None:
    if raw is None:
        return None
    if not isinstance(raw, list):
        raise ValueError("章节结构（outline）应为章节的列表")
    chapters = []
    for item in raw:
        _object(item, "章节结构中的章节")
        sections = item.get("sections", [])
        if not isinstance(sections, list):
            raise ValueError("章节结构中小节的列表格式错误")
        for section in sections:
            _object(section, "章节结构中的小节")
        chapters.append(OutlineChapter(
            _string(item, "key"), _string(item, "title"),
            tuple(OutlineSection(_string(s, "key"), _string(s, "title"), _strings(s, "tables")) for s in sections),
            _strings(item, "tables")))
    return tuple(chapters)


def free_tables_to_json(tables: dict[str, FreeTable]) -> dict[str, Any]:
    return {key: {"title": t.title, "rows": [list(r) for r in t.rows]} for key, t in tables.items()}


def free_tables_from_json(raw: Any) -> dict[str, FreeTable]:
    if raw is None:
        return {}
    _object(raw, "自制表格")
    tables: dict[str, FreeTable] = {}
    cells = 0
    for key, item in raw.items():
        if not key.startswith(FREE_TABLE_PREFIX):
            raise ValueError(f"自制表格的编号“{key[:40]}”无效")
        _object(item, "自制表格")
        rows = item.get("rows", [])
        if not isinstance(rows, list) or not all(isinstance(r, list) and all(isinstance(c, str) for c in r) for r in rows):
            raise ValueError(f"自制表格“{key}”的内容应为若干行文字")
        cells += sum(len(r) for r in rows)
        if cells > MAX_FREE_TABLE_CELLS:
            raise ValueError("自制表格的单元格过多，不像年报中的表格")
        tables[key] = FreeTable(_string(item, "title", required=False), [list(r) for r in rows])
    return tables


def _object(value: Any, what: str) -> None:
    if not isinstance(value, dict):
        raise ValueError(f"{what}格式错误")


def _string(item: dict, name: str, required: bool = True) -> str:
    value = item.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value):
        raise ValueError(f"章节结构或表格中的“{name}”应为文字")
    return value


def _strings(item: dict, name: str) -> tuple[str, ...]:
    value = item.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"章节结构中的“{name}”应为文字列表")
    return tuple(value)
