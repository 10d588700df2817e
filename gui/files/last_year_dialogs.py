"""The questions 从上年报告新建 and 关联上年报告 ask, as small functions (tests replace them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

LAST_YEAR_FILTER = ("上年的年报文件、Excel 工作簿或已发布的年报 (*.nianbao *.xlsx *.xlsm *.docx *.html *.htm *.txt)"
                    ";;年报文件 (*.nianbao);;Excel 工作簿 (*.xlsx *.xlsm);;已发布的年报 (*.docx *.html *.htm *.txt)")


def ask_last_year_path(parent: QWidget | None, folder: str, title: str) -> Path | None:
    from gui.files import dialogs

    return dialogs.ask_open_path(parent, folder, LAST_YEAR_FILTER, title)  # the Chinese dialog, last folder


def ask_last_year_year(parent: QWidget | None, title: str, default: int) -> int | None:
    """The year of a workbook that does not state it (it is never guessed)."""
    year, ok = QInputDialog.getInt(parent, title, "上年的工作簿中没有写明报告年度，请填写它的年度（上年）：",
                                   default, 1990, 2100)
    return year if ok else None


def ask_use_partial(parent: QWidget | None, title: str, problems: list[str]) -> bool:
    """Last year's workbook has cells that could not be read: use the rest?"""
    shown = problems[:30]
    more = f"\n……另有 {len(problems) - len(shown)} 条" if len(problems) > len(shown) else ""
    box = QMessageBox(QMessageBox.Icon.Warning, title, f"上年的工作簿有 {len(problems)} 处无法读取。",
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText("没有读到的数字不会带入本年，跨年度检查中也无法核对。是否仍用能读取的部分？")
    box.setDetailedText("\n".join(shown) + more)
    use = box.addButton("使用能读取的部分", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is use


def show_carried(parent: QWidget | None, title: str, lines: list[str]) -> None:
    """What a report started from last year's took from it, and what the user still has to do."""
    box = QMessageBox(QMessageBox.Icon.Information, title, "已从上年报告新建本年报告（尚未保存）：",
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText("\n".join(f"· {line}" for line in lines))
    box.button(QMessageBox.StandardButton.Ok).setText("确定")
    box.exec()
