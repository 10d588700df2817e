"""Every modal question the file workflow asks, as small functions (tests replace them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

REPORT_FILTER = "年报文件 (*.nianbao)"
WORD_FILTER = "Word 文档 (*.docx)"
EXCEL_FILTER = "Excel 工作簿 (*.xlsx)"
PUBLISHED_FILTER = "已发布的年度报告 (*.docx *.html *.htm *.txt);;Word 文档 (*.docx);;网页 (*.html *.htm);;文字 (*.txt)"



def ask_open_path(parent: QWidget | None, folder: str = "", name_filter: str = REPORT_FILTER,
                  title: str = "打开年报") -> Path | None:
    """``folder`` "" starts in the last folder used, or 文档."""
    from gui.files.file_dialog import build_file_dialog, run_file_dialog

    return run_file_dialog(build_file_dialog(parent, title, folder, name_filter, save=False))


def ask_save_path(parent: QWidget | None, suggested: str, name_filter: str = REPORT_FILTER,
                  title: str = "保存年报") -> Path | None:
    """``suggested`` is a file path, or a bare file name to put in the last folder used (or 文档)."""
    from gui.files.file_dialog import build_file_dialog, last_folder, run_file_dialog

    if not Path(suggested).is_absolute():
        suggested = str(Path(last_folder()) / suggested)
    result = run_file_dialog(build_file_dialog(parent, title, suggested, name_filter, save=True))
    if result is None:
        return None
    suffix = "." + name_filter.rsplit("*.", 1)[1].rstrip(")")
    if result.suffix.lower() != suffix:
        result = result.with_name(result.name + suffix)
    return result


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """"save", "discard" or "cancel"."""
    box = QMessageBox(QMessageBox.Icon.Question, "保存修改", f"“{name}”有尚未保存的修改，是否保存？",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.button(QMessageBox.StandardButton.Save).setText("保存")
    box.button(QMessageBox.StandardButton.Discard).setText("不保存")
    box.button(QMessageBox.StandardButton.Cancel).setText("取消")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    """A failure in Chinese; the text can be selected and copied, ``details`` sit under "详细信息"."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    if details:
        box.setDetailedText(details)
    box.button(QMessageBox.StandardButton.Ok).setText("确定")
    box.exec()


def ask_replace_read_only(parent: QWidget | None, path: Path) -> bool:
    """True when the user wants to replace a file that is marked read-only."""
    box = QMessageBox(QMessageBox.Icon.Warning, "保存年报",
                      f"“{path.name}”是只读文件（可能是有意设置的，以防被改动）。\n\n是否仍然用当前内容覆盖它？",
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(str(path))
    replace = box.addButton("覆盖", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is replace


def ask_export_despite_problems(parent: QWidget | None, title: str, errors: list[str], warnings: list[str]) -> bool:
    """The open errors and unexplained warnings before an export; True to export anyway."""
    box, export = export_problems_box(parent, title, errors, warnings)
    box.exec()
    return box.clickedButton() is export


def export_problems_box(parent: QWidget | None, title: str, errors: list[str],
                        warnings: list[str]) -> tuple[QMessageBox, object]:
    """The question before exporting a report with problems, and its 仍然导出 button."""
    counts = "、".join(part for part in (f"{len(errors)} 个错误" if errors else "",
                                         f"{len(warnings)} 个未说明的警告" if warnings else "") if part)
    box = QMessageBox(QMessageBox.Icon.Warning, title, f"报告还有 {counts}：", QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("exportProblemsBox")
    lines = errors + warnings
    shown = lines[:12]
    more = f"\n……另有 {len(lines) - len(shown)} 条，见“详细信息”" if len(lines) > len(shown) else ""
    advice = ("错误必须改正；警告请核对，属实的可以在“检查结果”中说明。" if errors else
              "警告请核对，属实的可以在“检查结果”中说明（说明会随报告导出）。")
    box.setInformativeText("\n".join(shown) + more + "\n\n" + advice + "\n是否仍然导出？")
    box.setDetailedText("\n".join(lines))
    export = box.addButton("仍然导出", QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton("返回修改", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    return box, export


def ask_after_export(parent: QWidget | None, title: str, message: str) -> str | None:
    """After an export: "file" (打开文件), "folder" (打开所在文件夹) or None (关闭)."""
    box, choices = exported_box(parent, title, message)
    box.exec()
    return choices.get(box.clickedButton())


def exported_box(parent: QWidget | None, title: str, message: str) -> tuple[QMessageBox, dict]:
    """The message after an export, and what each of its buttons means."""
    box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("exportedBox")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    open_file = box.addButton("打开文件", QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
    close = box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_file)
    box.setEscapeButton(close)
    return box, {open_file: "file", open_folder: "folder"}


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def ask_restore(parent: QWidget | None, description: str) -> bool:
    """True to restore the recovered report, False to discard it."""
    box = QMessageBox(QMessageBox.Icon.Question, "恢复未保存的报告",
                      f"上次退出时有未保存的修改（可能是程序意外关闭或断电）：\n\n{description}\n\n是否恢复？",
                      QMessageBox.StandardButton.NoButton, parent)
    restore = box.addButton("恢复", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("丢弃", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def ask_accept_import(parent: QWidget | None, problems: list[str], complete: bool) -> bool:
    """Show what could not be read and ask whether to open what could."""
    shown = problems[:30]
    more = f"\n……另有 {len(problems) - len(shown)} 条" if len(problems) > len(shown) else ""
    head = "导入的表格有以下问题：" if problems else "表格已读取。"
    if not complete:
        head += "\n（部分内容没有读到，导入后请逐项核对。）"
    box = QMessageBox(QMessageBox.Icon.Warning, "导入 Excel", head, QMessageBox.StandardButton.NoButton, parent)
    box.setDetailedText("\n".join(shown) + more)
    box.setInformativeText("是否把能读取的内容作为一份新的未命名报告打开？当前报告不会被改动。")
    accept = box.addButton("打开读取的内容", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is accept


def ask_report_year(parent: QWidget | None, default: int) -> int | None:
    """The report year, when an imported workbook does not say it (it is never guessed)."""
    year, ok = QInputDialog.getInt(parent, "导入 Excel", "工作簿中没有写明报告年度，请填写本报告的年度：",
                                   default, 1990, 2100)
    return year if ok else None


def ask_font_set(parent: QWidget | None) -> str | None:
    """"official" or "windows", saying which of their fonts this computer has; None when cancelled."""
    from gui.files import font_dialog

    return font_dialog.ask_font_set(parent)


def show_paste_problems(parent: QWidget | None, lines: list[str]) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "粘贴", f"有 {len(lines)} 个值不是数字，没有粘贴：",
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText("\n".join(lines[:10]) + ("\n……" if len(lines) > 10 else ""))
    box.setDetailedText("\n".join(lines))
    box.exec()


UNIT_FILES_FILTER = "单位报表 (*.xlsx *.xlsm *.nianbao)"
ROSTER_FILTER = "单位名单 (*.csv *.xlsx *.txt)"


def ask_folder(parent: QWidget | None, title: str, folder: str = "") -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    from gui.files.file_dialog import build_file_dialog, run_file_dialog

    dialog = build_file_dialog(parent, title, folder, "", save=False)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "选择文件夹")
    return run_file_dialog(dialog)


def ask_open_paths(parent: QWidget | None, title: str, folder: str = "", name_filter: str = UNIT_FILES_FILTER) -> list[Path]:
    from PySide6.QtWidgets import QFileDialog

    from gui.files.file_dialog import build_file_dialog, run_file_dialog_for_paths

    dialog = build_file_dialog(parent, title, folder, name_filter, save=False)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return run_file_dialog_for_paths(dialog)


def ask_confirm(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
