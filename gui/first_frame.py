"""Run something once a window's first frame is on screen (the end of start-up and the first check
run, so that opening a report shows the window before the checks have worked through it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstFrame(QObject):
    """Calls ``action`` once, just after ``widget``'s window is first exposed (its first paint).

    The widget says when it is shown (``shown``, from its ``showEvent``): only then does its window
    exist to be watched. A filter on the widget itself would hear every event it gets before that
    (each child added and polished: hundreds of calls into Python before the first paint)."""

    def __init__(self, widget: QWidget, action: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._handle: QObject | None = None
        self._action = action
        self._pending = True

    def shown(self) -> None:
        if self._pending and self._handle is None:
            self._handle = self._widget.windowHandle()
            if self._handle is not None:
                self._handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only the event type is looked at first: events also arrive while the window is being
        # destroyed, when calling into it is not safe.
        if self._pending and event.type() == QEvent.Type.Expose and watched is self._handle \
                and self._handle.isExposed():
            self._pending = False
            self._handle.removeEventFilter(self)
            # Queued, so it runs after this expose has painted; not at all if the widget is gone by then.
            QTimer.singleShot(0, self, self._action)
        return False
