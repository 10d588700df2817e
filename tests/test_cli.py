"""The `nianbao` command line: new, check (text and JSON), exit codes, and refusals."""

from __future__ import annotations

import json

import pytest

from cli.main import main
from resources import SAMPLE_REPORT
from tests.conftest import ERRORS, SEED001


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_seed001_prints_the_four_blank_review_results_and_exits_1(capsys):
    code, out, _ = run(capsys, "check", str(SEED001))
    assert code == 1
    assert "四、政府信息公开行政复议、行政诉讼情况\n  [错误] R7 行政复议·结果维持：未填写，没有发生请填 0" in out
    # its 行政复议 half is blank: four results to fill (the blank 总计 follows from them)
    assert out.count("[错误] R7 行政复议·") == 4
    assert "合计：错误 4 项，警告 0 项" in out


def test_new_then_check_names_every_unfilled_chapter_and_table(capsys, tmp_path):
    path = tmp_path / "empty.nianbao"
    code, out, _ = run(capsys, "new", "--year", "2025", "--unit", "某某县某某镇人民政府", "-o", str(path))
    assert code == 0 and path.exists() and "已新建" in out
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    for heading in ("一、总体情况：尚未填写", "（表二）：整张表尚未填写（10 个单元格）", "（表三）：整张表尚未填写（144 个单元格）",
                    "（表四）：整张表尚未填写（12 个单元格）", "五、存在的主要问题及改进情况：尚未填写", "六、其他需要报告的事项：尚未填写"):
        assert heading in out
    assert len(out.splitlines()) < 30


def test_new_refuses_to_overwrite_and_unknown_years(capsys, tmp_path):
    path = tmp_path / "r.nianbao"
    path.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, "new", "--year", "2025", "--unit", "x", "-o", str(path))
    assert code == 2 and "已存在，未做任何改动" in err and path.read_text(encoding="utf-8") == "keep me"
    code, _, err = run(capsys, "new", "--year", "2007", "--unit", "x", "-o", str(tmp_path / "y.nianbao"))
    assert code == 2 and "没有适用于 2007 年度的报告格式" in err and "2008 年度及以后" in err
    assert not (tmp_path / "y.nianbao").exists()


def test_check_json(capsys):
    code, out, _ = run(capsys, "check", "--json", str(ERRORS))
    data = json.loads(out)
    assert code == 1
    r3 = next(f for f in data["findings"] if f["id"] == "R3:commercial")
    assert (r3["left"], r3["right"], r3["difference"], r3["severity"]) == (3, 1, 2, "error")
    assert r3["chapter_title"] == "三、收到和处理政府信息公开申请情况"
    assert data["summary"]["errors"] == sum(f["severity"] == "error" for f in data["findings"])


def test_check_clean_sample_exits_0(capsys):
    code, out, _ = run(capsys, "check", str(SAMPLE_REPORT))
    assert code == 0 and "未发现问题" in out


def test_check_corrupt_file(capsys, tmp_path):
    path = tmp_path / "bad.nianbao"
    path.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "check", str(path))
    assert code == 2 and "已损坏或不完整" in err


def test_usage_errors_are_chinese(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["check"])
    assert caught.value.code == 2
    assert "参数错误" in capsys.readouterr().err


def test_export_then_import_round_trips(capsys, tmp_path):
    from core.report_file import load_report, report_to_dict

    docx, xlsx, back = tmp_path / "r.docx", tmp_path / "r.xlsx", tmp_path / "back.nianbao"
    code, out, _ = run(capsys, "export", str(SAMPLE_REPORT), "--docx", str(docx), "--xlsx", str(xlsx))
    assert code == 0 and docx.stat().st_size > 10_000 and xlsx.stat().st_size > 5_000
    code, out, _ = run(capsys, "import", str(xlsx), "-o", str(back))
    assert code == 0 and "已导入" in out
    assert report_to_dict(load_report(back)) == report_to_dict(load_report(SAMPLE_REPORT))


def test_import_without_a_year_asks_for_one_and_writes_nothing(capsys, tmp_path):
    import openpyxl

    from core.checks import run_checks
    from core.export.xlsx_writer import build_workbook
    from core.report_file import load_report

    sample = load_report(SAMPLE_REPORT)
    workbook = build_workbook(sample, run_checks(sample))
    for sheet in list(workbook.worksheets):
        if sheet.sheet_state != "visible" or sheet.title == "填报信息":
            workbook.remove(sheet)
    for sheet in workbook.worksheets:
        sheet["A1"] = None  # no title row: neither unit nor year
    path, out_path = tmp_path / "foreign.xlsx", tmp_path / "out.nianbao"
    workbook.save(path)
    assert openpyxl.load_workbook(path).sheetnames
    code, _, err = run(capsys, "import", str(path), "-o", str(out_path), "--accept-partial")
    assert code == 2 and "请用 --year 指定" in err and not out_path.exists()
    code, out, _ = run(capsys, "import", str(path), "-o", str(out_path), "--accept-partial",
                       "--year", "2025", "--unit", "某某镇人民政府")
    assert code == 0 and load_report(out_path).title == "某某镇人民政府2025年政府信息公开工作年度报告"


def test_year_and_unit_given_on_the_command_line_satisfy_the_import(capsys, tmp_path):
    """`nianbao import book.xlsx -o r.nianbao --year 2024 --unit 某单位` saves: what the user gave
    stands for what the workbook left out; an undecidable unit type is a notice, not a refusal."""
    from core.report_file import load_report
    from tests.annex_workbooks import Layout, annex_workbook, expected_values

    path, out_path = annex_workbook(tmp_path / "book.xlsx", Layout(), title=False), tmp_path / "r.nianbao"
    code, _, err = run(capsys, "import", str(path), "-o", str(out_path))
    assert code == 2 and "请用 --year 指定" in err and not out_path.exists()
    code, out, err = run(capsys, "import", str(path), "-o", str(out_path), "--year", "2024", "--unit", "某单位")
    assert code == 0 and "已导入" in out and "提示" in err and "某单位" in err
    report = load_report(out_path)
    assert (report.year, report.unit.name) == (2024, "某单位")
    assert report.value("t4.suit_after_review.pending") == expected_values()["t4.suit_after_review.pending"]
    again = tmp_path / "r2.nianbao"
    code, _, err = run(capsys, "import", str(path), "-o", str(again), "--year", "2024", "--unit", "清河县水利局",
                       "--level", "county")
    assert code == 0 and err == ""
    assert (load_report(again).unit.kind, load_report(again).unit.level) == ("department", "county")


def test_import_refuses_incomplete_without_accept_partial(capsys, tmp_path):
    path, out_path = tmp_path / "notes.xlsx", tmp_path / "out.nianbao"
    path.write_text("not a workbook", encoding="utf-8")
    code, _, err = run(capsys, "import", str(path), "-o", str(out_path))
    assert code == 2 and not out_path.exists() and err.startswith("错误：")


def test_import_refuses_a_year_the_workbooks_format_does_not_serve(capsys, tmp_path):
    from tests.conftest import FIXTURES

    book, out = tmp_path / "2020.xlsx", tmp_path / "r.nianbao"
    run(capsys, "export", "--xlsx", str(book), str(FIXTURES / "sample_2020.nianbao"))
    import openpyxl

    workbook = openpyxl.load_workbook(book)
    del workbook["_nianbao"]  # a foreign workbook: only its labels say the format
    for ws in workbook.worksheets:
        ws.cell(1, 1).value = None  # no title, no year
    workbook.save(book)
    code, _, err = run(capsys, "import", str(book), "-o", str(out), "--year", "2025", "--unit", "某局", "--accept-partial")
    assert code == 2 and "不适用于 2025 年度" in err and not out.exists()


def test_export_chooses_run_in_headings_and_no_signature(capsys, tmp_path):
    import docx

    word = tmp_path / "r.docx"
    code, _, _ = run(capsys, "export", "--docx", str(word), "--run-in-headings", "--no-signature", str(SAMPLE_REPORT))
    paragraphs = [p.text for p in docx.Document(word).paragraphs]
    assert code == 0 and any(p.startswith("（一）主动公开情况。") and len(p) > 20 for p in paragraphs)
    assert paragraphs[-1] != "2026年1月20日" and not paragraphs[-1].endswith("日")


def test_a_reader_that_stops_early_gets_no_traceback():
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-m", "cli.main", "check", str(ERRORS)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # as `| head` does once it has read enough
    _, err = process.communicate(timeout=60)
    assert b"Traceback" not in err and err == b""


def test_import_reads_a_published_report_by_its_suffix(capsys, tmp_path):
    """`nianbao import 001.txt -o r.nianbao`: seed 001's text as extracted names the rows that lost numbers
    and saves nothing until the user accepts a partial import; the Word export imports whole."""
    from core.export.docx_writer import write_docx
    from core.report_file import load_report
    from tests.seed_text import seed_text

    text = tmp_path / "001.txt"
    text.write_text(seed_text("001"), encoding="utf-8")
    out = tmp_path / "r.nianbao"
    code, _, err = run(capsys, "import", str(text), "-o", str(out))
    assert code == 2 and not out.exists()
    assert "[第 51 行] 表三（收到和处理政府信息公开申请情况）「（一）予以公开」：读到 6 个数，应有 7 个" in err
    assert "导入不完整（4 处问题" in err
    code, _, _ = run(capsys, "import", str(text), "-o", str(out), "--accept-partial")
    assert code == 0 and load_report(out).value("t2.licensing.decisions") == 10723
    docx = tmp_path / "r.docx"
    write_docx(load_report(SEED001), docx)
    code, printed, _ = run(capsys, "import", str(docx), "-o", str(tmp_path / "w.nianbao"))
    assert code == 0 and "已导入为" in printed and "检查：错误 4 项" in printed
    assert load_report(tmp_path / "w.nianbao").cells == load_report(SEED001).cells


def test_import_of_an_unreadable_published_report_says_why(capsys, tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>欢迎访问</p></body></html>", encoding="utf-8")
    code, _, err = run(capsys, "import", str(path), "-o", str(tmp_path / "r.nianbao"))
    assert code == 2 and "看不出是哪一年、哪种格式" in err


def _units_folder(tmp_path, with_error: bool):
    from core.checks import run_checks
    from core.export.xlsx_writer import write_xlsx
    from tests.aggregate_units import own_workbook, report_file, unit_report

    folder = tmp_path / "units"
    folder.mkdir()
    own_workbook(folder, "清河县甲镇人民政府", 1)
    report_file(folder, "清河县乙镇人民政府", 2)
    if with_error:
        wrong = unit_report("清河县丙镇人民政府", 3)
        wrong.cells["t3.new.total"] += 1
        write_xlsx(wrong, folder / "丙镇.xlsx", run_checks(wrong))
    roster = tmp_path / "名单.csv"
    roster.write_text("单位名称,分组\n清河县甲镇,乡镇街道\n清河县乙镇,乡镇街道\n清河县丙镇,乡镇街道\n清河县丁镇,区直部门\n",
                      encoding="utf-8")
    return folder, roster


def test_aggregate_prints_the_audit_saves_the_report_and_workbook_and_exits_1_on_errors(capsys, tmp_path):
    from core.report_file import load_report

    folder, roster = _units_folder(tmp_path, with_error=True)
    out_file, xlsx = tmp_path / "汇总.nianbao", tmp_path / "汇总.xlsx"
    code, out, _ = run(capsys, "aggregate", str(folder), "--year", "2025", "--unit", "清河县人民政府",
                       "-o", str(out_file), "--xlsx", str(xlsx), "--roster", str(roster))
    assert code == 1
    assert "[有错误] 清河县丙镇（乡镇街道） · 丙镇.xlsx · 未汇总" in out
    assert "[未报送] 清河县丁镇（区直部门）" in out
    assert "合计：可汇总 2 个，有错误 1 个，未报送 1 个，已排除 0 个；汇总了 2 个单位" in out
    report = load_report(out_file)
    assert report.unit.name == "清河县人民政府" and report.unit.level == "county" and report.sums_locked
    assert [m.name for m in report.members.members] == ["清河县甲镇", "清河县乙镇"]
    assert xlsx.stat().st_size > 0
    code, _, err = run(capsys, "aggregate", str(folder), "--year", "2025", "--unit", "清河县人民政府", "-o", str(out_file))
    assert code == 2 and "已存在" in err


def test_aggregate_json_and_exit_0_without_errors(capsys, tmp_path):
    folder, roster = _units_folder(tmp_path, with_error=False)
    code, out, _ = run(capsys, "aggregate", str(folder), "--year", "2025", "--unit", "清河县人民政府",
                       "-o", str(tmp_path / "a.nianbao"), "--json", "--roster", str(roster), "--groups", "乡镇街道")
    assert code == 0
    data = json.loads(out)
    assert data["summed"] == 2 and data["template"] == "2021"
    assert {u["unit"]: u["status"] for u in data["units"]} == {"清河县甲镇": "可汇总", "清河县乙镇": "可汇总",
                                                               "清河县丙镇": "未报送"}


def test_aggregate_refusals_are_chinese(capsys, tmp_path):
    folder, roster = _units_folder(tmp_path, with_error=False)
    base = ["aggregate", str(folder), "--year", "2025", "--unit", "清河县人民政府", "-o", str(tmp_path / "a.nianbao")]
    code, _, err = run(capsys, *base, "--groups", "乡镇街道")
    assert code == 2 and "请同时用 --roster 指定名单" in err
    code, _, err = run(capsys, *base, "--roster", str(roster), "--groups", "街道")
    assert code == 2 and "名单中没有分组“街道”" in err
    code, _, err = run(capsys, *base, "--roster", str(tmp_path / "无.csv"))
    assert code == 2 and "无.csv" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "aggregate", str(empty), "--year", "2025", "--unit", "清河县人民政府",
                       "-o", str(tmp_path / "b.nianbao"))
    assert code == 2 and "没有可以汇总的单位" in err and not (tmp_path / "b.nianbao").exists()


def test_aggregate_refuses_an_exclude_or_include_that_names_no_unit(capsys, tmp_path):
    folder, roster = _units_folder(tmp_path, with_error=False)
    out_file = tmp_path / "a.nianbao"
    base = ["aggregate", str(folder), "--year", "2025", "--unit", "清河县人民政府", "-o", str(out_file)]
    code, _, err = run(capsys, *base, "--exclude", "清河县甲真")
    assert code == 2 and "--exclude 指定的单位“清河县甲真”不在本次读取的单位中" in err and not out_file.exists()
    code, _, err = run(capsys, *base, "--include", "清河县乙镇人民政府")
    assert code == 0 and out_file.exists()
