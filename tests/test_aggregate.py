"""The office's aggregation: a folder of units' files becomes its report, sums checked cell by cell
against an independent sum of what each unit's generator put in; the audit names every unit and file."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest

from core.aggregate.audit import ERRORS, EXCLUDED, MISSING, READY
from core.aggregate.collect import collect
from core.aggregate.roster import RosterError, read_roster
from core.aggregate.run import aggregate, summarise
from core.checks import run_checks
from core.export.xlsx_writer import write_xlsx
from core.report_file import load_report, save_report
from core.units import UnitInfo
from core.values import SLASH, numeric
from tests.aggregate_units import foreign_workbook, own_workbook, report_file, unit_report

OFFICE = UnitInfo(name="清河县人民政府", kind="government", level="county")
UNITS = {name: f"清河县{name}人民政府" for name in ("甲镇", "乙镇", "丙镇", "丁镇", "戊镇", "己镇")}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Our exports, an official-layout workbook, a report file, a unit with an error, a unit that
    copied another's text, a second copy, a wrong year, a broken workbook and a stray file."""
    root = tmp_path_factory.mktemp("units")
    expected = {}
    _, expected["甲镇"] = own_workbook(root, UNITS["甲镇"], 1)
    path, expected["乙镇"] = own_workbook(root, UNITS["乙镇"], 2)
    _, values = foreign_workbook(root, UNITS["丙镇"], 3)
    expected["丙镇"] = values
    _, expected["丁镇"] = report_file(root, UNITS["丁镇"], 4)
    wrong = unit_report(UNITS["戊镇"], 5)
    wrong.cells["t3.new.total"] += 7  # a typed total that does not add up: an error (R4)
    write_xlsx(wrong, root / "戊镇.xlsx", run_checks(wrong))
    copier = unit_report(UNITS["己镇"], 6)
    copier.texts = {k: t.replace(UNITS["甲镇"], UNITS["己镇"]) for k, t in expected["甲镇"].texts.items()}
    write_xlsx(copier, root / "己镇.xlsx", run_checks(copier))
    expected["己镇"] = copier
    older = root / "旧" / "乙镇（旧）.nianbao"
    older.parent.mkdir()
    save_report(unit_report(UNITS["乙镇"], 99), older)
    os.utime(older, (path.stat().st_mtime - 3600,) * 2)
    old = unit_report("清河县庚镇人民政府", 7, year=2024)
    write_xlsx(old, root / "庚镇2024.xlsx", run_checks(old))
    (root / "损坏.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (root / "说明.txt").write_text("请各单位报送", encoding="utf-8")
    return root, expected


@pytest.fixture(scope="module")
def roster_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("roster") / "名单.csv"
    lines = ["\ufeff 单位名称 , 分组 ,层级",
             "清河县 甲镇,乡镇街道,乡镇街道", "清河县乙镇政府,乡镇街道,", "清河县丙镇人民政府,乡镇街道,",
             "清河县丁镇,区直部门,", "清河县戊镇,乡镇街道,", "清河县己镇,乡镇街道,", "清河县辛镇,乡镇街道,"]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    return path


@pytest.fixture(scope="module")
def result(folder, roster_csv):
    return aggregate([folder[0]], 2025, OFFICE, roster=read_roster(roster_csv))


def _row(result, name):
    return next(r for r in result.rows if name in r.unit or any(name in f for f in r.files))


def test_sums_equal_an_independent_sum_of_the_units_cell_by_cell(result, folder):
    _, expected = folder
    summed = ["甲镇", "乙镇", "丙镇", "丁镇", "己镇"]
    assert sorted(r.unit for r in result.included) == sorted(["清河县 甲镇", "清河县乙镇政府", "清河县丙镇人民政府",
                                                              "清河县丁镇", "清河县己镇"])
    report = result.report
    for key in report.template.cells:
        values = [expected[n].cells.get(key) if hasattr(expected[n], "cells") else expected[n].get(key) for n in summed]
        want = sum((numeric(v) for v in values), Decimal(0))
        assert numeric(report.value(key)) == want, key
    assert report.unit.name == "清河县人民政府" and report.year == 2025
    assert not [f for f in result.check.findings if f.rule_id.startswith("R")]  # the sums add up


def test_the_breakdown_keeps_every_units_value_and_survives_save_and_load(result, folder, tmp_path):
    report = result.report
    assert report.sums_locked
    jia = [m.name for m in report.members.members].index("清河县 甲镇")
    assert report.members.of("t3.new.natural")[jia] == folder[1]["甲镇"].cells["t3.new.natural"]
    assert any(line.startswith("清河县 甲镇（乡镇街道）：") for line in report.members.lines("t3.new.natural"))
    save_report(report, tmp_path / "office.nianbao")
    again = load_report(tmp_path / "office.nianbao")
    assert again.members == report.members and again.cells == report.cells
    again.members.locked = False
    save_report(again, tmp_path / "office.nianbao")
    assert not load_report(tmp_path / "office.nianbao").sums_locked


def test_the_roster_names_the_missing_unit_and_the_audit_every_unit(result):
    missing = _row(result, "辛镇")
    assert missing.status == MISSING and missing.reasons == ["未报送"]
    assert _row(result, "甲镇").status == READY and _row(result, "甲镇").group == "乡镇街道"
    assert "按名单中的“清河县 甲镇”计" in "".join(_row(result, "甲镇").notices)
    assert _row(result, "丁镇").group == "区直部门"


def test_a_unit_with_an_error_is_flagged_and_not_summed(result):
    row = _row(result, "戊镇")
    assert row.status == ERRORS and not row.included
    assert any("一、本年新收" in e and "总计" in e for e in row.errors)
    assert "有错误，未汇总" in row.reasons[0]


def test_a_copied_text_is_flagged_naming_the_other_unit(result):
    similar = _row(result, "己镇").similar
    assert similar and "清河县 甲镇" in similar[0] and "%" in similar[0]
    assert not _row(result, "丁镇").similar  # its own texts


def test_files_not_used_are_each_named_with_the_reason(result):
    assert "不止一份" in _row(result, "乙镇（旧）").reasons[0] and "清河县乙镇人民政府.xlsx" in _row(result, "乙镇（旧）").reasons[0]
    assert _row(result, "乙镇（旧）").status == EXCLUDED
    assert "2024" in _row(result, "庚镇2024").reasons[0]
    assert _row(result, "损坏.xlsx").status == EXCLUDED and "损坏" in _row(result, "损坏.xlsx").reasons[0]
    assert "不是 Excel 工作簿" in _row(result, "说明.txt").reasons[0]


def test_a_foreign_workbook_is_checked_on_its_tables_only(result):
    row = _row(result, "丙镇")
    assert row.status == READY and not row.missing_chapters
    assert any("只有统计表" in n for n in row.notices)


def test_the_opening_counts_the_units_of_each_group_from_the_templates_phrases(result):
    opening = result.report.opening.splitlines()
    assert opening[0] == ("本报告由清河县人民政府根据所属单位报送的2025年度报告汇总编制，汇总本行政区域共5个单位，"
                          "其中乡镇街道4个、区直部门1个。")
    new_total = result.report.value("t3.new.total")
    assert any(line.startswith(f"表三的新收申请件数合计{new_total}件，其中乡镇街道") for line in opening[1:])


def test_a_scope_of_groups_sums_only_those_units(folder, roster_csv):
    submissions = collect([folder[0]], 2025)
    scoped = summarise(submissions, 2025, OFFICE, read_roster(roster_csv), groups=["区直部门"])
    assert [r.unit for r in scoped.included] == ["清河县丁镇"]
    assert scoped.report.members.scope == "本级"
    assert scoped.report.cells == {k: v for k, v in folder[1]["丁镇"].cells.items()}
    assert not any(r.status == MISSING for r in scoped.rows)  # 辛镇 is not in this scope
    assert "不在本次汇总的范围" in _row(scoped, "甲镇").reasons[0]


def test_excluding_and_including_units(folder, roster_csv):
    submissions = collect([folder[0]], 2025)
    roster = read_roster(roster_csv)
    chosen = summarise(submissions, 2025, OFFICE, roster, excluded=["清河县甲镇人民政府"], include=["清河县戊镇"])
    assert not _row(chosen, "甲镇").included and "不汇总" in _row(chosen, "甲镇").reasons[0]
    assert _row(chosen, "戊镇").included and "仍然汇总" in _row(chosen, "戊镇").reasons[0]


def test_a_blank_is_never_a_zero_and_a_slash_is_stated(tmp_path):
    a, b = unit_report("清河县甲镇人民政府", 1), unit_report("清河县乙镇人民政府", 2)
    del a.cells["t4.review.upheld"]
    a.recompute()
    a.cells["t2.fees.amount"] = SLASH
    b.cells["t2.fees.amount"] = Decimal("1.25")
    for n, report in enumerate((a, b)):
        save_report(report, tmp_path / f"{n}.nianbao")
    assert aggregate([tmp_path], 2025, OFFICE).rows[0].status == ERRORS  # a blank is an error of the unit
    result = aggregate([tmp_path], 2025, OFFICE, include=["清河县甲镇人民政府"])
    assert len(result.included) == 2
    assert result.report.value("t4.review.upheld") is None
    # A total over the blank adds what is known, as in any report being filled, and the check names the blank.
    assert result.report.value("t4.review.total") == a.cells["t4.review.total"] + b.cells["t4.review.total"]
    assert any("t4.review.upheld" in f.targets and f.severity == "error" for f in result.check.findings)
    assert result.report.value("t2.fees.amount") == Decimal("1.25")
    blank_note = next(n for n in result.notes if "结果维持" in n and "行政复议" in n)
    assert "“清河县甲镇人民政府”未填" in blank_note and "不能当作 0" in blank_note
    slash_note = next(n for n in result.notes if "“/”" in n)
    assert "清河县甲镇人民政府" in slash_note and "收费" in slash_note
    assert "空白（未填）" in result.report.members.lines("t4.review.upheld")[0]


def test_every_unit_writing_a_slash_gives_a_slash(tmp_path):
    reports = [unit_report(f"清河县{n}镇人民政府", i) for i, n in enumerate("甲乙")]
    for n, report in enumerate(reports):
        report.cells["t2.fees.amount"] = SLASH
        save_report(report, tmp_path / f"{n}.nianbao")
    result = aggregate([tmp_path], 2025, OFFICE, include=["清河县甲镇人民政府", "清河县乙镇人民政府"])
    assert result.report.value("t2.fees.amount") is SLASH


def test_a_unit_not_on_the_roster_is_an_error_naming_the_nearest_roster_name(tmp_path, roster_csv):
    save_report(unit_report("清河县甲真人民政府", 1), tmp_path / "a.nianbao")
    result = aggregate([tmp_path], 2025, OFFICE, roster=read_roster(roster_csv))
    row = _row(result, "甲真")
    assert row.status == ERRORS and not row.included
    assert "不在名单" in row.errors[0] and "相近的是“清河县 甲镇”" in row.errors[0]


def test_nothing_to_sum_gives_no_report_but_every_reason(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(b"")
    result = aggregate([tmp_path], 2025, OFFICE)
    assert result.report is None and result.rows[0].status == EXCLUDED


def test_collect_in_worker_processes_gives_the_same_result(folder):
    one = collect([folder[0]], 2025)
    two = collect([folder[0]], 2025, workers=2)  # below a batch: read here
    from core.aggregate import collect as module

    saved, module.BATCH = module.BATCH, 2
    try:
        forked = collect([folder[0]], 2025, workers=2)
    finally:
        module.BATCH = saved
    for a, b, c in zip(one, two, forked, strict=True):
        assert a.path == b.path == c.path and a.error == c.error and a.findings == c.findings
        assert (a.report.cells if a.report else None) == (c.report.cells if c.report else None)
        if c.report is not None:
            assert all(v is SLASH for v in c.report.cells.values() if v == "/")


def test_rosters_from_a_workbook_and_their_problems(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["清河县单位名单"])
    ws.append(["序号", "单位全称", "类别", "单位类型"])
    ws.append([1, "清河县教育局", "区直部门", "部门"])
    ws.append([2, "", "区直部门", ""])
    ws.append([3, "清河县教育局", "区直部门", ""])
    ws.append([4, "清河县甲镇人民政府", "乡镇街道", "人民政府"])
    ws.append([5, "清河县乙镇", "乡镇街道", "公司"])
    wb.save(tmp_path / "名单.xlsx")
    roster = read_roster(tmp_path / "名单.xlsx")
    assert [e.name for e in roster.entries] == ["清河县教育局", "清河县甲镇人民政府", "清河县乙镇"]
    assert roster.entries[0].kind == "department" and roster.entries[1].kind == "government"
    assert roster.groups == ["区直部门", "乡镇街道"]
    assert any("第 4 行没有单位名称" in p for p in roster.problems)
    assert any("第 5 行" in p and "与第 3 行重复" in p for p in roster.problems)
    assert any("类型“公司”无法识别" in p for p in roster.problems)
    (tmp_path / "空.csv").write_text("名称以外\n甲", encoding="utf-8")
    with pytest.raises(RosterError, match="找不到标题行"):
        read_roster(tmp_path / "空.csv")


def test_slash_stays_the_one_slash_through_pickling():
    import pickle

    assert pickle.loads(pickle.dumps(SLASH)) is SLASH


def test_report_files_without_or_with_a_damaged_breakdown(tmp_path):
    import json

    from core.report_file import ReportFileError, report_to_dict
    from tests.conftest import SEED001

    assert load_report(SEED001).members is None  # files saved before aggregation load as before
    data = report_to_dict(unit_report("清河县甲镇人民政府", 1))
    data["members"] = {"members": [{"name": "甲"}], "values": {"t3.new.natural": [1, 2]}}
    (tmp_path / "bad.nianbao").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReportFileError, match="汇总明细中单元格“t3.new.natural”的数值个数与单位数不符"):
        load_report(tmp_path / "bad.nianbao")
    data["members"] = {"members": [{"name": "甲"}], "values": {"t9.x": [1]}}
    (tmp_path / "bad.nianbao").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReportFileError, match="不属于本报告格式的单元格"):
        load_report(tmp_path / "bad.nianbao")


def test_the_office_workbook_reads_back_its_sums_and_lists_units_and_audit(result, tmp_path):
    import openpyxl

    from core.export.xlsx_office import write_office_xlsx
    from core.imports.xlsx_reader import read_xlsx

    path = tmp_path / "汇总.xlsx"
    write_office_xlsx(result, path)
    imported = read_xlsx(path)
    assert imported.complete and imported.report.cells == result.report.cells
    assert imported.report.members == result.report.members
    wb = openpyxl.load_workbook(path)
    members, audit = wb["明细"], wb["审核"]
    names = [c.value for c in members[1]]
    assert names[:2] == ["单位", "分组"] and "一、本年新收政府信息公开申请数量·自然人" in names
    column = names.index("一、本年新收政府信息公开申请数量·自然人") + 1
    rows = {members.cell(r, 1).value: members.cell(r, column).value for r in range(2, members.max_row + 1)}
    assert rows["汇总"] == result.report.value("t3.new.natural")
    assert sum(v for k, v in rows.items() if k != "汇总") == rows["汇总"] and len(rows) == 6
    statuses = {audit.cell(r, 1).value: audit.cell(r, 5).value for r in range(2, len(result.rows) + 2)}
    assert statuses["清河县辛镇"] == "未报送" and statuses["清河县戊镇"] == "有错误"
    assert "【雷同】" in audit.cell(2 + [r.unit for r in result.rows].index("清河县己镇"), 12).value


def test_reports_in_the_2019_format_add_up_for_a_2020_office(tmp_path):
    from tests.conftest import FIXTURES

    base = load_report(FIXTURES / "sample_2020.nianbao")
    for n, name in enumerate(("清河县甲镇人民政府", "清河县乙镇人民政府")):
        base.unit.name = name
        save_report(base, tmp_path / f"{n}.nianbao")
    result = aggregate([tmp_path], 2020, OFFICE, include=["清河县甲镇人民政府", "清河县乙镇人民政府"])
    assert result.template.id == "2019" and len(result.included) == 2
    for key, cell in result.template.cells.items():
        value = base.value(key)
        if cell.computed or value is None:
            continue
        assert numeric(result.report.value(key)) == (None if numeric(value) is None else 2 * numeric(value)), key
    assert "共2个单位" in result.report.opening


def test_unit_names_match_despite_spaces_width_and_the_government_suffix():
    from core.aggregate.names import unit_key

    assert unit_key("利通区 金积镇人民政府") == unit_key("利通区金积镇政府") == unit_key("利通区金积镇") == "利通区金积镇"
    assert unit_key("某某街道办事处") == unit_key("某某街道")
    assert unit_key("（筹）某局") == unit_key("(筹)某局")
    assert unit_key("某某县人民政府办公室") != unit_key("某某县人民政府")


def test_crafted_workbooks_among_the_units_cost_their_own_row_only(tmp_path):
    from tests import hostile_workbooks as hostile

    save_report(unit_report("清河县甲镇人民政府", 1), tmp_path / "甲镇.nianbao")
    for name, make in (("远角", hostile.far_corners), ("深嵌套", hostile.deeply_nested_sheet),
                       ("共享字符串", hostile.huge_shared_strings), ("公式", hostile.formulas_without_results)):
        (tmp_path / f"{name}.xlsx").write_bytes(make())
    result = aggregate([tmp_path], 2025, OFFICE)
    assert [r.unit for r in result.included] == ["清河县甲镇人民政府"]
    others = [r for r in result.rows if r.submission and r.submission.path.suffix == ".xlsx"]
    assert len(others) == 4
    for row in others:  # refused, or read and found to hold no tables: never summed, always said why
        assert not row.included and row.problem_lines()


def test_a_total_over_a_blank_is_named_as_partial_and_stated_in_no_figure(tmp_path):
    a, b = unit_report("清河县甲镇人民政府", 1), unit_report("清河县乙镇人民政府", 2)
    del a.cells["t3.new.natural"]
    a.recompute()
    for n, report in enumerate((a, b)):
        save_report(report, tmp_path / f"{n}.nianbao")
    result = aggregate([tmp_path], 2025, OFFICE, include=["清河县甲镇人民政府"])
    partial = next(n for n in result.notes if "只是已填部分之和" in n)
    assert result.report.template.cells["t3.new.total"].name in partial
    assert "t3.new.total" in result.sums.partial_totals
    assert not any(line.startswith("表三的新收申请件数") for line in result.report.opening.splitlines())


def test_group_figures_add_up_the_units_inputs_not_their_typed_totals(tmp_path, roster_csv):
    """A unit summed despite a wrong typed total: the office's total and each group's figure are both
    computed from the inputs, so the groups add up to the total."""
    reports = {name: unit_report(UNITS[name], n) for n, name in enumerate(("甲镇", "乙镇", "丁镇"), start=1)}
    reports["丁镇"].cells["t3.new.total"] += 50  # typed, does not add up
    for name, report in reports.items():
        save_report(report, tmp_path / f"{name}.nianbao")
    roster = read_roster(roster_csv)
    result = aggregate([tmp_path], 2025, OFFICE, roster, include=[UNITS["丁镇"]])
    inputs = {name: sum(r.cells[k] for k in r.template.cells if k.startswith("t3.new.") and not k.endswith("total"))
              for name, r in reports.items()}
    towns, departments = inputs["甲镇"] + inputs["乙镇"], inputs["丁镇"]
    assert result.report.value("t3.new.total") == towns + departments
    line = next(x for x in result.report.opening.splitlines() if x.startswith("表三的新收申请件数"))
    assert f"合计{towns + departments}件" in line and f"乡镇街道{towns}件" in line and f"区直部门{departments}件" in line


def test_a_second_copy_of_a_units_report_is_not_its_copied_text(tmp_path):
    report = unit_report(UNITS["甲镇"], 1)
    save_report(report, tmp_path / "甲镇.nianbao")
    older = tmp_path / "旧" / "甲镇（旧）.nianbao"
    older.parent.mkdir()
    save_report(report, older)
    os.utime(older, (os.path.getmtime(tmp_path / "甲镇.nianbao") - 3600,) * 2)
    result = aggregate([tmp_path], 2025, OFFICE)
    kept = next(r for r in result.rows if r.status == READY)
    assert kept.similar == [] and any(r.status == EXCLUDED and "不止一份" in r.reasons[0] for r in result.rows)


def test_a_roster_workbook_longer_than_is_read_says_so(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["单位名称", "分组"])
    for n in range(1500):
        ws.append([f"清河县第{n:04d}单位", "区直部门"])
    wb.save(tmp_path / "名单.xlsx")
    roster = read_roster(tmp_path / "名单.xlsx")
    assert len(roster.entries) == 999 and any(p.startswith("名单“名单.xlsx”") and "第 1000 行以下" in p and "未读取" in p
                                              for p in roster.problems)
