"""The banner over the bundled sample: it can only be looked at; a report of one's own starts anew."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

TEXT = ("这是软件自带的示例报告（虚构的乡镇），只能查看，不能修改。"
        "要编写本单位的年报，请新建年报：在示例上改写，容易把示例的单位名称、地址和电话留在正文里。")


class ReadOnlyBanner(QWidget):
    newReport = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet("#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }")
        row = QHBoxLayout(self)
        text = QLabel(TEXT)
        text.setWordWrap(True)
        row.addWidget(text, 1)
        self.new_button = QPushButton("新建年报…")
        self.new_button.clicked.connect(self.newReport.emit)
        row.addWidget(self.new_button)
        self.hide()
