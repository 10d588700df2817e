"""Page numbers "— N —": 4号 宋体, odd pages on the right and even pages on the left, one character in."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.section import _Footer
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from core.export.docx_styles import SIZE_4, STYLE_PAGE_NUMBER, FontSet, set_fonts
from core.export.docx_xml import child, element

DASH = "—"  # 一字线 (U+2014) each side of the number
ONE_CHAR = round(SIZE_4.pt * 20)


def add_page_numbers(document: DocxDocument, fonts: FontSet) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT, fonts)  # default footer = odd pages
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, fonts)


def _page_number(footer: _Footer, alignment: WD_ALIGN_PARAGRAPH, fonts: FontSet) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = STYLE_PAGE_NUMBER
    paragraph.alignment = alignment
    side = "right" if alignment == WD_ALIGN_PARAGRAPH.RIGHT else "left"
    child(paragraph._p.get_or_add_pPr(), "w:ind", **{side: str(ONE_CHAR)})
    font = fonts["page_number"]
    _text(paragraph, f"{DASH} ", font)
    _field_char(paragraph, "begin", font)
    instruction = _text(paragraph, "", font)
    instruction._r.append(_instr(" PAGE "))
    _field_char(paragraph, "separate", font)
    _text(paragraph, "1", font)
    _field_char(paragraph, "end", font)
    _text(paragraph, f" {DASH}", font)


def _text(paragraph: Paragraph, text: str, font: str) -> Run:
    run = paragraph.add_run(text)
    set_fonts(run._r, font, font)
    return run


def _field_char(paragraph: Paragraph, kind: str, font: str) -> None:
    _text(paragraph, "", font)._r.append(element("w:fldChar", fldCharType=kind))


def _instr(code: str) -> object:
    instr = element("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = code
    return instr
