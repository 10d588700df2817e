"""The 确定/取消 row every dialog ends with, its buttons labelled in Chinese whatever Qt's locale."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def ok_cancel(dialog: QDialog, ok_text: str = "确定") -> QDialogButtonBox:
    """Buttons that accept or reject ``dialog``; ``ok_button(box)`` is the accepting one."""
    box = QDialogButtonBox(OK | CANCEL)
    box.button(OK).setText(ok_text)
    box.button(CANCEL).setText("取消")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def ok_button(box: QDialogButtonBox) -> QPushButton:
    return box.button(OK)
