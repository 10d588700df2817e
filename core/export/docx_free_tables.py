"""A table the unit drew itself (a form pasted into the body): its title, then rows of text in a
bordered grid as wide as the 版心, columns of equal width, a row as tall as its longest cell."""

from __future__ import annotations

import copy

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from core.document import FreeTable
from core.export.docx_measure import line_count
from core.export.docx_styles import SIZE_5, STYLE_TABLE, TEXT_WIDTH, FontSet
from core.export.docx_table_layout import CELL_MARGIN
from core.export.docx_tables import run_template, set_table_properties
from core.export.docx_text import add_run, new_paragraph
from core.export.docx_xml import child, element

LINE_PITCH_FACTOR = 1.3  # exact line spacing of table text, as for the format's tables


def add_free_table(document: DocxDocument, table: FreeTable, fonts: FontSet) -> None:
    if table.title.strip():
        caption = new_paragraph(document, STYLE_TABLE)
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_run(caption, table.title.strip(), fonts["latin"], fonts["heading1"])
    columns = max((len(row) for row in table.rows), default=0)
    if not columns:
        return
    total = round(TEXT_WIDTH.twips)
    width = total // columns
    size = SIZE_5.pt
    pitch = size * LINE_PITCH_FACTOR
    tbl = element("w:tbl")
    tbl_pr = element("w:tblPr")
    tbl.append(tbl_pr)
    set_table_properties(tbl_pr, total, table.title.strip())
    grid = element("w:tblGrid")
    for _ in range(columns):
        grid.append(element("w:gridCol", w=str(width)))
    tbl.append(grid)
    template_run = run_template(fonts, size)
    style_id = document.styles[STYLE_TABLE].style_id
    inner = (width - 2 * CELL_MARGIN) / 20
    for row in table.rows:
        cells = list(row) + [""] * (columns - len(row))
        lines = max(line_count(text, inner, size) for text in cells)
        tr = element("w:tr")
        tr_pr = element("w:trPr")
        tr.append(tr_pr)
        child(tr_pr, "w:cantSplit")
        child(tr_pr, "w:trHeight", val=str(round(lines * pitch * 20 + 2 * 20)), hRule="atLeast")
        for text in cells:
            tc = element("w:tc")
            tc_pr = element("w:tcPr")
            tc.append(tc_pr)
            child(tc_pr, "w:tcW", w=str(width), type="dxa")
            child(tc_pr, "w:vAlign", val="center")
            p = element("w:p")
            p_pr = element("w:pPr")
            p.append(p_pr)
            child(p_pr, "w:pStyle", val=style_id)
            for index, line in enumerate(text.split("\n")):
                run = copy.deepcopy(template_run)
                if index:
                    run.append(element("w:br"))
                t = element("w:t")
                t.text = line
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.append(t)
                p.append(run)
            tc.append(p)
            tr.append(tc)
        tbl.append(tr)
    document.element.body.insert(len(document.element.body) - 1, tbl)  # before the final sectPr
    new_paragraph(document, STYLE_TABLE)  # a table is never glued to the next one or to a heading

