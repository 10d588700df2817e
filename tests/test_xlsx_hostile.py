"""Crafted workbooks are read or refused quickly, with a Chinese message, never by exhausting memory.
Figures (time and peak memory per workbook, in child processes) come from benchmarks/hostile_imports.py."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from core.imports.xlsx_reader import XlsxImportError, read_xlsx
from tests import hostile_workbooks as hostile

ROOT = Path(__file__).resolve().parents[1]

# name → (workbook, what the reader says: a refusal or a notice on the sheet)
CASES = {
    "far corners": (hostile.far_corners, "notice", "第 1000 行以下或 BL 列以右"),
    "rows without references": (hostile.rows_without_references, "notice", "第 1000 行以下或 BL 列以右"),
    "huge shared strings": (hostile.huge_shared_strings, "refused", "共享字符串表"),
    "a million empty cells": (hostile.empty_styled_cells, "notice", "内容过多"),
    "cells beyond the columns read": (lambda: hostile.empty_styled_cells(columns=120, rows=300), "notice", "BL 列以右"),
    "many sheets with far cells": (hostile.many_wide_sheets, "notice", "远远超出"),
    "deeply nested sheet": (hostile.deeply_nested_sheet, "refused", "压缩炸弹"),
    "deeply nested, under the compression guard": (lambda: hostile.deeply_nested_sheet(depth=60_000), "read", ""),
    "deeply nested styles": (lambda: hostile.deeply_nested_styles(depth=60_000), "read", ""),
    "huge style table": (hostile.huge_style_table, "refused", "样式表"),
    "thousands of sheets": (hostile.many_sheets, "notice", "只读取了前 64 张"),
    "formulas without results": (hostile.formulas_without_results, "read", ""),
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_workbook_is_read_or_refused_with_a_message(tmp_path, name):
    make, outcome, text = CASES[name]
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(make())
    if outcome == "refused":
        with pytest.raises(XlsxImportError, match=text):
            read_xlsx(path)
        return
    result = read_xlsx(path)
    if outcome == "notice":
        assert any(p.notice and text in p.message for p in result.problems), result.problems
    assert not result.complete  # none of them holds the tables: each is named as not found


def test_far_cells_never_reach_the_dense_reader(tmp_path):
    """python-calamine aborts the whole process (no exception) on a dense grid it cannot allocate:
    read the two workbooks that would make it do so in a child process with an address-space cap."""
    paths = []
    for make in (hostile.far_corners, hostile.rows_without_references):
        path = tmp_path / f"{make.__name__}.xlsx"
        path.write_bytes(make())
        paths.append(str(path))
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (3 * 1024 ** 3, 3 * 1024 ** 3))
        sys.path.insert(0, {str(ROOT)!r})
        from core.imports.xlsx_reader import read_xlsx
        for path in {paths!r}:
            result = read_xlsx(path)
            print(result.source, len(result.notices))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["labels", "1", "labels", "1"]


def test_a_broken_workbook_directory_is_refused_naming_each_file_and_a_good_one_is_read_after_it(tmp_path):
    """The directory of sheets is kept per text (every export of a format has the same one); a part that
    does not parse is refused every time, in the words of the file it came in."""
    import io
    import zipfile

    from tests.xlsx_minimal import workbook_bytes

    good = workbook_bytes([("表三", "visible", {(1, 1): "标题"})])
    with zipfile.ZipFile(io.BytesIO(good)) as source:
        parts = {i.filename: source.read(i) for i in source.infolist()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for part, data in parts.items():
            target.writestr(part, data.replace(b"</sheets>", b"</sheetz>") if part == "xl/workbook.xml" else data)
    for name in ("甲.xlsx", "乙.xlsx"):
        (tmp_path / name).write_bytes(buffer.getvalue())
        with pytest.raises(XlsxImportError, match=f"“{name}”已损坏（xl/workbook.xml 不是有效的 XML）"):
            read_xlsx(tmp_path / name)
    for name in ("丙.xlsx", "丁.xlsx"):  # the same good directory twice: the second from what the first kept
        (tmp_path / name).write_bytes(good)
        assert read_xlsx(tmp_path / name).report is not None


def test_broken_styles_are_refused_naming_each_file_and_good_ones_read_after_them():
    import io
    import zipfile

    from core.imports.xlsx_package import Package
    from core.imports.xlsx_styles import read_number_formats
    from tests.xlsx_minimal import workbook_bytes

    good = workbook_bytes([("表三", "visible", {(1, 1): "标题"})])

    def with_styles(styles: bytes) -> bytes:
        with zipfile.ZipFile(io.BytesIO(good)) as source:
            parts = {i.filename: source.read(i) for i in source.infolist()}
        parts["xl/styles.xml"] = styles
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as target:
            for part, data in parts.items():
                target.writestr(part, data)
        return buffer.getvalue()

    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    styles = (b'<styleSheet ' + ns + b'><numFmts><numFmt numFmtId="164" formatCode="0.00"/></numFmts>'
              b'<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>')
    for name in ("“甲.xlsx”", "“乙.xlsx”"):
        with pytest.raises(XlsxImportError, match=f"{name}已损坏（xl/styles.xml 不是有效的 XML）"):
            read_number_formats(Package(with_styles(styles[:-5]), name))
    for name in ("“丙.xlsx”", "“丁.xlsx”"):
        assert read_number_formats(Package(with_styles(styles), name)).codes == ("General", "0.00")
