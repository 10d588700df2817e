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
from functools import lru_cache

MAX_ROWS = 1000  # rows read per sheet; the three tables with titles fill well under 100
MAX_COLUMNS = 64  # columns read (A … BL); table 四 needs 15

_P = rb"(?:[A-Za-z_][\w.\-]*:)?"  # an optional namespace prefix, as some writers use ("x:c")
# Any cell or row element written with a prefix. Most sheets have none, and then the patterns below
# are compiled without the optional prefix: the same matches, about five times faster (Python's
# regular expressions then search for the literal "<c" instead of trying every "<").
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.\-]*:(?:c|row)[\s/>]")
# Any prefixed cell or row element contains this; it starts with a literal ":", which sheets have few
# of, so it is found several times faster than _PREFIXED, which tries every "<".
_PREFIX_HINT = re.compile(rb":(?:c|row)[\s/>]")


def _counting_patterns(prefix: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """Every cell and every row element, with its first ``r`` attribute and that attribute's value
    where it is a valid reference: (r, letters, digits) for a cell, (r, digits) for a row."""
    return (re.compile(b"<" + prefix + rb"c(?=[\s/>])(?:\s[^>]*?(?<=\s)(r)\s*=(?:\s*[\"']([A-Za-z]{1,3})([0-9]{1,7})[\"'])?)?"),
            re.compile(b"<" + prefix + rb"row(?=[\s/>])(?:\s[^>]*?(?<=\s)(r)\s*=(?:\s*[\"']([0-9]{1,7})[\"'])?)?"))


_WITH_PREFIX = _counting_patterns(_P)
_WITHOUT_PREFIX = _counting_patterns(b"")
# As Excel, WPS and openpyxl write them: the reference first, in double quotes. Where every "<c…"
# tag of a sheet other than "<col…" is one of these (and every "<row…" tag), the literal patterns
# find exactly the references the general ones above do, several times faster: "<c r=" opens only
# cell elements, so the counts can only agree when no cell is written otherwise.
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_PLAIN_ROW = re.compile(rb'<row r="([0-9]{1,7})"')
_CELL_ELEMENT = re.compile(b"<" + _P + rb"c(\s[^>]*?)?(?:/>|>(.*?)</" + _P + rb"c>)", re.S)
_REF_ATTR = re.compile(rb"(?<=\s)r\s*=\s*[\"']([A-Za-z]{1,3}[0-9]{1,7})[\"']")
_STYLE_ATTR = re.compile(rb"(?<=\s)s\s*=\s*[\"']([0-9]{1,9})[\"']")
_FORMULA = re.compile(b"<" + _P + rb"f[\s/>]")
_VALUE = re.compile(b"<" + _P + rb"v(?:\s[^>]*)?>[^<]")
_MERGE_TAIL = rb"mergeCell\s[^>]*?(?<=\s)ref\s*=\s*[\"']([A-Za-z]{1,3})([0-9]{1,7}):([A-Za-z]{1,3})([0-9]{1,7})[\"']"
_MERGE = re.compile(b"<" + _P + _MERGE_TAIL)
_MERGE_PLAIN = re.compile(b"<" + _MERGE_TAIL)  # the same where no element is written "<x:mergeCell"


@lru_cache(maxsize=4096)
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
    prefixed = _PREFIX_HINT.search(xml) and _PREFIXED.search(xml)
    refs = _PLAIN_CELL.findall(xml) if not prefixed else []
    if not prefixed and len(refs) == xml.count(b"<c") - xml.count(b"<col"):
        tags = with_r = len(refs)
    else:
        cells = (_WITH_PREFIX if prefixed else _WITHOUT_PREFIX)[0].findall(xml)
        refs = [(letters, digits) for _, letters, digits in cells if digits]
        tags, with_r = len(cells), sum(1 for r, _, _ in cells if r)
    rows = _PLAIN_ROW.findall(xml) if not prefixed else []
    if not prefixed and len(rows) == xml.count(b"<row"):
        row_tags = rows_with_r = len(rows)
    else:
        row_elements = (_WITH_PREFIX if prefixed else _WITHOUT_PREFIX)[1].findall(xml)
        rows = [digits for _, digits in row_elements if digits]
        row_tags, rows_with_r = len(row_elements), sum(1 for r, _ in row_elements if r)
    # A reference that cannot be read (the first "r" of an element is not a valid one) leaves the
    # bounds unsure: the sheet then goes to the bounded reader.
    scan.safe = with_r == len(refs) and rows_with_r == len(rows)
    explicit_row = max([int(n) for _, n in refs] + [int(n) for n in rows] + [0])
    explicit_col = max([column_number(c) for c in {c for c, _ in refs}] + [0])
    # Cells and rows without a reference continue from the one before: bound them by their count.
    scan.max_row = explicit_row + (row_tags - rows_with_r)
    scan.max_col = explicit_col + (tags - with_r)
    if _has_formula(xml):
        for match in _CELL_ELEMENT.finditer(xml):
            body = match.group(2) or b""
            if _FORMULA.search(body) and not _VALUE.search(body):
                ref = _REF_ATTR.search(match.group(1) or b"")
                if ref:
                    scan.uncached_formulas.add(_position(ref.group(1)))
    return scan


def _has_formula(xml: bytes) -> bool:
    """Whether ``_FORMULA`` matches anywhere, without running it over every "<" of a sheet that has
    none: a prefixed formula element ("<x:f>") starts at the "<" nearest before its ":f"."""
    if b"<f" in xml:
        return _FORMULA.search(xml) is not None
    at = xml.find(b":f")
    while at != -1:
        start = xml.rfind(b"<", 0, at)
        if start != -1 and _FORMULA.match(xml, start):
            return True
        at = xml.find(b":f", at + 2)
    return False


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
    if b"mergeCell" not in xml:
        return []
    pattern = _MERGE if b":mergeCell" in xml else _MERGE_PLAIN
    return [(int(r1), column_number(c1), int(r2), column_number(c2)) for c1, r1, c2, r2 in pattern.findall(xml)]


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
