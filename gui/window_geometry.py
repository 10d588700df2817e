"""The main window's size, position and check-panel width: remembered between runs, and never larger
than the screen it opens on (at 150 % on a 1366×768 screen the default size would put the check panel
off screen)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
PANEL_KEY = "window/checkPanelVisible"


def fit_into(rect: QRect, available: QRect, frame: QSize | None = None) -> QRect:
    """``rect`` (the client area) shrunk and moved so that it and its window frame lie inside ``available``."""
    frame = frame or QSize(0, 0)
    width = max(1, min(rect.width(), available.width() - frame.width()))
    height = max(1, min(rect.height(), available.height() - frame.height()))
    left_edge = available.left() + frame.width() // 2
    top_edge = available.top() + frame.height() - frame.width() // 2
    right = available.right() - frame.width() // 2
    bottom = available.bottom() - frame.width() // 2
    x = min(max(rect.x(), left_edge), right - width + 1)
    y = min(max(rect.y(), top_edge), bottom - height + 1)
    return QRect(x, y, width, height)


def available_geometry(window: QMainWindow) -> QRect:
    """The part of the window's screen not taken by task bars (tests replace this)."""
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def frame_allowance(window: QMainWindow) -> QSize:
    """What the window manager's frame will add: a border on each side and a title bar about two
    lines of text high (the frame itself is unknown until the window is shown)."""
    border = 8
    title = max(24, window.fontMetrics().height() * 2)
    return QSize(border, title + border // 2)


class WindowGeometry:
    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        self.window = window
        self.settings = settings
        self.check_panel_wanted = settings.value(PANEL_KEY, True, type=bool)

    def restore(self, panel: QDockWidget) -> None:
        window = self.window
        panel.toggleViewAction().triggered.connect(self._panel_toggled)
        em = window.fontMetrics().horizontalAdvance("国")
        geometry = self.settings.value(GEOMETRY_KEY)
        if not (geometry and window.restoreGeometry(geometry)):
            window.resize(em * 100, em * 60)
        available = available_geometry(window)
        fitted = fit_into(window.geometry(), available, frame_allowance(window))
        window.setGeometry(fitted)
        state = self.settings.value(STATE_KEY)
        if not (state and window.restoreState(state)):
            window.resizeDocks([panel], [min(em * 26, fitted.width() // 3)], Qt.Orientation.Horizontal)

    def _panel_toggled(self, visible: bool) -> None:
        self.check_panel_wanted = visible

    def save(self, panel: QDockWidget) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.window.saveGeometry())
        self.settings.setValue(STATE_KEY, self.window.saveState())
        self.settings.setValue(PANEL_KEY, self.check_panel_wanted)
        self.settings.sync()
