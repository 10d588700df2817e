"""The Word export prints the report as core.printed_text says it is printed — its own outline, the
tables its chapters include, the tables the unit drew, its own title, signature or none — so every
seed's Word export carries every heading, paragraph and number of the seed, in order (test_seeds.py
compares the printed text with the published seeds)."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

from core.export.docx_writer import docx_bytes
from core.printed_text import printed_text
from core.report_file import load_report
from resources import SAMPLE_REPORT
from tests.conftest import FIXTURES

REPORTS = [SAMPLE_REPORT, FIXTURES / "sample_2020.nianbao", *sorted(FIXTURES.glob("seed0*.nianbao"))]


def _body(document) -> tuple[str, list[str]]:
    """The text of the body's paragraphs in order (tables left out), and every table cell's text in order."""
    text, cells = [], []
    for node in document.element.body:
        if node.tag == qn("w:p"):
            text.append("".join(t.text or "" for t in node.iter(qn("w:t"))))
        elif node.tag == qn("w:tbl"):
            for tc in node.iter(qn("w:tc")):
                cells.append("".join(t.text or "" for t in tc.iter(qn("w:t"))))
    return "".join(text), cells


def _is_subsequence(wanted: list[str], found: list[str]) -> tuple[bool, str]:
    position = 0
    for item in wanted:
        while position < len(found) and found[position] != item:
            position += 1
        if position == len(found):
            return False, item
        position += 1
    return True, ""


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_word_export_prints_the_printed_text_in_order(path):
    report = load_report(path)
    blocks = printed_text(report)
    text, cells = _body(docx.Document(io.BytesIO(docx_bytes(report))))
    expected = "".join(b.text for b in blocks if b.kind != "row")
    assert text == expected
    wanted = [c.replace("\n", "") for b in blocks if b.kind == "row" for c in b.cells if c]
    ok, missing = _is_subsequence(wanted, [c.replace("\n", "") for c in cells])
    assert ok, f"table text missing or out of order: {missing!r}"


def test_own_chapters_free_tables_and_run_in_headings_are_printed():
    seed002 = load_report(next(FIXTURES.glob("seed002_*.nianbao")))
    text, cells = _body(docx.Document(io.BytesIO(docx_bytes(seed002))))
    assert all(c.heading in text for c in seed002.chapters)
    for table in seed002.free_tables.values():
        assert all(cell in cells for row in table.rows for cell in row if cell)
    seed001 = load_report(next(FIXTURES.glob("seed001_*.nianbao")))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(docx_bytes(seed001))).paragraphs]
    assert any(p.startswith("（四）平台建设。一是发挥政府门户网站") for p in paragraphs)
    flat = [p.text for p in docx.Document(io.BytesIO(docx_bytes(seed001, run_in_headings=False))).paragraphs]
    assert "（四）平台建设。" in flat
    assert not any(p.text == seed001.unit.name for p in docx.Document(io.BytesIO(docx_bytes(seed001))).paragraphs[5:])


def test_a_long_own_title_breaks_before_its_year():
    seed002 = load_report(next(FIXTURES.glob("seed002_*.nianbao")))
    lines = [p.text for p in docx.Document(io.BytesIO(docx_bytes(seed002))).paragraphs[:2]]
    assert lines == ["吴忠市利通区机关事务管理局", "2017年政府工作信息年度报告"]
