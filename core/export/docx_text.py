"""Paragraphs of the printed report: title, body text with its headings."""

from __future__ import annotations

import math
import re

from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph

from core.export.docx_lines import balanced_lines
from core.export.docx_styles import (
    SIZE_2,
    STYLE_BODY,
    STYLE_HEADING1,
    STYLE_HEADING2,
    STYLE_TITLE,
    TEXT_WIDTH,
    FontSet,
    set_fonts,
)
from core.export.docx_widths import text_em
from core.export.docx_xml import child
from core.printed_text import paragraphs_of

# "（一）…" opening a paragraph of typed text is a level-2 heading; "1." and "（1）" are not.
_SUBHEADING = re.compile(r"（[一二三四五六七八九十]{1,3}）")
_RUN_IN_END = re.compile(r"[。：:]")
RUN_IN_MAX = 40  # a run-in heading ends at its first full stop within this many characters
HEADING_ONLY_MAX = 30  # an unpunctuated "（一）…" paragraph this short is a heading line


def new_paragraph(document: DocxDocument, style: str) -> Paragraph:
    """A paragraph at the end of the body in one of the report's styles.

    The style is set by id (our style ids equal their names): python-docx's lookup by name scans
    every style of the document on each call, which made up a fifth of the export time.
    """
    paragraph = document.add_paragraph()
    if style != STYLE_BODY:
        child(paragraph._p.get_or_add_pPr(), "w:pStyle", val=style)
    return paragraph


def add_run(paragraph: Paragraph, text: str, latin: str, east_asia: str) -> None:
    run = paragraph.add_run(text)
    set_fonts(run._r, latin, east_asia)


def add_title(document: DocxDocument, lines: list[str], fonts: FontSet) -> None:
    """The report's title lines, then one blank line; a line too long for one line of 2号 (a long
    unit name) is broken into balanced lines between its parts."""
    for line in lines:
        for part in title_lines(line.strip()):
            if part:
                add_run(new_paragraph(document, STYLE_TITLE), part, fonts["latin"], fonts["title"])
    add_blank(document)


def title_lines(line: str) -> list[str]:
    """One title line as printed: as many lines as its length needs, of similar length."""
    capacity = math.floor(TEXT_WIDTH.pt / SIZE_2.pt + 1e-6)  # 20 characters of 2号 in the 156 mm line
    return balanced_lines(line, capacity, text_em)


def add_blank(document: DocxDocument) -> None:
    new_paragraph(document, STYLE_BODY)


def add_heading(document: DocxDocument, text: str, level: int, fonts: FontSet) -> None:
    style, font = (STYLE_HEADING1, fonts["heading1"]) if level == 1 else (STYLE_HEADING2, fonts["heading2"])
    add_run(new_paragraph(document, style), text, fonts["latin"], font)


def add_body(document: DocxDocument, text: str, fonts: FontSet) -> None:
    """Typed text, one paragraph per line; a leading "（一）…" heading is set in 楷体."""
    for line in paragraphs_of(text):
        heading, rest = split_run_in_heading(line)
        if heading and not rest:
            add_heading(document, heading, 2, fonts)
            continue
        paragraph = new_paragraph(document, STYLE_BODY)
        if heading:
            add_run(paragraph, heading, fonts["latin"], fonts["heading2"])
        add_run(paragraph, rest, fonts["latin"], fonts["body"])


def split_run_in_heading(line: str) -> tuple[str, str]:
    """("（二）加强平台建设。", "本年…") for a paragraph opening with a level-2 heading, else ("", line)."""
    if not _SUBHEADING.match(line):
        return "", line
    end = _RUN_IN_END.search(line)
    if end and end.end() <= RUN_IN_MAX:
        return line[:end.end()], line[end.end():]
    if end is None and len(line) <= HEADING_ONLY_MAX:
        return line, ""
    return "", line
