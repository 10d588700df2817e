"""新建报告: choose the report year and the unit's full name; the format follows from the year."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from core.template import template_for_year
from core.template.registry import UnknownTemplateError
from gui.dialog_buttons import ok_button, ok_cancel


class NewReportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, unit_name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("新建年报")
        form = QFormLayout(self)
        self.year = QSpinBox()
        self.year.setRange(2008, 2100)
        self.year.setValue(dt.date.today().year - 1)
        self.year.setSuffix(" 年度")
        self.unit = QLineEdit(unit_name)
        self.unit.setPlaceholderText("例如：某某县某某镇人民政府")
        self.format_note = QLabel()
        self.format_note.setWordWrap(True)
        form.addRow("报告年度：", self.year)
        form.addRow("单位全称：", self.unit)
        form.addRow("报告格式：", self.format_note)
        self.buttons = ok_cancel(self, "新建")
        form.addRow(self.buttons)
        self.year.valueChanged.connect(self._year_changed)
        self._year_changed(self.year.value())
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 30)

    def _year_changed(self, year: int) -> None:
        try:
            self.format_note.setText(template_for_year(year).name)
            ok = True
        except UnknownTemplateError as error:
            self.format_note.setText(str(error))
            ok = False
        ok_button(self.buttons).setEnabled(ok)


def ask_new_report(parent: QWidget | None, unit_name: str = "") -> tuple[int, str] | None:
    """(year, unit name) or None when cancelled (tests replace this function)."""
    dialog = NewReportDialog(parent, unit_name)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.year.value(), dialog.unit.text().strip()
