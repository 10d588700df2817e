"""Web pages as portals publish reports (a table per chapter with rowspan/colspan, UTF-8 or GBK) and
hostile or empty files: read to the same cells and texts, or refused with a Chinese message."""

from __future__ import annotations

import io
import zipfile

import pytest

from core.imports.published import PublishedImportError
from core.imports.published.reader import read_published
from core.report_file import load_report
from resources import SAMPLE_REPORT
from tests.conftest import SEED001
from tests.portal_pages import portal_page


@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
@pytest.mark.parametrize("source", [SAMPLE_REPORT, SEED001], ids=["sample", "seed001"])
def test_a_portal_page_imports_to_the_reports_cells_and_texts(source, charset, tmp_path):
    report = load_report(source)
    path = tmp_path / "report.html"
    path.write_bytes(portal_page(report, charset))
    result = read_published(path)
    back = result.report
    assert back.cells == report.cells, "every number in its cell; seed 001's five blank cells stay blank"
    assert back.texts == report.texts and back.opening == report.opening
    assert (back.template_id, back.year, back.unit.name) == (report.template_id, report.year, report.unit.name)
    assert result.defects == []
    assert [p.message for p in result.notices if "标题之前" in p.message] == ["标题之前的“首页 > 政府信息公开 > 年度报告”不是报告的内容，未导入"]


def _page(body: str) -> bytes:
    return f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()


T4_HEAD = ('<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
           '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>'
           '<td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td>'
           '<td colspan="5">复议后起诉</td></tr>'
           '<tr>' + "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>" * 2 + "</tr>")


def _report_page(t4_rows: str) -> bytes:
    return _page("<h1>某某县2025年政府信息公开工作年度报告</h1><p>开头。</p><p>一、总体情况</p><p>正文。</p>"
                 f"<p>四、政府信息公开行政复议、行政诉讼情况</p><table>{T4_HEAD}{t4_rows}</table>")


def test_blank_cells_of_a_web_table_stay_blank_where_they_are(tmp_path):
    path = tmp_path / "r.html"
    path.write_bytes(_report_page("<tr>" + "<td></td>" * 5 + "<td>1</td><td>0</td><td>0</td><td>0</td><td>1</td>"
                                  + "<td>0</td>" * 5 + "</tr>"))
    report = read_published(path).report
    assert report.template_id == "2021" and report.year == 2025 and report.unit.name == "某某县"
    assert [report.value(k) for k in report.template.table("t4").cells] == [None] * 5 + [1, 0, 0, 0, 1] + [0] * 5


def test_a_web_table_missing_a_cell_is_named_not_shifted(tmp_path):
    path = tmp_path / "r.html"
    path.write_bytes(_report_page("<tr>" + "<td>0</td>" * 14 + "</tr>"))
    result = read_published(path)
    problem = next(p for p in result.defects if "表四" in p.message)
    assert "读到 14 个数，应有 15 个" in problem.message and problem.where == "第 1 个表格第 4 行"
    assert not any(k.startswith("t4.") for k in result.report.cells)


def test_swapped_column_headers_refuse_the_table(tmp_path):
    swapped = T4_HEAD.replace("<td rowspan=\"2\">结果维持</td><td rowspan=\"2\">结果纠正</td>",
                              "<td rowspan=\"2\">结果纠正</td><td rowspan=\"2\">结果维持</td>", 1)
    page = _report_page("<tr>" + "<td>1</td>" * 15 + "</tr>").replace(T4_HEAD.encode(), swapped.encode())
    path = tmp_path / "r.html"
    path.write_bytes(page)
    result = read_published(path)
    assert any("列顺序不同" in p.message for p in result.defects)
    assert not any(k.startswith("t4.") for k in result.report.cells)


def _docx(body_xml: bytes, part: str = "word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, body_xml)
    return buffer.getvalue()


HOSTILE = {
    "empty.txt": (b"", "没有文字"),
    "blank.txt": (b"\n\n   \n- 1 -\n", "没有文字"),
    "binary.txt": (bytes(range(256)) * 40, "不是 UTF-8 或 GBK"),
    "notes.txt": ("今天开会。\n明天下雨。".encode(), "看不出是哪一年、哪种格式"),
    "old.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "旧版 Word"),
    "garbled.docx": (b"PK\x03\x04garbage" * 50, "不是 Word 文档"),
    "nobody.docx": (_docx(b"<a/>", "word/other.xml"), "没有 Word 正文"),
    "broken.docx": (_docx(b"<w:document><w:body><w:p>"), "XML 无法解析"),
    "entities.docx": (_docx(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>'), "DTD"),
    "huge.docx": (_docx(b"<a>" + b" " * (33 * 1024 * 1024) + b"</a>"), "不像一份年度报告"),
    "notables.html": ("<html><body><p>欢迎访问本网站</p></body></html>".encode(), "看不出是哪一年、哪种格式"),
    "empty.html": (b"<html><head><title>x</title></head><body></body></html>", "没有文字"),
    "report.pdf": (b"%PDF-1.4", "不是 Word 文档、网页或文字文件"),
    "spans.html": (("<table><tr>" + '<td rowspan="200" colspan="200">1</td>' * 20 + "</tr></table>").encode(),
                   "合并的单元格过多"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_or_empty_files_get_a_chinese_message(name, tmp_path):
    data, expected = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(PublishedImportError) as caught:
        read_published(path)
    assert expected in str(caught.value)


def test_a_page_without_tables_names_every_table_as_not_found(tmp_path):
    path = tmp_path / "r.html"
    path.write_bytes(_page("<h1>某某县2025年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文。</p>"))
    result = read_published(path)
    named = {k for p in result.defects for k in p.cell_keys}
    assert named == set(result.report.template.cells) and not result.report.cells
    assert any(p.message.startswith("没有找到表三") for p in result.defects)


def test_contact_details_come_from_the_opening_only_where_labelled():
    from core.imports.published.contact import contact_fields

    text = ("本报告电子版可在利通区人民政府门户网站（www.ltq.gov.cn/）查阅。如有疑问请联系（地址：利通区朝阳东街 131 号，"
            "邮政编码：751100，联系电话：0953-2666586，电子邮箱：ltqzfb@163.com）。")
    assert contact_fields(text) == {"address": "利通区朝阳东街131号", "postcode": "751100", "phone": "0953-2666586",
                                    "email": "ltqzfb@163.com", "website": "www.ltq.gov.cn"}
    assert contact_fields("本单位没有写联系方式。") == {}


def test_a_page_saved_by_word_as_gb2312_with_office_markup(tmp_path):
    page = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
            '<meta http-equiv=Content-Type content="text/html; charset=gb2312"><!--[if gte mso 9]><xml></xml><![endif]-->'
            '</head><body><p class=MsoNormal align=center>某某县某某镇人民政府<o:p></o:p></p>'
            '<p class=MsoNormal>2025年政府信息公开工作年度报告<o:p></o:p></p><p>开头&nbsp;段落。</p>'
            '<p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p>'
            '<table><tr><td><p>第二十条第（五）项</p></td></tr><tr><td>信息内容</td><td>本年处理决定数量</td></tr>'
            '<tr><td><p><span>行政许可</span></p></td><td><p><span>1,234</span></p></td></tr></table></body></html>')
    path = tmp_path / "r.htm"
    path.write_bytes(page.encode("gb2312"))
    result = read_published(path)
    report = result.report
    assert (report.year, report.unit.name, report.opening) == (2025, "某某县某某镇人民政府", "开头 段落。")
    assert report.text("overview") == "正文。"
    problem = next(p for p in result.defects if "t2.licensing.decisions" in p.cell_keys)
    assert problem.where == "第 1 个表格第 3 行" and "含有逗号" in problem.message


def test_a_word_file_typed_by_a_unit_with_merged_header_cells(tmp_path):
    """A report typed in Word (not exported by the app): 表四's header merged across and down, the
    行政复议 half left blank, the title over two paragraphs, no 表二/表三."""
    import docx

    document = docx.Document()
    for text in ("某某县人民政府", "2023年政府信息公开工作年度报告", "开头。", "一、总体情况", "正文。",
                 "四、政府信息公开行政复议、行政诉讼情况"):
        document.add_paragraph(text)
    table = document.add_table(rows=4, cols=15)
    table.cell(0, 0).merge(table.cell(0, 4)).text = "行政复议"
    table.cell(0, 5).merge(table.cell(0, 14)).text = "行政诉讼"
    for col, label in enumerate(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")):
        table.cell(1, col).merge(table.cell(2, col)).text = label
        table.cell(2, 5 + col).text = label
        table.cell(2, 10 + col).text = label
    table.cell(1, 5).merge(table.cell(1, 9)).text = "未经复议直接起诉"
    table.cell(1, 10).merge(table.cell(1, 14)).text = "复议后起诉"
    for col in range(5, 15):
        table.cell(3, col).text = "1" if col in (5, 9) else "0"
    document.add_paragraph("五、存在的主要问题及改进情况")
    document.add_paragraph("问题。")
    path = tmp_path / "typed.docx"
    document.save(path)
    result = read_published(path)
    report = result.report
    assert (report.template_id, report.year, report.unit.name) == ("2021", 2023, "某某县人民政府")
    assert [report.value(k) for k in report.template.table("t4").cells] == [None] * 5 + [1, 0, 0, 0, 1] + [0] * 5
    assert {k for k in result.read if k.startswith("t4.")} == set(report.template.table("t4").cells)
    assert report.text("problems") == "问题。"
    missing = {p.message for p in result.defects}
    assert "没有找到章节“六、其他需要报告的事项”，这一章的文字暂空" in missing
    assert any(m.startswith("没有找到表二") for m in missing) and any(m.startswith("没有找到表三") for m in missing)


def test_numbers_in_separate_paragraphs_of_one_web_cell_are_not_run_together(tmp_path):
    path = tmp_path / "r.html"
    path.write_bytes(_page("<h1>某某县2025年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p><table>"
                           "<tr><td>行政许可</td><td><p>1</p><p>2</p></td></tr></table>"))
    result = read_published(path)
    assert "t2.licensing.decisions" not in result.report.cells
    assert any("t2.licensing.decisions" in p.cell_keys and "“1 2”" in p.message for p in result.defects)
