"""A quick look at a sheet's XML before any reader parses it: how far its cells reach, which
formulas have no saved result, and one cell's style.

python-calamine builds a dense grid spanning the sheet's first to last cell, and aborts the whole
process when that does not fit in memory (two cells, A1 and XFD1048576, are enough). So a sheet is
handed to it only when this scan proves its cells stay inside the bounded range read. Regular
expressions run over the bytes at C speed; nothing here expands entities or builds a tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_ROWS = 1000  # rows read per sheet; the three tables with titles fill well under 100
MAX_COLUMNS = 64  # columns read (A … BL); table 四 needs 15

_P = rb"(?:[A-Za-z_][\w.\-]*:)?"  # an optional namespace prefix, as some writers use ("x:c")
_CELL_TAG = re.compile(b"<" + _P + rb"c(?=[\s/>])")
_CELL_R = re.compile(b"<" + _P + rb"c\s[^>]*?(?<=\s)r\s*=")
_CELL_REF = re.compile(b"<" + _P + rb"c\s[^>]*?(?<=\s)r\s*=\s*[\"']([A-Za-z]{1,3})([0-9]{1,7})[\"']")
_ROW_TAG = re.compile(b"<" + _P + rb"row(?=[\s/>])")
_ROW_R = re.compile(b"<" + _P + rb"row\s[^>]*?(?<=\s)r\s*=")
_ROW_REF = re.compile(b"<" + _P + rb"row\s[^>]*?(?<=\s)r\s*=\s*[\"']([0-9]{1,7})[\"']")
# A whole cell element, self-closing or not (lazy attributes, so "/>" ends an empty cell).
_CELL_ELEMENT = re.compile(b"<" + _P + rb"c(\s[^>]*?)?(?:/>|>(.*?)</" + _P + rb"c>)", re.S)
_REF_ATTR = re.compile(rb"(?<=\s)r\s*=\s*[\"']([A-Za-z]{1,3}[0-9]{1,7})[\"']")
_STYLE_ATTR = re.compile(rb"(?<=\s)s\s*=\s*[\"']([0-9]{1,9})[\"']")
_FORMULA = re.compile(b"<" + _P + rb"f[\s/>]")
_VALUE = re.compile(b"<" + _P + rb"v(?:\s[^>]*)?>[^<]")
_MERGE = re.compile(b"<" + _P + rb"mergeCell\s[^>]*?(?<=\s)ref\s*=\s*[\"']([A-Za-z]{1,3})([0-9]{1,7}):([A-Za-z]{1,3})([0-9]{1,7})[\"']")


def column_number(letters: bytes | str) -> int:
    number = 0
    for char in letters.upper() if isinstance(letters, str) else letters.decode("ascii").upper():
        number = number * 26 + ord(char) - 64
    return number


@dataclass
class SheetScan:
    max_row: int = 0  # an upper bound of the last row any cell can land in
    max_col: int = 0
    safe: bool = True  # every cell reference could be read, so the bounds are sure
    uncached_formulas: set[tuple[int, int]] = field(default_factory=set)

    @property
    def within_bounds(self) -> bool:
        return self.safe and self.max_row <= MAX_ROWS and self.max_col <= MAX_COLUMNS


def scan_sheet(xml: bytes) -> SheetScan:
    scan = SheetScan()
    refs = _CELL_REF.findall(xml)
    tags, with_r = len(_CELL_TAG.findall(xml)), len(_CELL_R.findall(xml))
    rows = _ROW_REF.findall(xml)
    row_tags, rows_with_r = len(_ROW_TAG.findall(xml)), len(_ROW_R.findall(xml))
    scan.safe = with_r == len(refs) and rows_with_r == len(rows)
    explicit_row = max([int(n) for _, n in refs] + [int(n) for n in rows] + [0])
    explicit_col = max([column_number(c) for c in {c for c, _ in refs}] + [0])
    # Cells and rows without a reference continue from the one before: bound them by their count.
    scan.max_row = explicit_row + (row_tags - rows_with_r)
    scan.max_col = explicit_col + (tags - with_r)
    if _FORMULA.search(xml):
        for match in _CELL_ELEMENT.finditer(xml):
            body = match.group(2) or b""
            if _FORMULA.search(body) and not _VALUE.search(body):
                ref = _REF_ATTR.search(match.group(1) or b"")
                if ref:
                    scan.uncached_formulas.add(_position(ref.group(1)))
    return scan


def clip_sheet(xml: bytes) -> bytes:
    """The sheet without the cells beyond the range read (a cell far away must not make the
    reader build a grid reaching out to it). Cells without a reference are kept: a new scan of
    the result decides whether it is bounded."""

    def keep(match: re.Match) -> bytes:
        ref = _REF_ATTR.search(match.group(1) or b"")
        if ref is None:
            return match.group(0)
        row, col = _position(ref.group(1))
        return match.group(0) if row <= MAX_ROWS and col <= MAX_COLUMNS else b""

    return _CELL_ELEMENT.sub(keep, xml)


def merged_ranges(xml: bytes) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 1-based, of every merged range."""
    return [(int(r1), column_number(c1), int(r2), column_number(c2)) for c1, r1, c2, r2 in _MERGE.findall(xml)]


def style_index(xml: bytes, row: int, col: int) -> int:
    """The ``s`` (cellXfs index) of the cell at (row, col), 0 when it has none or is not there."""
    from openpyxl.utils import get_column_letter

    ref = f"{get_column_letter(col)}{row}".encode()
    pattern = re.compile(b"<" + _P + rb"c\s[^>]*?(?<=\s)r\s*=\s*[\"']" + ref + rb"[\"'][^>]*>")
    match = pattern.search(xml)
    style = _STYLE_ATTR.search(match.group(0)) if match else None
    return int(style.group(1)) if style else 0


def _position(ref: bytes) -> tuple[int, int]:
    letters = ref.rstrip(b"0123456789")
    return int(ref[len(letters):]), column_number(letters)
