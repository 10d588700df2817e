"""The PySide6 desktop app (entry point: gui.app.main)."""

# The core is imported before PySide6 on purpose: PySide6 reads the source of every module imported
# after it (looking for its __feature__ switches), which only slows start-up down.
import core.checks  # noqa: F401
import core.report_file  # noqa: F401
