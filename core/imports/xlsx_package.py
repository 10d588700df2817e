"""The .xlsx container, opened defensively: what it is, which sheets it has, and bounded parts.

Refuses, with a Chinese XlsxImportError, anything that is not a plain workbook: other file types,
old .xls, password-protected files, zip bombs, encrypted entries, XML with DOCTYPE/entity
declarations. Every part that is read later is capped in size here, so no reader downstream (the
Rust reader python-calamine, defusedxml, openpyxl) can be made to work on more than a few MB.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import TypeVar

T = TypeVar("T")

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # the whole archive, images included (never decompressed)
MAX_PART_RATIO = 200  # uncompressed/compressed, for parts over 1 MiB
MAX_ENTRIES = 10000
MAX_SHEETS = 64  # sheets read; a workbook with more is read in part
MAX_SHEET_BYTES = 2 * 1024 * 1024  # one sheet's XML; an annual report's table sheet is ~50 KB
MAX_SHARED_STRINGS_BYTES = 4 * 1024 * 1024
MAX_STYLES_BYTES = 4 * 1024 * 1024
MAX_WORKBOOK_BYTES = 1024 * 1024  # workbook.xml and its relationships
MAX_READ_BYTES = 12 * 1024 * 1024  # all sheets read together (scanned at ~10 MB/s)
MAX_CLIPPED_BYTES = 3 * 1024 * 1024  # sheets with cells far away, clipped at ~2.5 MB/s
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
SHARED_STRINGS = "xl/sharedStrings.xml"
STYLES = "xl/styles.xml"


class XlsxImportError(Exception):
    """A file that cannot be read at all; the message is Chinese and says why."""


@dataclass(frozen=True)
class SheetEntry:
    title: str
    state: str  # "visible", "hidden", "veryHidden"
    part: str  # "xl/worksheets/sheet1.xml", or "" when the workbook names no part for it


class Package:
    """An opened workbook archive: its sheets in order and size-checked access to its parts."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name  # "“file.xlsx”", for messages
        self.archive = _open_archive(data, name)
        self.sizes = {info.filename: info.file_size for info in self.archive.infolist()}
        self.epoch = dt.datetime(1899, 12, 30)  # 1904-based workbooks (old Mac Excel) set their own
        self.sheets = _sheet_entries(self)

    def has(self, part: str) -> bool:
        return part in self.sizes

    def size(self, part: str) -> int:
        return self.sizes.get(part, 0)

    def recorded_print(self, part: str) -> str:
        """The part's fingerprint as the zip directory records it (checked against the data when the
        part is read: zipfile refuses a part whose CRC-32 differs)."""
        from core.export.xlsx_layout import zip_print

        return zip_print(self.archive.getinfo(part).CRC, self.size(part)) if self.has(part) else ""

    def read(self, part: str, limit: int, what: str) -> bytes:
        """A part's bytes, refused when it is larger than ``limit`` uncompressed."""
        if self.size(part) > limit:
            raise XlsxImportError(f"{self.name}中的{what}（{part}）解压后有 {self.size(part) / 1024 / 1024:.1f} MB，"
                                  f"超过 {limit // 1024 // 1024} MB，不像年报统计表，已拒绝读取。"
                                  "如果统计表在其中，请把统计表复制到一个新的工作簿后再导入")
        try:
            data = self.archive.read(part)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError, NotImplementedError):
            raise XlsxImportError(f"{self.name}已损坏（{part} 无法解压），无法导入") from None
        if part.endswith((".xml", ".rels", ".vml")):
            _refuse_doctype(data[:4096], part, self.name)
        return data

    def trimmed(self, sheets: dict[str, bytes]) -> bytes:
        """A new archive with only the workbook, its styles and strings and the given sheets' XML
        (part → bytes): what python-calamine is handed, so it never sees a part that was not checked."""
        limits = {WORKBOOK: (MAX_WORKBOOK_BYTES, "工作簿目录"), WORKBOOK_RELS: (MAX_WORKBOOK_BYTES, "工作簿目录"),
                  "[Content_Types].xml": (MAX_WORKBOOK_BYTES, "内容类型表"), "_rels/.rels": (MAX_WORKBOOK_BYTES, "关系表"),
                  SHARED_STRINGS: (MAX_SHARED_STRINGS_BYTES, "共享字符串表"), STYLES: (MAX_STYLES_BYTES, "样式表")}
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as target:
            for part, (limit, what) in limits.items():
                if self.has(part):
                    target.writestr(part, self.read(part, limit, what))
            for part, xml in sheets.items():  # as scanned (and clipped), not as stored
                target.writestr(part, xml)
        return buffer.getvalue()


    def sheet_prints(self) -> dict[str, str]:
        """part → fingerprint of its XML as our export wrote it; empty for any other workbook, or when
        the property cannot be read (then every sheet is simply read in full)."""
        from core.export.xlsx_layout import CUSTOM_PROPERTIES_PART, SHEET_PRINTS_PROPERTY

        if not self.has(CUSTOM_PROPERTIES_PART):
            return {}
        try:
            root = parse_xml(self.read(CUSTOM_PROPERTIES_PART, MAX_WORKBOOK_BYTES, "自定义属性"), self.name,
                             CUSTOM_PROPERTIES_PART)
        except XlsxImportError:
            return {}
        for prop in root.iter(f"{{{_CUSTOM}}}property"):
            if prop.get("name") == SHEET_PRINTS_PROPERTY:
                text = "".join(prop.itertext())
                return dict(item.split("=", 1) for item in text.split(";") if "=" in item)
        return {}


def _open_archive(data: bytes, name: str) -> zipfile.ZipFile:
    if data.startswith(_OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise XlsxImportError(f"{name}设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存，再导入")
        raise XlsxImportError(f"{name}是旧版 Excel 文件（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再导入")
    if not data.startswith(b"PK"):
        raise XlsxImportError(f"{name}不是 Excel 工作簿（.xlsx），无法导入")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise XlsxImportError(f"{name}已损坏或不是 Excel 工作簿（.xlsx），无法导入") from None
    names = {info.filename for info in infos}
    if WORKBOOK not in names:
        if "[Content_Types].xml" in names or "content.xml" in names:
            raise XlsxImportError(f"{name}不是 Excel 工作簿（.xlsx；可能是 Word 文档或 WPS/OpenOffice 表格），"
                                  "请在 Excel 或 WPS 中另存为 .xlsx 后再导入")
        raise XlsxImportError(f"{name}是压缩文件，但不是 Excel 工作簿（.xlsx），无法导入")
    bomb = f"{name}解压后异常庞大（疑似“压缩炸弹”），已拒绝读取"
    if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_UNCOMPRESSED_BYTES:
        raise XlsxImportError(bomb)
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_PART_RATIO * max(info.compress_size, 1):
            raise XlsxImportError(bomb)
        if info.flag_bits & 0x1:
            raise XlsxImportError(f"{name}中的内容已加密，无法读取")
    return archive


def _refuse_doctype(head: bytes, part: str, name: str) -> None:
    """Every XML part is looked at when it is read (``Package.read``), before any parser sees it; a
    part never read reaches no parser. A DOCTYPE can only come before the root element, so the
    start of the part is enough."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise XlsxImportError(f"{name}中的 {part} 含有 DOCTYPE/实体声明（可能是 XML 实体攻击），已拒绝读取")


def parse_xml(data: bytes, name: str, part: str):
    """An ElementTree root through defusedxml; XlsxImportError when the part is not XML."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        return fromstring(data)
    except DefusedXmlException as error:
        raise XlsxImportError(f"{name}含有不安全的 XML 内容（{type(error).__name__}，如实体声明），已拒绝读取") from None
    except (ParseError, ValueError):
        raise XlsxImportError(f"{name}已损坏（{part} 不是有效的 XML），无法导入") from None


def _sheet_entries(package: Package) -> list[SheetEntry]:
    date1904, sheets = read_kept(_workbook_sheets, package.read(WORKBOOK, MAX_WORKBOOK_BYTES, "工作簿目录"),
                              package.name, WORKBOOK)
    if date1904:
        package.epoch = dt.datetime(1904, 1, 1)
    targets = (read_kept(_relationship_targets, package.read(WORKBOOK_RELS, MAX_WORKBOOK_BYTES, "工作簿目录"),
                      package.name, WORKBOOK_RELS) if package.has(WORKBOOK_RELS) else {})
    entries = []
    for title, state, rid in sheets:
        part = targets.get(rid, "")
        entries.append(SheetEntry(title, state, part if package.has(part) else ""))
    return entries


KEPT_PART_BYTES = 64 * 1024  # larger parts (rare, up to the caps above) are read each time, never kept


def read_kept(read: Callable[[bytes], T], xml: bytes, name: str, part: str) -> T:
    """``read(xml)``, where ``read`` keeps what it read of each text (an lru_cache over ``parse_xml(xml,
    "", part)``); a part that does not parse is refused in the words naming this file."""
    try:
        return read(xml) if len(xml) <= KEPT_PART_BYTES else read.__wrapped__(xml)  # type: ignore[attr-defined]
    except XlsxImportError:
        parse_xml(xml, name, part)  # raises the same refusal with the file's name
        raise


# Pure functions of a part's bytes, kept for the same bytes: every export of a format has the same
# workbook directory, so collecting a thousand units parses it once (a refusal is never kept).
@lru_cache(maxsize=64)
def _workbook_sheets(xml: bytes) -> tuple[bool, tuple[tuple[str, str, str], ...]]:
    """Whether dates count from 1904, and (name, state, relationship id) of every sheet in order."""
    root = parse_xml(xml, "", WORKBOOK)
    properties = root.find(f"{{{_MAIN}}}workbookPr")
    date1904 = properties is not None and properties.get("date1904", "").lower() in ("1", "true")
    sheets = tuple((sheet.get("name", ""), sheet.get("state", "visible"), sheet.get(f"{{{_REL}}}id", ""))
                   for sheet in root.iter(f"{{{_MAIN}}}sheet"))
    return date1904, sheets


@lru_cache(maxsize=64)
def _relationship_targets(xml: bytes) -> MappingProxyType:
    """Relationship id → the part it points at (read-only: it is shared)."""
    targets: dict[str, str] = {}
    for rel in parse_xml(xml, "", WORKBOOK_RELS).iter(f"{{{_PKG_REL}}}Relationship"):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id", "")] = path
    return MappingProxyType(targets)
