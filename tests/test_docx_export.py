"""Word export: page, fonts, headings, page numbers, tables against the template, values, signature,
safe writing, and the seed-001 report against its published text. Reads the .docx back with lxml."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from core.document import Report
from core.export import ExportError
from core.export.docx_signature import format_date, signature_layout, text_twips
from core.export.docx_text import split_run_in_heading
from core.export.docx_widths import break_header
from core.export.docx_writer import write_docx
from core.report_file import load_report
from core.template import load_template
from core.values import SLASH, format_value
from resources import SAMPLE_REPORT

SEED_REPORT = Path(__file__).parent / "fixtures" / "seed001_litong_2021.nianbao"
SEED_TEXT = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "001_7769b43667f38014.txt"
TEMPLATE = load_template("2021")
TEXT_WIDTH = 8844  # 156 mm in twips
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def export(report: Report, folder: Path, font_set: str = "official") -> docx.document.Document:
    path = folder / f"report-{font_set}.docx"
    write_docx(report, path, font_set)
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def sample() -> Report:
    return load_report(SAMPLE_REPORT)


@pytest.fixture(scope="module")
def sample_doc(sample: Report, tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    return export(sample, tmp_path_factory.mktemp("sample"))


def text_of(element) -> str:
    """Text of a paragraph or cell, line breaks as "\\n"."""
    return "".join("\n" if node.tag == f"{W}br" else (node.text or "") for node in element.iter(f"{W}t", f"{W}br"))


def prop(element, path: str, attr: str = "val", default: str | None = None) -> str | None:
    found = element.find("/".join(f"{W}{step}" for step in path.split("/")))
    return default if found is None else found.get(qn(f"w:{attr}"), default)


def read_grid(tbl) -> dict[tuple[int, int], tuple[int, int, str, object]]:
    """(row, col) → (rowspan, colspan, text, tc) of each drawn cell, from gridSpan and vMerge."""
    slots = {}
    for r, tr in enumerate(tbl.findall(f"{W}tr")):
        c = 0
        for tc in tr.findall(f"{W}tc"):
            width = int(prop(tc, "tcPr/gridSpan", default="1"))
            state = prop(tc, "tcPr/vMerge", default="continue") if tc.find(f"{W}tcPr/{W}vMerge") is not None else None
            slots[(r, c)] = (width, state, tc)
            c += width
    drawn = {}
    for (r, c), (width, state, tc) in slots.items():
        if state == "continue":
            continue
        rows = 1
        while state == "restart" and slots.get((r + rows, c), (0, None))[1] == "continue":
            rows += 1
        drawn[(r, c)] = (rows, width, text_of(tc), tc)
    return drawn


def style_of(p) -> str:
    return prop(p, "pPr/pStyle", default="Normal")


def tables_by_key(document) -> dict[str, list]:
    """The page parts (w:tbl) of each template table, told apart by their caption, in order."""
    parts: dict[str, list] = {}
    for docx_table in document.tables:
        caption = prop(docx_table._tbl, "tblPr/tblCaption")
        (key,) = [t.key for t in TEMPLATE.tables if t.title == caption]
        parts.setdefault(key, []).append(docx_table._tbl)
    return parts


def table_grid(key: str, parts: list) -> dict[tuple[int, int], tuple[int, int, str, object]]:
    """read_grid of a table drawn in page parts, in the template's row numbers: every part's header
    rows must repeat the first part's, and a label cut by a page end (an item of the template that
    spans the cut) is joined again — with its text in both parts."""
    table = TEMPLATE.table(key)
    header = table.header_rows
    spans = {(i.col, r) for i in table.items for r in range(i.row + 1, i.row + i.rowspan)}  # (col, row) inside an item
    drawn: dict[tuple[int, int], tuple[int, int, str, object]] = {}
    offset = header
    for index, tbl in enumerate(parts):
        grid = read_grid(tbl)
        for (r, c), (rows, cols, text, tc) in sorted(grid.items()):
            if r < header:
                if index:
                    assert drawn[(r, c)][:3] == (rows, cols, text), (key, r, c)  # header repeated as is
                else:
                    drawn[(r, c)] = (rows, cols, text, tc)
                continue
            top = offset + r - header
            if r == header and index and (c, top) in spans:  # continues the label above the cut
                (start, above), = [(k, v) for k, v in drawn.items() if k[1] == c and k[0] + v[0] == top]
                assert above[2] == text, (key, c, text)
                drawn[start] = (above[0] + rows, cols, text, above[3])
            else:
                drawn[(top, c)] = (rows, cols, text, tc)
        offset += len(tbl.findall(f"{W}tr")) - header
    assert offset == table.grid_rows, key
    return drawn


def east_asia(element) -> str | None:
    return prop(element, "rPr/rFonts", "eastAsia")


# --- page, styles, fonts ------------------------------------------------------------------------

def test_a4_gb9704_margins_and_a_grid_of_22_lines_by_28_characters(sample_doc) -> None:
    section = sample_doc.sections[0]
    measured = [section.page_width.mm, section.page_height.mm, section.top_margin.mm, section.bottom_margin.mm,
                section.left_margin.mm, section.right_margin.mm]
    assert measured == pytest.approx([210, 297, 37, 35, 28, 26], abs=0.05)
    assert section._sectPr.find(qn("w:docGrid")) is None  # LibreOffice misreads the character grid
    body = sample_doc.styles["Normal"]
    assert body.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    pitch = body.paragraph_format.line_spacing.pt
    assert 22 * pitch <= 225 / 25.4 * 72 < 23 * pitch
    char = 16 + int(prop(body.element, "rPr/spacing")) / 20
    assert 28 * char <= 156 / 25.4 * 72 < 29 * char
    assert body.font.size == Pt(16)
    assert body.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert (prop(body.element, "pPr/ind", "firstLineChars"), prop(body.element, "pPr/ind", "firstLine")) == ("200", "640")


FONTS = {"official": ("方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", False),
         "windows": ("宋体", "仿宋", "黑体", "楷体", True)}  # title, body and tables, 一、, （一）, title bold


@pytest.mark.parametrize("font_set", ["official", "windows"])
def test_styles_and_every_run_name_their_fonts(sample: Report, tmp_path: Path, font_set: str) -> None:
    title, body, heading1, heading2, bold = FONTS[font_set]
    document = export(sample, tmp_path, font_set)
    expected = {"Normal": (body, 16), "年报标题": (title, 22), "年报一级标题": (heading1, 16),
                "年报二级标题": (heading2, 16), "年报表格": (body, 12), "年报页码": ("宋体", 14)}
    for name, (font, size) in expected.items():
        style = document.styles[name]
        assert (east_asia(style.element), style.font.size) == (font, Pt(size)), name
        latin = "宋体" if name == "年报页码" else "Times New Roman"  # 半角宋体阿拉伯数字
        assert style.element.find(f"{W}rPr/{W}rFonts").get(qn("w:ascii")) == latin
    assert document.styles["年报标题"].font.bold is bold
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults.get(qn("w:eastAsiaTheme")) is None and defaults.get(qn("w:eastAsia")) == body
    runs = list(document.element.body.iter(f"{W}r"))
    assert {east_asia(r) for r in runs} == {title, body, heading1, heading2}  # every run names its font
    assert {prop(r, "rPr/rFonts", "hAnsi") for r in runs} == {"Times New Roman"}


def test_title_headings_sections_and_table_order(sample: Report, sample_doc) -> None:
    body = sample_doc.element.body
    seq = [("tbl", "") if el.tag == f"{W}tbl" else (style_of(el), text_of(el))
           for el in body if el.tag in (f"{W}p", f"{W}tbl")]
    assert seq[:3] == [("年报标题", "清河县柳溪镇人民政府"), ("年报标题", "2025年政府信息公开工作年度报告"), ("Normal", "")]
    headings = [text for style, text in seq if style == "年报一级标题"]
    assert headings == [c.heading for c in TEMPLATE.chapters]
    for chapter in TEMPLATE.chapters:
        after = seq[seq.index(("年报一级标题", chapter.heading)) + 1]
        assert (after[0] == "tbl") == (chapter.table is not None), chapter.heading
    sections = [i for i, (style, _) in enumerate(seq) if style == "年报二级标题"]
    assert [seq[i][1] for i in sections] == [s.title for s in TEMPLATE.chapter("overview").sections]
    assert all(seq[i + 1][0] == "Normal" and seq[i + 1][1] for i in sections)  # each followed by its text
    assert {(p.alignment, p.style.paragraph_format.alignment) for p in sample_doc.paragraphs
            if p.style.name == "年报一级标题"} == {(None, WD_ALIGN_PARAGRAPH.JUSTIFY)}  # not centred
    five = seq.index(("年报一级标题", "五、存在的主要问题及改进情况"))
    lines = sample.text("problems").splitlines()
    assert len(lines) > 1 and seq[five + 1:five + 1 + len(lines)] == [("Normal", line) for line in lines]


def test_typed_headings_and_numbered_paragraphs(tmp_path: Path) -> None:
    report = Report.new(2025, "某某镇人民政府")
    report.set_text("problems", "（一）存在的问题\n1.公开不及时。\n（1）栏目更新慢。\n（二）改进措施。下一步加强培训。")
    report.set_text("overview.requests", "（二）依申请公开情况。全年新收申请6件。")  # title typed by the user
    found = {p.text: p for p in export(report, tmp_path).paragraphs}
    assert found["（一）存在的问题"].style.name == "年报二级标题"
    for numbered in ("1.公开不及时。", "（1）栏目更新慢。"):
        assert found[numbered].style.name == "Normal"
        assert [east_asia(r._r) for r in found[numbered].runs] == ["仿宋_GB2312"]
    run_in = found["（二）改进措施。下一步加强培训。"]
    assert [(r.text, east_asia(r._r)) for r in run_in.runs] == [("（二）改进措施。", "楷体_GB2312"),
                                                                 ("下一步加强培训。", "仿宋_GB2312")]
    assert "（二）依申请公开情况" not in found and "（二）依申请公开情况。全年新收申请6件。" in found
    assert split_run_in_heading("（一）" + "很长" * 30) == ("", "（一）" + "很长" * 30)


# --- page numbers --------------------------------------------------------------------------------

def test_page_numbers_odd_right_even_left(sample_doc) -> None:
    assert sample_doc.settings.odd_and_even_pages_header_footer
    section = sample_doc.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        assert not footer.is_linked_to_previous
        (paragraph,) = footer.paragraphs
        assert paragraph.alignment == (WD_ALIGN_PARAGRAPH.RIGHT if side == "right" else WD_ALIGN_PARAGRAPH.LEFT)
        assert prop(paragraph._p, "pPr/ind", side) == "280"  # one 4号 character in
        assert text_of(paragraph._p) == "— 1 —"
        assert [i.text for i in paragraph._p.iter(f"{W}instrText")] == [" PAGE "]
        assert [f.get(qn("w:fldCharType")) for f in paragraph._p.iter(f"{W}fldChar")] == ["begin", "separate", "end"]
        assert {east_asia(r) for r in paragraph._p.iter(f"{W}r")} == {"宋体"}
        assert paragraph.style.font.size == Pt(14)


# --- tables ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["t2", "t3", "t4"])
def test_tables_drawn_from_template_items(sample: Report, sample_doc, key: str) -> None:
    table = TEMPLATE.table(key)
    parts = tables_by_key(sample_doc)[key]
    assert len(parts) == (2 if key == "t3" else 1)  # the sample's 三 starts under 二 and ends on the next page
    grid = table_grid(key, parts)
    assert set(grid) == {(i.row, i.col) for i in table.items}
    tbl = parts[0]
    widths = [int(g.get(qn("w:w"))) for g in tbl.find(f"{W}tblGrid")]
    assert len(widths) == table.grid_columns and sum(widths) == TEXT_WIDTH
    for part in parts:
        assert [int(g.get(qn("w:w"))) for g in part.find(f"{W}tblGrid")] == widths
        assert prop(part, "tblPr/tblLayout", "type") == "fixed" and prop(part, "tblPr/tblW", "w") == str(TEXT_WIDTH)
    size = {"t2": "24", "t3": "21", "t4": "21"}[key]
    for item in table.items:
        rows, cols, text, tc = grid[(item.row, item.col)]
        assert (rows, cols) == (item.rowspan, item.colspan), item
        expected = format_value(sample.value(item.cell)) if item.cell else item.text
        assert text.replace("\n", "") == expected, item
        assert {prop(r, "rPr/sz") for r in tc.iter(f"{W}r")} <= {size}
        assert prop(tc, "tcPr/textDirection") == ("tbRlV" if item.vertical else None)
        if item.vertical:  # Word and WPS need a line pitch across, not an em: 11.55 pt for 10.5 pt was too little
            pitch = int(prop(tc, "p/pPr/spacing", "line"))
            assert prop(tc, "p/pPr/spacing", "lineRule") == "exact" and pitch >= 1.3 * 21 * 10
            assert int(prop(tc, "tcPr/tcW", "w")) - 2 * 57 >= pitch
    for r, tr in ((r, tr) for part in parts for r, tr in enumerate(part.findall(f"{W}tr"))):
        assert tr.find(f"{W}trPr/{W}cantSplit") is not None
        assert (tr.find(f"{W}trPr/{W}tblHeader") is not None) == (r < table.header_rows)
        assert prop(tr, "trPr/trHeight", "hRule") == "atLeast" and int(prop(tr, "trPr/trHeight")) >= 200
        col = 0
        for tc in tr.findall(f"{W}tc"):  # merged continuation cells included
            span = int(prop(tc, "tcPr/gridSpan", default="1"))
            assert int(prop(tc, "tcPr/tcW", "w")) == sum(widths[col:col + span])
            borders = tc.find(f"{W}tcPr/{W}tcBorders")
            assert [(b.tag[len(W):], b.get(qn("w:val"))) for b in borders] == [
                ("top", "single"), ("left", "single"), ("bottom", "single"), ("right", "single")]
            col += span
    assert any(i.vertical for i in table.items) == (key == "t3")


def test_narrow_header_labels_break_after_two_characters(sample_doc) -> None:
    grid = table_grid("t4", tables_by_key(sample_doc)["t4"])
    labels = [grid[(i.row, i.col)][2] for i in TEMPLATE.table("t4").items if i.row == 2]
    assert labels[:5] == ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]
    assert break_header("社会公益组织", 3 * 210 + 114, 210, 114) == "社会\n公益\n组织"
    assert break_header("结果维持", 5 * 210 + 114, 210, 114) == "结果维持"
    assert break_header("（一）予以公开", 114 + 210, 210, 114) == "（一）予以公开"


def test_blank_zero_money_and_slash_export_as_typed(tmp_path: Path) -> None:
    report = Report.new(2025, "某某镇人民政府")
    report.set_value("t2.fees.amount", Decimal("3056.81805"))
    report.set_value("t2.regulations.issued", 0)
    report.set_value("t2.licensing.decisions", SLASH)
    report.set_value("t3.new.natural", 12)
    grids = {k: table_grid(k, t) for k, t in tables_by_key(export(report, tmp_path)).items()}
    items = {k: TEMPLATE.table(k[:2]).item_for_cell(k) for k in TEMPLATE.cells}
    shown = {k: grids[k[:2]][(i.row, i.col)][2] for k, i in items.items()}
    assert (shown["t2.fees.amount"], shown["t2.regulations.issued"], shown["t2.regulations.repealed"],
            shown["t2.licensing.decisions"]) == ("3056.81805", "0", "", "/")
    assert (shown["t3.new.natural"], shown["t3.new.total"], shown["t3.new.other"]) == ("12", "12", "")
    assert sum(1 for text in shown.values() if text) == 3 + 2  # everything else blank, not "0"


# --- signature -------------------------------------------------------------------------------------

def test_signature_and_date(sample_doc) -> None:
    name, date = sample_doc.paragraphs[-2], sample_doc.paragraphs[-1]
    assert (name.text, date.text) == ("清河县柳溪镇人民政府", "2026年1月20日")
    assert name.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert name.paragraph_format.right_indent.twips == 630  # 右空二字
    name_start = TEXT_WIDTH - 630 - text_twips(name.text)
    assert date.paragraph_format.left_indent.twips - name_start == 630  # date starts two characters right
    assert sample_doc.paragraphs[-3].text == ""


def test_signature_when_the_date_is_longer_than_the_name() -> None:
    name_right, date_left, date_right = signature_layout("某镇政府", "2026年12月31日")
    assert date_left is None and date_right == 630
    name_start = name_right + text_twips("某镇政府")
    assert name_start - (date_right + text_twips("2026年12月31日")) >= 630 - 1
    assert format_date(dt.date(2026, 1, 5)) == "2026年1月5日"


# --- safe writing ------------------------------------------------------------------------------------

def test_locked_target_raises_and_leaves_existing_file(sample: Report, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "年报.docx"
    target.write_bytes(b"previous export")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as caught:
        write_docx(sample, target)
    assert str(target) in str(caught.value) and "未改动" in str(caught.value)
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["年报.docx"]  # no temp file left


def test_missing_folder_directory_target_and_replacing_a_file(sample: Report, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="不存在"):
        write_docx(sample, tmp_path / "没有" / "年报.docx")
    with pytest.raises(ExportError, match="文件夹"):
        write_docx(sample, tmp_path)
    with pytest.raises(ValueError):
        write_docx(sample, tmp_path / "x.docx", "wps")
    target = tmp_path / "年报.docx"
    target.write_bytes(b"old")
    write_docx(sample, target, "windows")
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None and "word/document.xml" in archive.namelist()


# --- seed 001 against its published text ----------------------------------------------------------

NUMBER = re.compile(r"\d+(\.\d+)?")


def _row(cells: list[str]) -> tuple[str, list[str]]:
    """(last label, normalised; the other cells) of a table line. The seed prints 社会组织."""
    labels = [c for c in cells if c.strip() and not NUMBER.fullmatch(c.strip())]
    label = re.sub(r"\s+", "", labels[-1] if labels else "").replace("(", "（").replace(")", "）")
    return label.replace("社会组织", "社会公益组织"), [c.strip() for c in cells if c not in labels]


def _docx_rows(key: str, parts: list) -> list[tuple[str, list[str]]]:
    rows: dict[int, list[tuple[int, str]]] = {}
    for (r, c), (_, _, text, _) in table_grid(key, parts).items():
        rows.setdefault(r, []).append((c, text))
    return [_row([t for _, t in sorted(rows[r])]) for r in sorted(rows)]


def test_seed001_export_matches_published_text(tmp_path: Path) -> None:
    seed = SEED_TEXT.read_text(encoding="utf-8")
    document = export(load_report(SEED_REPORT), tmp_path)
    chapters = [line.strip() for line in seed.splitlines() if re.fullmatch(r"[一二三四五六]、\S+", line.strip())]
    headings = [p.text for p in document.paragraphs if p.style.name == "年报一级标题"]
    assert headings == chapters == [c.heading for c in TEMPLATE.chapters]

    tables = tables_by_key(document)
    blocks = re.split(r"^[一二三四五六]、\S+$", seed, flags=re.M)
    checked = 0
    for key, block in (("t2", blocks[2]), ("t3", blocks[3])):
        exported = _docx_rows(key, tables[key])
        for label, numbers in (_row(line.split("\t")) for line in block.splitlines()):
            numbers = [n for n in numbers if n]
            if not label or not numbers:
                continue
            (values,) = [v for text, v in exported if text.startswith(label)]  # exactly one row
            it = iter(values)  # the seed lost some columns: its numbers are a subsequence, 总计 last
            assert all(n in it for n in numbers) and numbers[-1] == values[-1], (label, numbers, values)
            checked += 1
    assert checked >= 6 + 25
    seed_t4 = [line for line in blocks[4].splitlines() if re.search(r"\t0", line)][-1].split("\t")
    assert seed_t4 == _docx_rows("t4", tables["t4"])[-1][1]  # five blank 行政复议 cells stay blank
    header = table_grid("t3", tables["t3"])
    assert "社会公益组织" in [t.replace("\n", "") for _, _, t, _ in header.values()]
    assert "3056.81805" in _docx_rows("t2", tables["t2"])[-1][1]
