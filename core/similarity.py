"""How much of one text repeats another: the copied-text measure evaluators deduct points for.

Texts are compared sentence by sentence. A sentence counts as repeated when, with its numbers and
dates blanked out ("2024年收到申请3件" and "2025年收到申请5件" are the same sentence), it is the same as
a sentence of the other text or nearly so (most of its character pairs are shared). The share is
measured in characters, and short sentences (run-in headings such as "（一）…情况。") are left out of
both sides: every report has them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

MIN_SENTENCE_CHARS = 12  # shorter sentences (headings, "无。") are not counted
NEAR_SAME = 0.8  # share of character pairs two sentences must have in common to count as the same

_SENTENCE_END = re.compile(r"[^。！？；;!?\n]*[。！？；;!?]?")
_NUMBER = re.compile(r"[0-9０-９〇○零一二三四五六七八九十百千万亿两.．%％]+")
_DROP = re.compile(r"[\s\u3000，,、：:“”‘’\"'（）()《》〈〉【】\[\]—\-·.。！？；;!?]")


@dataclass(frozen=True)
class Sentence:
    start: int  # character offsets in the text
    end: int
    text: str
    form: str  # what is compared: numbers blanked, spaces and punctuation dropped


@dataclass(frozen=True)
class Repeat:
    """A sentence of this text found again in the other one."""

    start: int
    end: int
    other: str  # the sentence of the other text it repeats


@dataclass(frozen=True)
class Similarity:
    share: float  # 0.0–1.0 of the counted characters of this text that repeat the other
    counted_chars: int
    repeated_chars: int
    repeats: tuple[Repeat, ...]

    @property
    def percent(self) -> int:
        return round(self.share * 100)


def sentences(text: str) -> list[Sentence]:
    found = []
    for match in _SENTENCE_END.finditer(text):
        raw = match.group(0)
        if not raw.strip():
            continue
        form = comparable(raw)
        if len(form) >= MIN_SENTENCE_CHARS:
            lead = len(raw) - len(raw.lstrip())
            found.append(Sentence(match.start() + lead, match.end(), raw.strip(), form))
    return found


def sentence_forms(text: str) -> list[str]:
    """The forms of ``sentences(text)``, without their places (what an index of many texts needs)."""
    forms = (comparable(raw) for raw in _SENTENCE_END.findall(text) if not raw.isspace())
    return [form for form in forms if len(form) >= MIN_SENTENCE_CHARS]


def comparable(sentence: str) -> str:
    text = unicodedata.normalize("NFKC", sentence)
    return _DROP.sub("", _NUMBER.sub("#", text))


def _pairs(form: str) -> frozenset[str]:
    return frozenset(form[i:i + 2] for i in range(len(form) - 1))


class _Matcher:
    """The other text's sentences (by their forms), indexed for exact and near-same look-ups."""

    def __init__(self, forms: Sequence[str]) -> None:
        self.exact = {form: number for number, form in enumerate(forms)}
        self.pairs = [_pairs(form) for form in forms]
        self.index: dict[str, list[int]] = {}
        for number, pairs in enumerate(self.pairs):
            for pair in pairs:
                self.index.setdefault(pair, []).append(number)

    def find(self, form: str) -> int | None:
        """The number of the other text's sentence this form repeats, or None."""
        number = self.exact.get(form)
        return number if number is not None else self._near(_pairs(form))

    def _near(self, pairs: frozenset[str]) -> int | None:
        if not pairs:
            return None
        shared: dict[int, int] = {}
        for pair in pairs:
            for number in self.index.get(pair, ()):
                shared[number] = shared.get(number, 0) + 1
        best, best_score = None, NEAR_SAME
        for number, count in shared.items():
            score = count / max(len(pairs), len(self.pairs[number]))
            if score >= best_score:
                best, best_score = number, score
        return best


def compare(text: str, other: str) -> Similarity:
    """How much of ``text`` repeats ``other``."""
    ours = sentences(text)
    theirs = sentences(other)
    matcher = _Matcher([s.form for s in theirs])
    repeats: list[Repeat] = []
    counted = repeated = 0
    for sentence in ours:
        counted += len(sentence.form)
        number = matcher.find(sentence.form)
        if number is not None:
            repeated += len(sentence.form)
            repeats.append(Repeat(sentence.start, sentence.end, theirs[number].text))
    share = repeated / counted if counted else 0.0
    return Similarity(share, counted, repeated, tuple(repeats))


def compare_forms(forms: Sequence[str], other: Sequence[str]) -> tuple[int, int]:
    """(counted, repeated) characters of sentences already reduced to their forms (``sentences``),
    measured as ``compare`` measures texts."""
    matcher = _Matcher(other)
    counted = sum(len(form) for form in forms)
    return counted, sum(len(form) for form in forms if matcher.find(form) is not None)
