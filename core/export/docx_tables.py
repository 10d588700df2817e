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
from docx.table import _Cell

from core.document import Report
from core.export.docx_flow import PageFlow
from core.export.docx_styles import STYLE_TABLE, STYLE_TABLE_GAP, TEXT_WIDTH, FontSet, set_rpr_fonts
from core.export.docx_table_layout import CELL_MARGIN, TableLayout, layout_table
from core.export.docx_table_parts import Part, plan_parts
from core.export.docx_text import new_paragraph
from core.export.docx_xml import child, element
from core.template.model import Table

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
    docx_table = document.add_table(rows=len(part.heights), cols=table.grid_columns)
    _table_properties(docx_table, total, table.title)
    for grid_col, width in zip(docx_table._tbl.tblGrid.findall(qn("w:gridCol")), layout.widths, strict=True):
        grid_col.set(qn("w:w"), str(width))

    grid = [list(row.cells) for row in docx_table.rows]
    top_left: dict[tuple[int, int], _Cell] = {}
    for item in part.items:
        cell = grid[item.row][item.col]
        if item.rowspan > 1 or item.colspan > 1:
            cell = cell.merge(grid[item.row + item.rowspan - 1][item.col + item.colspan - 1])
        top_left[(item.row, item.col)] = cell

    _cell_properties(docx_table, layout, part.heights, table.header_rows, document.styles[STYLE_TABLE].style_id)
    run_template = _run_template(fonts, layout.size)
    for item in part.items:
        cell = top_left[(item.row, item.col)]
        if item.vertical:
            child(cell._tc.get_or_add_tcPr(), "w:textDirection", val=VERTICAL_TEXT)
        _fill(cell, part.texts[(item.row, item.col)], run_template)
    return docx_table


def _table_properties(docx_table: DocxTable, total: int, caption: str) -> None:
    tbl_pr = docx_table._tbl.tblPr
    style = tbl_pr.find(qn("w:tblStyle"))
    if style is not None:
        tbl_pr.remove(style)
    child(tbl_pr, "w:tblW", w=str(total), type="dxa")
    child(tbl_pr, "w:jc", val="center")
    borders = child(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(f"w:{side}", **BORDER))
    child(tbl_pr, "w:tblLayout", type="fixed")
    margins = child(tbl_pr, "w:tblCellMar")
    for side, width in (("top", 0), ("left", CELL_MARGIN), ("bottom", 0), ("right", CELL_MARGIN)):
        margins.append(element(f"w:{side}", w=str(width), type="dxa"))
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        tbl_pr.remove(look)
    child(tbl_pr, "w:tblCaption", val=caption)  # the table's name for screen readers; every part has it


def _cell_properties(docx_table: DocxTable, layout: TableLayout, heights: list[int], header_rows: int,
                     style_id: str) -> None:
    """Row flags and heights, then width, borders and centring on every w:tc — merged continuations
    included — and the exact line pitch on every paragraph.

    Every row but the last keeps with the next, so a part stands on one page: a merged label split
    over two pages loses its text in LibreOffice, and reviewers check a table more easily whole.
    """
    rows = docx_table._tbl.tr_lst
    sides = [element(f"w:{side}", **BORDER) for side in ("top", "left", "bottom", "right")]
    for index, tr in enumerate(rows):
        tr_pr = tr.get_or_add_trPr()
        child(tr_pr, "w:cantSplit")
        child(tr_pr, "w:trHeight", val=str(heights[index]), hRule="atLeast")
        if index < header_rows:
            child(tr_pr, "w:tblHeader")
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc_pr = tc.get_or_add_tcPr()
            child(tc_pr, "w:tcW", w=str(sum(layout.widths[col:col + span])), type="dxa")
            borders = child(tc_pr, "w:tcBorders")
            borders[:] = copy.deepcopy(sides)
            child(tc_pr, "w:vAlign", val="center")
            for p in tc.p_lst:
                p_pr = p.get_or_add_pPr()
                child(p_pr, "w:pStyle", val=style_id)
                if index < len(rows) - 1:
                    child(p_pr, "w:keepNext")
                child(p_pr, "w:spacing", line=str(layout.pitch), lineRule="exact")
            col += span


def _fill(cell: _Cell, text: str, run_template: object) -> None:
    if not text:
        return
    run = copy.deepcopy(run_template)
    for index, line in enumerate(text.split("\n")):
        if index:
            run.append(element("w:br"))
        t = element("w:t")
        t.text = line
        run.append(t)
    cell._tc.p_lst[0].append(run)


def _run_template(fonts: FontSet, size: float) -> object:
    """An empty run with the table's fonts and size, copied for every cell (much faster than add_run)."""
    run = element("w:r")
    rpr = element("w:rPr")
    run.append(rpr)
    set_rpr_fonts(rpr, fonts["latin"], fonts["table"])
    child(rpr, "w:sz", val=str(round(size * 2)))
    return run
