"""What every source turns a published report into: paragraphs and table rows in reading order."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

MAX_BLOCKS = 20000  # far beyond any annual report; a file with more is not one
MAX_FIELDS = 64  # cells in one table row (the widest official table has 15)
# "- 4 -", "— 4 —", "第 4 页", "第 4 页 共 9 页"; a bare number stays (it may be a table's cell on its own line)
PAGE_NUMBER = re.compile(r"^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?)$")
_VALUE = re.compile(r"^(?:[+\-]?[\d,，]*[.．]?\d+|/|[-—–－]+|\d+(?:\.\d+)?\s*[\u4e00-\u9fff]{1,2})$")


@dataclass(frozen=True)
class Block:
    """A paragraph or a table row of the source, with where it is ("第 12 行", "第 2 个表格第 5 行").

    ``positional``: the row's fields are the table's cells one by one, a blank field is a blank cell
    (a Word or web table). Rows of copied text are not: their blank fields may be what the extraction
    left of merged labels. ``continues``: the extraction broke the paragraph at the end of this line
    (copied text wrapped at the page width), so the next line goes on with it.
    """

    kind: Literal["paragraph", "row"]
    text: str
    where: str
    fields: tuple[str, ...] = ()
    table: int = -1  # the source table a row belongs to; -1 for copied text
    positional: bool = False
    continues: bool = False


def clean_field(text: str) -> str:
    """A cell's or line's text with its whitespace runs made single and its ends trimmed."""
    return re.sub(r"\s+", " ", text.replace("\u3000", " ")).strip()


def is_value(text: str) -> bool:
    """True for what stands in a data cell (a number, "/", a dash, "12件") rather than a label."""
    value = unicodedata.normalize("NFKC", text).strip()
    return bool(value) and _VALUE.match(value) is not None


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER.match(unicodedata.normalize("NFKC", text).strip()))


def too_many(count: int, name: str) -> str | None:
    if count > MAX_BLOCKS:
        return f"“{name}”中的段落和表格行超过 {MAX_BLOCKS} 个，不像一份年度报告，未导入"
    return None


def as_row(block: Block) -> Block:
    """A line of copied text without tabs read as a table row: its label, then the numbers after it
    ("一、某某数量 3 0 0 0 0 0 3")."""
    if block.kind == "row":
        return block
    tokens = block.text.split(" ")
    end = len(tokens)
    while end > 0 and is_value(tokens[end - 1]):
        end -= 1
    values = tuple(tokens[end:])
    unit: tuple[str, ...] = ()
    if 1 < end < len(tokens) and len(tokens[end - 1]) <= 2:  # the old 统计表's 单位 ("条 0")
        end -= 1
        unit = (tokens[end],)
    label = " ".join(tokens[:end])
    fields = ((label,) if label else ()) + unit + values
    return Block("row", block.text, block.where, fields[:MAX_FIELDS], block.table)
