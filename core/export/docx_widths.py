"""Column widths of a printed table and line breaks in narrow header labels, from Table.items.

Nothing here is specific to one table: each grid column gets at least what its one-column items
need (two characters of a header, one line across for a vertical label, the digits of a value)
and the rest of the 版心 width is shared out towards what they would like (a whole row label on
one line, a header of up to four characters on one line).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping, Sequence

from core.export.docx_measure import char_em
from core.template.model import GridItem

HEADER_MIN_CHARS = 2  # a header line holds at least two characters ("结果/维持")
HEADER_PREF_CHARS = 3  # more would take room from the row labels
LABEL_MIN_CHARS = 4
CELL_MIN_CHARS = 2.0  # room for a four-digit count
SLACK_EM = 0.1  # rounding, so that a line computed to fit really fits


def text_em(text: str) -> float:
    """Width in em of one line: Chinese and full-width characters 1, digits ½, Latin letters by
    Times New Roman's widths (docx_measure.char_em)."""
    return sum(char_em(ch) for ch in text)


def column_widths(items: Sequence[GridItem], columns: int, values: Mapping[str, str], total: int,
                  em: int, padding: int, line_em: float = 1.0) -> list[int]:
    """Widths (twips) of the grid columns, summing to ``total``.

    ``em`` is the table's font size and ``padding`` the cell's left plus right margin, in twips;
    ``values`` the text each data cell will show; ``line_em`` the width of one line of text
    (the line pitch, in em), which a vertical label needs across.
    """
    least, liked = _column_needs(items, columns, values, em, padding, line_em)
    room = total / em
    widths = _share(least, liked, room)
    twips = [int(w * em) for w in widths]
    twips[-1] += total - sum(twips)
    return twips


def least_width(items: Sequence[GridItem], columns: int, values: Mapping[str, str], em: int, padding: int,
                line_em: float = 1.0) -> float:
    """The narrowest the table can be (twips) with every number on one line in its cell."""
    return sum(_column_needs(items, columns, values, em, padding, line_em)[0]) * em


def _column_needs(items: Sequence[GridItem], columns: int, values: Mapping[str, str], em: int, padding: int,
                  line_em: float) -> tuple[list[float], list[float]]:
    """(least, liked) width in em of each grid column."""
    pad = padding / em + SLACK_EM
    least = [pad] * columns
    liked = [pad] * columns
    data_columns: set[int] = set()
    for item in items:
        if item.colspan != 1:
            continue
        low, high = _needs(item, values.get(item.cell or "", ""), line_em)
        least[item.col] = max(least[item.col], low + pad)
        liked[item.col] = max(liked[item.col], high + pad)
        if item.role == "cell":
            data_columns.add(item.col)
    # Columns of numbers all get the same width: a ragged row of figures reads badly.
    for widths in (least, liked):
        widest = max((widths[c] for c in data_columns), default=0.0)
        for c in data_columns:
            widths[c] = widest
    return least, liked


def _needs(item: GridItem, value: str, line_em: float) -> tuple[float, float]:
    """(least, liked) width in em of a one-column item's text."""
    if item.vertical:
        return line_em, line_em
    if item.role == "cell":
        width = text_em(value)
        return max(width, 1.0), max(width, CELL_MIN_CHARS)
    width = max((text_em(line) for line in item.text.split("\n")), default=0.0)
    if item.role == "header":
        return min(width, HEADER_MIN_CHARS), min(width, HEADER_PREF_CHARS)
    return min(width, LABEL_MIN_CHARS), width


def _share(least: list[float], liked: list[float], room: float) -> list[float]:
    floor = sum(least)
    if floor >= room:
        return [w * room / floor for w in least]
    wanted = sum(h - low for low, h in zip(least, liked, strict=True))
    spare = room - floor
    if wanted >= spare:
        return [low + (h - low) * spare / wanted for low, h in zip(least, liked, strict=True)]
    # Everyone has what they like; what is left is shared equally.
    extra = (room - sum(liked)) / len(liked)
    return [h + extra for h in liked]


def break_header(text: str, width: int, em: int, padding: int) -> str:
    """A header label too long for its cell, broken into balanced lines (four characters → two lines of two).

    Only plain labels of Chinese characters are broken; anything with punctuation or an explicit
    break is left for the word processor to wrap.
    """
    if "\n" in text or not text or not all(unicodedata.east_asian_width(ch) == "W" and ch.isalpha() for ch in text):
        return text
    capacity = math.floor((width - padding) / em + 1e-6)
    if capacity < 1 or len(text) <= capacity:
        return text
    lines = math.ceil(len(text) / capacity)
    per_line = math.ceil(len(text) / lines)
    if per_line % 2 and per_line > 2 and len(text) % 2 == 0:
        per_line -= 1  # two-character words: "社会/公益/组织" rather than "社会公/益组织"
    return "\n".join(text[i:i + per_line] for i in range(0, len(text), per_line))


def item_widths(items: Sequence[GridItem], widths: Sequence[int]) -> dict[tuple[int, int], int]:
    """Width (twips) of each item's merged cell, by (row, col)."""
    return {(i.row, i.col): sum(widths[i.col:i.col + i.colspan]) for i in items}
