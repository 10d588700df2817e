"""Web pages as government portals publish an annual report: a heading per chapter, <p> paragraphs and
a <table> per table chapter with the official merges as rowspan/colspan, built from a Report."""

from __future__ import annotations

from html import escape

from core.document import Report
from core.printed_text import printed_text
from core.values import format_value


def portal_page(report: Report, charset: str = "utf-8") -> bytes:
    parts = [f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{escape(report.title)}</title>',
             "<script>var tables = '<table><tr><td>1</td></tr></table>';</script>",
             "<style>td { border: 1px solid #000; }</style></head><body>",
             '<div class="nav">首页 &gt; 政府信息公开 &gt; 年度报告</div>']
    table_open = None
    for block in printed_text(report):
        if block.kind == "row":
            if table_open != block.source:
                parts.append(_table(report, block.source))
                table_open = block.source
            continue
        table_open = None
        text = escape(block.text)
        if block.kind == "table_title":
            parts.append(f'<p style="text-align:center">{text}</p>')
            continue
        if block.kind == "title":
            parts.append(f"<h1>{text}</h1>")
        elif block.kind == "chapter":
            parts.append(f"<h2><strong>{text}</strong></h2>")
        elif block.kind == "section":
            parts.append(f'<p style="text-indent:2em"><b>{text}</b></p>')
        else:
            parts.append(f'<p style="text-indent:2em">{text}</p>')
    parts.append("</body></html>")
    return "\n".join(parts).encode(charset)


def _table(report: Report, key: str) -> str:
    if key in report.free_tables:  # a form the unit drew: its rows as they are
        rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                       for row in report.free_tables[key].rows)
        return f'<table border="1">{rows}</table>'
    table = report.template.table(key)
    rows: list[list[str]] = [[] for _ in range(table.grid_rows)]
    for item in sorted(table.items, key=lambda i: (i.row, i.col)):
        text = format_value(report.value(item.cell)) if item.cell else item.text
        spans = (f' rowspan="{item.rowspan}"' if item.rowspan > 1 else "") + \
                (f' colspan="{item.colspan}"' if item.colspan > 1 else "")
        tag = "th" if item.role == "header" else "td"
        rows[item.row].append(f"<{tag}{spans}><p>{escape(text)}</p></{tag}>")
    body = "".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    return f'<table border="1" cellspacing="0"><tbody>{body}</tbody></table>'
