"""Every modal question the file workflow asks, as small functions (tests replace them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

REPORT_FILTER = "年报文件 (*.nianbao)"
WORD_FILTER = "Word 文档 (*.docx)"
EXCEL_FILTER = "Excel 工作簿 (*.xlsx)"

FONT_SET_CHOICES = {
    "公文字体（方正小标宋简体、仿宋_GB2312、楷体_GB2312、黑体，需已安装）": "official",
    "Windows 自带字体（宋体、仿宋、楷体、黑体）": "windows",
}


def ask_open_path(parent: QWidget | None, folder: str = "", name_filter: str = REPORT_FILTER,
                  title: str = "打开年报") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, name_filter)
    return Path(path) if path else None


def ask_save_path(parent: QWidget | None, suggested: str, name_filter: str = REPORT_FILTER,
                  title: str = "保存年报") -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    if not path:
        return None
    result = Path(path)
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
    labels = list(FONT_SET_CHOICES)
    label, ok = QInputDialog.getItem(parent, "导出 Word", "字体：", labels, 0, False)
    return FONT_SET_CHOICES[label] if ok else None


def show_paste_problems(parent: QWidget | None, lines: list[str]) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "粘贴", f"有 {len(lines)} 个值不是数字，没有粘贴：",
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText("\n".join(lines[:10]) + ("\n……" if len(lines) > 10 else ""))
    box.setDetailedText("\n".join(lines))
    box.exec()


UNIT_FILES_FILTER = "单位报表 (*.xlsx *.xlsm *.nianbao)"
ROSTER_FILTER = "单位名单 (*.csv *.xlsx *.txt)"


def ask_folder(parent: QWidget | None, title: str, folder: str = "") -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, folder)
    return Path(path) if path else None


def ask_open_paths(parent: QWidget | None, title: str, folder: str = "", name_filter: str = UNIT_FILES_FILTER) -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, name_filter)
    return [Path(p) for p in paths]


def ask_confirm(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
