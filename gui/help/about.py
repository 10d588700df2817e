"""帮助 → 关于: what the program is, its version, and what it runs on."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

import core
from core.template.registry import available_template_ids, load_template


def about_text() -> str:
    from gui.main_window import APP_TITLE

    formats = "、".join(load_template(t).name for t in available_template_ids())
    return (f"<h3>{APP_TITLE}</h3><p>版本 {core.__version__}</p>"
            "<p>离线编制政府信息公开工作年度报告：按官方格式填写、自动合计、检查勾稽关系和文字，导出 Word 和 Excel，"
            "导入 Excel 统计表。不需要联网，报告只保存在本机。</p>"
            f"<p>支持的格式：{formats}</p>"
            f"<p style='color:#555'>Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {PySide6.__version__}</p>")


def show_about(parent: QWidget | None) -> None:
    about_box(parent).exec()


def about_box(parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.NoIcon, "关于", about_text(), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("aboutBox")
    box.button(QMessageBox.StandardButton.Ok).setText("确定")
    return box
