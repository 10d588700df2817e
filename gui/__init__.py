"""The PySide6 desktop app (entry point: gui.app.main)."""

import shiboken6  # noqa: F401  # sets up PySide6's import hook, which gui.pyside_imports shortcuts

from gui import pyside_imports

pyside_imports.install()
