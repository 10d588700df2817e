"""The start page (no report open), the read-only sample, 使用说明 and 关于, and the window's geometry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication

import core
from core.report_file import save_report
from gui import app as gui_app
from gui.files import new_dialog
from gui.files.autosave import Autosaver
from gui.files.recent import RecentFiles
from gui.help import about, guide
from gui.main_window import MainWindow
from gui.start.page import StartPage
from tests.gui.helpers import table_page, type_chinese


@pytest.fixture
def start_window(qtbot, settings, recovery_dir):
    windows = []

    def make(the_settings: QSettings | None = None) -> MainWindow:
        window = MainWindow(None, RecentFiles(the_settings or settings), Autosaver(recovery_dir))
        with qtbot.waitExposed(window):
            window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:  # closed here, after their changes are marked saved (no question asked)
        if window.document is not None:
            window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()


def test_first_start_shows_the_start_page_with_nothing_to_save(tmp_path, settings):
    [window] = gui_app.open_windows([], tmp_path / "recovery", settings)
    try:
        assert window.document is None and window.stack.currentWidget() is window.start_page
        assert not window.actions.save.isEnabled() and not window.actions.export_word.isEnabled()
        assert not window.actions.export_excel.isEnabled() and window.actions.open.isEnabled()
        assert window.check_panel.isHidden()
        assert window.start_page.no_recent.isVisibleTo(window) and not window.start_page.recent.isVisibleTo(window)
    finally:
        window.deleteLater()


def test_new_blank_report_from_the_start_page(start_window, monkeypatch):
    window = start_window()
    monkeypatch.setattr(new_dialog, "ask_new_report", lambda parent, unit_name="": (2025, "清河县桃园镇人民政府"))
    window.start_page.new_blank.click()
    assert window.document is not None and window.document.report.unit.name == "清河县桃园镇人民政府"
    assert window.stack.currentWidget() is window.report_view and window.tabs.count() > 1
    assert window.actions.save.isEnabled() and window.check_panel.isVisible()
    assert not window.read_only_banner.isVisibleTo(window) and not window.document.read_only


def test_cancelled_new_report_stays_on_the_start_page(start_window, monkeypatch):
    window = start_window()
    monkeypatch.setattr(new_dialog, "ask_new_report", lambda parent, unit_name="": None)
    window.start_page.new_blank.click()
    assert window.document is None and window.stack.currentWidget() is window.start_page


def test_recent_files_are_listed_and_open(start_window, settings, tmp_path, sample_report):
    path = tmp_path / "桃园镇.nianbao"
    sample_report.unit.name = "清河县桃园镇人民政府"
    save_report(sample_report, path)
    RecentFiles(settings).add(path)
    RecentFiles(settings).add(tmp_path / "gone.nianbao")  # deleted since: not offered
    window = start_window()
    page = window.start_page
    assert page.recent.count() == 1 and page.recent.item(0).text().startswith("桃园镇.nianbao")
    page.recent.itemActivated.emit(page.recent.item(0))
    assert window.document.path == path.resolve()
    assert window.document.report.unit.name == "清河县桃园镇人民政府"


def test_from_last_year_triggers_the_windows_command(start_window):
    window = start_window()
    action = window.actions.new_from_last_year
    assert window.start_page.new_from_last_year.isVisibleTo(window)
    action.triggered.disconnect()  # what the command does is tested with it; here: that it is reached
    triggered = []
    action.triggered.connect(lambda: triggered.append(True))
    window.start_page.new_from_last_year.click()
    assert triggered == [True]


def test_from_last_year_is_reached_by_reference_not_by_name(start_window):
    """The start page holds the window's command itself: an action without an object name still works."""
    window = start_window()
    action = window.actions.new_from_last_year
    action.setObjectName("")
    window.show_start_page()
    assert window.start_page.new_from_last_year.isVisibleTo(window)
    action.triggered.disconnect()
    triggered = []
    action.triggered.connect(lambda: triggered.append(True))
    window.start_page.new_from_last_year.click()
    assert triggered == [True]


def test_from_last_year_is_hidden_without_that_command(qtbot):
    page = StartPage()
    qtbot.addWidget(page)
    page.show()
    assert not page.new_from_last_year.isVisibleTo(page)
    assert page.buttons.getItemPosition(page.buttons.indexOf(page.new_blank)) == (0, 0, 1, 2)  # the whole row
    page.new_from_last_year.click()  # nothing to trigger: no error


def test_the_sample_is_read_only_and_says_so(start_window, qtbot):
    window = start_window()
    window.start_page.sample.click()
    document = window.document
    assert document.read_only and document.path is None
    assert window.read_only_banner.isVisibleTo(window) and "只读" in window.windowTitle()
    assert not window.actions.save.isEnabled() and window.actions.save_as.isEnabled()
    assert window.actions.export_word.isEnabled()  # looking at the Word export of the sample is fine
    page = table_page(window, "applications")
    document.set_cells({"t3.new.natural": 99})
    assert document.report.value("t3.new.natural") == 5 and not document.is_modified
    assert page.model.data(page.model.index_of_cell("t3.new.natural")) == "5"
    assert "只能查看" in window.statusBar().currentMessage()
    # Typed text is put back in the editor, not kept there as if saved.
    window.tabs.setCurrentIndex(0)
    editor = window.unit_page.opening.editor
    before = editor.toPlainText()
    type_chinese(qtbot, editor, "桃园镇")
    assert editor.toPlainText() == before and document.report.opening == before
    assert document.undo_stack.count() == 0


def test_guide_is_built_from_the_templates(start_window):
    window = start_window()
    window.actions.guide.trigger()
    dialog = window.findChild(guide.GuideDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    from core.template import load_template

    template = load_template("2021")
    assert template.name in text and all(rule.title in text for rule in template.rules)
    assert "工作顺序" in text and "打印和报送" in text and "{checks}" not in text
    dialog.close()


def test_about_names_the_version():
    text = about.about_text()
    assert f"版本 {core.__version__}" in text and "Qt " in text


def test_window_never_opens_larger_than_a_small_screen(start_window, monkeypatch):
    small = QRect(0, 0, 911, 512)  # 1366×768 at 150 %
    monkeypatch.setattr("gui.window_geometry.available_geometry", lambda window: small)
    window = start_window()
    frame = window.geometry()
    assert small.contains(frame) and frame.width() <= 911 and frame.height() <= 512
    window.start_page.sample.click()
    QApplication.processEvents()
    assert window.check_panel.isVisible()
    assert window.check_panel.geometry().right() <= window.width()


def test_size_position_and_panel_width_are_remembered(start_window):
    window = start_window()  # the offscreen screen is 800×800: restoreGeometry keeps a window on it
    window.start_page.sample.click()
    window.setGeometry(QRect(40, 50, 700, 600))
    window.resizeDocks([window.check_panel], [300], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    width = window.check_panel.width()
    assert window.close()
    again = start_window()
    again.start_page.sample.click()
    QApplication.processEvents()
    assert again.size() == window.size() == QSize(700, 600) and again.pos() == window.pos()
    assert abs(again.check_panel.width() - width) <= 2 and width != window.fontMetrics().horizontalAdvance("国") * 26


def test_the_samples_banner_starts_a_report_of_ones_own(start_window, monkeypatch):
    window = start_window()
    window.start_page.sample.click()
    monkeypatch.setattr(new_dialog, "ask_new_report", lambda parent, unit_name="": (2025, "清河县桃园镇人民政府"))
    from PySide6.QtWidgets import QPushButton

    [button] = [b for b in window.read_only_banner.findChildren(QPushButton) if b.text() == "新建年报…"]
    button.click()
    assert not window.document.read_only and window.document.report.unit.name == "清河县桃园镇人民政府"
    assert not window.read_only_banner.isVisibleTo(window) and window.actions.save.isEnabled()
    window.document.set_cells({"t3.new.natural": 4})
    assert window.document.report.value("t3.new.natural") == 4 and window.document.is_modified


def test_the_first_check_runs_after_the_first_frame(qtbot, settings, recovery_dir, sample_report):
    from gui.document import ReportDocument

    sample_report.unit.name = "清河县桃园镇人民政府"
    window = MainWindow(ReportDocument(sample_report), RecentFiles(settings), Autosaver(recovery_dir))
    try:
        assert window.runner.result is None  # built, not yet on screen: nothing checked
        with qtbot.waitExposed(window):
            window.show()
        qtbot.waitUntil(lambda: window.runner.result is not None)
        assert {f.rule_id for f in window.runner.result.findings} == {"C14"}
        assert window.check_panel.result is window.runner.result
    finally:
        window.close()
        window.deleteLater()


def test_published_import_and_aggregation_start_from_the_start_page(start_window, monkeypatch):
    """A unit in its first year with the app, and the superior office, each have their way in."""
    from gui.aggregate import window as aggregate_window
    from gui.files import published_import

    window = start_window()
    asked = []
    monkeypatch.setattr(published_import, "import_published", lambda parent, folder="": asked.append("published"))
    monkeypatch.setattr(aggregate_window, "show_aggregate_window", lambda parent: asked.append("aggregate"))
    assert window.start_page.import_published.isVisibleTo(window) and window.start_page.aggregate.isVisibleTo(window)
    window.start_page.import_published.click()
    window.start_page.aggregate.click()
    assert asked == ["published", "aggregate"] and window.document is None
