"""The signature block: the unit's name and the signing date below the text (GB/T 9704 7.3.5.2)."""

from __future__ import annotations

import datetime as dt

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from core.export.docx_lines import balanced_lines
from core.export.docx_measure import char_em, text_width
from core.export.docx_styles import BODY_CHAR, CHAR_CONDENSE_TWIPS, SIZE_3, STYLE_SIGNATURE, TEXT_WIDTH, FontSet
from core.export.docx_text import add_blank, add_run, new_paragraph
from core.export.docx_xml import child
from core.printed_text import format_date

SIGNATURE_INDENT_CHARS = 2  # 右空二字
BODY_SIZE, BODY_SPACING = SIZE_3.pt, CHAR_CONDENSE_TWIPS / 20



def text_twips(text: str) -> int:
    """Printed width of a line of body text, in twips, not counting the space set off between
    digits and Chinese (Word and LibreOffice add different amounts)."""
    return round(sum(char_em(ch) * BODY_SIZE + BODY_SPACING for ch in text) * 20)


def name_lines(name: str) -> list[str]:
    """The name as it stands 右空二字: one line if it fits in 26 characters, else balanced lines
    broken between its parts (a 27-character name would otherwise wrap at the margin and pull the
    date to the left edge)."""
    two = SIGNATURE_INDENT_CHARS * round(BODY_CHAR.twips)
    return balanced_lines(name, round(TEXT_WIDTH.twips) - two, text_twips)


def signature_layout(name: str | list[str], date: str) -> tuple[int, int | None, int | None]:
    """(name's right indent, date's left indent or None, date's right indent or None), in twips.

    GB/T 9704 7.3.5.2 without a seal: the name stands 右空二字 and the date's first character is
    two characters right of the name's (of its longest line, when the name takes two). The date
    is placed by its left edge, so its own width — which Word and LibreOffice widen by different
    amounts between digits and Chinese — does not matter. Only if it would then come closer than
    two characters to the margin does it stand 右空二字 itself, and the name moves left to keep
    the two-character step.
    """
    lines = [name] if isinstance(name, str) else name
    two = SIGNATURE_INDENT_CHARS * round(BODY_CHAR.twips)
    name_width = max((text_twips(line) for line in lines), default=0)
    date_width = round(text_width(date, BODY_SIZE, BODY_SPACING) * 20)  # with the most space set off
    date_left = round(TEXT_WIDTH.twips) - two - name_width + two
    if date_left + date_width <= round(TEXT_WIDTH.twips) - two:
        return two, date_left, None
    return date_width + two + two - name_width, None, two


def add_signature(document: DocxDocument, unit_name: str, date: dt.date | None, fonts: FontSet) -> None:
    """One blank line after the text, then the unit name (one or two lines) and the date below it."""
    lines = name_lines(unit_name.strip())
    date_text = format_date(date) if date else ""
    if not lines and not date_text:
        return
    add_blank(document)
    name_right, date_left, date_right = signature_layout(lines, date_text)
    for line in lines:
        paragraph = new_paragraph(document, STYLE_SIGNATURE)
        paragraph.paragraph_format.keep_with_next = True
        child(paragraph._p.get_or_add_pPr(), "w:ind", right=str(name_right))
        add_run(paragraph, line, fonts["latin"], fonts["body"])
    if date_text:
        paragraph = new_paragraph(document, STYLE_SIGNATURE)
        if date_left is not None and lines:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            child(paragraph._p.get_or_add_pPr(), "w:ind", left=str(date_left))
        else:
            child(paragraph._p.get_or_add_pPr(), "w:ind", right=str(date_right or name_right))
        add_run(paragraph, date_text, fonts["latin"], fonts["body"])
