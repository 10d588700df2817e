"""The 落款日期 calendar opens at the month the report is signed in, not at its blank placeholder."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QCalendarWidget

from gui.unit_info.signing_date import EMPTY_DATE, SigningDateEdit, calendar_page


def test_calendar_page_for_a_report_year():
    assert calendar_page(2025, dt.date(2026, 2, 14)) == (2026, 2)  # signing season: this month
    assert calendar_page(2025, dt.date(2025, 12, 30)) == (2026, 1)  # written before the year ends
    assert calendar_page(2020, dt.date(2026, 2, 14)) == (2021, 1)  # an old report entered late


def _open_popup(qtbot, edit: SigningDateEdit):
    with qtbot.waitExposed(edit):
        edit.show()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 6, edit.height() // 2))  # the arrow
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    return calendar


def test_blank_date_opens_at_the_signing_month(qtbot):
    edit = SigningDateEdit(2025)
    qtbot.addWidget(edit)
    edit.setDate(EMPTY_DATE)
    assert edit.text() == "未填写"
    calendar = _open_popup(qtbot, edit)
    assert (calendar.yearShown(), calendar.monthShown()) == calendar_page(2025)
    assert (calendar.yearShown(), calendar.monthShown()) != (2000, 1)


def test_a_set_date_opens_at_its_own_month(qtbot):
    edit = SigningDateEdit(2025)
    qtbot.addWidget(edit)
    edit.setDate(QDate(2026, 3, 5))
    calendar = _open_popup(qtbot, edit)
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 3)
    assert edit.text() == "2026年3月5日"


def test_the_calendar_is_made_only_when_it_opens(qtbot):
    edit = SigningDateEdit(2025)
    qtbot.addWidget(edit)
    with qtbot.waitExposed(edit):
        edit.show()
    assert edit.findChildren(QCalendarWidget) == []  # not with the first window
    calendar = _open_popup(qtbot, edit)
    assert edit.findChildren(QCalendarWidget) == [calendar]

