"""Application start-up pieces: Qt's own texts in Chinese, the window built from the template."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui import app as gui_app
from tests.gui.helpers import table_page


def test_qt_standard_texts_are_chinese(qapp):
    assert gui_app.install_translations(qapp)
    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_one_tab_per_chapter_in_template_order(make_window):
    window = make_window()
    chapters = window.document.report.template.chapters
    assert window.tabs.count() == 1 + len(chapters)
    assert window.tabs.tabText(0) == "单位信息"
    for i, chapter in enumerate(chapters, start=1):
        assert window.tabs.tabText(i).startswith(chapter.number + "、")
        assert window.tabs.tabToolTip(i).startswith(chapter.help)
    overview = window.pages["overview"]
    assert list(overview.editors) == ["overview", *(s.key for s in chapters[0].sections)]


def test_delete_clears_selected_cells_as_one_step(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    page = table_page(window, "applications")
    view = page.view
    view.setFocus()
    view.setCurrentIndex(page.model.index_of_cell("t3.new.natural"))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.document.report.value("t3.new.natural") is None
    assert window.document.report.value("t3.new.total") == 1  # the other columns still add up
    window.actions.undo.trigger()
    assert window.document.report.value("t3.new.natural") == 5


def test_enter_without_editing_moves_down(qtbot, make_window):
    window = make_window()
    page = table_page(window, "applications")
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index_of_cell("t3.new.other"))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert page.model.cell_key(page.view.currentIndex()) == "t3.carried_over.other"


def test_chapter_pages_are_built_when_first_shown_with_current_findings(make_window):
    window = make_window()
    assert window.pages.built == {}
    window.tabs.setCurrentIndex(3)  # 三
    page = window.pages.built["applications"]
    assert window.tabs.currentWidget() is page
    # A page built after the checks ran still highlights its cells.
    assert page.model.findings_for("t3.new.natural")
    # Switching documents replaces every page.
    window.files.window.set_document(type(window.document)(window.document.report))
    assert window.pages.built == {} and window.tabs.currentIndex() == 0
