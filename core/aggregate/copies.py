"""Texts one unit copied from another: the copied-text measure (core.similarity) between units.

Comparing every pair of units in full is O(n²): 1,000 units make half a million compares. Instead
every sentence of every unit is indexed once by its comparable form (numbers blanked, the unit's
own name removed, so "甲镇高度重视……" and "乙镇高度重视……" are the same sentence); a unit's
candidate partner is the one sharing most of its characters, chapter by chapter, and only that pair
is measured with ``compare_forms``. The format's standard sentences (常用语句), which every unit may use,
are not counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from core.aggregate.names import unit_key
from core.document import OPENING, Report
from core.phrases import fill, phrase_fields
from core.similarity import comparable, compare_forms, sentence_forms
from core.template.model import Template

DEFAULT_THRESHOLD = 60  # percent, when the format names no copied-text rule
CANDIDATES = 8  # a sentence shared by more units than this does not make each of them a candidate


ChapterTexts = dict[str, list[str]]  # chapter key → the forms of its own sentences


@dataclass(frozen=True)
class CopiedText:
    unit: int  # index into the units given
    other: int
    chapter: str  # chapter key
    percent: int
    chars: int


def threshold_of(template: Template) -> int:
    rule = next((r for r in template.rules if r.kind == "copied_text"), None)
    return int(rule.params.get("threshold", DEFAULT_THRESHOLD)) if rule else DEFAULT_THRESHOLD


def copied_texts(units: Sequence[ChapterTexts], threshold: int) -> list[CopiedText]:
    """For each unit and text chapter, the other unit it repeats above ``threshold`` percent.

    A chapter whose identical sentences alone pass the threshold is flagged with that share; one
    between half the threshold and the threshold is measured with ``compare_forms`` (near-same sentences
    count too); below half it is not looked at further.
    """
    index: dict[str, dict[str, set[int]]] = defaultdict(dict)  # chapter → sentence form → units
    for number, chapters in enumerate(units):
        for chapter, forms in chapters.items():
            by_form = index[chapter]
            for form in forms:
                holders = by_form.get(form)
                if holders is None:
                    by_form[form] = {number}
                else:
                    holders.add(number)
    found = []
    for number, chapters in enumerate(units):
        for chapter, forms in chapters.items():
            by_form = index[chapter]
            counted = sum(map(len, forms))
            # only sentences another unit also wrote can be shared with one
            shared = [(len(f), h) for f in forms if len(h := by_form[f]) > 1]
            candidates = _candidates([h for _, h in shared], number)
            if not counted or not candidates:
                continue
            overlap = dict.fromkeys(candidates, 0)  # characters each candidate shares with this chapter
            for n, h in shared:
                for o in candidates.intersection(h):
                    overlap[o] += n
            other = max(overlap, key=lambda o: (overlap[o], -o))
            percent, chars = round(100 * overlap[other] / counted), overlap[other]
            if percent <= threshold:
                if 2 * percent < threshold:
                    continue
                counted, chars = compare_forms(forms, units[other][chapter])
                percent = round(100 * chars / counted)
            if percent > threshold:
                found.append(CopiedText(number, other, chapter, percent, chars))
    return found


def _candidates(holders: list[set[int]], number: int) -> set[int]:
    """The units worth measuring against: every holder of a sentence few units share, and a few
    holders of sentences many share (when a text went round, any one of its copies will do)."""
    found: set[int] = set()
    for units in holders:
        if len(units) <= CANDIDATES:
            found |= units
    for units in holders:
        if len(found) > CANDIDATES:
            break
        if len(units) > CANDIDATES:
            found.update(sorted(units)[:CANDIDATES + 1])
    found.discard(number)
    return found


def chapter_texts(report: Report) -> ChapterTexts:
    """chapter key → the forms of its sentences, the unit's name removed and standard sentences left out."""
    names = [n for n in {report.unit.name.strip(), unit_key(report.unit.name)} if len(n) >= 2]
    phrases = dict.fromkeys(p for key in (*report.text_keys, OPENING) for p in report.phrases_for(key))
    fields = phrase_fields(report)
    standard = {comparable(_without(fill(p, report, fields), names)) for p in phrases}
    found = {}
    for chapter in report.chapters:
        if chapter.table is not None:
            continue
        own = [f for f in sentence_forms(_without(report.chapter_text(chapter.key), names)) if f not in standard]
        if own:
            found[chapter.key] = own
    return found


def _without(text: str, names: list[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    return text
