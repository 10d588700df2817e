"""Paragraphs of the printed report: title, body text with its headings, signature and date."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.text.paragraph import Paragraph

from core.export.docx_styles import (
    BODY_CHAR,
    CHAR_CONDENSE_TWIPS,
    STYLE_BODY,
    STYLE_HEADING1,
    STYLE_HEADING2,
    STYLE_SIGNATURE,
    STYLE_TITLE,
    TEXT_WIDTH,
    FontSet,
    set_fonts,
)
from core.export.docx_xml import child
from core.printed_text import format_date, paragraphs_of

# "（一）…" opening a paragraph of typed text is a level-2 heading; "1." and "（1）" are not.
_SUBHEADING = re.compile(r"（[一二三四五六七八九十]{1,3}）")
_RUN_IN_END = re.compile(r"[。：:]")
RUN_IN_MAX = 40  # a run-in heading ends at its first full stop within this many characters
HEADING_ONLY_MAX = 30  # an unpunctuated "（一）…" paragraph this short is a heading line
LATIN_CHAR_TWIPS = 160 + CHAR_CONDENSE_TWIPS  # a Times New Roman digit at 3号 is half an em
SIGNATURE_INDENT_CHARS = 2  # 右空二字
AUTOSPACE_TWIPS = 80  # at most ¼ em added where digits meet Chinese (Word, WPS and LibreOffice differ)


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


def add_title(document: DocxDocument, unit_name: str, year: int, fonts: FontSet) -> None:
    """Unit name on line 1, "YYYY年政府信息公开工作年度报告" on line 2, then one blank line."""
    lines = [unit_name.strip(), f"{year}年政府信息公开工作年度报告"]
    for line in filter(None, lines):
        add_run(new_paragraph(document, STYLE_TITLE), line, fonts["latin"], fonts["title"])
    add_blank(document)


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


def text_twips(text: str) -> int:
    """Printed width of a line of body text, in twips."""
    wide = round(BODY_CHAR.twips)
    return sum(wide if unicodedata.east_asian_width(ch) in "WF" else LATIN_CHAR_TWIPS for ch in text)


def signature_layout(name: str, date: str) -> tuple[int, int | None, int | None]:
    """(name's right indent, date's left indent or None, date's right indent or None), in twips.

    GB/T 9704 7.3.5.2 without a seal: the name stands 右空二字 and the date's first character is
    two characters right of the name's. The date is placed by its left edge, so its own width —
    which Word and LibreOffice widen by different amounts between digits and Chinese — does not
    matter. Only if it would then come closer than two characters to the margin does it stand
    右空二字 itself, and the name moves left to keep the two-character step.
    """
    two = SIGNATURE_INDENT_CHARS * round(BODY_CHAR.twips)
    name_width = text_twips(name)
    date_width = text_twips(date) + AUTOSPACE_TWIPS * _script_changes(date)
    date_left = round(TEXT_WIDTH.twips) - two - name_width + two
    if date_left + date_width <= round(TEXT_WIDTH.twips) - two:
        return two, date_left, None
    return date_width + two + two - name_width, None, two


def _script_changes(text: str) -> int:
    wide = [unicodedata.east_asian_width(ch) in "WF" for ch in text]
    return sum(a != b for a, b in zip(wide, wide[1:], strict=False))


def add_signature(document: DocxDocument, unit_name: str, date: dt.date | None, fonts: FontSet) -> None:
    """One blank line after the text, then the unit name and the signing date below it."""
    name = unit_name.strip()
    date_text = format_date(date) if date else ""
    if not name and not date_text:
        return
    add_blank(document)
    name_right, date_left, date_right = signature_layout(name, date_text)
    if name:
        paragraph = new_paragraph(document, STYLE_SIGNATURE)
        paragraph.paragraph_format.keep_with_next = True
        child(paragraph._p.get_or_add_pPr(), "w:ind", right=str(name_right))
        add_run(paragraph, name, fonts["latin"], fonts["body"])
    if date_text:
        paragraph = new_paragraph(document, STYLE_SIGNATURE)
        if date_left is not None and name:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            child(paragraph._p.get_or_add_pPr(), "w:ind", left=str(date_left))
        else:
            child(paragraph._p.get_or_add_pPr(), "w:ind", right=str(date_right or name_right))
        add_run(paragraph, date_text, fonts["latin"], fonts["body"])
