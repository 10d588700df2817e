"""Word (.docx) export of a report in the official print layout (GB/T 9704).

``write_docx(report, path)`` builds the whole document in memory and then writes it atomically,
so an existing file at ``path`` is either replaced completely or left exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from docx.document import Document as DocxDocument

from core.document import Report
from core.export import write_export
from core.export.docx_footer import add_page_numbers
from core.export.docx_styles import FONT_SETS, FontSet, set_page, set_styles
from core.export.docx_tables import add_table
from core.export.docx_text import add_body, add_heading, add_signature, add_title, paragraphs_of
from core.text_clean import clean_report, fit_property

__all__ = ["FONT_SETS", "build_docx", "docx_bytes", "write_docx"]


def write_docx(report: Report, path: str | Path, font_set: str = "official") -> list[str]:
    """Export ``report`` to a .docx file; ExportError (Chinese message) if it cannot be written.

    Returns a Chinese note per text field that held characters Word cannot store (removed)."""
    cleaned = clean_report(report)
    write_export(path, docx_bytes(cleaned.report, font_set), "WPS、Word")
    return cleaned.notes


def docx_bytes(report: Report, font_set: str = "official") -> bytes:
    buffer = io.BytesIO()
    build_docx(report, font_set).save(buffer)
    return buffer.getvalue()


def build_docx(report: Report, font_set: str = "official") -> DocxDocument:
    """The report as a python-docx Document, not yet saved."""
    if font_set not in FONT_SETS:
        raise ValueError(f"unknown font set {font_set!r}; expected one of {sorted(FONT_SETS)}")
    fonts: FontSet = FONT_SETS[font_set]
    report = clean_report(report).report
    document = docx.Document()
    _properties(document, report)
    set_page(document)
    set_styles(document, fonts)
    add_page_numbers(document, fonts)

    add_title(document, report.unit.name, report.year, fonts)
    add_body(document, report.opening, fonts)
    template = report.template
    for chapter in template.chapters:
        add_heading(document, chapter.heading, 1, fonts)
        if chapter.table:
            add_table(document, report, template.table(chapter.table), fonts)
            continue
        add_body(document, report.text(chapter.key), fonts)
        for section in chapter.sections:
            lines = paragraphs_of(report.text(section.key))
            if not lines:
                continue
            if not lines[0].startswith(section.title):  # the user may have typed the title already
                add_heading(document, section.title, 2, fonts)
            add_body(document, report.text(section.key), fonts)
    add_signature(document, report.unit.name, report.signing_date, fonts)
    return document


def _properties(document: DocxDocument, report: Report) -> None:
    props = document.core_properties
    props.title = fit_property(report.title)
    props.author = props.last_modified_by = fit_property(report.unit.name)
    props.subject = props.comments = props.keywords = props.category = ""
    props.language = "zh-CN"
    props.created = props.modified = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)  # not the 2013 template's
    props.revision = 1
