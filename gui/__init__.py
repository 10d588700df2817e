"""The PySide6 desktop app (entry point: gui.app.main)."""
