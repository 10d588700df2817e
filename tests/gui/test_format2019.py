"""A 2020 report in the app: created in the 2019 format, its table 二 typed into (a negative 本年增/减),
the unit of 采购总金额 shown next to the cell, every table model sound."""

from __future__ import annotations

from core.report_file import load_report
from gui.files import new_dialog
from tests.gui.conftest import FIXTURES
from tests.gui.helpers import table_page, type_into_cell


def test_a_new_2020_report_uses_the_2019_format(make_window, monkeypatch):
    window = make_window()
    monkeypatch.setattr(new_dialog, "ask_new_report", lambda parent, unit_name="": (2020, "某某县某某局"))
    assert window.files.new_report()
    report = window.document.report
    assert (report.year, report.template_id) == (2020, "2019")
    page = table_page(window, "proactive")
    shown = {page.model.index(r, c).data() for r in range(page.model.rowCount()) for c in range(page.model.columnCount())}
    assert {"第二十条第（九）项", "政府集中采购", "其他对外管理服务事项", "本年增/减", "采购总金额（单位：万元）"} <= shown
    assert "本年制发件数" not in shown
    applications = table_page(window, "applications")
    assert applications.model.index_of_cell("t3.other_processing.natural").isValid()


def test_the_signed_column_takes_minus_three_and_counts_refuse_it(qtbot, make_window, monkeypatch):
    window = make_window()
    monkeypatch.setattr(new_dialog, "ask_new_report", lambda parent, unit_name="": (2020, "某某县某某局"))
    assert window.files.new_report()
    page = table_page(window, "proactive")
    type_into_cell(qtbot, page, "t2.licensing.change", "-3")
    qtbot.waitUntil(lambda: window.document.report.value("t2.licensing.change") == -3)
    assert page.model.index_of_cell("t2.licensing.change").data() == "-3"
    type_into_cell(qtbot, page, "t2.licensing.previous_items", "-3")
    assert window.document.report.value("t2.licensing.previous_items") is None
    assert "是负数" in window.statusBar().currentMessage()


def test_the_purchase_amount_says_its_unit(make_window):
    window = make_window(load_report(FIXTURES / "sample_2020.nianbao"))
    page = table_page(window, "proactive")
    page.view.setCurrentIndex(page.model.index_of_cell("t2.purchase.purchase_amount"))
    assert "采购总金额" in page.help_area.text() and "（单位：万元）" in page.help_area.text()
    assert page.model.index_of_cell("t2.purchase.purchase_amount").data() == "386.42"


def test_every_2019_table_model_passes_qtmodeltester(qtmodeltester, make_window):
    report = load_report(FIXTURES / "sample_2020.nianbao")
    window = make_window(report)
    for chapter in report.template.chapters:
        if chapter.table:
            qtmodeltester.check(table_page(window, chapter.key).model, force_py=True)
