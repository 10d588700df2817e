"""Title and signature of the Word export: balanced line breaks of long unit names, the signature
block's alignment (GB/T 9704 7.3.5.2), and a report printed without a signature."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from core.document import Report
from core.export.docx_lines import balanced_lines, break_points
from core.export.docx_signature import name_lines, signature_layout, text_twips
from core.export.docx_text import title_lines
from core.export.docx_widths import text_em
from core.export.docx_writer import write_docx
from core.report_file import load_report
from resources import SAMPLE_REPORT

TEXT_WIDTH = 8844  # 156 mm in twips
TWO_CHARS = 630
LONG_NAMES = {
    "新疆维吾尔自治区伊犁哈萨克自治州奎屯市开干齐乡人民政府": ["新疆维吾尔自治区伊犁哈萨克自治州", "奎屯市开干齐乡人民政府"],
    "宁夏回族自治区吴忠市利通区金积镇人民政府办公室": ["宁夏回族自治区吴忠市", "利通区金积镇人民政府办公室"],
    "某某省某某市某某县市场监督管理局综合行政执法大队": ["某某省某某市某某县", "市场监督管理局综合行政执法大队"],
}


def export(report: Report, folder: Path, **options: bool) -> docx.document.Document:
    path = folder / "report.docx"
    write_docx(report, path, **options)
    return docx.Document(str(path))


@pytest.mark.parametrize("name", ["清河县柳溪镇人民政府", "宁夏回族自治区吴忠市利通区金积镇人民政府"])
def test_a_unit_name_that_fits_stays_on_one_title_line(name: str) -> None:
    assert title_lines(name) == [name]  # 20 characters of 2号 fit in the 156 mm line


@pytest.mark.parametrize("name", sorted(LONG_NAMES))
def test_a_long_unit_name_breaks_between_its_parts_into_similar_lines(name: str) -> None:
    lines = title_lines(name)
    assert lines == LONG_NAMES[name]
    assert all(text_em(line) <= 20 for line in lines)


def test_break_points_follow_the_administrative_division_and_the_organ() -> None:
    assert break_points("某某县市场监督管理局") == {3}  # 某某县|市场监督管理局, never 某某县市|场…
    assert break_points("某某县市人民政府") == {3, 4}
    assert break_points("宁夏回族自治区吴忠市人民政府") == {7, 10}  # after 自治区 (not after 区 alone), 市|人民政府
    assert balanced_lines("", 20, text_em) == []


def test_a_name_without_parts_is_split_evenly_and_nothing_is_lost() -> None:
    for name in ("某" * 50, "abcdefghij" * 10, "某" * 1000, "市" * 100):  # 市市…: a break point everywhere
        lines = balanced_lines(name, 20, text_em)
        assert "".join(lines) == name and all(text_em(line) <= 20 for line in lines)
        widths = [text_em(line) for line in lines]
        assert max(widths) - min(widths) <= 1.5, widths


def test_a_27_character_name_keeps_the_signature_aligned(tmp_path: Path) -> None:
    report = load_report(SAMPLE_REPORT)
    report.unit.name = "新疆维吾尔自治区伊犁哈萨克自治州奎屯市开干齐乡人民政府"
    paragraphs = export(report, tmp_path).paragraphs
    first, second, date = paragraphs[-3:]
    assert [first.text, second.text] == LONG_NAMES[report.unit.name] == name_lines(report.unit.name)
    assert date.text == "2026年1月20日" and paragraphs[-4].text == ""
    for line in (first, second):
        assert line.paragraph_format.right_indent.twips == TWO_CHARS  # 右空二字
        assert text_twips(line.text) <= TEXT_WIDTH - TWO_CHARS  # one printed line each
    name_start = TEXT_WIDTH - TWO_CHARS - text_twips(first.text)
    assert date.paragraph_format.left_indent.twips - name_start == TWO_CHARS  # 首字比署名首字右移二字
    assert date.paragraph_format.left_indent.twips > TEXT_WIDTH / 3  # not pushed to the left margin (339 before)


def test_signature_layout_of_a_name_in_two_lines_uses_the_longer() -> None:
    lines = ["新疆维吾尔自治区伊犁哈萨克自治州", "奎屯市开干齐乡人民政府"]
    assert signature_layout(lines, "2026年1月20日") == signature_layout(lines[0], "2026年1月20日")


def test_no_signature_when_the_template_prints_none(tmp_path: Path) -> None:
    report = load_report(SAMPLE_REPORT)
    report.signing_date = dt.date(2026, 1, 20)
    paragraphs = export(report, tmp_path, signature=False).paragraphs
    texts = [p.text for p in paragraphs]
    assert "2026年1月20日" not in texts and texts.count("清河县柳溪镇人民政府") == 1  # the title only
    assert texts[-1] == report.text("other_matters").splitlines()[-1]  # the text of 六 ends the document
    with_signature = [p.text for p in export(report, tmp_path).paragraphs]
    assert with_signature[-2:] == ["清河县柳溪镇人民政府", "2026年1月20日"]
