"""`nianbao new --from LAST` and `nianbao check --previous LAST`: a report started from last year's,
cross-year checks with last year's figures, and the copied share per chapter."""

from __future__ import annotations

import json

from core.checks import run_checks
from core.export.xlsx_writer import write_xlsx
from core.report_file import load_report, save_report
from resources import SAMPLE_REPORT
from tests.conftest import FIXTURES
from tests.test_cli import run

SAMPLE_2020 = FIXTURES / "sample_2020.nianbao"


def test_new_from_last_years_file_carries_over_and_says_what(capsys, tmp_path):
    new = tmp_path / "2021.nianbao"
    code, out, err = run(capsys, "new", "--from", str(SAMPLE_2020), "-o", str(new))
    assert code == 0 and err == ""
    last, report = load_report(SAMPLE_2020), load_report(new)
    assert (report.year, report.template_id, report.unit) == (2021, "2021", last.unit)
    assert report.value("t3.carried_over.total") == last.value("t3.carried_forward.total")
    assert report.previous is not None and report.previous.value("t3.carried_forward.natural") == last.value(
        "t3.carried_forward.natural")
    assert report.previous_path == str(SAMPLE_2020.resolve())
    assert f"已从上年报告新建 {new}：" in out and "2021年政府信息公开工作年度报告" in out
    assert "“二、上年结转政府信息公开申请数量”按上年“四、结转下年度继续办理”填入 7 个单元格" in out
    assert "9 段文字作为草稿带入" in out and "其余表格单元格为空白" in out

    code, out, _ = run(capsys, "check", str(new))
    assert f"上年报告：报告中保存的 {last.title}，原位置 {SAMPLE_2020.resolve()}" in out
    assert "[警告] C12 一、总体情况：仍是从上年报告带来的原文" in out
    assert "[警告] C11 一、总体情况：约 100% 的内容与上年报告相同" in out
    assert "R8" not in out  # carried over exactly as last year ended


def test_new_from_refuses_an_existing_output_a_unit_and_an_earlier_year(capsys, tmp_path):
    new = tmp_path / "2021.nianbao"
    new.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, "new", "--from", str(SAMPLE_2020), "-o", str(new))
    assert code == 2 and "已存在，未做任何改动" in err and new.read_text(encoding="utf-8") == "keep me"
    other = tmp_path / "other.nianbao"
    code, _, err = run(capsys, "new", "--from", str(SAMPLE_2020), "--unit", "某单位", "-o", str(other))
    assert code == 2 and "单位信息沿用上年报告" in err and not other.exists()
    code, _, err = run(capsys, "new", "--from", str(SAMPLE_2020), "--year", "2020", "-o", str(other))
    assert code == 2 and "应晚于上年报告的年度（2020）" in err and not other.exists()
    code, _, err = run(capsys, "new", "-o", str(other))
    assert code == 2 and "--from" in err and not other.exists()
    code, _, err = run(capsys, "new", "--from", str(tmp_path / "missing.nianbao"), "-o", str(other))
    assert code == 2 and "missing.nianbao" in err and not other.exists()
    code, _, err = run(capsys, "new", "--from", str(tmp_path / "notes.txt"), "-o", str(other))
    assert code == 2 and "不是年报文件" in err and not other.exists()


def test_new_from_a_workbook_in_the_2019_format(capsys, tmp_path):
    book, new = tmp_path / "2020.xlsx", tmp_path / "2021.nianbao"
    last = load_report(SAMPLE_2020)
    write_xlsx(last, book, run_checks(last))
    code, out, _ = run(capsys, "new", "--from", str(book), "-o", str(new))
    assert code == 0, out
    report = load_report(new)
    assert (report.year, report.template_id, report.previous.template_id) == (2021, "2021", "2019")
    for column in ("natural", "commercial", "research", "public_interest", "legal_services", "other", "total"):
        assert report.value(f"t3.carried_over.{column}") == last.value(f"t3.carried_forward.{column}"), column


def test_new_from_a_workbook_without_a_year_asks_for_this_years(capsys, tmp_path):
    from tests.annex_workbooks import Layout, annex_workbook, expected_values

    book, new = annex_workbook(tmp_path / "book.xlsx", Layout(), title=False), tmp_path / "next.nianbao"
    code, _, err = run(capsys, "new", "--from", str(book), "-o", str(new))
    assert code == 2 and "没有写明报告年度" in err and "--year" in err and not new.exists()
    code, out, err = run(capsys, "new", "--from", str(book), "--year", "2025", "-o", str(new))
    assert code == 0, err
    report = load_report(new)
    assert (report.year, report.previous.year) == (2025, 2024)
    carried = expected_values()["t3.carried_forward.natural"]
    assert report.value("t3.carried_over.natural") == carried
    assert "单位名称为空" in err


def test_check_with_previous_uses_it_for_this_run_only(capsys, tmp_path):
    this, last = tmp_path / "2025.nianbao", tmp_path / "2024.nianbao"
    report = load_report(SAMPLE_REPORT)
    save_report(report, this)
    before = this.read_bytes()
    previous = load_report(SAMPLE_REPORT)
    previous.year = report.year - 1
    previous.set_value("t3.carried_forward.natural", 4)
    save_report(previous, last)

    code, out, _ = run(capsys, "check", str(this))
    assert "上年报告：没有" in out and "C11" not in out
    code, out, _ = run(capsys, "check", "--json", str(this))
    assert json.loads(out)["copied_text"] == []

    code, out, err = run(capsys, "check", "--previous", str(last), str(this))
    assert err == ""  # the same unit: nothing to caution about
    assert this.read_bytes() == before and not this.with_name(this.name + ".bak").exists()
    assert f"上年报告：{last}（{previous.title}），仅用于本次检查，报告文件未改动" in out
    natural = report.value("t3.carried_over.natural")
    assert (f"[警告] R8 三、二、上年结转·自然人：表中 {natural}，上年报告的 四、结转下年度继续办理 为 4，两者应相等"
            in out)
    assert "[警告] C11 一、总体情况：约 100% 的内容与上年报告相同" in out

    code, out, _ = run(capsys, "check", "--json", "--previous", str(last), str(this))
    data = json.loads(out)
    assert data["previous"].startswith("上年报告：") and any(f["id"] == "R8:natural" for f in data["findings"])
    overview = next(c for c in data["copied_text"] if c["chapter"] == "overview")
    assert overview["percent"] == 100 and overview["chapter_title"] == "一、总体情况" and overview["repeated_chars"] > 300
    assert this.read_bytes() == before


def test_check_keep_previous_saves_it_into_the_report(capsys, tmp_path):
    this, last = tmp_path / "2025.nianbao", tmp_path / "2024.nianbao"
    save_report(load_report(SAMPLE_REPORT), this)
    previous = load_report(SAMPLE_REPORT)
    previous.year -= 1
    save_report(previous, last)
    code, _, err = run(capsys, "check", "--keep-previous", str(this))
    assert code == 2 and "--previous" in err
    code, out, _ = run(capsys, "check", "--previous", str(last), "--keep-previous", str(this))
    assert "已保存到报告文件中" in out and f"已把上年报告“{last.name}”保存到 {this} 中" in out
    kept = load_report(this)
    assert kept.previous.year == previous.year and kept.previous_path == str(last.resolve())
    assert this.with_name(this.name + ".bak").exists()
    last.unlink()  # moved away: the checks still have last year's figures
    code, out, _ = run(capsys, "check", str(this))
    assert "上年报告：报告中保存的" in out and "C11 一、总体情况：约 100%" in out


def test_check_cautions_when_last_years_report_is_of_another_unit(capsys, tmp_path):
    this = tmp_path / "2025.nianbao"
    save_report(load_report(SAMPLE_REPORT), this)
    code, out, err = run(capsys, "check", "--previous", str(SAMPLE_2020), str(this))
    assert "注意：上年报告的单位是“清河县市场监督管理局”，与本报告的“清河县柳溪镇人民政府”不同" in err
    assert "C11" in out


def test_check_refuses_a_previous_that_is_not_earlier(capsys, tmp_path):
    this = tmp_path / "2025.nianbao"
    save_report(load_report(SAMPLE_REPORT), this)
    code, _, err = run(capsys, "check", "--previous", str(SAMPLE_REPORT), str(this))
    assert code == 2 and "不早于本报告的 2025 年度" in err


def _workbook_without_carried_forward(path):
    import openpyxl

    sample = load_report(SAMPLE_REPORT)
    write_xlsx(sample, path, run_checks(sample))
    workbook = openpyxl.load_workbook(path)
    del workbook["_nianbao"]  # read by its labels, as a foreign workbook
    for row in workbook["表三"].iter_rows():
        for cell in row:
            if cell.value == "四、结转下年度继续办理":
                cell.value = None
    workbook.save(path)
    return path


def test_new_from_a_workbook_with_unreadable_cells_needs_accept_partial(capsys, tmp_path):
    book, new = _workbook_without_carried_forward(tmp_path / "2025.xlsx"), tmp_path / "2026.nianbao"
    code, _, err = run(capsys, "new", "--from", str(book), "-o", str(new))
    assert code == 2 and "2 处无法读取" in err and "--accept-partial" in err and not new.exists()
    assert "[表三!B29]" in err and "缺少“四、结转下年度继续办理”这一行" in err
    code, out, err = run(capsys, "new", "--from", str(book), "--accept-partial", "-o", str(new))
    assert code == 0
    report = load_report(new)
    assert report.year == 2026 and report.value("t3.carried_over.natural") is None  # never taken as 0
    assert "本年对应的单元格没有填" in out and "上年“四、结转下年度继续办理·自然人”" in out
