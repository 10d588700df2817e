"""Computed totals look computed in every state and explain themselves when typed on."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from gui.tables.model import COMPUTED_BACKGROUND, SEVERITY_BACKGROUNDS, SEVERITY_MARKS
from tests.gui.helpers import table_page

COMPUTED = [
    "t3.new.total", "t3.total_results.natural", "t3.total_results.total", "t3.carried_forward.total",
    "t4.review.total", "t4.suit_after_review.total",
]


def _page_for(window, key: str):
    return table_page(window, "appeals" if key.startswith("t4.") else "applications")


def test_blank_totals_in_a_blank_table_are_grey_while_the_blank_inputs_are_flagged(make_window):
    window = make_window()  # a new report: every table is blank, which is an error on every cell
    for key in COMPUTED:
        index = _page_for(window, key).model.index_of_cell(key)
        assert index.data() == ""
        assert index.data(Qt.ItemDataRole.BackgroundRole).color() == COMPUTED_BACKGROUND
    inputs = table_page(window, "applications").model.index_of_cell("t3.new.natural")
    assert inputs.data(Qt.ItemDataRole.BackgroundRole).color() == SEVERITY_BACKGROUNDS["error"]


def test_a_total_in_error_stays_grey_with_a_red_frame_and_red_figure(make_window, sample_report):
    sample_report.set_value("t3.new.commercial", 9)  # R1 fails for 商业企业 and for 总计
    window = make_window(sample_report)
    page = table_page(window, "applications")
    index = page.model.index_of_cell("t3.new.total")
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == COMPUTED_BACKGROUND
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == SEVERITY_MARKS["error"]
    view = page.view
    view.scrollTo(index)
    image = view.viewport().grab().toImage()
    rect = view.visualRect(index)
    ratio = image.devicePixelRatio()

    def pixel(point: QPoint) -> QColor:
        return image.pixelColor(point * ratio)

    # The frame runs along the cell's edges; its middle stays grey.
    assert pixel(QPoint(rect.center().x(), rect.top() + 1)) == SEVERITY_MARKS["error"]
    assert pixel(QPoint(rect.left() + 1, rect.center().y())) == SEVERITY_MARKS["error"]
    assert pixel(QPoint(rect.left() + 4, rect.top() + 4)) == COMPUTED_BACKGROUND
    # An input cell in the same error keeps the pink input-cell look, without a frame.
    commercial = page.model.index_of_cell("t3.new.commercial")
    assert commercial.data(Qt.ItemDataRole.BackgroundRole).color() == SEVERITY_BACKGROUNDS["error"]
    assert commercial.data(Qt.ItemDataRole.ForegroundRole) is None


def test_typing_on_a_total_explains_it_and_neither_jumps_nor_changes_anything(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    page = table_page(window, "applications")
    view, model = page.view, page.model
    before = dict(window.document.report.cells)
    for key in ("t3.new.total", "t3.total_results.natural"):
        index = model.index_of_cell(key)
        view.setFocus()
        view.setCurrentIndex(index)
        # "1" matches many cells and labels ("1.属于国家秘密"); Qt's type-ahead used to jump there.
        qtbot.keyClick(view, "1")
        assert view.currentIndex() == index
        assert view.state() != view.State.EditingState
        message = window.statusBar().currentMessage()
        assert message.startswith(f"“{model.document.report.template.cells[key].name}”是总计，由软件自动计算")
        assert "请填写本" in message and "各项" in message
    assert "请填写本行的各项（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）" in explain_text(
        window, "t3.new.total")
    assert "请填写本列的各项（共 21 项）" in explain_text(window, "t3.total_results.natural")
    assert window.document.report.cells == before
    assert not window.document.undo_stack.canUndo()


def explain_text(window, key: str) -> str:
    from gui.tables.totals import explain_total

    return explain_total(window.document.report.template, key)


def test_double_click_on_a_total_explains_it_and_typing_on_a_label_says_it_is_a_label(qtbot, make_window):
    window = make_window()
    page = table_page(window, "appeals")
    view, model = page.view, page.model
    index = model.index_of_cell("t4.review.total")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert view.state() != view.State.EditingState
    assert "总计，由软件自动计算" in window.statusBar().currentMessage()
    assert "本行的各项（结果维持、结果纠正、其他结果、尚未审结）" in window.statusBar().currentMessage()
    label = model.index(0, 0)
    view.setFocus()
    view.setCurrentIndex(label)
    qtbot.keyClick(view, "5")
    assert view.currentIndex() == label
    assert "标签，不能填写" in window.statusBar().currentMessage()
