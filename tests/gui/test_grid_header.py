"""表三's and 表四's header rows stay in view while the body scrolls."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.gui.helpers import table_page


def _scrolling_page(qtbot, window, chapter: str = "applications"):
    window.resize(1366, 768)
    page = table_page(window, chapter)
    qtbot.waitUntil(lambda: page.view.verticalScrollBar().maximum() > 0)
    return page


def test_header_rows_stay_visible_after_scrolling_the_body_to_the_bottom(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    page = _scrolling_page(qtbot, window)
    view, model, header = page.view, page.model, page.view.frozen_header
    rows = model.table.header_rows
    assert header is not None and header.rows == rows == 3
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    # The body is scrolled: the row at the top of its viewport is far below the header rows …
    assert view.rowAt(0) > rows + 5
    # … yet what is drawn at the top of the grid is the header, over its whole height and width.
    assert header.isVisible() and header.geometry().top() == view.viewport().geometry().top()
    assert header.height() == sum(view.rowHeight(r) for r in range(rows))
    assert header.width() == view.viewport().width()
    for col in (3, 4, 9):
        x = view.columnViewportPosition(col) + view.columnWidth(col) // 2
        for y in (2, header.height() // 2, header.height() - 3):
            point = view.viewport().mapTo(window, QPoint(x, y))
            assert window.childAt(point) is header.viewport()
            index = header.indexAt(QPoint(x, y))
            assert index.row() < rows and index.data(), (col, y)
    natural = header.indexAt(QPoint(view.columnViewportPosition(3) + 5, header.rowViewportPosition(2) + 5))
    assert natural.data() == "自然人"
    # Below the header the body shows its own last rows.
    below = view.viewport().mapTo(window, QPoint(5, view.viewport().height() - 5))
    assert window.childAt(below) is view.viewport()


def test_header_follows_horizontal_scrolling_and_column_widths(qtbot, make_window):
    window = make_window()
    page = table_page(window, "appeals")  # 15 data columns: scrolls sideways in a narrow window
    window.resize(700, 768)
    view, header = page.view, page.view.frozen_header
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    assert header.horizontalScrollBar().value() == view.horizontalScrollBar().value()
    assert header.columnViewportPosition(14) == view.columnViewportPosition(14)
    view.setColumnWidth(5, view.columnWidth(5) + 30)
    assert header.columnWidth(5) == view.columnWidth(5)


def test_a_cell_jumped_to_is_not_hidden_under_the_header(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    page = _scrolling_page(qtbot, window)
    view = page.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    for key in ("t3.new.natural", "t3.carried_over.other", "t3.disclosed.total"):
        assert view.select_cell(key)
        rect = view.visualRect(page.model.index_of_cell(key))
        assert rect.top() >= view.frozen_header.height(), key
    # Keyboard moves up keep the current cell out from under the header too.
    view.select_cell("t3.withheld_state_secret.natural")
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.setFocus()
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Up)
    assert page.model.cell_key(view.currentIndex()) == "t3.new.natural"
    assert view.visualRect(view.currentIndex()).top() >= view.frozen_header.height()


def test_table_two_has_no_frozen_header(make_window):
    window = make_window()
    assert table_page(window, "proactive").view.frozen_header is None
