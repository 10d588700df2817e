"""从上年报告新建 and 上年报告 (link, replace, remove): the GUI's face of core.carry_over."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from core.carry_over import carried_summary, report_from_last_year
from core.editing import SetPrevious
from core.last_year import LastYear, LastYearError, other_unit_note, read_last_year
from core.template.registry import UnknownTemplateError
from gui.document import ReportDocument
from gui.files import dialogs, last_year_dialogs

if TYPE_CHECKING:
    from gui.main_window import MainWindow

NEW_TITLE = "从上年报告新建"
LINK_TITLE = "关联上年报告"
NEW_NAME = "从上年报告新建（未保存）"


class LastYearWorkflow:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _read(self, title: str, this_year: int | None) -> LastYear | None:
        """Ask for last year's file and read it; None (after saying why, where needed) when not used."""
        path = last_year_dialogs.ask_last_year_path(self.window, self.window.files.folder(), title)
        if path is None:
            return None
        try:
            last = read_last_year(path)
        except LastYearError as error:
            dialogs.show_error(self.window, title, str(error))
            return None
        if last.year_unknown:
            # a report is written early in the year after its own: last year's is two years back
            default = this_year - 1 if this_year else dt.date.today().year - 2
            year = last_year_dialogs.ask_last_year_year(self.window, title, default)
            if year is None:
                return None
            last.supply_year(year)
        if not last.complete and not last_year_dialogs.ask_use_partial(self.window, title, last.problems):
            return None
        return last

    def new_from_last_year(self) -> bool:
        """Pick last year's report, open this year's started from it as an untitled report."""
        if not self.window.files.maybe_save():
            return False
        last = self._read(NEW_TITLE, None)
        if last is None:
            return False
        try:
            report, notes = report_from_last_year(last.report, None, str(Path(last.path).resolve()))
        except UnknownTemplateError as error:
            dialogs.show_error(self.window, NEW_TITLE, str(error))
            return False
        document = ReportDocument(report, None, untitled_name=NEW_NAME)
        document.mark_modified()
        self.window.set_document(document)
        lines = carried_summary(last.report, report) + [f"注意：{n}" for n in last.notices + notes]
        last_year_dialogs.show_carried(self.window, NEW_TITLE, lines)
        return True

    def link_previous(self) -> bool:
        """Link (or replace) last year's report of the open one, as one undoable step."""
        report = self.window.document.report
        last = self._read(LINK_TITLE, report.year)
        if last is None:
            return False
        if last.report.year >= report.year:
            dialogs.show_error(self.window, LINK_TITLE, f"“{last.path.name}”是 {last.report.year} 年度的报告，"
                                                        f"不早于本报告的 {report.year} 年度，未关联。")
            return False
        self.window.document.perform(SetPrevious(last.report, str(Path(last.path).resolve())))
        note = other_unit_note(report, last.report)
        self.window.show_message(f"已关联上年报告：{last.report.title}（可撤销）" + (f"。注意：{note}" if note else ""))
        return True

    def remove_previous(self) -> bool:
        if self.window.document.report.previous is None:
            return False
        self.window.document.perform(SetPrevious(None))
        self.window.show_message("已移除上年报告（可撤销）")
        return True
