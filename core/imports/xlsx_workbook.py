"""Open an .xlsx defensively and read every sheet into a small grid of values.

Refuses, with a Chinese XlsxImportError, anything that is not a plain workbook: other file types,
old .xls, password-protected files, oversized files, zip bombs, sheets with absurd numbers of rows,
and XML with DOCTYPE/entity declarations (also refused by defusedxml inside openpyxl).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.user_files import read_user_file

try:  # openpyxl parses through defusedxml only if it can import it; without it we refuse to read
    import defusedxml
except ImportError:  # pragma: no cover - defusedxml is a dependency
    defusedxml = None

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_PART_RATIO = 200  # uncompressed/compressed, for parts over 1 MiB
MAX_ENTRIES = 10000
MAX_ROWS = 10000  # per sheet
MAX_COLUMNS = 200  # cells further right are ignored
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class XlsxImportError(Exception):
    """A file that cannot be read at all; the message is Chinese and says why."""


@dataclass
class SheetGrid:
    """One worksheet's non-empty cells by (row, column), both 1-based."""

    title: str
    state: str = "visible"
    values: dict[tuple[int, int], Any] = field(default_factory=dict)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)  # number formats of numbers
    uncached_formulas: set[tuple[int, int]] = field(default_factory=set)  # formulas without a saved result

    def get(self, row: int, col: int) -> Any:
        return self.values.get((row, col))


def load_grids(path: str | Path) -> list[SheetGrid]:
    path = Path(path)
    data = read_user_file(path, "年报统计表（.xlsx）", XlsxImportError)
    name = f"“{path.name}”"
    _check_container(data, name)
    formulas: dict[str, set[tuple[int, int]]] = {}
    grids = _parse(data, name, data_only=False, formulas=formulas)
    if any(formulas.values()):
        # Formulas: take the results the spreadsheet program saved with the file.
        cached = {g.title: g for g in _parse(data, name, data_only=True, formulas={})}
        for grid in grids:
            for position in formulas.get(grid.title, ()):
                value = cached[grid.title].get(*position)
                if value is None:
                    grid.values.pop(position, None)
                    grid.uncached_formulas.add(position)
                else:
                    grid.values[position] = value
                    grid.formats[position] = cached[grid.title].formats.get(position, "General")
    return grids


def _check_container(data: bytes, name: str) -> None:
    if data.startswith(_OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise XlsxImportError(f"{name}设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存，再导入")
        raise XlsxImportError(f"{name}是旧版 Excel 文件（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再导入")
    if not data.startswith(b"PK"):
        raise XlsxImportError(f"{name}不是 Excel 工作簿（.xlsx），无法导入")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise XlsxImportError(f"{name}已损坏或不是 Excel 工作簿（.xlsx），无法导入") from None
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names and "[Content_Types].xml" not in names:
        raise XlsxImportError(f"{name}是压缩文件，但不是 Excel 工作簿（.xlsx），无法导入")
    bomb = f"{name}解压后异常庞大（疑似“压缩炸弹”），已拒绝读取"
    if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_UNCOMPRESSED_BYTES:
        raise XlsxImportError(bomb)
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_PART_RATIO * max(info.compress_size, 1):
            raise XlsxImportError(bomb)
        if info.flag_bits & 0x1:
            raise XlsxImportError(f"{name}中的内容已加密，无法读取")
        if info.filename.endswith((".xml", ".rels", ".vml")):
            _refuse_doctype(archive, info, name)


def _refuse_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    # A DOCTYPE can only come before the root element, so the start of each part is enough.
    with archive.open(info) as handle:
        head = handle.read(4096)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise XlsxImportError(f"{name}中的 {info.filename} 含有 DOCTYPE/实体声明（可能是 XML 实体攻击），已拒绝读取")


def _parse(data: bytes, name: str, data_only: bool, formulas: dict[str, set[tuple[int, int]]]) -> list[SheetGrid]:
    import openpyxl

    if defusedxml is None or not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise XlsxImportError("缺少安全组件 defusedxml，为安全起见不导入 Excel 文件")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except XlsxImportError:
        raise
    except Exception as error:
        raise _refusal(error, name) from None
    try:
        return [_read_sheet(ws, name, data_only, formulas.setdefault(ws.title, set())) for ws in workbook.worksheets]
    except XlsxImportError:
        raise
    except Exception as error:
        raise _refusal(error, name) from None
    finally:
        workbook.close()


def _refusal(error: Exception, name: str) -> XlsxImportError:
    from defusedxml import DefusedXmlException

    cause: BaseException | None = error
    while cause is not None:  # openpyxl wraps parser errors in a ValueError
        if isinstance(cause, DefusedXmlException):
            return XlsxImportError(f"{name}含有不安全的 XML 内容（{type(cause).__name__}，如实体声明），已拒绝读取")
        cause = cause.__cause__ or cause.__context__
    return XlsxImportError(f"{name}已损坏或不是有效的 Excel 工作簿，无法读取（{type(error).__name__}）")


def _read_sheet(ws: Any, name: str, data_only: bool, formulas: set[tuple[int, int]]) -> SheetGrid:
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._reader import WorkSheetParser

    grid = SheetGrid(title=ws.title, state=getattr(ws, "sheet_state", "visible"))
    workbook = ws.parent
    with ws._get_source() as source:
        # The parser yields only the cells present in the file, so a stray cell far to the right
        # or far down costs nothing; openpyxl's iter_rows would pad every row up to it.
        parser = WorkSheetParser(source, ws._shared_strings, data_only=data_only, epoch=workbook.epoch,
                                 date_formats=workbook._date_formats,
                                 timedelta_formats=workbook._timedelta_formats)
        for row_index, cells in parser.parse():
            if row_index > MAX_ROWS:
                raise XlsxImportError(f"{name}的工作表“{ws.title}”超过 {MAX_ROWS} 行，不像年报统计表，已拒绝读取")
            for cell in cells:
                value, col = cell["value"], cell["column"]
                if value is None or value == "" or col > MAX_COLUMNS:
                    continue
                position = (row_index, col)
                if cell["data_type"] == "f":
                    formulas.add(position)
                grid.values[position] = value
                if cell["data_type"] == "n":
                    style = ReadOnlyCell(ws, row_index, col, None, "n", cell["style_id"])
                    grid.formats[position] = style.number_format
    return grid
