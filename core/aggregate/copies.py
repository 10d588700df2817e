"""Texts one unit copied from another: the copied-text measure (core.similarity) between units.

Comparing every pair of units in full is O(n²): 1,000 units make half a million compares. Instead
every sentence of every unit is indexed once by its comparable form (numbers blanked, the unit's
own name removed, so "甲镇高度重视……" and "乙镇高度重视……" are the same sentence); a unit's
candidate partner is the one sharing most of its characters, chapter by chapter, and only that pair
is measured with ``compare``. The format's standard sentences (常用语句), which every unit may use,
are not counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from core.document import Report
from core.phrases import fill
from core.similarity import comparable, compare, sentences

DEFAULT_THRESHOLD = 60  # percent, when the format names no copied-text rule


@dataclass(frozen=True)
class CopiedText:
    unit: int  # index into the reports given
    other: int
    chapter: str  # chapter key
    heading: str
    percent: int
    chars: int


def threshold_of(report: Report) -> int:
    rule = next((r for r in report.template.rules if r.kind == "copied_text"), None)
    return int(rule.params.get("threshold", DEFAULT_THRESHOLD)) if rule else DEFAULT_THRESHOLD


def copied_texts(reports: Sequence[Report]) -> list[CopiedText]:
    """For each unit and text chapter, the other unit it repeats above the format's threshold."""
    if len(reports) < 2:
        return []
    threshold = threshold_of(reports[0])
    texts = [_chapter_texts(r) for r in reports]
    index: dict[tuple[str, str], set[int]] = defaultdict(set)
    for number, chapters in enumerate(texts):
        for chapter, (_, forms) in chapters.items():
            for form in forms:
                index[(chapter, form)].add(number)
    found = []
    for number, chapters in enumerate(texts):
        for chapter, (text, forms) in chapters.items():
            counted = sum(len(f) for f in forms)
            shared: dict[int, int] = defaultdict(int)
            for form in forms:
                for other in index[(chapter, form)]:
                    if other != number:
                        shared[other] += len(form)
            if not counted or not shared:
                continue
            other = max(shared, key=lambda o: (shared[o], -o))
            if 100 * shared[other] / counted * 2 < threshold:
                continue  # not even half the threshold in identical sentences: no need to measure
            similarity = compare(text, texts[other][chapter][0])
            if similarity.percent > threshold:
                heading = reports[number].chapter(chapter).heading
                found.append(CopiedText(number, other, chapter, heading, similarity.percent, similarity.repeated_chars))
    return found


def _chapter_texts(report: Report) -> dict[str, tuple[str, list[str]]]:
    """chapter key → (its own sentences without the unit's name and the standard ones, their forms)."""
    names = [n for n in {report.unit.name.strip(), _short(report.unit.name)} if len(n) >= 2]
    standard = {comparable(_without(fill(p, report), names)) for key in (*report.text_keys, "opening")
                for p in report.phrases_for(key)}
    found = {}
    for chapter in report.chapters:
        if chapter.table is not None:
            continue
        own = [s for s in sentences(_without(report.chapter_text(chapter.key), names)) if s.form not in standard]
        if own:
            found[chapter.key] = ("\n".join(s.text for s in own), [s.form for s in own])
    return found


def _short(name: str) -> str:
    from core.aggregate.names import unit_key

    return unit_key(name)


def _without(text: str, names: list[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    return text
