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


def comparable(sentence: str) -> str:
    text = unicodedata.normalize("NFKC", sentence)
    return _DROP.sub("", _NUMBER.sub("#", text))


def _pairs(form: str) -> frozenset[str]:
    return frozenset(form[i:i + 2] for i in range(len(form) - 1))


def compare(text: str, other: str) -> Similarity:
    """How much of ``text`` repeats ``other``."""
    ours = sentences(text)
    theirs = sentences(other)
    exact = {s.form: s for s in theirs}
    their_pairs = [(_pairs(s.form), s) for s in theirs]
    index: dict[str, list[int]] = {}
    for number, (pairs, _) in enumerate(their_pairs):
        for pair in pairs:
            index.setdefault(pair, []).append(number)
    repeats: list[Repeat] = []
    counted = repeated = 0
    for sentence in ours:
        counted += len(sentence.form)
        match = exact.get(sentence.form) or _near(_pairs(sentence.form), their_pairs, index)
        if match is not None:
            repeated += len(sentence.form)
            repeats.append(Repeat(sentence.start, sentence.end, match.text))
    share = repeated / counted if counted else 0.0
    return Similarity(share, counted, repeated, tuple(repeats))


def _near(pairs: frozenset[str], theirs: list[tuple[frozenset[str], Sentence]],
          index: dict[str, list[int]]) -> Sentence | None:
    if not pairs:
        return None
    shared: dict[int, int] = {}
    for pair in pairs:
        for number in index.get(pair, ()):
            shared[number] = shared.get(number, 0) + 1
    best, best_score = None, NEAR_SAME
    for number, count in shared.items():
        other_pairs, sentence = theirs[number]
        score = count / max(len(pairs), len(other_pairs))
        if score >= best_score:
            best, best_score = sentence, score
    return best
