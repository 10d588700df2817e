"""导出 Word / 导出 Excel / 导入 Excel. The writers and the reader (and openpyxl, python-docx) are
imported only when the user asks for them, so start-up stays fast."""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from core.document import Report
from core.os_errors import os_error_text
from core.text_clean import clean_report
from gui.files import dialogs

_MISSING = "本软件的“{what}”功能模块缺失或无法加载（{error}）。请重新安装本软件，或联系软件维护人员。"


def load_lazily(module: str, name: str, what: str, parent: QWidget | None):
    try:
        return getattr(importlib.import_module(module), name)
    except Exception as error:  # ImportError, or any error inside the module while it is loaded
        dialogs.show_error(parent, what, _MISSING.format(what=what, error=error))
        return None


def _suggested(report: Report, source: Path | None, ending: str) -> str:
    """Next to the report's file; a bare name (the dialog puts it in the last folder used) otherwise."""
    name = f"{report.title}{ending}"
    return str(source.parent / name) if source else name


def _checked(parent: QWidget | None, report: Report, what: str):
    """The report's check result, its open errors and unexplained warnings shown first; None when
    the user goes back to correct them."""
    from core.checks import run_checks

    result = run_checks(report)
    errors = [f"错误　{f.message}" for f in result.findings if f.severity == "error"]
    warnings = [f"警告　{f.message}" for f in result.findings
                if f.severity == "warning" and not result.is_confirmed(f)]
    if (errors or warnings) and not dialogs.ask_export_despite_problems(parent, what, errors, warnings):
        return None
    return result


class _Busy:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc) -> None:
        QGuiApplication.restoreOverrideCursor()


def export_word(parent: QWidget | None, report: Report, source: Path | None = None) -> Path | None:
    write_docx = load_lazily("core.export.docx_writer", "write_docx", "导出 Word", parent)
    if write_docx is None or _checked(parent, report, "导出 Word") is None:
        return None
    font_set = dialogs.ask_font_set(parent)
    if font_set is None:
        return None
    path = dialogs.ask_save_path(parent, _suggested(report, source, ".docx"), dialogs.WORD_FILTER, "导出 Word")
    if path is None:
        return None
    return _write(parent, "导出 Word", lambda: write_docx(report, path, font_set=font_set), path)


def export_excel(parent: QWidget | None, report: Report, source: Path | None = None) -> Path | None:
    write_xlsx = load_lazily("core.export.xlsx_writer", "write_xlsx", "导出 Excel", parent)
    checks = None if write_xlsx is None else _checked(parent, report, "导出 Excel")
    if checks is None:
        return None
    path = dialogs.ask_save_path(parent, _suggested(report, source, "统计表.xlsx"), dialogs.EXCEL_FILTER, "导出 Excel")
    if path is None:
        return None
    return _write(parent, "导出 Excel", lambda: write_xlsx(report, path, checks), path)


def _write(parent: QWidget | None, what: str, write, path: Path) -> Path | None:
    from core.export import ExportError

    try:
        with _Busy():
            notes = write() or []
    except ExportError as error:
        dialogs.show_error(parent, what, str(error))
        return None
    except OSError as error:
        dialogs.show_error(parent, what, f"无法写入 {path}：{os_error_text(error)}")
        return None
    except Exception as error:  # a bug in an exporter: say so instead of doing nothing
        from gui import errors

        errors.show_unexpected(parent, what, error)
        return None
    message = f"已导出到：\n{path}"
    if notes:
        message += "\n\n导出文件中做了以下处理（报告本身未改动）：\n" + "\n".join(notes)
    choice = dialogs.ask_after_export(parent, what, message)
    if choice is not None:
        from gui.files import desktop

        desktop.show_file(parent, path, in_folder=choice == "folder")
    return path


def _read_workbook(parent: QWidget | None, folder: str, title: str):
    """Ask for a workbook and read it off the main thread; the ImportResult, or None (cancelled or
    refused, with the reason shown)."""
    chosen = read_chosen_file(parent, folder, title, "core.imports.xlsx_reader", "read_xlsx", dialogs.EXCEL_FILTER,
                              "XlsxImportError", progress_title="导入 Excel")
    return None if chosen is None else chosen[1]


def read_chosen_file(parent: QWidget | None, folder: str, title: str, module: str, reader: str, name_filter: str,
                     own_error: str, progress_title: str | None = None):
    """Ask for a file and read it with ``module.reader`` off the main thread: (path, result), or None
    (cancelled or refused, with the reason shown). ``own_error`` names the reader's exception whose
    message is complete Chinese; any other error is shown with the file's name for context."""
    read = load_lazily(module, reader, title, parent)
    if read is None:
        return None
    path = dialogs.ask_open_path(parent, folder, name_filter, title)
    if path is None:
        return None
    from gui.files.import_worker import read_in_background

    thread = read_in_background(parent, read, path, progress_title or title)
    if thread.cancelled:
        return None
    if thread.error is not None:
        error = thread.error
        message = str(error) if type(error).__name__ == own_error else f"无法读取 {path.name}：{error}"
        dialogs.show_error(parent, title, message)
        return None
    return path, thread.result


def problem_lines(problems) -> list[str]:
    return [f"{'提示' if getattr(p, 'notice', False) else '问题'}　{p.sheet}!{p.cell}：{p.message}"
            if getattr(p, "cell", "") else f"{'提示' if getattr(p, 'notice', False) else '问题'}　"
            f"{p.sheet + '：' if p.sheet else ''}{p.message}" for p in problems]


def import_excel(parent: QWidget | None, folder: str = "") -> Report | None:
    """Read an Excel workbook into a new report; nothing is returned unless the user accepts it."""
    result = _read_workbook(parent, folder, "导入 Excel")
    if result is None:
        return None
    needs = getattr(result, "needs", None)
    if needs and (needs("year") or needs("unit")):
        from gui.files import import_dialogs

        answer = import_dialogs.ask_year_and_unit(parent, None if needs("year") else result.report.year,
                                                  None if needs("unit") else result.report.unit.name)
        if answer is None:
            return None
        year, unit = answer
        result.supply(year=year if needs("year") else None, unit=unit or None)
    problems = problem_lines(result.problems)
    if (problems or not result.complete) and not dialogs.ask_accept_import(parent, problems, result.complete):
        return None
    cleaned = clean_report(result.report)  # characters no file can hold, removed as they come in
    report = cleaned.report
    if cleaned.notes:
        dialogs.show_info(parent, "导入 Excel", "导入的内容中：\n" + "\n".join(cleaned.notes))
    if not 1990 <= report.year <= 2100:
        import datetime as dt

        year = dialogs.ask_report_year(parent, dt.date.today().year - 1)
        if year is None:
            return None
        report.year = year
    if not report.template.covers_year(report.year):
        dialogs.show_error(parent, "导入 Excel", f"工作簿的表格是{report.template.name}，不适用于 {report.year} 年度的报告，"
                                                "未导入。请核对年度，或使用该年度格式的表格。")
        return None
    return report


def table_changes(document, result) -> dict[str, object]:
    """The cells the workbook's tables would change in the open report: every cell read there whose
    value differs (a cell named in a problem keeps its value)."""
    from core.values import same_value

    changes = {}
    for key in result.read:
        new = result.report.value(key)
        if not same_value(document.report.value(key), new):
            changes[key] = new
    return changes


def import_into(parent: QWidget | None, document, folder: str = "") -> bool:
    """Import a workbook's tables into the open report as one undoable step, after showing every
    change (old → new) and every problem with its location."""
    from core.values import format_value
    from gui.files import import_dialogs

    result = _read_workbook(parent, folder, "导入 Excel 表格到当前报告")
    if result is None:
        return False
    report = document.report
    if result.report.template_id != report.template_id:
        dialogs.show_error(parent, "导入 Excel 表格到当前报告",
                           f"工作簿的表格是“{result.report.template.name}”，当前报告是“{report.template.name}”，"
                           "格式不同，不能导入到当前报告；请用“导入 Excel”作为新报告打开。")
        return False
    lines = problem_lines([p for p in result.problems if p.topic not in ("year", "unit", "kind")])
    if result.report.year and result.report.year != report.year:
        lines.insert(0, f"提示　工作簿是 {result.report.year} 年度的，当前报告是 {report.year} 年度")
    values = table_changes(document, result)
    template = report.template
    order = {key: n for n, key in enumerate(template.cells)}
    # The workbook's totals are stored as it has them (the checks verify them), inputs listed first.
    keys = sorted(values, key=lambda k: (template.cells[k].computed, order[k]))
    changes = [(template.cells[k].name, format_value(report.value(k)), format_value(values[k])) for k in keys]
    if not import_dialogs.ask_apply_tables(parent, changes, lines):
        return False
    document.set_cells({k: values[k] for k in keys}, "导入 Excel 表格")
    return True
