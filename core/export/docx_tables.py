"""Tables 二, 三 and 四 drawn from ``Table.items`` — the template's printed layout, labels verbatim.

The geometry comes from docx_table_layout, the page parts from docx_table_parts. Every cell,
merged or not, carries its own borders and width (tcBorders, tcW) besides the table's grid and
borders: WPS and LibreOffice otherwise drop the borders of merged cells or stretch columns. Every
row has its computed height as a minimum and cell text an exact line pitch, so the table is as tall
in Word, WPS and LibreOffice as the page plan assumed.
"""

from __future__ import annotations

import copy

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table as DocxTable

from core.document import Report
from core.export.docx_flow import PageFlow
from core.export.docx_styles import STYLE_TABLE, STYLE_TABLE_GAP, TEXT_WIDTH, FontSet, set_rpr_fonts
from core.export.docx_table_layout import CELL_MARGIN, TableLayout, layout_table
from core.export.docx_table_parts import Part, plan_parts
from core.export.docx_text import new_paragraph
from core.export.docx_xml import child, element
from core.template.model import GridItem, Table

BORDER = {"val": "single", "sz": "4", "space": "0", "color": "000000"}  # 0.5 pt
VERTICAL_TEXT = "tbRlV"  # top to bottom, characters upright: how Word and LibreOffice set vertical Chinese


def add_table(document: DocxDocument, report: Report, table: Table, fonts: FontSet, flow: PageFlow) -> list[DocxTable]:
    """The table after its heading, in as many page parts as the page flow calls for."""
    layout = layout_table(report, table)
    parts = plan_parts(table, layout, round(flow.room() * 20), round(flow.kept() * 20), round(flow.text_height * 20))
    drawn = []
    for index, part in enumerate(parts):
        if index:
            new_paragraph(document, STYLE_TABLE_GAP)  # two tables in a row would merge into one
        drawn.append(_add_part(document, table, layout, part, fonts))
    return drawn


def _add_part(document: DocxDocument, table: Table, layout: TableLayout, part: Part, fonts: FontSet) -> DocxTable:
    total = round(TEXT_WIDTH.twips)
    docx_table = document.add_table(rows=0, cols=table.grid_columns)
    _table_properties(docx_table, total, table.title)
    for grid_col, width in zip(docx_table._tbl.tblGrid.findall(qn("w:gridCol")), layout.widths, strict=True):
        grid_col.set(qn("w:w"), str(width))
    covering = {(r, item.col): item for item in part.items for r in range(item.row, item.row + item.rowspan)}
    style_id = document.styles[STYLE_TABLE].style_id
    template_run = run_template(fonts, layout.size)
    sides = [element(f"w:{side}", **BORDER) for side in ("top", "left", "bottom", "right")]
    rows = len(part.heights)
    for r, height in enumerate(part.heights):
        tr = element("w:tr")
        tr_pr = _first(tr, "w:trPr")
        child(tr_pr, "w:cantSplit")
        child(tr_pr, "w:trHeight", val=str(height), hRule="atLeast")
        if r < table.header_rows:
            child(tr_pr, "w:tblHeader")
        c = 0
        while c < table.grid_columns:
            item = covering[(r, c)]
            tr.append(_cell(item, r, layout, sides, style_id, keep=r < rows - 1))
            if item.row == r:
                _fill(tr[-1], part.texts[(item.row, item.col)], template_run)
            c += item.colspan
        docx_table._tbl.append(tr)
    return docx_table


def _cell(item: GridItem, row: int, layout: TableLayout, sides: list[object], style_id: str, keep: bool) -> object:
    """A w:tc of ``item`` in grid row ``row`` — its first, or a continuation of a vertical merge —
    with width, borders, centring and an empty paragraph in the table's style and pitch.

    Every row but the last keeps with the next, so a part stands on one page: a merged label split
    over two pages loses its text in LibreOffice, and reviewers check a table more easily whole.
    """
    tc = element("w:tc")
    tc_pr = _first(tc, "w:tcPr")
    child(tc_pr, "w:tcW", w=str(sum(layout.widths[item.col:item.col + item.colspan])), type="dxa")
    if item.colspan > 1:
        child(tc_pr, "w:gridSpan", val=str(item.colspan))
    if item.rowspan > 1:
        merge = child(tc_pr, "w:vMerge")
        if item.row == row:
            merge.set(qn("w:val"), "restart")
    child(tc_pr, "w:tcBorders")[:] = copy.deepcopy(sides)
    if item.vertical and item.row == row:
        child(tc_pr, "w:textDirection", val=VERTICAL_TEXT)
    child(tc_pr, "w:vAlign", val="center")
    p = element("w:p")
    p_pr = _first(p, "w:pPr")
    child(p_pr, "w:pStyle", val=style_id)
    if keep:
        child(p_pr, "w:keepNext")
    child(p_pr, "w:spacing", line=str(layout.pitch), lineRule="exact")
    tc.append(p)
    return tc


def _first(parent: object, tag: str) -> object:
    """A new first child (the properties element of a row, cell or paragraph)."""
    made = element(tag)
    parent.insert(0, made)  # type: ignore[attr-defined]
    return made


def _table_properties(docx_table: DocxTable, total: int, caption: str) -> None:
    tbl_pr = docx_table._tbl.tblPr
    for name in ("w:tblStyle", "w:tblLook"):
        found = tbl_pr.find(qn(name))
        if found is not None:
            tbl_pr.remove(found)
    set_table_properties(tbl_pr, total, caption)


def set_table_properties(tbl_pr: object, total: int, caption: str) -> None:
    """What every printed table has: its width, centred, single borders, fixed layout, the cell
    margins the widths were computed with, and its caption (its name for screen readers; every
    part of a cut table has it)."""
    child(tbl_pr, "w:tblW", w=str(total), type="dxa")
    child(tbl_pr, "w:jc", val="center")
    borders = child(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(f"w:{side}", **BORDER))
    child(tbl_pr, "w:tblLayout", type="fixed")
    margins = child(tbl_pr, "w:tblCellMar")
    for side, width in (("top", 0), ("left", CELL_MARGIN), ("bottom", 0), ("right", CELL_MARGIN)):
        margins.append(element(f"w:{side}", w=str(width), type="dxa"))
    if caption:
        child(tbl_pr, "w:tblCaption", val=caption)


def _fill(tc: object, text: str, template_run: object) -> None:
    if not text:
        return
    run = copy.deepcopy(template_run)
    for index, line in enumerate(text.split("\n")):
        if index:
            run.append(element("w:br"))
        t = element("w:t")
        t.text = line
        run.append(t)
    tc.find(qn("w:p")).append(run)  # type: ignore[attr-defined]


def run_template(fonts: FontSet, size: float) -> object:
    """An empty run with the table's fonts and size, copied for every cell (much faster than add_run)."""
    run = element("w:r")
    rpr = element("w:rPr")
    run.append(rpr)
    set_rpr_fonts(rpr, fonts["latin"], fonts["table"])
    child(rpr, "w:sz", val=str(round(size * 2)))
    return run
