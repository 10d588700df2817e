"""The .nianbao file: every field round-trips, saves are atomic with a backup, bad files change nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
from decimal import Decimal

import pytest

from core.document import Report, UnitInfo
from core.report_file import (
    FORMAT_VERSION,
    ReportFileError,
    dumps_report,
    load_report,
    report_to_dict,
    save_report,
)
from core.user_files import backup_path
from core.values import SLASH


def full_report() -> Report:
    report = Report.new(2025, "某某县某某镇人民政府")
    report.unit = UnitInfo(name="某某县某某镇人民政府", kind="department", level="county", region="某省某县",
                           address="某街1号", postcode="100000", phone="010-1", fax="010-2",
                           email="a@b.cn", website="http://x.gov.cn")
    report.signing_date = dt.date(2026, 1, 20)
    report.opening = "开头段落"
    for key in report.template.text_keys:
        report.set_text(key, f"{key} 的内容\n第二段")
    report.set_value("t3.new.natural", 0)
    report.set_value("t3.new.commercial", 5)
    report.set_value("t3.carried_over.natural", SLASH)
    report.set_value("t2.fees.amount", Decimal("3056.818050"))
    report.explanations["C7"] = "本年度承担上级委托的规章起草"
    return report


def test_round_trip_keeps_every_field(tmp_path):
    report = full_report()
    path = tmp_path / "r.nianbao"
    save_report(report, path)
    again = load_report(path)
    assert report_to_dict(again) == report_to_dict(report)
    assert again.unit == report.unit and again.signing_date == dt.date(2026, 1, 20)
    assert again.value("t3.new.natural") == 0 and again.value("t3.new.research") is None
    assert again.value("t3.carried_over.natural") is SLASH
    assert str(again.value("t2.fees.amount")) == "3056.818050"
    assert again.texts == report.texts and again.explanations == report.explanations
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format_version"] == FORMAT_VERSION and data["template"] == "2021"
    assert data["cells"]["t3.new.natural"] == 0 and data["cells"]["t2.fees.amount"] == "3056.818050"
    assert "t3.new.research" not in data["cells"]


def test_save_keeps_the_previous_version_as_backup(tmp_path):
    path = tmp_path / "r.nianbao"
    report = full_report()
    save_report(report, path)
    first = path.read_bytes()
    report.opening = "改过的开头"
    save_report(report, path)
    assert backup_path(path).read_bytes() == first
    assert load_report(path).opening == "改过的开头"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_failed_save_leaves_the_file_untouched(tmp_path, monkeypatch):
    path = tmp_path / "r.nianbao"
    save_report(full_report(), path)
    before = path.read_bytes()

    def refuse(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ReportFileError, match="没有权限写入.*原文件未改动"):
        save_report(Report.new(2025, "别的单位"), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(("content", "message"), [
    (b"", "已损坏或不完整"),
    (b"not json at all", "已损坏或不完整"),
    (b'{"format": "nianbao-report", "format_version": 1, "template": "2021", "ye', "已损坏或不完整"),
    (b'{"format": "nianbao-report", "format_version": 99, "template": "2021", "year": 2025}', "更新版本的年报软件"),
    (b'{"something": "else"}', "不是年报文件"),
    (b"\xff\xfe\x00garbage", "不是 UTF-8 文本"),
    (b'{"format": "nianbao-report", "format_version": 1, "template": "2021", "year": 2025,'
     b' "cells": {"t3.new.natural": "12\\u4ef6"}}', "单元格“一、本年新收政府信息公开申请数量·自然人”的值无效"),
    (b'{"format": "nianbao-report", "format_version": 1, "template": "2021", "year": 2025,'
     b' "cells": {"t9.x.y": 1}}', "不属于"),
    (b'{"format": "nianbao-report", "format_version": 1, "template": "1999", "year": 2025}', "报告格式无法加载"),
])
def test_bad_files_give_a_chinese_error_and_change_nothing(tmp_path, content, message):
    path = tmp_path / "bad.nianbao"
    path.write_bytes(content)
    with pytest.raises(ReportFileError, match=message):
        load_report(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.nianbao"]


def test_missing_file():
    with pytest.raises(ReportFileError, match="找不到文件"):
        load_report("/nonexistent/x.nianbao")


def test_saving_onto_a_folder_or_into_a_missing_folder_says_so_in_chinese(tmp_path):
    folder = tmp_path / "年报.nianbao"
    folder.mkdir()
    with pytest.raises(ReportFileError, match="是一个文件夹，请指定文件名"):
        save_report(full_report(), folder)
    with pytest.raises(ReportFileError, match="不存在，无法保存“r.nianbao”"):
        save_report(full_report(), tmp_path / "没有" / "r.nianbao")
    assert [p.name for p in tmp_path.iterdir()] == ["年报.nianbao"]


def test_a_folder_or_an_oversized_file_is_refused_by_name(tmp_path):
    folder = tmp_path / "文件夹.nianbao"
    folder.mkdir()
    with pytest.raises(ReportFileError, match="是文件夹，不是年报文件"):
        load_report(folder)
    huge = tmp_path / "huge.nianbao"
    with huge.open("wb") as stream:
        stream.truncate(21 * 1024 * 1024)
    with pytest.raises(ReportFileError, match="“huge.nianbao”有 21.0 MB，超过 20 MB，不像年报文件"):
        load_report(huge)


def test_setting_a_cell_recomputes_its_totals():
    report = Report.new(2025, "x")
    changed = report.set_text_value("t3.new.natural", "３")
    assert set(changed) == {"t3.new.natural", "t3.new.total"}
    report.set_value("t3.new.commercial", 2)
    assert report.value("t3.new.total") == 5
    report.set_value("t3.disclosed.natural", 1)
    report.set_value("t3.withheld_security.natural", 2)
    assert report.value("t3.total_results.natural") == 3
    assert report.value("t3.total_results.total") == 3
    report.set_value("t3.disclosed.natural", None)
    report.set_value("t3.withheld_security.natural", None)
    assert report.value("t3.total_results.natural") is None


def test_dumps_is_stable_json():
    text = dumps_report(full_report())
    assert text.endswith("\n") and json.loads(text)["year"] == 2025


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_saved_files_get_normal_permissions(tmp_path):
    path = tmp_path / "r.nianbao"
    save_report(full_report(), path)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    path.chmod(0o640)
    save_report(full_report(), path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_file_with_a_byte_order_mark_opens_as_without(tmp_path):
    from core.report_file import load_report, save_report
    from resources import SAMPLE_REPORT

    report = load_report(SAMPLE_REPORT)
    path = tmp_path / "bom.nianbao"
    save_report(report, path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # as Windows Notepad saves UTF-8
    opened = load_report(path)
    assert opened.cells == report.cells and opened.opening == report.opening and opened.unit == report.unit
