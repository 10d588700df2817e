"""The shortcuts that make collecting 1,000 workbooks fast give exactly what the full reader gives:
the sheet scan's literal patterns, an export whose sheets are byte for byte as written taken from its
hidden map unparsed, and an unchanged export read at its hidden map's positions."""

from __future__ import annotations

import re

import openpyxl
import pytest

from core.checks import run_checks
from core.export.xlsx_tables import FIRST_GRID_ROW
from core.export.xlsx_writer import write_xlsx
from core.imports import xlsx_own, xlsx_package, xlsx_scan, xlsx_workbook
from core.imports.xlsx_reader import read_xlsx
from tests.aggregate_units import unit_report

SHEETS = [
    b'<worksheet><cols><col min="1" max="2"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
    b'<c r="B1"><v>2</v></c></row><row r="7"><c r="C7"><v>3</v></c></row></sheetData></worksheet>',
    b"<worksheet><sheetData><row r='1'><c r='A1'><v>1</v></c><c r='BZ9'><v>1</v></c></row></sheetData></worksheet>",
    b'<worksheet><sheetData><row r="1"><c s="1" r="A1"><v>1</v></c><c><v>2</v></c><c/></row><row><c r="a3"/></row>'
    b'</sheetData><rowBreaks count="1"/></worksheet>',
    b'<x:worksheet><x:sheetData><x:row r="2"><x:c r="D2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    b'<worksheet><sheetData><row r="1"><c r="AAAA1"><v>1</v></c><c r="B1"><f>1+1</f></c></row></sheetData></worksheet>',
    b'<worksheet><sheetData><row r="1"><c r="A1"><x:f>1+1</x:f></c></row><row r="1048576"><c r="XFD1048576"/></row>'
    b'</sheetData></worksheet>',
]


@pytest.mark.parametrize("xml", SHEETS)
def test_the_literal_scan_equals_the_general_one(xml, monkeypatch):
    fast = xlsx_scan.scan_sheet(xml)
    monkeypatch.setattr(xlsx_scan, "_PLAIN_CELL", re.compile(b"(?!)"))
    monkeypatch.setattr(xlsx_scan, "_PLAIN_ROW", re.compile(b"(?!)"))
    assert xlsx_scan.scan_sheet(xml) == fast


def _spy(monkeypatch, module, name):
    calls = []
    real = getattr(module, name)

    def spy(*args):
        found = real(*args)
        calls.append(found is not None)
        return found

    monkeypatch.setattr(module, name, spy)
    return calls


def _both_ways(path, monkeypatch):
    """(whether the unchanged-table shortcut applied, read with it, read by the label search); the
    sheets' fingerprints not trusted, so the sheets are parsed."""
    monkeypatch.setattr(xlsx_package.Package, "sheet_prints", lambda self: {})
    calls = _spy(monkeypatch, xlsx_own, "unchanged_tables")
    fast = read_xlsx(path)
    monkeypatch.setattr(xlsx_own, "unchanged_tables", lambda *args: None)
    slow = read_xlsx(path)
    return calls, fast, slow


def test_an_export_as_written_is_taken_from_its_map_unparsed_with_the_same_result(tmp_path, monkeypatch):
    report = unit_report("清河县甲镇人民政府", 1)
    write_xlsx(report, tmp_path / "a.xlsx", run_checks(report))
    taken = _spy(monkeypatch, xlsx_own, "as_exported_tables")
    scanned = _spy(monkeypatch, xlsx_workbook, "scan_sheet")
    calamine = _spy(monkeypatch, xlsx_workbook, "_read_fast")
    unparsed = read_xlsx(tmp_path / "a.xlsx")
    assert taken == [True] and not scanned and not calamine  # no sheet parsed; the hidden one read from its XML
    calls, fast, slow = _both_ways(tmp_path / "a.xlsx", monkeypatch)
    assert calls == [True]
    assert unparsed.report.cells == fast.report.cells == slow.report.cells == report.cells
    assert unparsed.problems == fast.problems == slow.problems and unparsed.read == fast.read == slow.read
    assert unparsed.report.texts == slow.report.texts and unparsed.report.unit == slow.report.unit


def test_an_unchanged_export_is_read_at_its_maps_positions_with_the_same_result(tmp_path, monkeypatch):
    report = unit_report("清河县甲镇人民政府", 1)
    write_xlsx(report, tmp_path / "a.xlsx", run_checks(report))
    calls, fast, slow = _both_ways(tmp_path / "a.xlsx", monkeypatch)
    assert calls == [True]
    assert fast.report.cells == slow.report.cells == report.cells
    assert fast.problems == slow.problems and fast.read == slow.read


@pytest.mark.parametrize("change", ["label", "value", "moved", "extra", "unmerged"])
def test_an_edited_export_goes_through_the_label_search(tmp_path, monkeypatch, change):
    report = unit_report("清河县甲镇人民政府", 1)
    write_xlsx(report, tmp_path / "a.xlsx", run_checks(report))
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    ws = wb["表三"]
    if change == "label":
        ws["A6"] = "一、本年新收政府信息公开申请数量（改）"
    elif change == "value":  # a value typed in Excel: read, and the fast path still applies
        item = report.template.table("t3").item_for_cell("t3.new.natural")
        ws.cell(FIRST_GRID_ROW + item.row, 1 + item.col, 12345)
    elif change == "moved":
        ws.insert_rows(3)
    elif change == "extra":
        ws["P40"] = "备注：本表由办公室填写"
    elif change == "unmerged":
        ws.unmerge_cells(ws.merged_cells.ranges.copy().pop().coord)
    wb.save(tmp_path / "a.xlsx")
    calls, fast, slow = _both_ways(tmp_path / "a.xlsx", monkeypatch)
    assert calls == [change == "value"]
    assert fast.report.cells == slow.report.cells and fast.problems == slow.problems
    if change == "value":
        assert fast.report.value("t3.new.natural") == 12345


@pytest.mark.parametrize("raw", [0, 5, -3, 5.0, -2.0, 1e14, 999999999999999.0, 1e15, 2.5, float("nan"), float("inf")])
@pytest.mark.parametrize("cell_type", ["count", "signed_count", "money"])
def test_a_whole_number_read_directly_is_what_the_parser_gives(raw, cell_type):
    from core.imports.xlsx_values import convert, number_text
    from core.values import CellInputError, parse_cell_input

    def outcome(read):
        try:
            value = read()
        except CellInputError:
            return "refused"
        return type(value), value

    assert outcome(lambda: convert(raw, None, cell_type)) == \
        outcome(lambda: parse_cell_input(number_text(raw), cell_type, strict=False))


def _rewrite_part(path, part, change):
    import io
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            target.writestr(info, change(data) if info.filename == part else data)
    path.write_bytes(buffer.getvalue())


def test_a_sheet_changed_behind_its_fingerprint_is_parsed(tmp_path):
    """A value changed in the sheet's XML itself (the fingerprint left as it was): read from the sheet."""
    report = unit_report("清河县甲镇人民政府", 1)
    path = tmp_path / "a.xlsx"
    write_xlsx(report, path, run_checks(report))
    where = _where(report, "t2.regulations.issued").encode()

    def change(xml: bytes) -> bytes:
        changed = re.sub(rb'(<c r="' + where + rb'"[^>]*><v>)[0-9]+(</v>)', rb"\g<1>4321\2", xml, count=1)
        assert changed != xml
        return changed

    _rewrite_part(path, "xl/worksheets/sheet1.xml", change)
    result = read_xlsx(path)
    assert result.source == "nianbao" and result.report.value("t2.regulations.issued") == 4321


def test_a_map_changed_behind_unchanged_sheets_does_not_stand_for_them(tmp_path):
    """The hidden map edited (its sheet no longer as exported) while the tables' sheets are: the
    numbers come from the visible sheets."""
    import json

    from core.export.xlsx_layout import MAP_ROW

    report = unit_report("清河县甲镇人民政府", 1)
    path = tmp_path / "a.xlsx"
    write_xlsx(report, path, run_checks(report))
    where, value = _where(report, "t3.new.natural"), report.value("t3.new.natural")

    def entry(text: str) -> bytes:
        return json.dumps(["t3.new.natural", "表三", where, text], separators=(",", ":")).encode()

    def forge(xml: bytes) -> bytes:
        forged = xml.replace(entry(str(value)), entry("999"))
        assert forged != xml
        return forged

    _rewrite_part(path, "xl/worksheets/sheet5.xml", forge)
    wb = openpyxl.load_workbook(path)
    entries = json.loads("".join(c.value for c in wb["_nianbao"][MAP_ROW][1:] if isinstance(c.value, str)))
    assert ["t3.new.natural", "表三", where, "999"] in entries  # the forgery is in
    result = read_xlsx(path)
    assert result.report.value("t3.new.natural") == report.value("t3.new.natural") != 999


def test_damaged_fingerprints_only_cost_the_shortcut(tmp_path):
    report = unit_report("清河县甲镇人民政府", 1)
    path = tmp_path / "a.xlsx"
    write_xlsx(report, path, run_checks(report))
    _rewrite_part(path, "docProps/custom.xml", lambda xml: xml.replace(b"sheet1.xml=", b"sheet1.xml=ff")[:-20])
    result = read_xlsx(path)
    assert result.source == "nianbao" and result.complete and not result.problems
    assert result.report.cells == report.cells


def _where(report, key):
    item = report.template.table(key.split(".")[0]).item_for_cell(key)
    return f"{chr(ord('A') + item.col)}{FIRST_GRID_ROW + item.row}"


def test_the_hidden_sheet_read_from_its_xml_is_what_calamine_reads(tmp_path, sample_report):
    import io
    import zipfile

    import python_calamine

    from core.imports.xlsx_exported_xml import exported_values

    sample_report.opening = "甲 & 乙 <丙> \"丁\" '戊' \\u4e00 &amp; 𠀀 \t尾 "
    write_xlsx(sample_report, tmp_path / "a.xlsx", run_checks(sample_report))
    data = (tmp_path / "a.xlsx").read_bytes()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet5.xml")
    rows = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("_nianbao").to_python()
    expected = {(r, c): v for r, row in enumerate(rows, 1) for c, v in enumerate(row, 1) if v != ""}
    assert exported_values(xml) == expected and len(expected) > 5
    for changed in (xml.replace(b'<c r="A1"', b'<c r="A1" t="s"', 1), xml.replace(b"meta", b"_x000D_", 1),
                    xml.replace(b"<v>2</v>", b"<v>2.5</v>", 1), xml.replace(b"</t>", b"&nbsp;</t>", 1)):
        assert changed != xml and exported_values(changed) is None


def test_an_exports_fingerprints_are_what_its_zip_directory_records(tmp_path):
    import zipfile

    from core.export.xlsx_layout import is_zip_print, zip_print
    from core.imports.xlsx_package import Package

    report = unit_report("清河县甲镇人民政府", 1)
    write_xlsx(report, tmp_path / "a.xlsx", run_checks(report))
    data = (tmp_path / "a.xlsx").read_bytes()
    prints = Package(data, "a").sheet_prints()
    sheets = [i for i in zipfile.ZipFile(tmp_path / "a.xlsx").infolist() if i.filename.startswith("xl/worksheets/")]
    assert len(prints) == len(sheets) >= 5 and all(is_zip_print(p) for p in prints.values())
    assert prints == {i.filename: zip_print(i.CRC, i.file_size) for i in sheets}


def test_an_export_fingerprinted_the_earlier_way_is_still_taken_from_its_map_unparsed(tmp_path, monkeypatch):
    """Workbooks of the previous release (BLAKE2b digests of the sheets' XML) keep reaching the office."""
    import zipfile

    from core.export.xlsx_layout import legacy_sheet_print

    report = unit_report("清河县甲镇人民政府", 1)
    path = tmp_path / "a.xlsx"
    write_xlsx(report, path, run_checks(report))
    with zipfile.ZipFile(path) as archive:
        legacy = ";".join(f"{i.filename}={legacy_sheet_print(archive.read(i))}" for i in archive.infolist()
                          if i.filename.startswith("xl/worksheets/"))
    _rewrite_part(path, "docProps/custom.xml",
                  lambda xml: re.sub(rb"xl/worksheets/sheet1\.xml=[^<]*", legacy.encode(), xml, count=1))
    taken = _spy(monkeypatch, xlsx_own, "as_exported_tables")
    scanned = _spy(monkeypatch, xlsx_workbook, "scan_sheet")
    result = read_xlsx(path)
    assert taken == [True] and not scanned
    assert result.report.cells == report.cells and result.complete and not result.problems
