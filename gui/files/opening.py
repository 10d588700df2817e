"""Opening a report file as a document: what the app does at start, before the rest of the file
commands (gui/files/workflow.py) is needed."""

from __future__ import annotations

from pathlib import Path

from core.report_file import load_report
from gui.document import ReportDocument
from resources import SAMPLE_REPORT

SAMPLE_NAME = "示例报告（只读）"


def is_bundled_sample(path: Path) -> bool:
    try:
        return Path(path).resolve() == SAMPLE_REPORT.resolve()
    except OSError:
        return False


def open_document(path: Path) -> ReportDocument:
    """Load a report file; the bundled sample opens read-only and untitled, to look at, never to write
    over (a report begun over it keeps the sample town in its texts)."""
    report = load_report(path)
    if is_bundled_sample(path):
        return ReportDocument(report, None, untitled_name=SAMPLE_NAME, read_only=True)
    return ReportDocument(report, Path(path).resolve())
