"""导入已发布的年报为新报告: read a Word file, web page or copied text of a published report off the
main thread, ask for what it leaves out, show what was read beside its source for confirmation, and
return the report (nothing is opened unless the user accepts it)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from core.document import Report
from core.text_clean import clean_report
from gui.files import dialogs
from gui.files.exports import read_chosen_file

TITLE = "导入已发布的年报"


def import_published(parent: QWidget | None, folder: str = "") -> Report | None:
    chosen = read_chosen_file(parent, folder, TITLE, "core.imports.published.reader", "read_published",
                              dialogs.PUBLISHED_FILTER, "PublishedImportError")
    if chosen is None:
        return None
    from gui.files import import_dialogs, published_preview

    path, result = chosen
    if result.needs("year") or result.needs("unit"):
        answer = import_dialogs.ask_year_and_unit(parent, None if result.needs("year") else result.report.year,
                                                  None if result.needs("unit") else result.report.unit.name,
                                                  TITLE, "报告")
        if answer is None:
            return None
        year, unit = answer
        result.supply(year=year if result.needs("year") else None, unit=unit or None)
    if not published_preview.confirm(parent, result, path.name):
        return None
    cleaned = clean_report(result.report)  # characters no file can hold, removed as they come in
    if cleaned.notes:
        dialogs.show_info(parent, TITLE, "导入的内容中：\n" + "\n".join(cleaned.notes))
    report = cleaned.report
    if not report.template.covers_year(report.year):
        dialogs.show_error(parent, TITLE, f"报告的章节和表格是{report.template.name}，不适用于 {report.year} 年度的报告，"
                                          "未导入。请核对报告标题中的年度。")
        return None
    return report
