"""The layout of our own Excel workbooks, shared by the writer and the reader (no openpyxl here).

Hidden sheet ``_nianbao`` (row, column 1-based):
  row 1   A "nianbao-xlsx"   B layout version
  row 2   A "meta"           B, C, … the report as JSON without its cells (``report_to_dict``)
  row 3   A "map"            B, C, … JSON: a list of [key, sheet, cell, value], one per data cell:
                             its stable key, the sheet and coordinate it was written to, and the
                             value as exported (``format_value``), so money keeps its exact decimals
Both JSON texts are ASCII (other characters as JSON escapes, safe in XML and smaller than the
writer's character references), with the "x" of any "_x" escaped too (readers decode Excel's
"_xHHHH_" escapes), and cut into chunks well under Excel's 32767 characters.

Layout version 1 (earlier exports) kept the map as rows: row 3 the column titles, from row 4 one
row per data cell with the same four values; readers still read it. Version 2 is several times
smaller, so the hidden sheet no longer dominates the time to read a workbook.

Sheet "填报信息": label/value pairs in columns A and B, the unit's fields first (labels from
``UNIT_FIELD_LABELS``), then the report's own (``INFO_*`` below).
"""

from __future__ import annotations

HIDDEN_SHEET = "_nianbao"
MARKER = "nianbao-xlsx"
LAYOUT_VERSION = 2
META_ROW = 2
META_LABEL = "meta"
MAP_ROW = 3
MAP_LABEL = "map"
LEGACY_FIRST_MAP_ROW = 4  # layout version 1: one row per data cell from here
CHUNK_CHARS = 30000

INFO_SHEET = "填报信息"
INFO_YEAR = "报告年度"
INFO_SIGNING_DATE = "落款日期"
INFO_FORMAT = "报告格式"
INFO_VERSION = "软件版本"
INFO_EXPORTED = "导出时间"
INFO_CHECKS = "检查结果"

# A custom document property (docProps/custom.xml): "part=fingerprint;…" of every worksheet's XML as
# the export wrote it (``xlsx_seal``). A sheet whose XML still has its fingerprint is exactly as
# exported, so its cells are the hidden map's. The fingerprint is the XML's CRC-32 and length, which
# the zip's own directory records for every part too: a reader compares the two without decompressing
# the sheet (any edit in Excel, WPS or a script rewrites the part with its new CRC). Like any
# fingerprint written in the file itself it tells an edited sheet from an unchanged one, and is no
# signature against a forger. Exports before this one wrote a BLAKE2b digest of the XML instead.
SHEET_PRINTS_PROPERTY = "nianbao-sheet-prints"
CUSTOM_PROPERTIES_PART = "docProps/custom.xml"
_ZIP_PRINT = "crc32:"


def sheet_print(xml: bytes) -> str:
    """A worksheet XML's fingerprint, as the export writes it."""
    from zlib import crc32

    return zip_print(crc32(xml), len(xml))


def zip_print(crc: int, size: int) -> str:
    """The fingerprint of a part whose CRC-32 and uncompressed size the zip directory gives."""
    return f"{_ZIP_PRINT}{crc:08x}:{size}"


def is_zip_print(fingerprint: str) -> bool:
    return fingerprint.startswith(_ZIP_PRINT)


def legacy_sheet_print(xml: bytes) -> str:
    """The fingerprint earlier exports wrote (read only: their workbooks keep reaching the office)."""
    from hashlib import blake2b

    return blake2b(xml, digest_size=16).hexdigest()
