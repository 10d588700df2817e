"""The first tab: who the report is for (UnitInfo), the report year, the signing date, the opening
paragraph and last year's report (上年报告) the cross-year checks compare with."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.document import UNIT_FIELD_LABELS, UNIT_KINDS, UNIT_LEVELS, UnitInfo
from gui.document import OPENING, SIGNING_DATE, ReportDocument
from gui.input_clean import clean_input, cleaned_position
from gui.texts.editor import TextSlotEditor
from gui.undo_routing import route_undo_to_document
from gui.unit_info.signing_date import EMPTY_DATE, SigningDateEdit

_EMPTY_DATE = EMPTY_DATE
_CHOICES = {"kind": UNIT_KINDS, "level": UNIT_LEVELS}
_PLACEHOLDERS = {
    "name": "例如：某某县某某镇人民政府（用于报告标题，须写全称）",
    "region": "例如：某某省某某市某某县",
    "website": "例如：http://www.example.gov.cn",
    "reporter": "填写统计表的人（写入 Excel 的“填报信息”，不印在报告上）",
    "reporter_phone": "填报人的联系电话（写入 Excel 的“填报信息”，不印在报告上）",
}


class UnitInfoPage(QScrollArea):
    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)

        group = QGroupBox("单位信息")
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        for name in UnitInfo.field_names():
            if name in _CHOICES:
                combo = QComboBox()
                for key, label in _CHOICES[name].items():
                    combo.addItem(label, key)
                combo.activated.connect(lambda _i, n=name, c=combo: document.set_unit_field(n, c.currentData()))
                widget: QWidget = combo
            else:
                line = QLineEdit()
                line.setPlaceholderText(_PLACEHOLDERS.get(name, ""))
                line.textEdited.connect(lambda text, n=name, w=line: self._line_edited(n, w, text))
                route_undo_to_document(line)
                widget = line
            self.fields[name] = widget
            form.addRow(UNIT_FIELD_LABELS[name] + "：", widget)

        self.year = QLineEdit(f"{document.report.year} 年度")
        self.year.setReadOnly(True)
        self.year.setToolTip("报告年度在新建报告时确定，决定适用的报告格式，不能修改")
        form.addRow("报告年度：", self.year)

        self.signing = SigningDateEdit(document.report.year)
        self.signing.dateChanged.connect(self._date_edited)
        clear = QPushButton("清空日期")
        clear.clicked.connect(lambda: document.set_unit_field(SIGNING_DATE, None))
        row = QHBoxLayout()
        row.addWidget(self.signing, 1)
        row.addWidget(clear)
        form.addRow("落款日期：", row)
        self.fields[SIGNING_DATE] = self.signing
        self.previous = QLabel()
        self.previous.setObjectName("previousReport")
        self.previous.setWordWrap(True)
        self.previous.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link_button = QToolButton()
        self.remove_button = QToolButton()
        previous_row = QHBoxLayout()
        previous_row.addWidget(self.previous, 1)
        previous_row.addWidget(self.link_button)
        previous_row.addWidget(self.remove_button)
        form.addRow("上年报告：", previous_row)
        layout.addWidget(group)
        if document.read_only:
            self._make_read_only(clear)

        front = document.report.template.front_matter
        self.opening = TextSlotEditor(document, OPENING, front.opening_title, front.opening_help, body, min_lines=6)
        layout.addWidget(self.opening)
        template_note = QLabel(f"报告格式：{document.report.template.name}")
        template_note.setWordWrap(True)
        layout.addWidget(template_note)
        layout.addStretch(1)
        self.setWidget(body)

        self._syncing = False
        for name in self.fields:
            self._load(name)
        document.unitChanged.connect(self._load)
        self.refresh_previous()
        document.previousChanged.connect(self.refresh_previous)
        self._show_opening_draft()
        document.drafts.changed.connect(self._drafts_changed)  # a method: disconnected when the page goes

    def _drafts_changed(self, keys: tuple[str, ...]) -> None:
        if OPENING in keys:
            self._show_opening_draft()

    def _show_opening_draft(self) -> None:
        self.opening.show_draft(OPENING in self.document.drafts.keys)

    def _make_read_only(self, clear_date: QPushButton) -> None:
        """The bundled sample: fields to read and copy from; choices and the date cannot be changed."""
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit | QDateEdit):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(False)
        clear_date.setEnabled(False)

    def set_previous_actions(self, link: QAction, remove: QAction) -> None:
        """The window's 关联/移除上年报告 commands, as buttons beside the 上年报告 line."""
        self.link_button.setDefaultAction(link)
        self.remove_button.setDefaultAction(remove)

    def refresh_previous(self) -> None:
        report = self.document.report
        previous = report.previous
        if previous is None:
            self.previous.setText("没有（跨年度检查和与上年文字的比对无法进行）")
            self.previous.setToolTip("从上年报告新建，或用“关联上年报告”选择上年的年报文件或 Excel 工作簿")
        else:
            # the file's name only: a full path would wrap the row; the tooltip has all of it
            name = re.split(r"[\\/]", report.previous_path)[-1] if report.previous_path else ""
            self.previous.setText(f"{previous.title}（{name}）" if name else previous.title)
            place = f"原位置：{report.previous_path}\n" if report.previous_path else ""
            self.previous.setToolTip(f"{place}上年报告的内容已保存在本报告中，原文件移动或删除后跨年度检查仍可进行")

    def _load(self, name: str) -> None:
        widget = self.fields.get(name)
        if widget is None:
            return
        value = self.document.unit_field(name)
        self._syncing = True
        try:
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QDateEdit):
                if isinstance(value, dt.date):
                    widget.setDate(QDate(value.year, value.month, value.day))
                else:
                    widget.setDate(_EMPTY_DATE)
            elif isinstance(widget, QLineEdit) and widget.text() != value:
                widget.setText(str(value or ""))
        finally:
            self._syncing = False

    def _line_edited(self, name: str, line: QLineEdit, text: str) -> None:
        cleaned = clean_input(self, text, single_line=True)
        if cleaned != text:
            position = cleaned_position(text, line.cursorPosition(), single_line=True)
            line.setText(cleaned)  # setText does not emit textEdited
            line.setCursorPosition(position)
        self.document.set_unit_field(name, cleaned)

    def _date_edited(self, date: QDate) -> None:
        if self._syncing:
            return
        value = None if date == _EMPTY_DATE else dt.date(date.year(), date.month(), date.day())
        self.document.set_unit_field(SIGNING_DATE, value)

    def focus_target(self, target: str) -> bool:
        """Focus the field a finding points at: "unit.<field>", "signing_date" or "opening"."""
        if target == OPENING:
            self.ensureWidgetVisible(self.opening)
            self.opening.focus_editor()
            return True
        widget = self.fields.get(target.removeprefix("unit."))
        if widget is None:
            return False
        self.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
