"""Excel export: every worksheet's fingerprint, so a reader can tell a sheet is byte for byte as written.

A unit's workbook usually reaches the office as the app wrote it; the cells of its tables are then
exactly those of the hidden map, and the reader takes them from there instead of parsing every sheet
again. The fingerprints are a custom document property, written once the workbook is saved (the
sheets' XML is known only then). Editing and saving in Excel or WPS rewrites the sheets, so their
fingerprints no longer match and the sheets are read in full, as any workbook.
"""

from __future__ import annotations

import io
import zipfile

from openpyxl.packaging.custom import StringProperty
from openpyxl.workbook import Workbook

from core.export.xlsx_layout import CUSTOM_PROPERTIES_PART, SHEET_PRINTS_PROPERTY, sheet_print

_PLACEHOLDER = "sheet-prints-placeholder"


def reserve_prints(workbook: Workbook) -> None:
    """Make the saved workbook carry the property ``seal`` fills in."""
    workbook.custom_doc_props.append(StringProperty(name=SHEET_PRINTS_PROPERTY, value=_PLACEHOLDER))


def seal(data: bytes) -> bytes:
    """The saved workbook ``data`` with its worksheets' fingerprints in the reserved property."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        infos = source.infolist()
        parts = {info.filename: source.read(info) for info in infos}
    prints = ";".join(f"{name}={sheet_print(xml)}" for name, xml in parts.items()
                      if name.startswith("xl/worksheets/") and name.endswith(".xml"))
    custom = parts[CUSTOM_PROPERTIES_PART]
    assert _PLACEHOLDER.encode() in custom, "reserve_prints was not called before saving"
    parts[CUSTOM_PROPERTIES_PART] = custom.replace(_PLACEHOLDER.encode(), prints.encode())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in infos:
            target.writestr(info, parts[info.filename])  # each part as it was compressed
    return buffer.getvalue()
