"""The PySide6 desktop app (entry point: gui.app.main)."""

from gui import qt_fixes

qt_fixes.install()
