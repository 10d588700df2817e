"""Files the Excel import cannot read at all, or only in part: other file types, oversized files, zip
bombs, far-away cells and XML entity attacks get a Chinese refusal or a located notice."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from core.checks import run_checks
from core.export.xlsx_writer import write_xlsx
from core.imports import xlsx_package, xlsx_scan
from core.imports.xlsx_reader import XlsxImportError, read_xlsx


def zip_of(**members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


@pytest.mark.parametrize("name, content, expected", [
    ("notes.xlsx", "单位,数量\n".encode(), "不是 Excel"),
    ("archive.xlsx", zip_of(**{"readme.txt": "hello"}), "不是 Excel"),
    ("old.xls", OLE + "Workbook".encode("utf-16-le"), "旧版.*另存为 .xlsx"),
    ("secret.xlsx", OLE + "EncryptionInfo".encode("utf-16-le"), "打开密码"),
    ("nothing.xlsx", None, "找不到"),
])
def test_files_that_are_not_plain_workbooks(tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(XlsxImportError, match=expected):
        read_xlsx(path)


def test_oversized_file(tmp_path):
    big = tmp_path / "big.xlsx"
    with big.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(XlsxImportError, match="超过 20 MB"):
        read_xlsx(big)


def test_zip_bomb_and_too_many_rows(tmp_path, sample_report):
    path = tmp_path / "r.xlsx"
    write_xlsx(sample_report, path, run_checks(sample_report))
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/media/image1.bin", b"\0" * (60 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(XlsxImportError, match="压缩炸弹"):
        read_xlsx(bomb)



def test_cells_far_down_or_right_are_left_unread_with_a_notice(tmp_path, sample_report):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("数据")
    for number in range(xlsx_scan.MAX_ROWS + 500):
        ws.append([number])
    ws.append([None] * 300 + ["远处"])
    rows = tmp_path / "rows.xlsx"
    wb.save(rows)
    result = read_xlsx(rows)
    [far] = [p for p in result.problems if p.sheet == "数据"]
    assert far.notice and f"第 {xlsx_scan.MAX_ROWS} 行以下" in far.message
    grid_rows = {p.sheet for p in result.problems}
    assert grid_rows == {"数据", ""}  # and the three tables are named as not found


def entity_workbook(tmp_path: Path) -> Path:
    """A workbook whose sheet XML declares entities (billion-laughs style, kept small)."""
    source = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    wb.save(source)
    attack = (b'<?xml version="1.0"?><!DOCTYPE ws [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              b'<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>')
    path = tmp_path / "entity.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as target:
        for item in original.infolist():
            data = attack if item.filename == "xl/worksheets/sheet1.xml" else original.read(item)
            target.writestr(item, data)
    return path


def test_xml_entity_attack_is_refused(tmp_path, monkeypatch):
    path = entity_workbook(tmp_path)
    with pytest.raises(XlsxImportError, match="实体"):
        read_xlsx(path)
    # Without our own pre-check the reader still refuses it: python-calamine expands no entities.
    monkeypatch.setattr(xlsx_package, "_refuse_doctype", lambda *args: None)
    with pytest.raises(XlsxImportError, match="无法读取"):
        read_xlsx(path)
