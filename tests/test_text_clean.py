"""No export crashes on any character or length a user can type or paste: one cleaning function,
tested over every text field × every forbidden character, and exports of the worst cases."""

from __future__ import annotations

import copy
import io
import re

import docx
import openpyxl
import pytest

from core.checks import run_checks
from core.export.docx_writer import docx_bytes, write_docx
from core.export.xlsx_writer import write_xlsx, xlsx_bytes
from core.report_file import load_report
from core.text_clean import (
    PROPERTY_MAX_CHARS,
    clean_report,
    clean_text,
    fit_property,
    forbidden_count,
    store_text,
    text_fields,
)
from resources import SAMPLE_REPORT

CONTROL = [chr(c) for c in range(0x20) if chr(c) not in "\t\n"]
OTHERS = ["\ud800", "\udbff", "\udc00", "\udfff", "\ufffe", "\uffff"]  # lone surrogates, non-characters
FORBIDDEN = [c for c in CONTROL if c != "\r"] + OTHERS
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
LONG_NAMES = [238, 239, 255, 256, 1000, 5000]


def sample():
    return load_report(SAMPLE_REPORT)


def fields(report) -> list[tuple[str, str]]:
    """(kind, key) of every text a user can type: unit fields, the opening, every chapter text, an explanation."""
    found = [(kind, key) for _label, kind, key, _text in text_fields(report) if key not in ("kind", "level")]
    found += [("text", k) for k in report.template.text_keys if ("text", k) not in found]
    return found + ([("explanation", "C7")] if ("explanation", "C7") not in found else [])


def put(report, where: tuple[str, str], text: str) -> None:
    store_text(report, *where, text)


def test_clean_text_removes_what_xml_forbids_and_keeps_everything_else():
    assert clean_text("甲\x00乙\x0b丙\x1f丁\t戊\n己") == "甲乙丙丁\t戊\n己"
    assert clean_text("a\r\nb\rc") == "a\nb\nc"
    assert clean_text("半个\ud83d表情") == "半个\ufffd表情"
    assert clean_text("a\ufffeb\uffff") == "ab"
    assert clean_text("单位\t名称\n第二行", single_line=True) == "单位 名称 第二行"
    assert clean_text("😀 正常的 emoji 与 U+2028\u2028") == "😀 正常的 emoji 与 U+2028\u2028"
    assert forbidden_count("a\x01\x02\ud800") == 3 and forbidden_count("a\r\n") == 0
    long = fit_property("名" * 5000)
    assert len(long) == PROPERTY_MAX_CHARS and long.endswith("…")


def test_every_field_times_every_character_is_cleaned_and_named():
    template_report = sample()
    cases = 0
    for where in fields(template_report):
        for char in CONTROL + OTHERS:
            report = copy.deepcopy(template_report)
            put(report, where, f"前{char}后")
            cleaned = clean_report(report)
            for _label, _kind, _key, text in text_fields(cleaned.report):
                assert not XML_FORBIDDEN.search(text), (where, hex(ord(char)))
            if char in FORBIDDEN:
                assert len(cleaned.notes) == 1 and "已删除" in cleaned.notes[0], (where, hex(ord(char)))
            assert report is not cleaned.report or not cleaned.notes  # the user's report is never changed
            cases += 1
    assert cases == len(fields(template_report)) * (len(CONTROL) + len(OTHERS))


def test_word_and_excel_exports_of_every_forbidden_character_in_every_field_do_not_crash(tmp_path):
    report = sample()
    poison = "".join(CONTROL + OTHERS)
    for where in fields(report):
        put(report, where, f"开{poison}头")
    notes = write_docx(report, tmp_path / "r.docx")
    assert len(notes) == len(fields(report))
    assert write_xlsx(report, tmp_path / "r.xlsx", run_checks(report)) == notes
    document = docx.Document(str(tmp_path / "r.docx"))
    texts = "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].text == clean_text(report.unit.name, single_line=True) == "开 " + "\ufffd" * 4 + "头"
    assert texts.count("\ufffd\ufffd\ufffd\ufffd头") >= 2 + len(report.template.text_keys)  # title, signature, texts
    assert not XML_FORBIDDEN.search(texts)
    workbook = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert any("开" in str(c.value) for ws in workbook for row in ws.iter_rows() for c in row if c.value)
    assert report.unit.name.startswith("开\x00")  # the report itself keeps what the user has


@pytest.mark.parametrize("length", LONG_NAMES)
def test_long_unit_names_export_in_full_in_the_body(length):
    report = sample()
    report.unit.name = "某" * (length - 4) + "人民政府"
    document = docx.Document(io.BytesIO(docx_bytes(report)))
    title = [p.text for p in document.paragraphs if p.style.name == "年报标题"]
    assert "".join(title[:-1]) == report.unit.name  # the title's name lines, whole (broken into balanced lines)
    assert len(document.core_properties.title) <= PROPERTY_MAX_CHARS
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(report, run_checks(report))))
    assert workbook.properties.title is not None


@pytest.mark.parametrize("text, expected", [
    ("", ""), ("plain ascii", "plain ascii"), ("中文与全角：１２", "中文与全角：１２"), ("表情😀保留", "表情😀保留"),
    ("a\ud800b", "a\ufffdb"), ("\udfff开头与结尾\ud83d", "\ufffd开头与结尾\ufffd"), ("\ud800\udc00", "\ufffd\ufffd"),
])
def test_replace_surrogates_marks_each_lone_half_and_keeps_everything_else(text, expected):
    from core.text_clean import replace_surrogates

    assert replace_surrogates(text) == expected
