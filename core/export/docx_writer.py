"""Word (.docx) export of a report in the official print layout (GB/T 9704).

``write_docx(report, path)`` builds the whole document in memory and then writes it atomically,
so an existing file at ``path`` is either replaced completely or left exactly as it was.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document as DocxDocument

from core.document import Report
from core.export import write_export
from core.export.docx_flow import PageFlow
from core.export.docx_footer import add_page_numbers
from core.export.docx_free_tables import add_free_table
from core.export.docx_package import finish_package
from core.export.docx_signature import add_signature
from core.export.docx_styles import FONT_SETS, FontSet, set_page, set_styles
from core.export.docx_tables import add_table
from core.export.docx_text import add_body, add_heading, add_title, paragraphs_of
from core.outline import FREE_TABLE_PREFIX
from core.printed_text import run_in_heading
from core.template.model import Section
from core.text_clean import clean_report

__all__ = ["FONT_SETS", "build_docx", "docx_bytes", "write_docx"]


def write_docx(report: Report, path: str | Path, font_set: str = "official", *, signature: bool | None = None,
               run_in_headings: bool | None = None) -> list[str]:
    """Export ``report`` to a .docx file; ExportError (Chinese message) if it cannot be written.

    Returns a Chinese note per text field that held characters Word cannot store (removed)."""
    cleaned = clean_report(report)
    write_export(path, docx_bytes(cleaned.report, font_set, signature=signature, run_in_headings=run_in_headings),
                 "WPS、Word")
    return cleaned.notes


def docx_bytes(report: Report, font_set: str = "official", *, signature: bool | None = None,
               run_in_headings: bool | None = None) -> bytes:
    buffer = io.BytesIO()
    build_docx(report, font_set, signature=signature, run_in_headings=run_in_headings).save(buffer)
    return buffer.getvalue()


def build_docx(report: Report, font_set: str = "official", *, signature: bool | None = None,
               run_in_headings: bool | None = None) -> DocxDocument:
    """The report as a python-docx Document, not yet saved, in the report's own outline.

    ``signature`` says whether the unit's name and the signing date are printed below the text, and
    ``run_in_headings`` whether a section's heading opens its first paragraph ("（一）小标题。正文…");
    both default to the report's own choice (Report.signature_printed, Report.run_in_headings).
    """
    if font_set not in FONT_SETS:
        raise ValueError(f"unknown font set {font_set!r}; expected one of {sorted(FONT_SETS)}")
    fonts: FontSet = FONT_SETS[font_set]
    report = clean_report(report).report
    run_in = report.run_in_headings if run_in_headings is None else run_in_headings
    document = docx.Document()
    set_page(document)
    set_styles(document, fonts)
    add_page_numbers(document, fonts)

    flow = PageFlow(document)
    add_title(document, report.title_lines, fonts)
    add_body(document, report.opening, fonts)
    for chapter in report.chapters:
        add_heading(document, chapter.heading, 1, fonts)
        if chapter.table:
            add_table(document, report, report.template.table(chapter.table), fonts, flow)
            continue
        add_body(document, report.text(chapter.key), fonts)
        _tables(document, report, chapter.tables, fonts, flow)
        for section in chapter.sections:
            _section(document, report, section, fonts, flow, run_in)
    if report.signature_printed if signature is None else signature:
        add_signature(document, report.unit.name, report.signing_date, fonts)
    finish_package(document, report)
    return document


def _section(document: DocxDocument, report: Report, section: Section, fonts: FontSet, flow: PageFlow,
             run_in: bool) -> None:
    """The section's heading (on its own line, or opening its first paragraph), text and tables; a
    section with neither text nor tables is left out."""
    lines = paragraphs_of(report.text(section.key))
    if not lines and not section.tables:
        return
    text = report.text(section.key)
    if not (lines and lines[0].startswith(section.title)):  # the user may have typed the title already
        if run_in and lines:
            text = run_in_heading(section.title) + text.lstrip()
        else:
            add_heading(document, section.title, 2, fonts)
    add_body(document, text, fonts)
    _tables(document, report, section.tables, fonts, flow)


def _tables(document: DocxDocument, report: Report, keys: tuple[str, ...], fonts: FontSet, flow: PageFlow) -> None:
    for key in keys:
        if key.startswith(FREE_TABLE_PREFIX):
            if key in report.free_tables:
                add_free_table(document, report.free_tables[key], fonts)
        else:
            add_table(document, report, report.template.table(key), fonts, flow)
