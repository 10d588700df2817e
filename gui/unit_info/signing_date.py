"""The 落款日期 field: a date edit whose blank state ("未填写") opens its calendar at the month the
report is likely signed, not at the placeholder date the blank state is stored as.

The calendar (a table, a month menu, spin box and buttons: about 2 ms) is made when a click first
opens it, not with the first window."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QLocale, QObject
from PySide6.QtWidgets import QDateEdit, QWidget

if TYPE_CHECKING:  # not imported: the calendar's Python type (and its enums) come with the calendar
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QCalendarWidget

EMPTY_DATE = QDate(2000, 1, 1)  # shown as "未填写": QDateEdit has no empty state of its own


def calendar_page(report_year: int, today: dt.date | None = None) -> tuple[int, int]:
    """(year, month) to show: this month when it is in the year after the report's (when reports are
    signed), else January of that year."""
    today = today or dt.date.today()
    if today.year == report_year + 1:
        return today.year, today.month
    return report_year + 1, 1


class SigningDateEdit(QDateEdit):
    def __init__(self, report_year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report_year = report_year
        self.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy年M月d日")
        self.setMinimumDate(EMPTY_DATE)
        self.setSpecialValueText("未填写")
        self._calendar: QCalendarWidget | None = None

    def calendar(self) -> QCalendarWidget:
        """The popup calendar, made (Chinese, opening at the signing month) on first use."""
        if self._calendar is None:
            self._calendar = self.calendarWidget()
            self._calendar.setLocale(self.locale())
            # The popup selects the stored date (the placeholder) each time it opens; turn the page after.
            self._calendar.installEventFilter(self)
        return self._calendar

    def is_blank(self) -> bool:
        return self.date() == EMPTY_DATE

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.calendar()  # a click on the arrow opens it (Qt opens the popup on no other input)
        super().mousePressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._calendar and event.type() == QEvent.Type.Show and self.is_blank():
            self._calendar.setCurrentPage(*calendar_page(self.report_year))
        return super().eventFilter(watched, event)
