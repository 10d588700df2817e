"""Number formats of a workbook's cell styles, read only when a value needs one (a money cell's
decimals, or dates in the fallback reader), from a size-capped styles.xml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.imports.xlsx_package import MAX_STYLES_BYTES, STYLES, Package, parse_xml, read_kept

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@dataclass(frozen=True)
class NumberFormats:
    codes: tuple[str, ...]  # number format code of each cellXfs entry, by style index

    def code(self, style: int) -> str:
        return self.codes[style] if 0 <= style < len(self.codes) else "General"

    def date_styles(self) -> tuple[set[int], set[int]]:
        """Style indexes that show dates, and those that show durations ([h]:mm)."""
        from openpyxl.styles.numbers import is_date_format, is_timedelta_format

        dates = {n for n, code in enumerate(self.codes) if is_date_format(code)}
        return dates, {n for n in dates if is_timedelta_format(self.codes[n])}


def read_number_formats(package: Package) -> NumberFormats:
    if not package.has(STYLES):
        return NumberFormats(())
    return read_kept(_number_formats, package.read(STYLES, MAX_STYLES_BYTES, "样式表"), package.name, STYLES)


@lru_cache(maxsize=16)  # the same styles in every workbook a program writes; a refusal is never kept
def _number_formats(xml: bytes) -> NumberFormats:
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    root = parse_xml(xml, "", STYLES)
    custom = {}
    for fmt in root.iter(f"{_MAIN}numFmt"):
        try:
            custom[int(fmt.get("numFmtId", ""))] = fmt.get("formatCode", "General")
        except ValueError:
            continue
    codes = []
    xfs = root.find(f"{_MAIN}cellXfs")
    for xf in xfs.iter(f"{_MAIN}xf") if xfs is not None else ():
        try:
            number = int(xf.get("numFmtId", "0"))
        except ValueError:
            number = 0
        codes.append(custom.get(number) or BUILTIN_FORMATS.get(number, "General"))
    return NumberFormats(tuple(codes))
