"""A report as a government portal publishes it: a web page of <p> paragraphs and <table>s.

Parsed with the standard library's tolerant HTML parser (no network, no scripts, nothing fetched). A
table's rowspan/colspan are laid out into a grid as a browser does; a merged cell's text belongs to
the row where it starts, and the positions it covers below and to the right are not cells of their
own. Text inside <script>, <style> and <head> is ignored.
"""

from __future__ import annotations

from html.parser import HTMLParser

from core.imports.published import PublishedImportError
from core.imports.published.blocks import MAX_BLOCKS, MAX_FIELDS, Block, clean_field, too_many
from core.imports.published.decode import declared_charset, decode

_BREAKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "section", "article", "header", "footer",
           "blockquote", "pre", "ul", "ol", "center", "title"}
_IGNORED = {"script", "style", "head", "noscript", "template", "iframe", "object"}
MAX_SPAN = 200
MAX_GRID = 200_000  # positions one table's merges may cover (the largest official table has 280)


class _Table:
    def __init__(self, number: int) -> None:
        self.number = number
        self.rows: list[list[tuple[str, int, int]]] = []  # (text, rowspan, colspan) per cell
        self.cell: list[str] | None = None
        self.spans = (1, 1)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.text: list[str] = []
        self.tables: list[_Table] = []  # the open table (at most one: nested ones are text)
        self.ignored = 0
        self.nested = 0  # tables inside a cell: their text is the cell's text
        self.table_count = 0
        self.paragraph_count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _IGNORED:
            self.ignored += 1
            return
        if self.ignored:
            return
        table = self.tables[-1] if self.tables else None
        if self.nested or (tag == "table" and table is not None and table.cell is not None):
            self.nested += tag == "table"
            if tag in ("td", "th", "tr", "br", "p", "div") and table is not None and table.cell is not None:
                table.cell.append(" ")
            return
        if tag == "table":
            self._paragraph()
            self.table_count += 1
            self.tables.append(_Table(self.table_count))
        elif table is not None:
            if tag == "tr":
                self._end_cell(table)
                table.rows.append([])
            elif tag in ("td", "th"):
                self._end_cell(table)
                if not table.rows:
                    table.rows.append([])
                values = dict(attrs)
                table.cell = []
                table.spans = (_span(values.get("rowspan")), _span(values.get("colspan")))
            elif tag in _BREAKS and table.cell is not None:  # "<p>1</p><p>2</p>" in a cell is not 12
                table.cell.append("\n")
        elif tag in _BREAKS:
            self._paragraph()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _IGNORED:
            self.ignored = max(0, self.ignored - 1)
            return
        if self.ignored:
            return
        table = self.tables[-1] if self.tables else None
        if self.nested:
            self.nested -= tag == "table"
            return
        if tag == "table" and table is not None:
            self._end_cell(table)
            self.tables.pop()
            self._table_blocks(table)
        elif table is not None:
            if tag in ("td", "th"):
                self._end_cell(table)
        elif tag in _BREAKS:
            self._paragraph()

    def handle_data(self, data: str) -> None:
        if self.ignored:
            return
        table = self.tables[-1] if self.tables else None
        if table is not None:
            if table.cell is not None:
                table.cell.append(data)
        else:
            self.text.append(data)

    def close(self) -> None:
        super().close()
        while self.tables:
            table = self.tables.pop()
            self._end_cell(table)
            self._table_blocks(table)
        self._paragraph()

    def _paragraph(self) -> None:
        text = clean_field("".join(self.text))
        self.text = []
        if text:
            self.paragraph_count += 1
            self.blocks.append(Block("paragraph", text, f"第 {self.paragraph_count} 段"))

    def _end_cell(self, table: _Table) -> None:
        if table.cell is None:
            return
        table.rows[-1].append((clean_field("".join(table.cell)), *table.spans))
        table.cell = None

    def _table_blocks(self, table: _Table) -> None:
        taken: set[tuple[int, int]] = set()
        for r, cells in enumerate(table.rows):
            col, fields = 0, []
            for text, rowspan, colspan in cells:
                while (r, col) in taken:
                    col += 1
                taken.update((r + dr, col + dc) for dr in range(rowspan) for dc in range(colspan))
                if len(taken) > MAX_GRID:
                    raise PublishedImportError(f"网页中的第 {table.number} 个表格合并的单元格过多，不像年报中的表格，未导入")
                fields.append(text)
                col += colspan
            if fields:
                fields = fields[:MAX_FIELDS]
                self.blocks.append(Block("row", "\t".join(fields), f"第 {table.number} 个表格第 {r + 1} 行",
                                         tuple(fields), table.number, positional=True))
            if len(self.blocks) > MAX_BLOCKS:
                return


def _span(value: str | None) -> int:
    try:
        return max(1, min(MAX_SPAN, int(str(value).strip())))
    except ValueError:
        return 1


def html_blocks(data: bytes, name: str) -> list[Block]:
    decoded = decode(data, declared_charset(data))
    if decoded is None:
        raise PublishedImportError(f"“{name}”的编码无法识别（应为 UTF-8 或 GBK），无法导入")
    page = _Page()
    try:
        page.feed(decoded[0])
        page.close()
    except (AssertionError, ValueError):  # html.parser refuses some malformed markup
        raise PublishedImportError(f"“{name}”不是可以读取的网页，无法导入") from None
    if message := too_many(len(page.blocks), name):
        raise PublishedImportError(message)
    if not page.blocks:
        raise PublishedImportError(f"“{name}”中没有文字，无法导入")
    return page.blocks
