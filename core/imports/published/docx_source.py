"""A report as a Word file (.docx): the body's paragraphs and tables, in order.

The archive is opened defensively (not a zip, encrypted, too many entries, a body that unpacks to more
than MAX_BODY_BYTES or at a suspicious ratio) and the body is parsed with defusedxml, which refuses
DTDs and entities. Merged cells: a cell spanning columns (gridSpan) is one field, a cell continuing a
vertical merge (vMerge without "restart") is not a cell of its own, as in the printed table.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element

from core.imports.published import PublishedImportError
from core.imports.published.blocks import MAX_BLOCKS, MAX_FIELDS, Block, clean_field, too_many

BODY = "word/document.xml"
MAX_BODY_BYTES = 32 * 1024 * 1024  # a 100-page report's body is ~2 MB
MAX_RATIO = 200
MAX_ENTRIES = 10000
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_blocks(data: bytes, name: str) -> list[Block]:
    root = _body_xml(data, name)
    body = root.find(f"{_W}body")
    if body is None:
        raise PublishedImportError(f"“{name}”中没有正文，无法导入")
    walker = _Walker()
    walker.walk(body)
    if message := too_many(len(walker.blocks), name):
        raise PublishedImportError(message)
    if not walker.blocks:
        raise PublishedImportError(f"“{name}”的正文是空的，无法导入")
    return walker.blocks


def _body_xml(data: bytes, name: str) -> Element:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise PublishedImportError(f"“{name}”是旧版 Word 文档（.doc）或加了密码，请在 Word 或 WPS 中另存为 .docx 后再导入")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise PublishedImportError(f"“{name}”不是 Word 文档（.docx），或文件已损坏，无法导入") from None
    if len(infos) > MAX_ENTRIES:
        raise PublishedImportError(f"“{name}”中的部件多达 {len(infos)} 个，不像一份年度报告，已拒绝读取")
    info = next((i for i in infos if i.filename == BODY), None)
    if info is None:
        raise PublishedImportError(f"“{name}”中没有 Word 正文（{BODY}），不是 Word 文档，无法导入")
    if info.flag_bits & 0x1:
        raise PublishedImportError(f"“{name}”已加密，请先在 Word 或 WPS 中取消密码后再导入")
    if info.file_size > MAX_BODY_BYTES or (info.file_size > 1024 * 1024 and
                                           info.file_size > MAX_RATIO * max(1, info.compress_size)):
        raise PublishedImportError(f"“{name}”的正文解压后有 {info.file_size / 1024 / 1024:.1f} MB，"
                                   "不像一份年度报告，已拒绝读取")
    try:
        raw = archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError):
        raise PublishedImportError(f"“{name}”已损坏（正文无法解压），无法导入") from None
    try:
        return fromstring(raw, forbid_dtd=True)
    except DefusedXmlException:
        raise PublishedImportError(f"“{name}”的正文含有 DTD 或实体声明，已拒绝读取") from None
    except Exception:  # noqa: BLE001 - any parse failure of a damaged body (ParseError, ValueError …)
        raise PublishedImportError(f"“{name}”的正文已损坏（XML 无法解析），无法导入") from None


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0

    def walk(self, parent: Element) -> None:
        for child in parent:
            if len(self.blocks) > MAX_BLOCKS:
                return
            if child.tag == f"{_W}p":
                for line in _lines(child):
                    self.paragraphs += 1
                    self.blocks.append(Block("paragraph", line, f"第 {self.paragraphs} 段"))
            elif child.tag == f"{_W}tbl":
                self._table(child)
            elif child.tag in _WRAPPERS:
                self.walk(child)

    def _table(self, table: Element) -> None:
        self.tables += 1
        number = self.tables
        for r, row in enumerate(_rows(table), start=1):
            fields = []
            for cell in _children(row, f"{_W}tc"):
                properties = cell.find(f"{_W}tcPr")
                merge = properties.find(f"{_W}vMerge") if properties is not None else None
                if merge is not None and merge.get(f"{_W}val", "continue") != "restart":
                    continue
                fields.append(clean_field(" ".join(t for p in cell.iter(f"{_W}p") for t in _lines(p))))
            if fields:
                fields = fields[:MAX_FIELDS]
                self.blocks.append(Block("row", "\t".join(fields), f"第 {number} 个表格第 {r} 行", tuple(fields),
                                         number, positional=True))


_WRAPPERS = (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag")


def _children(parent: Element, tag: str):
    """The parent's own ``tag`` elements, also inside content controls; not those of a nested table."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _rows(table: Element):
    return _children(table, f"{_W}tr")


def _lines(paragraph: Element) -> list[str]:
    """A paragraph's text. A line break inside it (a long title or signature broken in balanced lines)
    is layout, not a new paragraph: the lines are joined; a page break starts a new paragraph."""
    lines, current = [], []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            current.append(node.text)
        elif node.tag == f"{_W}tab":
            current.append(" ")
        elif node.tag == f"{_W}br" and node.get(f"{_W}type") == "page":
            lines.append("".join(current))
            current = []
    lines.append("".join(current))
    return [clean_field(line) for line in lines if clean_field(line)]
