"""The bundled sample (查看示例) is read-only in every editor: typing changes nothing and no refusal
follows, text can still be selected and copied, edit commands are off, and the banner says how to
start one's own report."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from core.document import Report
from core.editing import Structure
from gui.document import ReportDocument
from gui.files.autosave import Autosaver
from gui.files.recent import RecentFiles
from gui.main_window import MainWindow
from gui.outline.dialog import OutlineDialog
from gui.tables.context_menu import build_menu
from tests.gui.helpers import table_page


def _open(qtbot, window: MainWindow) -> MainWindow:
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@pytest.fixture
def sample_window(qtbot, settings, recovery_dir):
    window = _open(qtbot, MainWindow(None, RecentFiles(settings), Autosaver(recovery_dir)))
    window.start_page.sample.click()
    refused: list[str] = []
    window.document.editRefused.connect(refused.append)
    yield window, refused
    window.close()
    window.deleteLater()


def _unchanged(window: MainWindow, refused: list[str]) -> None:
    """Nothing was edited, nothing was tried and refused, no dialog is open."""
    assert window.document.undo_stack.count() == 0 and not window.document.is_modified
    assert refused == [] and QApplication.activeModalWidget() is None


def _type(qtbot, widget, text: str = "abc") -> None:
    """Keys, a paste and deleting at a read-only text field; an input method sends it nothing (Qt
    offers input methods only to widgets that take them)."""
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    assert not widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    QGuiApplication.clipboard().setText("粘贴的文字")
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)


def test_text_editors_are_read_only_but_copyable(qtbot, sample_window):
    window, refused = sample_window
    report = window.document.report
    page = window.pages["problems"]
    window.tabs.setCurrentWidget(page)
    slot = page.editors["problems"]
    before = report.text("problems")
    assert slot.editor.isReadOnly() and not slot.phrase_button.isEnabled()
    _type(qtbot, slot.editor)
    assert slot.editor.toPlainText() == before == report.text("problems")
    slot.editor.selectAll()
    slot.editor.copy()
    assert QGuiApplication.clipboard().text() == before  # selected and copied
    window.tabs.setCurrentIndex(0)
    opening = window.unit_page.opening.editor
    _type(qtbot, opening)
    assert opening.isReadOnly() and opening.toPlainText() == report.opening
    _unchanged(window, refused)


def test_unit_information_cannot_be_changed(qtbot, sample_window):
    window, refused = sample_window
    report = window.document.report
    window.tabs.setCurrentIndex(0)
    fields = window.unit_page.fields
    name = fields["name"]
    _type(qtbot, name)
    assert name.isReadOnly() and name.text() == report.unit.name == "清河县柳溪镇人民政府"
    name.selectAll()
    name.copy()
    assert QGuiApplication.clipboard().text() == report.unit.name
    kind = fields["kind"]
    assert not kind.isEnabled()
    qtbot.keyClick(kind, Qt.Key.Key_Down)
    assert report.unit.kind == kind.currentData()
    date = fields["signing_date"]
    signed = report.signing_date
    date.setFocus()
    qtbot.keyClick(date, Qt.Key.Key_Up)
    qtbot.keyClicks(date, "2030")
    assert date.isReadOnly() and report.signing_date == signed
    _unchanged(window, refused)


def test_grids_open_no_editor_and_refuse_paste_and_clearing(qtbot, sample_window):
    window, refused = sample_window
    report = window.document.report
    page = table_page(window, "applications")
    view, model = page.view, page.model
    index = model.index_of_cell("t3.new.natural")
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(index) & Qt.ItemFlag.ItemIsSelectable
    messages: list[str] = []
    view.message.connect(messages.append)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, "7")
    assert view.state() != view.State.EditingState and report.value("t3.new.natural") == 5
    assert "只能查看" in messages[-1]  # why nothing happens, before anything was typed in
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    view.paste("1")
    view.fill_blanks_with_zero()
    assert report.value("t3.new.natural") == 5
    menu = build_menu(view)
    enabled = {a.text().split("（")[0]: a.isEnabled() for a in menu.actions() if a.text()}
    assert enabled == {"复制": True, "粘贴": False, "清除": False, "全部填 0": False}
    view.selectionModel().select(index, view.selectionModel().SelectionFlag.ClearAndSelect)
    assert view.copy_selection().strip() == "5"
    _unchanged(window, refused)


def test_edit_commands_are_off_and_the_banner_says_how_to_begin(qtbot, sample_window):
    window, refused = sample_window
    a = window.actions
    assert not any(x.isEnabled() for x in (a.save, a.paste, a.outline, a.import_tables, a.link_previous,
                                           a.remove_previous, a.detach_sums, a.undo, a.redo))
    assert all(x.isEnabled() for x in (a.copy, a.save_as, a.export_word, a.export_excel))
    banner = window.read_only_banner
    assert banner.isVisibleTo(window) and "新建年报" in banner.text.text() and "从上年报告新建" in banner.text.text()
    assert banner.from_last_year_button.isVisibleTo(window)
    window.tabs.setCurrentIndex(0)
    window.unit_page.fields["name"].setFocus()
    qtbot.keyClick(window.unit_page.fields["name"], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _unchanged(window, refused)


def test_drawn_tables_and_explanations_of_a_read_only_report(qtbot, settings, recovery_dir):
    report = Report.new(2018, "某乡人民政府")
    dialog = OutlineDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.add_free_table(dialog.outline[0].key)
    dialog.result_structure().put(report)
    assert Structure.of(report).free_tables
    window = _open(qtbot, MainWindow(ReportDocument(report, read_only=True), RecentFiles(settings),
                                     Autosaver(recovery_dir)))
    try:
        refused: list[str] = []
        window.document.editRefused.connect(refused.append)
        page = window.pages[report.chapters[0].key]
        window.tabs.setCurrentWidget(page)
        [(key, editor)] = page.free_tables.items()
        before = report.free_tables[key]
        assert editor.title.isReadOnly() and not any(b.isEnabled() for b in editor.buttons)
        _type(qtbot, editor.title)
        editor.grid.setFocus()
        editor.grid.setCurrentCell(0, 0)
        qtbot.keyClicks(editor.grid, "abc")
        qtbot.keyClick(editor.grid, Qt.Key.Key_F2)
        assert QApplication.focusWidget() is editor.grid  # no cell editor opened
        assert report.free_tables[key] == before and editor.title.text() == before.title
        window.runner.run_now()
        panel = window.check_panel
        assert panel.finding_items()
        for item in panel.finding_items():
            panel.tree.setCurrentItem(item)
            assert not panel.explain_button.isEnabled() and not panel.withdraw_button.isEnabled()
        _unchanged(window, refused)
    finally:
        window.close()
        window.deleteLater()


def test_the_banner_is_drawn_on_its_yellow_ground(qtbot, sample_window):
    window, _refused = sample_window
    banner = window.read_only_banner
    qtbot.waitExposed(window)
    window.repaint()
    # what the window painted on screen (a widget's own grab draws style sheets even where the window does not)
    picture = window.screen().grabWindow(window.winId()).toImage()
    corner = banner.mapTo(window, banner.rect().topLeft()) * window.devicePixelRatio()
    colour = picture.pixelColor(corner.x() + 2, corner.y() + 2)  # away from the text and the buttons
    assert (colour.red(), colour.green(), colour.blue()) == (0xff, 0xf4, 0xce)
