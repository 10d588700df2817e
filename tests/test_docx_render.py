"""The Word export on paper: rendered with LibreOffice, read back from the PDF text layer.

Every document is rendered once per test session, in one LibreOffice run: the sample, seed 001 and
the sample with 1- to 6-digit counts in every cell of 二, 三 and 四.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from core.document import Report
from core.export.docx_writer import write_docx
from core.report_file import load_report
from core.values import format_value
from resources import SAMPLE_REPORT
from tests.conftest import SEED001
from tests.rendering import docx_text, first_difference, pdf_pages, render_pdfs, squeeze

DIGITS = range(1, 7)


def with_counts(report: Report, digits: int) -> Report:
    """Every cell of every table (totals included) set to a distinct number of ``digits`` digits."""
    low = 10 ** (digits - 1)
    for index, key in enumerate(report.template.cells):
        number = low + (index * 7919) % (9 * low) if digits > 1 else index % 9 + 1
        report.cells[key] = Decimal(number) if report.template.cells[key].type == "money" else number
    return report


def variants() -> dict[str, Report]:
    found = {"sample": load_report(SAMPLE_REPORT), "seed001": load_report(SEED001)}
    for digits in DIGITS:
        found[f"digits{digits}"] = with_counts(load_report(SAMPLE_REPORT), digits)
    return found


class Rendered:
    def __init__(self, report: Report, docx: Path, pdf: Path) -> None:
        self.report, self.docx, self.pdf = report, docx, pdf
        self.pages = pdf_pages(pdf)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    folder = tmp_path_factory.mktemp("rendered")
    reports = variants()
    paths = {}
    for name, report in reports.items():
        paths[name] = folder / f"{name}.docx"
        write_docx(report, paths[name])
    pdfs = render_pdfs(list(paths.values()), folder)
    return {name: Rendered(reports[name], paths[name], pdfs[paths[name]]) for name in reports}


ALL = ["sample", "seed001", "digits1", "digits4"]


@pytest.mark.parametrize("name", ALL)
def test_every_character_reaches_the_paper(rendered: dict[str, Rendered], name: str) -> None:
    """The PDF text layer is the document's text, character for character (line breaks and page
    numbers aside): no punctuation mark lost at a line end, no label lost across a page break."""
    document = squeeze(docx_text(rendered[name].docx))
    printed = squeeze("".join(rendered[name].pages))
    assert printed == document, first_difference(document, printed)


@pytest.mark.parametrize("name", ALL)
def test_every_number_of_the_tables_is_printed(rendered: dict[str, Rendered], name: str) -> None:
    report = rendered[name].report
    expected = Counter(format_value(report.value(key)) for key in report.template.cells if report.value(key) is not None)
    printed = Counter(re.findall(r"\d+(?:\.\d+)?", "\n".join(rendered[name].pages)))
    missing = expected - printed
    assert not missing, f"not on paper: {sorted(missing)[:10]}"
