"""A table cut into page parts: where it starts, where each page ends, and what each part repeats.

A table that fits in the room left on the page stands there whole. One that does not, but fits on
a page of its own, moves to the next page only if that leaves little blank (MAX_BLANK); otherwise
it starts here. A table that starts here or is taller than a page is cut into parts that each fit
a page; every part repeats the header rows, and a merged label cut by the page end (a vertical
label, a group of rows …) is drawn again in each part with its text, because a merged
cell carried over a page break loses its text in LibreOffice and stands empty in Word.

Each part is a table of its own, kept together, so every word processor breaks exactly there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from core.export.docx_table_layout import TableLayout, printed_height, row_heights
from core.template.model import GridItem, Table

LINE = 579  # twips: one line of body text
FIRST_MARGIN = LINE  # room kept free below a first part, for the estimate of the text above it
NEXT_MARGIN = 40  # twips kept free below a part that starts at the top of a page
GAP = 20  # twips: the 1 pt paragraph between two parts (two tables need a paragraph between them)
MAX_BLANK = 0.25  # of the page: the most left blank by moving a whole table to the next page
MIN_ROWS = 3  # body rows a first part must hold to start on the page
LOOK_BACK = 4  # rows above the fullest page end considered for a better place to cut


@dataclass(frozen=True)
class Part:
    rows: range  # body grid rows of the table in this part
    items: tuple[GridItem, ...]  # header items, then the body items clipped to ``rows``, re-numbered
    texts: dict[tuple[int, int], str]  # by the part's own (row, col)
    heights: list[int]  # the part's grid rows, twips

    @property
    def height(self) -> int:
        return printed_height(self.heights)


def make_part(table: Table, layout: TableLayout, rows: range) -> Part:
    """The header rows and body rows ``rows`` as a table of their own."""
    items, texts, needs = [], {}, {}
    header = table.header_rows
    for item in table.items:
        top, bottom = item.row, item.row + item.rowspan
        if top >= header:
            top, bottom = max(top, rows.start), min(bottom, rows.stop)
            if top >= bottom:
                continue
        row = top if item.row < header else header + top - rows.start
        items.append(replace(item, row=row, rowspan=bottom - top))
        texts[(row, item.col)] = layout.texts[(item.row, item.col)]
        needs[(row, item.col)] = layout.needs[(item.row, item.col)]
    heights = row_heights(items, header + len(rows), needs, layout.pitch)
    return Part(rows, tuple(items), texts, heights)


def plan_parts(table: Table, layout: TableLayout, room: int, kept: int, page: int) -> list[Part]:
    """The parts of ``table`` given the ``room`` (twips) left on the page after its heading,
    ``kept`` (twips) of heading that moves with it, and the ``page`` height."""
    body = range(table.header_rows, table.grid_rows)
    made: dict[tuple[int, int], Part] = {}

    def part(start: int, end: int) -> Part:
        if (start, end) not in made:
            made[(start, end)] = make_part(table, layout, range(start, end))
        return made[(start, end)]

    whole = part(body.start, body.stop)
    if whole.height <= room - FIRST_MARGIN:
        return [whole]
    if whole.height <= page - kept and room + kept <= MAX_BLANK * page:
        return [whole]  # to the next page with its heading, leaving little blank
    parts: list[Part] = []
    start, capacity = body.start, room - FIRST_MARGIN
    first = _cut(table, layout, part, start, capacity, MIN_ROWS)
    if first is None:  # not enough room here: the table starts on the next page, under its heading
        capacity = page - kept - NEXT_MARGIN
        if whole.height <= capacity:
            return [whole]
        first = _cut(table, layout, part, start, capacity, 1)
    while True:
        end = first if first is not None else start + 1  # a single row taller than a page stands alone
        parts.append(part(start, end))
        start = end
        if start >= body.stop:
            return parts
        first = _cut(table, layout, part, start, page - GAP - NEXT_MARGIN, 1)


def _cut(table: Table, layout: TableLayout, part: Callable[[int, int], Part], start: int, capacity: int,
         least: int) -> int | None:
    """Where the part from body row ``start`` best ends: the last row that fits in ``capacity``,
    or a few rows earlier where the cut splits fewer labels. None if ``least`` rows do not fit."""
    stop = table.grid_rows
    fullest = None
    for end in range(start + least, stop + 1):
        if part(start, end).height > capacity:
            break
        fullest = end
    if fullest is None:
        return None
    if fullest == stop:
        return stop
    candidates = range(max(start + least, fullest - LOOK_BACK), fullest + 1)
    return min(candidates, key=lambda end: (_cut_cost(table, layout, part(start, end), end), -end))


def _cut_cost(table: Table, layout: TableLayout, part: Part, end: int) -> int:
    """How bad a page end before body row ``end`` is: a block's heading or column header left at
    the foot of a page is worst, then a last part of fewer than MIN_ROWS rows; each label cut in two
    costs a little (the vertical label of a long
    block is cut wherever the block is, so it costs nothing), and so does every line of height the
    part's rows must grow by to hold a cut label (a few rows cannot hold a long vertical label)."""
    natural = sum(layout.heights[:table.header_rows]) + sum(layout.heights[part.rows.start:end])
    cost = (sum(part.heights) - natural) // LINE
    if any(i.row == end - 1 >= table.header_rows and i.role in ("header", "heading") for i in table.items):
        cost += 10
    if table.grid_rows - end < MIN_ROWS:  # a last page of a header and a row or two
        cost += 5
    return cost + sum(2 for i in table.items if i.row < end < i.row + i.rowspan and not i.vertical)
