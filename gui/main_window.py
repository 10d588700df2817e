"""The main window: a tab for the unit information, one tab per chapter of the template, the check
panel, menus and status bar. Everything chapter-specific comes from the template."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.checks import FRONT_MATTER
from gui.actions import create_actions
from gui.chapter_tabs import ChapterPages
from gui.checks.panel import CheckPanel, counts_text
from gui.checks.runner import CheckRunner, findings_by_cell
from gui.document import ReportDocument
from gui.files.autosave import Autosaver
from gui.files.recent import RecentFiles
from gui.first_frame import AfterFirstFrame
from gui.startup import finished as startup_finished
from gui.unit_info.form import UnitInfoPage
from gui.window_geometry import WindowGeometry

if TYPE_CHECKING:
    from core.checks import CheckResult, Finding
    from gui.files.last_year import LastYearWorkflow
    from gui.files.workflow import FileWorkflow
    from gui.start.banner import ReadOnlyBanner
    from gui.start.page import StartPage
    from gui.tables.view import ReportTableView

APP_TITLE = "政府信息公开年报编制"


class MainWindow(QMainWindow):
    """Shows one report, or the start page while there is none (``document`` None)."""

    def __init__(self, document: ReportDocument | None, recent: RecentFiles | None = None,
                 autosaver: Autosaver | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.recent = recent or RecentFiles()
        self.autosaver = autosaver or Autosaver(parent=self)
        self.autosaver.setParent(self)
        self.actions = create_actions(self)
        self._files: FileWorkflow | None = None  # made with the first file command
        self._last_year: LastYearWorkflow | None = None  # made with the first of its commands
        self.document: ReportDocument | None = None
        self.runner: CheckRunner | None = None
        self.unit_page: UnitInfoPage | None = None
        self.pages: ChapterPages | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.currentChanged.connect(lambda _i: self.pages and self.pages.build_current())
        self.start_page: StartPage | None = None  # built when first shown
        self._read_only_banner: ReadOnlyBanner | None = None  # made for the first read-only report
        self.report_view = report_view = QWidget()
        self._report_column = column = QVBoxLayout(report_view)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tabs, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(report_view)
        self.setCentralWidget(self.stack)
        self.check_panel = CheckPanel(document, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.check_panel)
        self.check_panel.findingActivated.connect(self.jump_to)
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self._build_menus()
        self.geometry_memory = WindowGeometry(self, self.recent.settings)
        self.geometry_memory.restore(self.check_panel)
        self.first_frame = AfterFirstFrame(self, self._first_frame_shown)
        if document is not None:
            self.set_document(document, check_now=False)
        else:
            self.show_start_page()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.first_frame.shown()

    def _first_frame_shown(self) -> None:
        """Start-up is over; the first screen showed before the checks ran (unless something ran them)."""
        startup_finished()
        if self.runner is not None and self.runner.result is None:
            self.runner.run_now()

    # --- menus -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions
        file_menu = self.menuBar().addMenu("文件(&F)")
        file_menu.addActions([a.new, a.new_from_last_year, a.open])
        self.recent_menu = file_menu.addMenu("最近打开的文件")
        self.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent_menu())
        file_menu.addActions([a.save, a.save_as])
        file_menu.addSeparator()
        file_menu.addActions([a.export_word, a.export_excel, a.import_excel, a.import_tables, a.import_published])
        file_menu.addSeparator()
        file_menu.addActions([a.link_previous, a.remove_previous])
        file_menu.addSeparator()
        file_menu.addAction(a.aggregate)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        edit_menu = self.menuBar().addMenu("编辑(&E)")
        edit_menu.addActions([a.undo, a.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([a.copy, a.paste])
        edit_menu.addSeparator()
        edit_menu.addAction(a.outline)
        a.outline.triggered.connect(self.edit_outline)
        edit_menu.addAction(a.detach_sums)
        a.detach_sums.triggered.connect(self.detach_sums)
        check_menu = self.menuBar().addMenu("检查(&C)")
        check_menu.addAction(a.check_now)
        check_menu.addAction(self.check_panel.toggleViewAction())
        self.check_panel.toggleViewAction().setText("显示检查结果面板")
        help_menu = self.menuBar().addMenu("帮助(&H)")
        help_menu.addActions([a.guide, a.about])

        a.new.triggered.connect(lambda: self.files.new_report())
        a.new_from_last_year.triggered.connect(lambda: self.last_year.new_from_last_year())
        a.link_previous.triggered.connect(lambda: self.last_year.link_previous())
        a.remove_previous.triggered.connect(lambda: self.last_year.remove_previous())
        a.open.triggered.connect(lambda: self.files.open_file())
        a.save.triggered.connect(lambda: self.files.save())
        a.save_as.triggered.connect(lambda: self.files.save_as())
        a.export_word.triggered.connect(lambda: self.files.export_word())
        a.export_excel.triggered.connect(lambda: self.files.export_excel())
        a.import_excel.triggered.connect(lambda: self.files.import_excel())
        a.import_tables.triggered.connect(lambda: self.files.import_into_current())
        a.import_published.triggered.connect(lambda: self.files.import_published())
        a.aggregate.triggered.connect(self.show_aggregate)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(lambda: self.document and self.document.undo_stack.undo())
        a.redo.triggered.connect(lambda: self.document and self.document.undo_stack.redo())
        a.copy.triggered.connect(lambda: (v := self.current_table_view()) and v.copy_selection())
        a.paste.triggered.connect(lambda: (v := self.current_table_view()) and v.paste())
        a.check_now.triggered.connect(lambda: self.runner and self.runner.run_now())
        a.about.triggered.connect(self._about)
        a.guide.triggered.connect(self.show_guide)
        for action in (a.undo, a.redo, a.check_now):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    @property
    def read_only_banner(self) -> ReadOnlyBanner:
        """The banner over a read-only report (the sample), above the tabs."""
        if self._read_only_banner is None:
            from gui.start.banner import ReadOnlyBanner

            self._read_only_banner = ReadOnlyBanner(self, self.actions.new_from_last_year)
            self._read_only_banner.newReport.connect(lambda: self.files.new_report())
            self._report_column.insertWidget(0, self._read_only_banner)
        return self._read_only_banner

    @property
    def files(self) -> FileWorkflow:
        """新建/打开/保存/导入/导出 (made, with its module, by the first of these commands)."""
        if self._files is None:
            from gui.files.workflow import FileWorkflow

            self._files = FileWorkflow(self)
        return self._files

    @property
    def last_year(self) -> LastYearWorkflow:
        """从上年报告新建 and 关联/移除上年报告 (its reader and dialogs load with the first use)."""
        if self._last_year is None:
            from gui.files.last_year import LastYearWorkflow

            self._last_year = LastYearWorkflow(self)
        return self._last_year

    def _about(self) -> None:
        from gui.help import about

        about.show_about(self)

    def show_guide(self) -> None:
        from gui.help import guide

        guide.show_guide(self)

    # --- the start page ----------------------------------------------------------------------

    def _build_start_page(self) -> StartPage:
        from gui.start.page import StartPage

        page = StartPage(self, self.actions.new_from_last_year)
        self.stack.insertWidget(0, page)
        page.newBlank.connect(lambda: self.files.new_report())
        page.openFile.connect(lambda: self.files.open_file())
        page.openRecent.connect(lambda path: self.files.open_file(path))
        page.importExcel.connect(lambda: self.files.import_excel())
        page.importPublished.connect(lambda: self.files.import_published())
        page.aggregateUnits.connect(self.show_aggregate)
        page.viewSample.connect(lambda: self.files.view_sample())
        page.showGuide.connect(self.show_guide)
        return page

    def show_start_page(self) -> None:
        """The start page, while no report is open."""
        if self.start_page is None:
            self.start_page = self._build_start_page()
        self.start_page.set_recent(self.recent.existing())
        self.stack.setCurrentWidget(self.start_page)
        self.start_page.new_blank.setFocus()
        self.check_panel.hide()
        self._enable_document_actions(False)
        self.setWindowTitle(APP_TITLE)
        self.counts.clear()

    def _enable_document_actions(self, enabled: bool) -> None:
        a = self.actions
        for action in (a.save, a.save_as, a.export_word, a.export_excel, a.import_tables, a.copy, a.paste,
                       a.outline, a.check_now, a.link_previous, a.remove_previous):
            action.setEnabled(enabled)
        if not enabled:
            for action in (a.undo, a.redo, a.detach_sums):
                action.setEnabled(False)

    # --- the document ------------------------------------------------------------------------

    def set_document(self, document: ReportDocument, check_now: bool = True) -> None:
        """Show ``document``, rebuilding the tabs from its template (the old one is dropped)."""
        old = self.document
        if old is not None:
            for signal, slot in self._followed_signals(old):
                signal.disconnect(slot)
        if self.runner is not None:
            self.runner.finished.disconnect(self._show_result)
            self.runner.deleteLater()
        self.document = document
        document.setParent(self)
        self._build_tabs(document)
        self.check_panel.document = document
        self.runner = CheckRunner(document, self)
        self.runner.finished.connect(self._show_result)
        stack = document.undo_stack
        self.actions.undo.setEnabled(stack.canUndo())
        self.actions.redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(self.actions.undo.setEnabled)
        stack.canRedoChanged.connect(self.actions.redo.setEnabled)
        for signal, slot in self._followed_signals(document):
            signal.connect(slot)
        self.stack.setCurrentWidget(self.report_view)
        if document.read_only or self._read_only_banner is not None:
            self.read_only_banner.setVisible(document.read_only)
        self._enable_document_actions(True)
        for action in (self.actions.save, self.actions.outline, self.actions.import_tables,
                       self.actions.link_previous, self.actions.paste):
            action.setEnabled(not document.read_only)  # the sample: to look at and copy from
        if self.check_panel.isHidden() and self.geometry_memory.check_panel_wanted:
            self.check_panel.show()
        self._previous_changed()
        self.autosaver.attach(document)
        self._update_title()
        self._enable_detach_sums()
        if check_now:
            self.runner.run_now()
        if old is not None and old is not document:
            old.deleteLater()

    def _followed_signals(self, document: ReportDocument) -> list[tuple]:
        """The document's signals the window follows while it shows the document."""
        return [(document.modifiedChanged, self._update_title), (document.pathChanged, self._update_title),
                (document.structureChanged, self._structure_changed), (document.editRefused, self.show_message),
                (document.drafts.changed, self._refresh_drafts), (document.previousChanged, self._previous_changed)]

    def _build_tabs(self, document: ReportDocument) -> None:
        self.pages = ChapterPages(self.tabs, document, self._page_built)
        self.unit_page = self.pages.unit_page
        self.unit_page.set_previous_actions(self.actions.link_previous, self.actions.remove_previous)
        self._refresh_drafts()

    def _refresh_drafts(self, *_args) -> None:
        """Mark the tabs whose texts are still last year's draft (right after each edit)."""
        if self.document is not None and self.pages is not None:
            self.pages.set_draft_marks(self.document.drafts.keys)

    def _previous_changed(self) -> None:
        linked = self.document is not None and self.document.report.previous is not None
        self.actions.link_previous.setText("更换上年报告…" if linked else "关联上年报告…")
        self.actions.remove_previous.setEnabled(linked and not self.document.read_only)

    def edit_outline(self) -> None:
        """章节结构与版式: the clerk's changes, as one undoable step."""
        from core.editing import SetStructure, Structure
        from gui.outline import dialog

        if self.document is None:
            return
        structure = dialog.ask_structure(self, self.document.report)
        if structure is not None and structure != Structure.of(self.document.report):
            self.document.perform(SetStructure(structure))

    def show_aggregate(self):
        from gui.aggregate.window import show_aggregate_window

        return show_aggregate_window(self)

    def detach_sums(self) -> bool:
        """解除汇总锁定: the sums become ordinary cells (the breakdown stays in the report); one undo step."""
        from core.editing import SetSumsLocked
        from gui.aggregate.lock import DETACH_QUESTION
        from gui.files import dialogs

        document = self.document
        if document is None or not document.report.sums_locked or document.read_only:
            return False
        if not dialogs.ask_confirm(self, "解除汇总锁定", DETACH_QUESTION):
            return False
        document.perform(SetSumsLocked(False))
        self.show_message("已解除汇总锁定：表格可以修改，改过的数字不再等于各单位之和（可撤销）")
        return True

    def _structure_changed(self) -> None:
        """The outline changed: rebuild the tabs, staying on the same chapter where it still exists."""
        if self.document is None or self.pages is None:
            return
        index = self.tabs.currentIndex()
        current = next((k for k, p in self.pages.built.items() if self.tabs.indexOf(p) == index), None)
        self._build_tabs(self.document)
        self._enable_detach_sums()
        if current in self.pages:
            self.tabs.setCurrentWidget(self.pages[current])
        elif index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
        self._update_title()
        if self.runner is not None:
            self.runner.run_now()

    def _page_built(self, page: QWidget) -> None:
        for block in getattr(page, "blocks", []):
            block.view.message.connect(self.show_message)
            if self.runner is not None and self.runner.result is not None:
                block.model.set_findings(findings_by_cell(self.runner.result))
        if self.runner is not None and hasattr(page, "show_repeats"):
            page.show_repeats(self.runner.repeats)

    def _enable_detach_sums(self) -> None:
        document = self.document
        self.actions.detach_sums.setEnabled(document is not None and document.report.sums_locked
                                            and not document.read_only)

    def _update_title(self, *_args) -> None:
        document = self.document
        if document is None:
            return
        self.setWindowTitle(f"{document.display_name}[*] — {document.report.title} — {APP_TITLE}")
        self.setWindowModified(document.is_modified)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # --- checks ------------------------------------------------------------------------------

    def _show_result(self, result: CheckResult) -> None:
        by_cell = findings_by_cell(result)
        for block in self.pages.blocks():
            block.model.set_findings(by_cell)
            block.refresh_help()
        self.check_panel.show_result(result)
        from gui.checks.tab_marks import open_problems_by_chapter  # with the first result, after the first paint

        self.pages.set_marks(open_problems_by_chapter(result))
        for page in self.pages.built.values():
            if hasattr(page, "show_repeats"):
                page.show_repeats(self.runner.repeats)
        self.counts.setText(counts_text(result))

    def jump_to(self, finding: Finding) -> None:
        """Show where a finding points: select its first cell, or focus its text or field."""
        template = self.document.report.template if self.document else None
        if template is None:
            return
        target = finding.targets[0] if finding.targets else ""
        if target in template.cells:
            page = self.pages[self.document.report.chapter_of_cell(target).key]
            self.tabs.setCurrentWidget(page)
            page.select_cell(target)
        elif target in self.document.report.text_keys:
            page = self.pages[target.split(".")[0]]
            self.tabs.setCurrentWidget(page)
            page.focus_text(target)
        elif finding.chapter == FRONT_MATTER or target.startswith("unit.") or target in ("signing_date", "opening"):
            assert self.unit_page is not None
            self.tabs.setCurrentWidget(self.unit_page)
            self.unit_page.focus_target(target)
        elif finding.chapter in self.pages:
            self.tabs.setCurrentWidget(self.pages[finding.chapter])

    def current_table_view(self) -> ReportTableView | None:
        """The grid with the focus on the current tab, else its first grid."""
        blocks = getattr(self.tabs.currentWidget(), "blocks", [])
        focused = [b.view for b in blocks if b.view.hasFocus()]
        return (focused or [b.view for b in blocks] or [None])[0]

    # --- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.maybe_save():
            self.autosaver.discard()
            self.geometry_memory.save(self.check_panel)
            event.accept()
        else:
            event.ignore()
