"""Keyboard moves in the grid: Enter and Down reach the next input cell below, across merged cells."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.helpers import table_page, type_into_cell


def test_enter_from_a_three_column_row_goes_to_the_wide_cell_below_and_typing_lands_there(qtbot, make_window):
    window = make_window()
    page = table_page(window, "proactive")
    report = window.document.report
    type_into_cell(qtbot, page, "t2.normative_documents.in_force", "5")
    qtbot.waitUntil(lambda: report.value("t2.normative_documents.in_force") == 5)
    # Below 现行有效件数 are a block heading and a header row, then 行政许可's cell spanning three columns.
    qtbot.waitUntil(lambda: page.model.cell_key(page.view.currentIndex()) == "t2.licensing.decisions")
    qtbot.keyClick(page.view, "1")  # the first key opens the cell's editor, which then has the focus
    editor = page.view.focusWidget()
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: report.value("t2.licensing.decisions") == 12)
    assert report.value("t2.normative_documents.in_force") == 5
    # And on down the wide cells, block after block.
    qtbot.waitUntil(lambda: page.model.cell_key(page.view.currentIndex()) == "t2.penalty.decisions")


def test_down_arrow_walks_every_column_of_table_two_to_an_input_cell(qtbot, make_window):
    window = make_window()
    page = table_page(window, "proactive")
    view, model = page.view, page.model
    for key in ("t2.regulations.issued", "t2.regulations.repealed", "t2.regulations.in_force"):
        view.setFocus()
        view.setCurrentIndex(model.index_of_cell(key))
        seen = [key]
        for _ in range(8):
            qtbot.keyClick(view, Qt.Key.Key_Down)
            seen.append(model.cell_key(view.currentIndex()))
        column = key.rsplit(".", 1)[1]
        assert seen == [key, f"t2.normative_documents.{column}", "t2.licensing.decisions", "t2.penalty.decisions",
                        "t2.coercion.decisions", "t2.fees.amount", "t2.fees.amount", "t2.fees.amount",
                        "t2.fees.amount"]
    # Up from a wide cell goes back to the column it starts in.
    view.setCurrentIndex(model.index_of_cell("t2.licensing.decisions"))
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert model.cell_key(view.currentIndex()) == "t2.normative_documents.issued"


def test_right_from_a_wide_cell_stays_and_tab_goes_on_to_the_next_row(qtbot, make_window):
    window = make_window()
    page = table_page(window, "proactive")
    view, model = page.view, page.model
    view.setFocus()
    view.setCurrentIndex(model.index_of_cell("t2.licensing.decisions"))
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert model.cell_key(view.currentIndex()) == "t2.licensing.decisions"
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert model.cell_key(view.currentIndex()) == "t2.penalty.decisions"
