"""Page setup, font sets and paragraph styles of the printed report (GB/T 9704 layout).

Line grid: the 版心 is 225 mm high and 22 lines, so lines are 28.95 pt apart; it is 156 mm wide
and 28 characters, so a character takes 15.75 pt of the 16 pt 3号 size. Word's own way to say this
is a document grid (w:docGrid type="linesAndChars" with a negative charSpace), but LibreOffice
(7.x, checked with 7.4) reads that grid wrongly: it doubles the line pitch and spreads each line
to about 16 characters. So the grid is written as plain paragraph formatting that all of Word,
WPS and LibreOffice lay out the same way: exact line spacing of 28.95 pt and the body text
condensed by 0.25 pt, with no document grid.

Punctuation at a line end: Word and WPS let a 、，。 that follows a full line of 28 characters hang
in the margin (w:overflowPunct, their default). LibreOffice hangs it too when the element is
absent, but then fails to paint it in justified lines of certain widths — the mark is in the file
and missing on paper. Its DOCX import reads w:overflowPunct inverted (val="1" turns its hanging
off), so the body style says w:overflowPunct val="1" explicitly: Word and WPS hang as always, and
LibreOffice carries the last character and the mark to the next line instead of losing the mark.
"""

from __future__ import annotations

from typing import TypedDict

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, Twips
from docx.styles.style import ParagraphStyle

from core.export.docx_xml import child


class FontSet(TypedDict):
    title: str  # 2号 title
    title_bold: bool  # 宋体 stands in for 小标宋 only when bold
    body: str  # body text, "1." / "（1）" paragraphs
    heading1: str  # chapter headings, "一、…"
    heading2: str  # section headings, "（一）…"
    table: str
    page_number: str
    latin: str  # Latin letters and digits everywhere except the page number


FONT_SETS: dict[str, FontSet] = {
    "official": FontSet(title="方正小标宋简体", title_bold=False, body="仿宋_GB2312", heading1="黑体",
                        heading2="楷体_GB2312", table="仿宋_GB2312", page_number="宋体", latin="Times New Roman"),
    "windows": FontSet(title="宋体", title_bold=True, body="仿宋", heading1="黑体",
                       heading2="楷体", table="仿宋", page_number="宋体", latin="Times New Roman"),
}

# Sizes by their Chinese names (号).
SIZE_2 = Pt(22)
SIZE_3 = Pt(16)
SIZE_4 = Pt(14)
SIZE_SMALL_4 = Pt(12)
SIZE_5 = Pt(10.5)

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
TEXT_WIDTH = Emu(PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)  # 156 mm
LINE_PITCH = Twips(579)  # 28.95 pt: 22 lines in the 225 mm 版心
CHAR_CONDENSE_TWIPS = -5  # w:spacing in twentieths of a point: 16 − 0.25 = 15.75 pt, 28 a line
BODY_CHAR = Twips(320 + CHAR_CONDENSE_TWIPS)  # one Chinese character of body text, with its spacing
# The page number's em dashes sit 7 mm below the 版心: footer distance from the paper's edge.
FOOTER_DISTANCE = Mm(25)

STYLE_BODY = "Normal"
STYLE_TITLE = "年报标题"
STYLE_HEADING1 = "年报一级标题"
STYLE_HEADING2 = "年报二级标题"
STYLE_SIGNATURE = "年报落款"
STYLE_TABLE = "年报表格"
STYLE_TABLE_GAP = "年报表格间隔"  # the 1 pt paragraph between two page parts of a table
STYLE_PAGE_NUMBER = "年报页码"


def set_fonts(element: object, latin: str, east_asia: str) -> None:
    """Name the fonts on a run or style: Latin for letters/digits, east_asia for Chinese.

    ``element`` is anything with ``get_or_add_rPr()`` (a w:r, w:style or w:rPrDefault's parent).
    Theme font attributes are removed: they would win over the explicit names.
    """
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    set_rpr_fonts(rpr, latin, east_asia)


def set_rpr_fonts(rpr: object, latin: str, east_asia: str) -> None:
    fonts = child(rpr, "w:rFonts")
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    # Curly quotes and dashes are "ambiguous": the hint makes them take the Chinese font.
    fonts.set(qn("w:hint"), "eastAsia")


def set_char_spacing(rpr: object, twentieths_pt: int) -> None:
    child(rpr, "w:spacing", val=str(twentieths_pt))


def set_page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance, section.footer_distance = Mm(15), FOOTER_DISTANCE
    section.gutter = 0
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None:
        section._sectPr.remove(grid)


def set_styles(document: DocxDocument, fonts: FontSet) -> None:
    """Document defaults and the report's paragraph styles, each naming its fonts explicitly."""
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_rpr_fonts(default_rpr, fonts["latin"], fonts["body"])
    lang = default_rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    default_spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    for attr in ("w:after", "w:line", "w:lineRule"):
        default_spacing.attrib.pop(qn(attr), None)

    body = styles[STYLE_BODY]
    _format(body, fonts["latin"], fonts["body"], SIZE_3, WD_ALIGN_PARAGRAPH.JUSTIFY, first_line_chars=2)
    set_char_spacing(body.element.get_or_add_rPr(), CHAR_CONDENSE_TWIPS)
    # A fixed grid of 22 lines: no widow/orphan control moving single lines to the next page.
    body.paragraph_format.widow_control = False
    child(body.element.get_or_add_pPr(), "w:overflowPunct", val="1")  # see the module docstring

    title = _add(document, STYLE_TITLE)
    _format(title, fonts["latin"], fonts["title"], SIZE_2, WD_ALIGN_PARAGRAPH.CENTER)
    set_char_spacing(title.element.get_or_add_rPr(), 0)
    title.font.bold = fonts["title_bold"]

    for name, font, level in ((STYLE_HEADING1, fonts["heading1"], 0), (STYLE_HEADING2, fonts["heading2"], 1)):
        heading = _add(document, name)
        _format(heading, fonts["latin"], font, SIZE_3, WD_ALIGN_PARAGRAPH.JUSTIFY, first_line_chars=2)
        heading.paragraph_format.keep_with_next = True
        child(heading.element.get_or_add_pPr(), "w:outlineLvl", val=str(level))

    signature = _add(document, STYLE_SIGNATURE)
    _format(signature, fonts["latin"], fonts["body"], SIZE_3, WD_ALIGN_PARAGRAPH.RIGHT)

    table = _add(document, STYLE_TABLE)
    _format(table, fonts["latin"], fonts["table"], SIZE_SMALL_4, WD_ALIGN_PARAGRAPH.CENTER, exact=False)
    set_char_spacing(table.element.get_or_add_rPr(), 0)

    gap = _add(document, STYLE_TABLE_GAP)
    _format(gap, fonts["latin"], fonts["table"], Pt(1), WD_ALIGN_PARAGRAPH.LEFT, exact=False)
    gap.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    gap.paragraph_format.line_spacing = Twips(20)
    set_char_spacing(gap.element.get_or_add_rPr(), 0)

    page_number = _add(document, STYLE_PAGE_NUMBER)
    # "半角宋体阿拉伯数字": the digits are 宋体 too.
    _format(page_number, fonts["page_number"], fonts["page_number"], SIZE_4, WD_ALIGN_PARAGRAPH.RIGHT,
            exact=False)
    set_char_spacing(page_number.element.get_or_add_rPr(), 0)


def _add(document: DocxDocument, name: str) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[STYLE_BODY]
    style.quick_style = True
    return style


def _format(style: ParagraphStyle, latin: str, east_asia: str, size: Pt, alignment: WD_ALIGN_PARAGRAPH,
            first_line_chars: int = 0, exact: bool = True) -> None:
    set_fonts(style.element, latin, east_asia)
    style.font.size = size
    style.font.color.rgb = None
    fmt = style.paragraph_format
    fmt.alignment = alignment
    fmt.space_before = fmt.space_after = Pt(0)
    if exact:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    set_first_line_indent(style.element.get_or_add_pPr(), first_line_chars, size)


def set_first_line_indent(ppr: object, chars: int, size: Pt) -> None:
    """First-line indent in characters (Word, WPS) with the same length in twips (LibreOffice 7)."""
    child(ppr, "w:ind", firstLineChars=str(chars * 100), firstLine=str(round(chars * size.pt * 20)))
