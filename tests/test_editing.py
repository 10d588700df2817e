"""Edits recompute only what depends on them, undo puts every cell back exactly, and "did the value
change" is decided in one place."""

from __future__ import annotations

from decimal import Decimal

from core.document import Report
from core.editing import SetCells, SetExplanation, SetField, SetText
from core.values import SLASH, same_value


def test_an_unrelated_edit_keeps_an_imported_total(sample_report):
    sample_report.store("t3.new.total", 999)  # typed in the imported file, wrong on purpose
    changed = sample_report.set_value("t2.fees.amount", Decimal("1.5"))
    assert changed == ["t2.fees.amount"]
    assert sample_report.value("t3.new.total") == 999


def test_an_edit_recomputes_the_totals_that_read_it_and_nothing_else(sample_report):
    sample_report.store("t3.new.total", 999)
    sample_report.store("t4.review.total", 77)
    before = sample_report.value("t3.disclosed.natural")
    changed = sample_report.set_value("t3.disclosed.natural", before + 1)
    assert set(changed) == {"t3.disclosed.natural", "t3.disclosed.total", "t3.total_results.natural",
                            "t3.total_results.total"}
    assert (sample_report.value("t3.new.total"), sample_report.value("t4.review.total")) == (999, 77)


def test_undo_brings_back_a_typed_total_the_edit_recomputed(sample_report):
    sample_report.store("t3.new.total", 999)
    edit = SetCells({"t3.new.natural": 40})
    change = edit.apply(sample_report)
    assert set(change.cells) == {"t3.new.natural", "t3.new.total"} and sample_report.value("t3.new.total") != 999
    edit.revert(sample_report)
    assert sample_report.value("t3.new.total") == 999


def test_totals_given_with_the_edit_are_stored_as_given(sample_report):
    edit = SetCells({"t3.new.natural": 40, "t3.new.total": 5})  # a pasted block or an import
    edit.apply(sample_report)
    assert sample_report.value("t3.new.total") == 5


def test_same_value_is_the_one_judge_of_change():
    assert same_value(Decimal("1.0"), Decimal("1.0"))
    assert not same_value(Decimal("1.0"), Decimal("1.00"))  # typed differently: a change
    assert not same_value(0, None) and not same_value(None, SLASH) and not same_value(1, Decimal(1))
    report = Report.new(2025, "某镇人民政府")
    report.set_value("t2.fees.amount", Decimal("1.0"))
    assert SetCells({"t2.fees.amount": Decimal("1.00")}).changes_anything(report)
    assert report.set_value("t2.fees.amount", Decimal("1.00")) == ["t2.fees.amount"]
    assert not SetCells({"t2.fees.amount": Decimal("1.00")}).changes_anything(report)


def test_typing_merges_and_undoes_to_the_first_text():
    report = Report.new(2025, "某镇人民政府")
    first, later = SetText("problems", "一"), SetText("problems", "一是")
    first.apply(report)
    later.apply(report)
    assert first.merge(later) and not first.merge(SetText("other_matters", "x"))
    first.revert(report)
    assert report.text("problems") == ""
    first.apply(report)
    assert report.text("problems") == "一是"


def test_fields_opening_and_explanations_are_edits_too():
    report = Report.new(2025, "某镇人民政府")
    name = SetField("name", "某县某镇人民政府")
    assert name.apply(report).fields == ("name",) and report.unit.name == "某县某镇人民政府"
    name.revert(report)
    assert report.unit.name == "某镇人民政府"
    opening = SetText("opening", "开头")
    opening.apply(report)
    assert report.opening == "开头" and "opening" not in report.texts
    explain = SetExplanation("C8:missing", "  尚未签发  ")
    explain.apply(report)
    assert report.explanations == {"C8:missing": "尚未签发"}
    explain.revert(report)
    assert report.explanations == {}


def test_a_drawn_tables_edit_changes_that_table_only_and_reverts_exactly():
    from core.document import FreeTable
    from core.editing import SetFreeTable

    report = Report.new(2018, "某乡人民政府")
    report.free_tables = {"free-1": FreeTable("审批单", [["事项", ""]]), "free-2": FreeTable("其他", [["a"]])}
    typed = FreeTable("审批单", [["事项", "3"]])
    edit = SetFreeTable("free-1", typed)
    change = edit.apply(report)
    assert change.free_tables == ("free-1",) and not change.structure and change
    typed.rows[0][1] = "changed after"  # the edit keeps its own copy
    assert report.free_tables["free-1"].rows == [["事项", "3"]] and report.free_tables["free-2"].rows == [["a"]]
    assert edit.revert(report).free_tables == ("free-1",)
    assert report.free_tables["free-1"] == FreeTable("审批单", [["事项", ""]])
    fresh = SetFreeTable("free-3", FreeTable("新表", [[""]]))  # a table the report did not hold yet
    fresh.apply(report)
    fresh.revert(report)
    assert set(report.free_tables) == {"free-1", "free-2"}


def test_unlocking_an_aggregates_sums_is_an_edit_that_locks_again_on_revert():
    from core.editing import SetSumsLocked
    from core.member_breakdown import Member, MemberBreakdown

    report = Report.new(2025, "清河县人民政府")
    report.members = MemberBreakdown((Member("清河县甲镇人民政府"),))
    edit = SetSumsLocked(False)
    assert edit.apply(report).structure and not report.sums_locked and edit.label == "解除汇总锁定"
    assert edit.revert(report).structure and report.sums_locked
    plain = Report.new(2025, "某某镇人民政府")  # no breakdown: nothing to lock or unlock
    assert not SetSumsLocked(False).apply(plain) and plain.members is None
