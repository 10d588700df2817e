"""Changing a report's outline: add, rename, move and remove chapters and sections, include tables.

Each operation takes the outline and returns a new one (outlines are immutable), checked against
what the format allows (OutlineError, Chinese, otherwise). The GUI applies the result as one edit.
"""

from __future__ import annotations

from dataclasses import replace

from core.document import Report
from core.outline import (
    FREE_TABLE_PREFIX,
    Outline,
    OutlineChapter,
    OutlineError,
    OutlineSection,
    check_outline,
    default_outline,
)


def current_outline(report: Report) -> Outline:
    return report.outline if report.outline is not None else default_outline(report.template)


def new_key(report: Report, outline: Outline, prefix: str) -> str:
    """A key not used by any chapter, section, text (kept for undo) or drawn table of the report."""
    used = {c.key for c in outline} | {s.key for c in outline for s in c.sections} | set(report.texts)
    used |= set(report.free_tables)
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"


def _checked(report: Report, outline: Outline) -> Outline:
    check_outline(report.template, outline)
    return outline


def _chapter_index(outline: Outline, key: str) -> int:
    for index, chapter in enumerate(outline):
        if chapter.key == key:
            return index
    raise OutlineError(f"没有章节 {key}")


def add_chapter(report: Report, outline: Outline, title: str, after: str | None = None) -> tuple[Outline, str]:
    key = new_key(report, outline, "c")
    at = _chapter_index(outline, after) + 1 if after else len(outline)
    chapters = list(outline)
    chapters.insert(at, OutlineChapter(key, title.strip()))
    return _checked(report, tuple(chapters)), key


def rename(report: Report, outline: Outline, key: str, title: str) -> Outline:
    """Rename a chapter or a section."""
    title = title.strip()
    chapters = []
    for chapter in outline:
        if chapter.key == key:
            chapter = replace(chapter, title=title)
        chapters.append(replace(chapter, sections=tuple(
            replace(s, title=title) if s.key == key else s for s in chapter.sections)))
    return _checked(report, tuple(chapters))


def remove(report: Report, outline: Outline, key: str) -> Outline:
    """Remove a chapter or a section (its text is kept by the edit, so undo brings it back)."""
    chapters = [c for c in outline if c.key != key]
    chapters = [replace(c, sections=tuple(s for s in c.sections if s.key != key)) for c in chapters]
    return _checked(report, tuple(chapters))


def move(report: Report, outline: Outline, key: str, step: int) -> Outline:
    """Move a chapter or a section up (-1) or down (+1) among its siblings."""
    if any(c.key == key for c in outline):
        return _checked(report, _moved(outline, key, step))
    return _checked(report, tuple(replace(c, sections=_moved(c.sections, key, step))
                                  if any(s.key == key for s in c.sections) else c for c in outline))


def _moved(items: tuple, key: str, step: int) -> tuple:
    """``items`` with the one keyed ``key`` swapped with its neighbour ``step`` away (if there is one)."""
    items = list(items)
    index = [i.key for i in items].index(key)
    target = index + step
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    return tuple(items)


def add_section(report: Report, outline: Outline, chapter_key: str, title: str,
                after: str | None = None) -> tuple[Outline, str]:
    index = _chapter_index(outline, chapter_key)
    chapter = outline[index]
    key = new_key(report, outline, f"{chapter_key}.s")
    sections = list(chapter.sections)
    at = next((i + 1 for i, s in enumerate(sections) if s.key == after), len(sections))
    sections.insert(at, OutlineSection(key, title.strip()))
    chapters = list(outline)
    chapters[index] = replace(chapter, sections=tuple(sections))
    return _checked(report, tuple(chapters)), key


def include_table(report: Report, outline: Outline, key: str, table: str) -> Outline:
    """Print ``table`` (an optional table of the format, or a drawn one) after a chapter's or section's text."""
    chapters = []
    for chapter in outline:
        if chapter.key == key:
            chapter = replace(chapter, tables=(*chapter.tables, table))
        chapters.append(replace(chapter, sections=tuple(
            replace(s, tables=(*s.tables, table)) if s.key == key else s for s in chapter.sections)))
    return _checked(report, tuple(chapters))


def exclude_table(report: Report, outline: Outline, table: str) -> Outline:
    chapters = [replace(c, tables=tuple(t for t in c.tables if t != table),
                        sections=tuple(replace(s, tables=tuple(t for t in s.tables if t != table))
                                       for s in c.sections)) for c in outline]
    return _checked(report, tuple(chapters))


def included_tables(outline: Outline) -> list[str]:
    return [t for c in outline for t in (*c.tables, *(t for s in c.sections for t in s.tables))]


def new_free_table_key(report: Report, outline: Outline) -> str:
    return new_key(report, outline, FREE_TABLE_PREFIX)
