"""新建, 打开, 保存, 另存为, recent files, import and export, and the question before discarding changes.

The window makes it with the first of these commands; the dialogs and the export flow are imported
when first used. Opening the file given at start is gui/files/opening.py."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.document import Report
from core.report_file import EXTENSION, ReportFileError, save_report
from core.template.registry import UnknownTemplateError
from core.user_files import is_read_only
from gui.document import ReportDocument
from gui.files.opening import is_bundled_sample, open_document
from resources import SAMPLE_REPORT

if TYPE_CHECKING:
    from gui.main_window import MainWindow

class FileWorkflow:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def document(self) -> ReportDocument:
        assert self.window.document is not None
        return self.window.document

    def folder(self) -> str:
        """Where a file dialog starts: the open report's folder, else the most recent file's."""
        return self._folder()

    def _folder(self) -> str:
        if self.window.document is not None and self.document.path:
            return str(self.document.path.parent)
        recent = self.window.recent.existing()
        return str(recent[0].parent) if recent else ""  # the dialog's last folder, or 文档

    # --- asking before losing changes --------------------------------------------------------

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, or the user chose 不保存)."""
        from gui.files import dialogs

        self._finish_typing()
        if self.window.document is None or not self.document.is_modified:
            return True
        answer = dialogs.ask_save_changes(self.window, self.document.display_name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    # --- commands ----------------------------------------------------------------------------

    def new_report(self) -> bool:
        from gui.files import dialogs, new_dialog

        if not self.maybe_save():
            return False
        answer = new_dialog.ask_new_report(self.window)
        if answer is None:
            return False
        year, unit_name = answer
        try:
            report = Report.new(year, unit_name)
        except UnknownTemplateError as error:
            dialogs.show_error(self.window, "新建年报", str(error))
            return False
        self.window.set_document(ReportDocument(report))
        return True

    def view_sample(self) -> bool:
        """The bundled sample, read-only (查看示例)."""
        return self.open_file(SAMPLE_REPORT)

    def open_file(self, path: Path | None = None) -> bool:
        from gui.files import dialogs

        if not self.maybe_save():
            return False
        if path is None:
            path = dialogs.ask_open_path(self.window, self._folder())
            if path is None:
                return False
        try:
            document = open_document(path)
        except ReportFileError as error:
            dialogs.show_error(self.window, "打开年报", str(error))
            return False
        self.window.set_document(document)
        if document.path:
            self.window.recent.add(document.path)
        return True

    def save(self) -> bool:
        self._finish_typing()
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        from gui.files import dialogs

        self._finish_typing()
        suggested = str(Path(self._folder()) / f"{self.document.report.title}{EXTENSION}")
        path = dialogs.ask_save_path(self.window, suggested)
        if path is None:
            return False
        if is_bundled_sample(path):
            dialogs.show_error(self.window, "保存年报", "不能覆盖软件自带的示例报告，请换一个文件名或文件夹。")
            return False
        return self._save_to(path)

    def _finish_typing(self) -> None:
        """What is still being typed (a drawn table's title not yet confirmed with Enter, a grid cell's
        open editor) becomes part of the report before it is saved, exported or let go: the field loses
        the focus, which commits it."""
        from PySide6.QtWidgets import QApplication

        focused = QApplication.focusWidget()
        if focused is not None and self.window.isAncestorOf(focused):
            focused.clearFocus()

    def _save_to(self, path: Path) -> bool:
        from gui.files import dialogs

        replace_read_only = is_read_only(path)
        if replace_read_only and not dialogs.ask_replace_read_only(self.window, Path(path)):
            return False
        try:
            save_report(self.document.report, path, replace_read_only=replace_read_only)
        except ReportFileError as error:
            dialogs.show_error(self.window, "保存年报", str(error))
            return False
        self.document.mark_saved(Path(path).resolve())
        self.window.recent.add(Path(path))
        self.window.show_message(f"已保存到 {path}")
        return True

    def fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        paths = self.window.recent.existing()
        for path in paths:
            menu.addAction(str(path), lambda p=path: self.open_file(p))
        if not paths:
            menu.addAction("（没有）").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("清除列表", self.window.recent.clear)

    # --- import and export -------------------------------------------------------------------

    def export_word(self) -> None:
        from gui.files import exports

        self._finish_typing()
        exports.export_word(self.window, self.document.report, self.document.path)

    def export_excel(self) -> None:
        from gui.files import exports

        self._finish_typing()
        exports.export_excel(self.window, self.document.report, self.document.path)

    def import_excel(self) -> bool:
        from gui.files import exports

        return self._open_imported(exports.import_excel(self.window, self._folder()))

    def import_published(self) -> bool:
        from gui.files.published_import import import_published

        return self._open_imported(import_published(self.window, self._folder()))

    def _open_imported(self, report: Report | None) -> bool:
        """An imported report opens as a new untitled one, once the open report is saved or let go."""
        if report is None or not self.maybe_save():
            return False
        document = ReportDocument(report, None, untitled_name="导入的报告（未保存）")
        document.mark_modified()
        self.window.set_document(document)
        return True

    def import_into_current(self) -> bool:
        if self.document.report.sums_locked:
            from gui.aggregate.lock import locked_message
            from gui.files import dialogs

            dialogs.show_error(self.window, "导入 Excel 表格", locked_message(self.document.report))
            return False
        from gui.files import exports

        return exports.import_into(self.window, self.document, self._folder())

    def show_paste_problems(self, lines: list[str]) -> None:
        from gui.files import dialogs

        dialogs.show_paste_problems(self.window, lines)
