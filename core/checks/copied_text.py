"""Text repeated from last year's report, chapter by chapter (evaluators deduct points for it)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from core.checks.context import CheckContext
from core.checks.findings import Finding, NotAssessable, Outcome
from core.document import Report
from core.similarity import Repeat, compare
from core.template.model import NAMESPACES, Rule


@dataclass(frozen=True)
class ChapterRepeats:
    chapter: str
    percent: int
    repeated_chars: int
    repeats: dict[str, tuple[Repeat, ...]]  # text slot → its sentences found in last year's text


def last_years_text(previous: Report, chapter_key: str) -> str:
    """Last year's text of the same chapter; all of it when its format has no such chapter."""
    chapter = previous.find_chapter(chapter_key)
    if chapter is not None:
        keys = (chapter.key, *(s.key for s in chapter.sections))
        return "\n".join(previous.text(key) for key in keys)
    return "\n".join(text for _, text in previous.iter_texts())


def chapter_repeats(report: Report, previous: Report) -> list[ChapterRepeats]:
    """For each text chapter with text, how much of it repeats last year's, and where."""
    found = []
    for chapter in report.chapters:
        if chapter.table is not None:
            continue
        other = last_years_text(previous, chapter.key)
        counted = repeated = 0
        repeats: dict[str, tuple[Repeat, ...]] = {}
        for key in (chapter.key, *(s.key for s in chapter.sections)):
            similarity = compare(report.text(key), other)
            counted += similarity.counted_chars
            repeated += similarity.repeated_chars
            if similarity.repeats:
                repeats[key] = similarity.repeats
        if counted:
            found.append(ChapterRepeats(chapter.key, round(100 * repeated / counted), repeated, repeats))
    return found


def copied_text(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    if context.previous is None:
        yield NotAssessable(rule.id, "", rule.title, (), NAMESPACES["prev"])
        return
    threshold = rule.params["threshold"]
    for chapter in context.chapter_repeats:
        above = chapter.percent > threshold
        message = rule.messages["above" if above else "below"].format(
            heading=context.report.chapter(chapter.chapter).heading, percent=chapter.percent,
            chars=chapter.repeated_chars)
        targets = tuple(chapter.repeats) or (chapter.chapter,)
        yield Finding(rule.id, rule.severity if above else "info", message, chapter.chapter, targets, chapter.chapter)
