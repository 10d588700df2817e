"""The banner over the bundled sample: it can only be looked at (and copied from); a report of one's
own starts anew, blank or from last year's report."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

TEXT = ("这是软件自带的示例报告（虚构的乡镇），只能查看和复制其中的文字，不能修改。"
        "要编写本单位的年报，请点右边的“新建年报…”（选年度、填单位全称，从空白开始）；"
        "有上年的年报文件时，点“从上年报告新建…”。不要在示例上改写：容易把示例的单位名称、地址和电话留在正文里。")


class ReadOnlyBanner(QWidget):
    newReport = Signal()

    def __init__(self, parent: QWidget | None = None, from_last_year: QAction | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # a QWidget subclass paints no style sheet background without it
        self.setStyleSheet("#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }")
        row = QHBoxLayout(self)
        self.text = QLabel(TEXT)
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.new_button = QPushButton("新建年报…")
        self.new_button.clicked.connect(self.newReport.emit)
        row.addWidget(self.new_button)
        self.from_last_year_button = QPushButton("从上年报告新建…")
        self.from_last_year_button.setToolTip("以上年的年报为底稿：带入上年结转数和文字草稿，再按本年情况改写")
        if from_last_year is not None:
            self.from_last_year_button.clicked.connect(from_last_year.trigger)
        else:
            self.from_last_year_button.hide()
        row.addWidget(self.from_last_year_button)
        self.hide()
