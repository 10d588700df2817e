"""The PySide6 desktop app (entry point: gui.app.main)."""

from gui import startup

startup.pause_collector()  # until the first window is on screen
startup.use_c_datetime()

import shiboken6  # noqa: E402, F401  # sets up PySide6's import hook, which gui.pyside_imports shortcuts

from gui import pyside_imports  # noqa: E402

pyside_imports.install()
pyside_imports.skip_feature_import()
