"""Run something once a window's first frame is on screen (the first check run, so that opening a
report shows the window before the checks have worked through it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstFrame(QObject):
    """Calls ``action`` once, just after ``widget``'s window is first exposed (its first paint)."""

    def __init__(self, widget: QWidget, action: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._handle: QObject | None = None
        self._action = action
        self._pending = True
        widget.installEventFilter(self)  # its Show event: then its window handle exists

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only the event type is looked at first: events also arrive while the widget is being
        # destroyed, when calling into it is not safe.
        if not self._pending:
            return False
        kind = event.type()
        if kind == QEvent.Type.Show and watched is self._widget and self._handle is None:
            self._handle = self._widget.windowHandle()
            if self._handle is not None:
                self._handle.installEventFilter(self)
        elif kind == QEvent.Type.Expose and self._handle is not None and watched is self._handle \
                and self._handle.isExposed():
            self._pending = False
            self._handle.removeEventFilter(self)
            self._widget.removeEventFilter(self)
            # Queued, so it runs after this expose has painted; not at all if the widget is gone by then.
            QTimer.singleShot(0, self, self._action)
        return False
