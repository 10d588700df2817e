"""A published report's blocks laid out as the report's parts: the front (title and opening), each
chapter with its text, sub-sections and runs of table rows, in order."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.imports.labels import canonical
from core.imports.published.blocks import Block, as_row, is_value
from core.imports.published.headings import chapter_heading, heading_text, parse_date, section_heading, title_like
from core.imports.published.table_cells import table_shape
from core.template import Chapter, Template

LEAD = -2  # the source table number of a line read as a form's first row


@dataclass
class Slot:
    """A chapter's or section's own text and the runs of table rows printed in it."""

    title: str
    where: str
    paragraphs: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # where each paragraph starts
    runs: list[list[Block]] = field(default_factory=list)
    run_titles: list[tuple[str, str]] = field(default_factory=list)  # (title line just above a run or "", where)
    open: bool = False  # the last paragraph may continue on the next line (copied text)
    run_in: bool = False  # the heading opened its first paragraph

    def add_paragraph(self, block: Block, text: str | None = None) -> None:
        text = block.text if text is None else text
        if self.open and self.paragraphs and parse_date(text) is None:
            self.paragraphs[-1] += text
        else:
            self.paragraphs.append(text)
            self.sources.append(block.where)
        self.open = block.continues

    def add_row(self, block: Block, continues: bool) -> None:
        if continues and self.runs:
            self.runs[-1].append(block)
            return
        title, where, lead = "", "", []
        if len(self.paragraphs) >= 2 and title_like(self.paragraphs[-1]) and title_like(self.paragraphs[-2]):
            # a form's caption, then its first line ("某某局 时间：2017年 月 日"): the line is its first row
            lead = [Block("row", self.paragraphs[-1], self.sources[-1], (self.paragraphs[-1],), LEAD)]
            self.paragraphs.pop()
            self.sources.pop()
        if self.paragraphs and title_like(self.paragraphs[-1]):
            title, where = heading_text(self.paragraphs.pop()), self.sources.pop()
        self.runs.append([*lead, block])
        self.run_titles.append((title, where))
        self.open = False


@dataclass
class ChapterDraft(Slot):
    heading: str = ""  # as printed
    arabic: bool = False  # its sub-headings are numbered "1." "2." (no "（一）")
    base: Chapter | None = None  # the template's chapter (fixed formats, or a free one's default)
    sections: list[Slot] = field(default_factory=list)

    @property
    def target(self) -> Slot:
        return self.sections[-1] if self.sections else self


@dataclass
class Layout:
    front: list[Block]
    chapters: list[ChapterDraft]


def lay_out(blocks: list[Block], template: Template) -> Layout:
    labels = TableLabels.of(template)
    front: list[Block] = []
    chapters: list[ChapterDraft] = []
    previous_row = False
    found = 0  # template chapters passed (fixed formats) or chapters found (free ones)
    for block in blocks:
        chapter = chapters[-1] if chapters else None
        if block.kind == "paragraph":
            heading = chapter_heading(block.text, template, found)
            if heading is not None:
                index, title = heading
                base = template.chapters[index] if index >= 0 else _default(template, title)
                chapters.append(ChapterDraft(title, block.where, heading=block.text, base=base))
                found = index + 1 if index >= 0 else found + 1
                previous_row = False
                continue
        if chapter is None:
            front.append(block)
            continue
        table_chapter = chapter.base is not None and chapter.base.table is not None and template.outline.chapters != "free"
        numbers = block.kind == "paragraph" and _numbers_only(block)
        if numbers and previous_row and chapter.target.runs:
            _add_numbers(chapter.target.runs[-1], block, labels)
            continue
        if block.kind == "paragraph" and not table_chapter and labels.is_row(block, previous_row):
            block = as_row(block)
        if block.kind == "row" or table_chapter:
            chapter.target.add_row(as_row(block), previous_row)
            previous_row = True
            continue
        previous_row = False
        section = section_heading(block.text, len(chapter.sections), chapter.arabic)
        if section is None and not chapter.sections:
            section = section_heading(block.text, 0, arabic=True)
            chapter.arabic = section is not None
        if section is not None and not chapter.target.open:
            title, rest = section
            chapter.sections.append(Slot(title, block.where, run_in=bool(rest)))
            if rest:
                chapter.target.add_paragraph(block, rest)
            continue
        chapter.target.add_paragraph(block)
    return Layout(front, chapters)


@dataclass(frozen=True)
class TableLabels:
    """The labels of a format's tables, to tell a line of copied text that is a table row."""

    row_keys: frozenset[str]
    known: frozenset[str]

    @classmethod
    def of(cls, template: Template) -> TableLabels:
        shapes = [table_shape(template.id, t.key) for t in template.tables]
        return cls(frozenset().union(*(s.row_keys for s in shapes)), frozenset().union(*(s.known for s in shapes)))

    def carries_row_label(self, block: Block) -> bool:
        keys = [canonical(f) for f in block.fields if f and not is_value(f)]
        joined = canonical("".join(f for f in block.fields if f and not is_value(f)))
        return any(k in self.row_keys for k in keys) or any(len(k) >= 4 and joined.endswith(k) for k in self.row_keys)

    def is_row(self, block: Block, after_row: bool) -> bool:
        """A line carrying a row label and its numbers, or a table's header line next to its rows."""
        row = as_row(block)
        label = canonical(row.fields[0]) if row.fields else ""
        if any(is_value(f) for f in row.fields[1:]):
            return label in self.row_keys or any(len(k) >= 4 and label.endswith(k) for k in self.row_keys)
        return label in self.known and (after_row or label not in self.row_keys) and len(row.fields) == 1 and \
            canonical(block.text) in self.known


def _numbers_only(block: Block) -> bool:
    tokens = block.text.split(" ")
    return bool(tokens) and all(is_value(t) for t in tokens)


def _add_numbers(run: list[Block], block: Block, labels: TableLabels) -> None:
    """A line of copied text with numbers only, after a table row: the cells came out one per line (or a
    row went on in the next line). They continue the row above when it carries a row label or is such
    numbers itself; after header labels they start a row of numbers (表四's)."""
    last = run[-1]
    tokens = tuple(block.text.split(" "))
    continues = not last.positional and last.table == block.table and (
        _numbers_only(last) or labels.carries_row_label(last))
    if continues:
        run[-1] = Block("row", f"{last.text} {block.text}", last.where, last.fields + tokens, last.table)
    else:
        run.append(Block("row", block.text, block.where, tokens, block.table))


def _default(template: Template, title: str) -> Chapter | None:
    """A free format's chapter that carries one of the default chapters' titles."""
    from core.imports.labels import label_key

    key = label_key(title)
    return next((c for c in template.chapters if label_key(c.title) == key), None)
