"""Chapters, their sections and standard sentences, and the front matter, from a template's JSON."""

from __future__ import annotations

import string
from typing import Any

from core.template.json_lines import LinedDict
from core.template.lint import Lint
from core.template.model import (
    AggregatePhrases,
    Chapter,
    FrontMatter,
    OutlineRules,
    Phrase,
    Section,
    Signature,
    Template,
)

PHRASE_FIELDS = frozenset({"year", "unit", "website", "basis", "contact"})
TITLE_FIELDS = frozenset({"unit", "year"})
AGGREGATE_FIELDS = {
    "opening": frozenset({"unit", "year", "scope", "count", "groups"}),
    "opening_ungrouped": frozenset({"unit", "year", "scope", "count"}),
    "group": frozenset({"group", "count"}),
    "figure": frozenset({"what", "total", "measure", "groups"}),
    "figure_group": frozenset({"group", "value", "measure"}),
    "joiner": frozenset(), "ungrouped": frozenset(), "scope_all": frozenset(), "scope_selected": frozenset(),
}


def placeholders(text: str) -> set[str] | None:
    """The {names} a str.format text uses; None when the text is not a valid format string."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def check_placeholders(lint: Lint, node: Any, text: str, allowed: frozenset[str], what: str) -> None:
    names = placeholders(text)
    if names is None:
        lint.add(node, f"{what}的花括号不成对：{text[:40]}")
    elif unknown := sorted(names - allowed):
        lint.add(node, f"{what}用了未知的占位符 {{{unknown[0]}}}，可用的有 "
                       + "、".join(f"{{{n}}}" for n in sorted(allowed)))


def phrases(node: Any, lint: Lint, what: str) -> tuple[Phrase, ...]:
    found = []
    for item in lint.objects(node, "phrases", what):
        title = lint.text(item, "title", f"{what}的常用语句")
        text = lint.text(item, "text", f"{what}的常用语句“{title}”")
        check_placeholders(lint, item, text, PHRASE_FIELDS, f"常用语句“{title}”")
        found.append(Phrase(title, text))
    return tuple(found)


def chapters(nodes: list, lint: Lint) -> list[Chapter]:
    result: list[Chapter] = []
    seen: set[str] = set()
    for node in nodes:
        key = lint.text(node, "key", "章节")
        lint.unique(node, key, seen, "章节")
        sections = []
        section_seen: set[str] = set()
        for section in lint.objects(node, "sections", f"章节 {key} "):
            skey = lint.text(section, "key", "小节")
            lint.unique(section, skey, section_seen, "小节")
            title = lint.text(section, "title", "小节")
            sections.append(Section(f"{key}.{skey}", title, lint.text(section, "help", "小节"),
                                    phrases(section, lint, f"小节“{title}”"), lint.strings(section, "tables", "小节")))
        table = node.get("table")
        if table is not None and not isinstance(table, str):
            lint.add(node, f"章节 {key} 的“table”应为表格的键")
            table = None
        result.append(Chapter(
            key=key,
            number=lint.text(node, "number", "章节"),
            title=lint.text(node, "title", "章节"),
            help=lint.text(node, "help", "章节"),
            table=table,
            sections=tuple(sections),
            phrases=phrases(node, lint, f"章节 {key} "),
            tables=lint.strings(node, "tables", f"章节 {key} "),
        ))
    return result


def front_matter(node: Any, lint: Lint) -> FrontMatter:
    if not isinstance(node, dict):
        lint.add(node, "模板缺少“front_matter”（标题、开头段落、落款）")
        node = LinedDict()
    lines = node.get("title")
    if not isinstance(lines, list) or not lines or not all(isinstance(x, str) and x for x in lines):
        lint.add(node, "front_matter 的“title”应为标题各行的文字列表，例如 [\"{unit}\", \"{year}年……\"]")
        lines = []
    for line in lines:
        check_placeholders(lint, node, line, TITLE_FIELDS, "标题")
    opening = node.get("opening")
    if not isinstance(opening, dict):
        lint.add(node, "front_matter 缺少“opening”（开头段落的标题、说明和常用语句）")
        opening = LinedDict()
    title_free = node.get("title_free", False)
    if not isinstance(title_free, bool):
        lint.add(node, "front_matter 的“title_free”应为 true 或 false")
        title_free = False
    signature = node.get("signature", {})
    if not isinstance(signature, dict) or not all(isinstance(signature.get(k, True), bool) for k in ("printed", "optional")):
        lint.add(node, "front_matter 的“signature”应写作 {\"printed\": true/false, \"optional\": true/false}")
        signature = {}
    return FrontMatter(
        title_lines=tuple(lines),
        opening_title=lint.text(opening, "title", "开头段落"),
        opening_help=lint.text(opening, "help", "开头段落"),
        opening_phrases=phrases(opening, lint, "开头段落"),
        signature=Signature(printed=signature.get("printed", True), optional=signature.get("optional", True)),
        title_free=title_free,
        aggregate=aggregate_phrases(node.get("aggregate"), lint),
    )


def aggregate_phrases(node: Any, lint: Lint) -> AggregatePhrases | None:
    """The wording of an aggregated report ("aggregate" in the front matter), when the format has it."""
    if node is None:
        return None
    if not isinstance(node, dict):
        lint.add(node, "front_matter 的“aggregate”应为汇总报告用语的一组键和值")
        return None
    texts = {}
    for name, allowed in AGGREGATE_FIELDS.items():
        text = lint.text(node, name, "汇总报告用语")
        check_placeholders(lint, node, text, allowed, f"汇总报告用语“{name}”")
        texts[name] = text
    return AggregatePhrases(**texts)


def outline_rules(node: Any, template: Template, lint: Lint) -> OutlineRules:
    """The template's "outline": which parts of the outline a report may change."""
    if node is None:
        return OutlineRules()
    if not isinstance(node, dict):
        lint.add(node, "“outline”应写作 {\"chapters\": \"fixed\"/\"free\", \"sections\": …, \"optional_tables\": […]}")
        return OutlineRules()
    modes = {}
    for part in ("chapters", "sections"):
        mode = node.get(part, "fixed")
        if mode not in ("fixed", "free"):
            lint.add(node, f"“outline”的“{part}”应为 fixed 或 free，现在是 {mode!r}")
            mode = "fixed"
        modes[part] = mode
    tables = lint.strings(node, "optional_tables", "“outline”")
    for key in tables:
        if key not in {t.key for t in template.tables}:
            lint.add(node, f"“outline”的 optional_tables 中的表格 {key} 不存在")
        elif any(c.table == key for c in template.chapters):
            lint.add(node, f"表格 {key} 已是某一章的表格，不能再作为可插入的表格")
    free_tables = node.get("free_tables", False)
    if not isinstance(free_tables, bool):
        lint.add(node, "“outline”的“free_tables”应为 true 或 false")
        free_tables = False
    for chapter in template.chapters:
        for key in (*chapter.tables, *(t for s in chapter.sections for t in s.tables)):
            if key not in tables:
                lint.add(node, f"章节 {chapter.key} 插入的表格 {key} 不在 optional_tables 中")
    help_text = lint.text(node, "chapter_help", "“outline”", required=modes["chapters"] == "free")
    return OutlineRules(modes["chapters"], modes["sections"], tables, free_tables, help_text)
