"""Tables 二, 三 and 四 drawn from ``Table.items`` — the template's printed layout, labels verbatim.

Every cell, merged or not, carries its own borders and width (tcBorders, tcW) besides the table's
grid and borders: WPS and LibreOffice otherwise drop the borders of merged cells or stretch columns.
"""

from __future__ import annotations

import copy

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table as DocxTable
from docx.table import _Cell

from core.document import Report
from core.export.docx_styles import SIZE_5, SIZE_SMALL_4, STYLE_TABLE, TEXT_WIDTH, FontSet, set_rpr_fonts
from core.export.docx_widths import break_header, column_widths, item_widths
from core.export.docx_xml import child, element
from core.template.model import GridItem, Table
from core.values import format_value

CELL_MARGIN = 57  # twips (1 mm) left and right inside each cell; Word's default 1.9 mm is too wide here
WIDE_TABLE_COLUMNS = 6  # tables with more grid columns than this are set in 五号 instead of 小四
BORDER = {"val": "single", "sz": "4", "space": "0", "color": "000000"}  # 0.5 pt
VERTICAL_TEXT = "tbRlV"  # top to bottom, characters upright: how Word and LibreOffice set vertical Chinese


def table_font_size(table: Table) -> Pt:
    return SIZE_5 if table.grid_columns > WIDE_TABLE_COLUMNS else SIZE_SMALL_4


def add_table(document: DocxDocument, report: Report, table: Table, fonts: FontSet) -> DocxTable:
    size = table_font_size(table)
    em = round(size.pt * 20)
    values = {key: format_value(report.value(key)) for key in table.cells}
    total = round(TEXT_WIDTH.twips)
    widths = column_widths(table.items, table.grid_columns, values, total, em, 2 * CELL_MARGIN)

    docx_table = document.add_table(rows=table.grid_rows, cols=table.grid_columns)
    _table_properties(docx_table, total)
    for grid_col, width in zip(docx_table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(width))

    grid = [list(row.cells) for row in docx_table.rows]
    top_left: dict[tuple[int, int], _Cell] = {}
    for item in table.items:
        cell = grid[item.row][item.col]
        if item.rowspan > 1 or item.colspan > 1:
            cell = cell.merge(grid[item.row + item.rowspan - 1][item.col + item.colspan - 1])
        top_left[(item.row, item.col)] = cell

    _cell_properties(docx_table, widths, table.header_rows, document.styles[STYLE_TABLE].style_id)
    spans = item_widths(table.items, widths)
    run_template = _run_template(fonts, size)
    for item in table.items:
        cell = top_left[(item.row, item.col)]
        text = values.get(item.cell, "") if item.role == "cell" else item.text
        if item.role == "header":
            text = break_header(text, spans[(item.row, item.col)], em, 2 * CELL_MARGIN)
        _fill(cell, item, text, run_template)
    return docx_table


def _table_properties(docx_table: DocxTable, total: int) -> None:
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


def _cell_properties(docx_table: DocxTable, widths: list[int], header_rows: int, style_id: str) -> None:
    """Row flags, then width, borders and centring on every w:tc — merged continuations included.

    Every row but the last keeps with the next, so a table stands on one page when it can: a
    vertical merged label split over two pages loses its text in LibreOffice, and reviewers check
    a table more easily on one sheet. A table taller than a page still breaks between rows.
    """
    rows = docx_table._tbl.tr_lst
    sides = [element(f"w:{side}", **BORDER) for side in ("top", "left", "bottom", "right")]
    for index, tr in enumerate(rows):
        tr_pr = tr.get_or_add_trPr()
        child(tr_pr, "w:cantSplit")
        if index < header_rows:
            child(tr_pr, "w:tblHeader")
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc_pr = tc.get_or_add_tcPr()
            child(tc_pr, "w:tcW", w=str(sum(widths[col:col + span])), type="dxa")
            borders = child(tc_pr, "w:tcBorders")
            borders[:] = copy.deepcopy(sides)
            child(tc_pr, "w:vAlign", val="center")
            for p in tc.p_lst:
                p_pr = p.get_or_add_pPr()
                child(p_pr, "w:pStyle", val=style_id)
                if index < len(rows) - 1:
                    child(p_pr, "w:keepNext")
            col += span


def _fill(cell: _Cell, item: GridItem, text: str, run_template: object) -> None:
    if item.vertical:
        child(cell._tc.get_or_add_tcPr(), "w:textDirection", val=VERTICAL_TEXT)
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


def _run_template(fonts: FontSet, size: Pt) -> object:
    """An empty run with the table's fonts and size, copied for every cell (much faster than add_run)."""
    run = element("w:r")
    rpr = element("w:rPr")
    run.append(rpr)
    set_rpr_fonts(rpr, fonts["latin"], fonts["table"])
    child(rpr, "w:sz", val=str(round(size.pt * 2)))
    return run
