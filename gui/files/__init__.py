"""Files: open/save dialogs, recent files, autosave and recovery, exports."""
