"""A sheet our export wrote, read from its XML without a parser: the hidden sheet, once its fingerprint
shows it is byte for byte as written.

Such a sheet holds only inline strings and numbers, as openpyxl writes them. Every cell element must
be one of those forms, else nothing is returned and the sheet is read the general way; the values are
what python-calamine gives for them (tests compare the two).
"""

from __future__ import annotations

import re
from typing import Any

from core.imports.xlsx_scan import column_number

_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"(?: s="[0-9]{1,5}")? t="(?:inlineStr"><is><t(?: xml:space="preserve")?>'
                   rb'([^<]*)</t></is>|n"><v>(-?[0-9]{1,15})</v>)</c>')
_REFERENCE = re.compile(r"&(?:#([0-9]{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def exported_values(xml: bytes) -> dict[tuple[int, int], Any] | None:
    """(row, column) → value of every non-empty cell; None when any cell is not written as the export
    writes its hidden sheet (or holds what a reader would decode further, such as "_x000D_")."""
    values: dict[tuple[int, int], Any] = {}
    count = 0
    for letters, digits, text, number in _CELL.findall(xml):
        count += 1
        place = (int(digits), column_number(letters))
        if number:
            values[place] = int(number)
            continue
        value = _unescape(text.decode("utf-8"))
        if value is None:
            return None
        if value:
            values[place] = value
    if count != xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/"):
        return None
    return values


def _unescape(text: str) -> str | None:
    if "_x" in text or "&" in text and "&" in _REFERENCE.sub("", text):
        return None  # an Excel escape, or an entity this writer does not use
    try:
        return _REFERENCE.sub(_character, text) if "&" in text else text
    except ValueError:  # a character reference beyond Unicode
        return None


def _character(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    return chr(int(decimal)) if decimal else chr(int(hexadecimal, 16)) if hexadecimal else _NAMED[name]
