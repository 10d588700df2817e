"""Text copied out of a published PDF (or saved as .txt): one block per line.

A line with tabs is a table row (the extraction separates cells with tabs); any other line is a
paragraph, or a piece of one: when most long lines are about as wide (the extraction wrapped the text
at the page width), a line that fills that width goes on in the next one. Page numbers ("- 4 -") and
the "**" an extraction leaves around bold runs are dropped.
"""

from __future__ import annotations

from core.imports.published import PublishedImportError
from core.imports.published.blocks import MAX_FIELDS, Block, clean_field, is_page_number, too_many
from core.imports.published.decode import decode


def text_blocks(data: bytes, name: str) -> list[Block]:
    decoded = decode(data)
    if decoded is None:
        raise PublishedImportError(f"“{name}”不是 UTF-8 或 GBK 编码的文字文件，无法导入")
    text = decoded[0].replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("**", "")
    blocks: list[Block] = []
    lines = text.split("\n")
    width = wrap_width([clean_field(line) for line in lines if "\t" not in line])
    for number, line in enumerate(lines, start=1):
        if not line.strip() or is_page_number(line):
            continue
        where = f"第 {number} 行"
        if "\t" in line:
            fields = tuple(clean_field(f) for f in line.split("\t"))[:MAX_FIELDS]
            blocks.append(Block("row", "\t".join(fields), where, fields))
        else:
            paragraph = clean_field(line)
            blocks.append(Block("paragraph", paragraph, where, continues=width > 0 and display_width(paragraph) >= width - 4))
        if message := too_many(len(blocks), name):
            raise PublishedImportError(message)
    if not blocks:
        raise PublishedImportError(f"“{name}”中没有文字，无法导入")
    return blocks


def display_width(text: str) -> int:
    """Han characters and full-width marks count two, everything else one."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def wrap_width(lines: list[str]) -> int:
    """The page width the text was wrapped at, or 0 when it prints one paragraph per line: the most
    common width of the lines of 40 or more, when at least a fifth of them have about that width."""
    widths = [display_width(line) for line in lines if display_width(line) >= 40]
    if len(widths) < 5:
        return 0
    common = max(set(widths), key=widths.count)
    near = sum(1 for w in widths if abs(w - common) <= 4)
    return common if near * 5 >= len(widths) and near >= 5 and common <= 120 else 0
