"""The Word export on paper: rendered with LibreOffice, read back from the PDF text layer.

Every document is rendered once per test session, in one LibreOffice run: the sample, seed 001 and
the sample with 1- to 6-digit counts in every cell of 二, 三 and 四.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from core.document import Report
from core.export.docx_writer import write_docx
from core.report_file import load_report
from core.template import load_template
from core.values import format_value
from resources import SAMPLE_REPORT
from tests.conftest import SEED001
from tests.rendering import docx_text, first_difference, page_words, pdf_pages, render_pdfs, squeeze, with_counts

DIGITS = range(1, 7)
LONG_NAME = "新疆维吾尔自治区伊犁哈萨克自治州奎屯市开干齐乡人民政府"  # 27 characters


def variants() -> dict[str, Report]:
    found = {"sample": load_report(SAMPLE_REPORT), "seed001": load_report(SEED001)}
    for digits in DIGITS:
        found[f"digits{digits}"] = with_counts(load_report(SAMPLE_REPORT), digits)
    for digits in (3, 6):  # a longer text before the tables puts them elsewhere on their pages
        found[f"seed001_digits{digits}"] = with_counts(load_report(SEED001), digits)
    found["long_name"] = load_report(SAMPLE_REPORT)
    found["long_name"].unit.name = LONG_NAME
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


ALL = ["sample", "seed001", *(f"digits{d}" for d in DIGITS), "seed001_digits3", "seed001_digits6", "long_name"]


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


# --- pages ------------------------------------------------------------------------------------------

TEMPLATE = load_template("2021")
HEADINGS = {squeeze(c.heading) for c in TEMPLATE.chapters} | {squeeze(s.title) for c in TEMPLATE.chapters
                                                              for s in c.sections}
TEXT_TOP, TEXT_BOTTOM = 37 / 25.4 * 72, (297 - 35) / 25.4 * 72  # the 版心, points from the top
LEAST_FILLED = 0.7  # of the 版心 height, on every page but the last


@pytest.mark.parametrize("name", ALL)
def test_no_blank_page_and_no_page_of_headings_only(rendered: dict[str, Rendered], name: str) -> None:
    for number, page in enumerate(rendered[name].pages, 1):
        lines = [squeeze(line) for line in page.splitlines() if line.strip()]
        assert lines, f"page {number} is blank"
        assert not set(lines) <= HEADINGS, f"page {number} holds only {lines}"


@pytest.mark.parametrize("name", ALL)
def test_each_table_starts_on_the_page_of_its_heading(rendered: dict[str, Rendered], name: str) -> None:
    pages = [squeeze(page) for page in rendered[name].pages]
    for table in TEMPLATE.tables:
        first_label = squeeze(min(table.items, key=lambda i: (i.row, i.col)).text)
        with_heading = [page for page in pages if squeeze(table.title) in page]
        assert with_heading and first_label in with_heading[0].split(squeeze(table.title), 1)[1], table.key


@pytest.mark.parametrize("name", ALL)
def test_the_vertical_label_is_on_every_page_with_rows_of_its_block(rendered: dict[str, Rendered], name: str) -> None:
    table = TEMPLATE.table("t3")
    (block,) = [i for i in table.items if i.vertical]
    rows = range(block.row, block.row + block.rowspan)
    labels = [squeeze(i.text) for i in table.items if i.row in rows and i.role == "row_label" and len(i.text) >= 6]
    carrying = [page for page in map(squeeze, rendered[name].pages) if any(label in page for label in labels)]
    assert carrying
    for page in carrying:
        assert squeeze(block.text) in page, page[:60]


@pytest.mark.parametrize("name", ALL)
def test_no_page_is_left_half_blank(rendered: dict[str, Rendered], name: str) -> None:
    """A table that does not fit in the rest of a page starts there and continues on the next one,
    unless moving it leaves little blank: every page but the last is at least 70 % full."""
    filled = [(max(w[3] for w in words) - TEXT_TOP) / (TEXT_BOTTOM - TEXT_TOP) for words in page_words(rendered[name].pdf)]
    assert all(f >= LEAST_FILLED for f in filled[:-1]), [round(f, 2) for f in filled]


def test_the_date_stands_two_characters_right_of_a_long_name(rendered: dict[str, Rendered]) -> None:
    words = page_words(rendered["long_name"].pdf)[-1]
    lines = {}
    for x0, y0, x1, _, text in words:
        lines.setdefault(round(y0), []).append((x0, x1, text))
    last = [sorted(lines[y]) for y in sorted(lines)][-3:]
    first_line, second_line, date = ("".join(t for _, _, t in line) for line in last)
    assert first_line + second_line == LONG_NAME and date == "2026年1月20日"
    char = 16 - 0.25
    assert last[2][0][0] - last[0][0][0] == pytest.approx(2 * char, abs=1.5)  # 首字右移二字
    right_margin = (210 - 26) / 25.4 * 72
    for line in last[:2]:
        assert right_margin - line[-1][1] == pytest.approx(2 * char, abs=1.5)  # 右空二字
