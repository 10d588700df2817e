"""The main window: a tab for the unit information, one tab per chapter of the template, the check
panel, menus and status bar. Everything chapter-specific comes from the template."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from core.checks import FRONT_MATTER, CheckResult, Finding
from gui.actions import create_actions
from gui.chapter_tabs import ChapterPages
from gui.checks.panel import CheckPanel, counts_text
from gui.checks.runner import CheckRunner, findings_by_cell
from gui.checks.tab_marks import open_problems_by_chapter
from gui.document import ReportDocument
from gui.files.autosave import Autosaver
from gui.files.recent import RecentFiles
from gui.files.workflow import FileWorkflow
from gui.unit_info.form import UnitInfoPage

if TYPE_CHECKING:
    from gui.tables.view import ReportTableView

APP_TITLE = "政府信息公开年报编制"


class MainWindow(QMainWindow):
    def __init__(self, document: ReportDocument, recent: RecentFiles | None = None,
                 autosaver: Autosaver | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.recent = recent or RecentFiles()
        self.autosaver = autosaver or Autosaver(parent=self)
        self.autosaver.setParent(self)
        self.actions = create_actions(self)
        self.files = FileWorkflow(self)
        self.document: ReportDocument | None = None
        self.runner: CheckRunner | None = None
        self.unit_page: UnitInfoPage | None = None
        self.pages: ChapterPages | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.currentChanged.connect(lambda _i: self.pages and self.pages.build_current())
        self.setCentralWidget(self.tabs)
        self.check_panel = CheckPanel(document, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.check_panel)
        self.check_panel.findingActivated.connect(self.jump_to)
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self._build_menus()
        self.set_document(document)
        em = self.fontMetrics().horizontalAdvance("国")
        self.resize(em * 100, em * 60)
        self.resizeDocks([self.check_panel], [em * 26], Qt.Orientation.Horizontal)

    # --- menus -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions
        file_menu = self.menuBar().addMenu("文件(&F)")
        file_menu.addActions([a.new, a.open])
        self.recent_menu = file_menu.addMenu("最近打开的文件")
        self.recent_menu.aboutToShow.connect(self.files.fill_recent_menu)
        file_menu.addActions([a.save, a.save_as])
        file_menu.addSeparator()
        file_menu.addActions([a.export_word, a.export_excel, a.import_excel, a.import_tables])
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
        help_menu.addAction(a.about)

        a.new.triggered.connect(self.files.new_report)
        a.open.triggered.connect(lambda: self.files.open_file())
        a.save.triggered.connect(self.files.save)
        a.save_as.triggered.connect(self.files.save_as)
        a.export_word.triggered.connect(self.files.export_word)
        a.export_excel.triggered.connect(self.files.export_excel)
        a.import_excel.triggered.connect(self.files.import_excel)
        a.import_tables.triggered.connect(self.files.import_into_current)
        a.aggregate.triggered.connect(self.show_aggregate)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(lambda: self.document and self.document.undo_stack.undo())
        a.redo.triggered.connect(lambda: self.document and self.document.undo_stack.redo())
        a.copy.triggered.connect(lambda: (v := self.current_table_view()) and v.copy_selection())
        a.paste.triggered.connect(lambda: (v := self.current_table_view()) and v.paste())
        a.check_now.triggered.connect(lambda: self.runner and self.runner.run_now())
        a.about.triggered.connect(self._about)
        for action in (a.undo, a.redo, a.check_now):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    def _about(self) -> None:
        QMessageBox.about(self, "关于", f"{APP_TITLE}\n\n离线编制政府信息公开工作年度报告：按官方格式填写、自动合计、"
                                       "检查勾稽关系，导出 Word 和 Excel。")

    # --- the document ------------------------------------------------------------------------

    def set_document(self, document: ReportDocument) -> None:
        """Show ``document``, rebuilding the tabs from its template (the old one is dropped)."""
        old = self.document
        if old is not None:
            old.modifiedChanged.disconnect(self._update_title)
            old.pathChanged.disconnect(self._update_title)
            old.structureChanged.disconnect(self._structure_changed)
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
        document.modifiedChanged.connect(self._update_title)
        document.pathChanged.connect(self._update_title)
        document.structureChanged.connect(self._structure_changed)
        self.autosaver.attach(document)
        self._update_title()
        self.actions.detach_sums.setEnabled(document.report.sums_locked)
        self.runner.run_now()
        if old is not None and old is not document:
            old.deleteLater()

    def _build_tabs(self, document: ReportDocument) -> None:
        self.pages = ChapterPages(self.tabs, document, self._page_built)
        self.unit_page = self.pages.unit_page

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
        """解除汇总锁定: the sums become ordinary cells (the breakdown stays in the report)."""
        from gui.aggregate.lock import DETACH_QUESTION
        from gui.files import dialogs

        report = self.document.report if self.document else None
        if report is None or not report.sums_locked:
            return False
        if not dialogs.ask_confirm(self, "解除汇总锁定", DETACH_QUESTION):
            return False
        report.members.locked = False  # type: ignore[union-attr]
        self.document.mark_modified()  # type: ignore[union-attr]
        self.document.structureChanged.emit()  # type: ignore[union-attr]
        self.show_message("已解除汇总锁定：表格可以修改，改过的数字不再等于各单位之和")
        return True

    def _structure_changed(self) -> None:
        """The outline changed: rebuild the tabs, staying on the same chapter where it still exists."""
        if self.document is None or self.pages is None:
            return
        index = self.tabs.currentIndex()
        current = next((k for k, p in self.pages.built.items() if self.tabs.indexOf(p) == index), None)
        self._build_tabs(self.document)
        self.actions.detach_sums.setEnabled(self.document.report.sums_locked)
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
        self.pages.set_marks(open_problems_by_chapter(result))
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
            event.accept()
        else:
            event.ignore()
