"""The report's own outline: its chapters and their sections, where the format lets the unit choose.

In the 2019 and 2021 formats the chapters are fixed but the unit words the sub-headings of a chapter
itself (or writes it as one text); before 2019 the unit chose its chapters too. The template says
what may change (``Template.outline``); a report without an outline of its own uses the template's.
"""

from __future__ import annotations

from core.records import record
from core.template.model import Chapter, Section, Template

FREE_TABLE_PREFIX = "free-"  # ids of tables the unit drew itself (forms pasted into the body)
_DIGITS = "零一二三四五六七八九"


@record(frozen=True)
class OutlineSection:
    key: str  # "<chapter>.<section>"
    title: str
    tables: tuple[str, ...] = ()  # tables printed after the section's text


@record(frozen=True)
class OutlineChapter:
    key: str
    title: str
    sections: tuple[OutlineSection, ...] = ()
    tables: tuple[str, ...] = ()  # tables printed after the chapter's own text


Outline = tuple[OutlineChapter, ...]


class OutlineError(ValueError):
    """An outline the format does not allow; the message is Chinese."""


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (chapter numbers)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def default_outline(template: Template) -> Outline:
    return tuple(
        OutlineChapter(c.key, c.title, tuple(OutlineSection(s.key, s.title, s.tables) for s in c.sections), c.tables)
        for c in template.chapters
    )


def chapters_of(template: Template, outline: Outline | None) -> tuple[Chapter, ...]:
    """The chapters as the report prints them: the template's, shaped by the report's outline."""
    if outline is None:
        return template.chapters
    from dataclasses import replace  # a report of the format's own outline (most) needs neither

    chapters = []
    free = template.outline.chapters == "free"
    for position, item in enumerate(outline, start=1):
        base = template.find_chapter(item.key)
        sections = tuple(_section(base, s) for s in item.sections)
        if base is not None and not free:
            chapters.append(replace(base, sections=sections, tables=item.tables))
            continue
        chapters.append(Chapter(
            key=item.key,
            number=chinese_number(position),
            title=item.title,
            help=base.help if base else template.outline.chapter_help,
            table=base.table if base else None,
            sections=sections,
            phrases=base.phrases if base else (),
            tables=item.tables,
        ))
    return tuple(chapters)


def _section(base: Chapter | None, item: OutlineSection) -> Section:
    customary = next((s for s in base.sections if s.key == item.key), None) if base else None
    if customary is not None:
        from dataclasses import replace

        return replace(customary, title=item.title, tables=item.tables)
    return Section(item.key, item.title, base.help if base else "", (), item.tables)


def check_outline(template: Template, outline: Outline) -> None:
    """Raise OutlineError (Chinese) when the outline breaks what the format fixes."""
    keys = [c.key for c in outline]
    if len(set(keys)) != len(keys):
        raise OutlineError("章节的键重复")
    rules = template.outline
    if rules.chapters != "free":
        fixed = [c.key for c in template.chapters]
        if keys != fixed:
            raise OutlineError(f"“{template.name}”的章节是固定的，不能增加、删除或调换")
    for chapter in outline:
        base = template.find_chapter(chapter.key)
        if rules.chapters != "free" and base is not None and chapter.title != base.title:
            raise OutlineError(f"“{template.name}”的章节标题是固定的：{base.heading}")
        if not chapter.title.strip():
            raise OutlineError("章节标题不能为空")
        if rules.sections != "free" and base is not None and \
                [s.key for s in chapter.sections] != [s.key for s in base.sections]:
            raise OutlineError(f"“{template.name}”中“{base.heading}”的小节是固定的")
        section_keys = [s.key for s in chapter.sections]
        if len(set(section_keys)) != len(section_keys) or any(not k.startswith(chapter.key + ".") for k in section_keys):
            raise OutlineError(f"“{chapter.title}”的小节键无效")
        for table in (*chapter.tables, *(t for s in chapter.sections for t in s.tables)):
            if not table.startswith(FREE_TABLE_PREFIX) and table not in rules.optional_tables:
                raise OutlineError(f"“{template.name}”中不能插入表格 {table}")
