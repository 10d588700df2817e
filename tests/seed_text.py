"""Compare a report's printed text with the published text of its seed, paragraph by paragraph.

Both are reduced to one stream of characters: whitespace removed (the PDF extraction broke lines and
spaced digits), half-width brackets made full-width (the extraction produced both), "**" dropped (the
extraction's marks for bold runs), page numbers ("- 4 -", "— 4 —") dropped. Each printed block — title
line, paragraph, heading, table row, signature — must then continue the seed's stream where the previous
one ended, and begin where a line of the seed begins (a run-in heading's text excepted). Where the seed
prints one paragraph per line, every line of the seed must also begin a block, so two paragraphs joined
into one are found too. Whatever does not match is listed, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.printed_text import PrintedBlock

PAGE_NUMBER = re.compile(r"^\s*[-—–]\s*\d+\s*[-—–]\s*$")


@dataclass(frozen=True)
class Repair:
    """A place where the extraction garbled the seed, put right: ``old`` → ``new``, ``count`` times."""

    old: str
    new: str
    why: str
    count: int = 1


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("**", "").replace("(", "（").replace(")", "）")


def seed_stream(text: str, repairs: tuple[Repair, ...] = ()) -> tuple[str, list[int]]:
    """The seed as one normalised stream, and where each of its non-blank lines starts in it."""
    for repair in repairs:
        found = text.count(repair.old)
        if found != repair.count:
            raise AssertionError(f"repair {repair.why!r}: found {found} times, expected {repair.count}")
        text = text.replace(repair.old, repair.new)
    stream, starts = "", []
    for line in text.splitlines():
        if not line.strip() or PAGE_NUMBER.match(line):
            continue
        starts.append(len(stream))
        stream += normalise(line)
    return stream, starts


def differences(blocks: list[PrintedBlock], stream: str, line_starts: list[int],
                one_line_per_paragraph: bool = False) -> list[str]:
    """Every difference between the printed blocks and the seed's stream, in reading order."""
    found: list[str] = []
    starts = set(line_starts)
    spans: list[tuple[int, int]] = []  # where matched blocks lie in the stream
    cursor = 0
    pending: list[str] = []  # printed text not found where it should be
    previous = ""
    for block in blocks:
        text = normalise(block.text)
        if not text:
            continue
        at = stream.find(text, cursor)
        if at < 0:
            pending.append(text)
            previous = block.kind
            continue
        if at > cursor or pending:
            seed_part = stream[cursor:at]
            if pending:
                found.append(f"the seed prints {seed_part!r} where the report prints {''.join(pending)!r}")
            else:
                found.append(f"the report leaves out {seed_part!r}")
            pending = []
        if at not in starts and previous != "section":
            found.append(f"{text[:20]!r} starts a paragraph in the report but not in the seed")
        spans.append((at, at + len(text)))
        cursor = at + len(text)
        previous = block.kind
    if pending or cursor < len(stream):
        tail = stream[cursor:]
        if pending:
            found.append(f"the seed prints {tail!r} where the report prints {''.join(pending)!r}")
        else:
            found.append(f"the report leaves out {tail!r}")
    if one_line_per_paragraph:  # a seed line that starts inside a printed block: two paragraphs made one
        for start in line_starts:
            if any(a < start < e for a, e in spans):
                found.append(f"the seed starts a paragraph at {stream[start:start + 20]!r}, the report does not")
    return found
