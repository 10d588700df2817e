"""The small dialog in which a warning is confirmed with an explanation (说明)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from core.checks import Finding


class ExplainDialog(QDialog):
    def __init__(self, finding: Finding, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("说明警告")
        layout = QVBoxLayout(self)
        message = QLabel(f"警告：{finding.message}")
        message.setWordWrap(True)
        layout.addWidget(message)
        layout.addWidget(QLabel("如果这一情况属实，请说明原因（说明会随报告保存，审核时可以看到）："))
        self.editor = QPlainTextEdit(current)
        self.editor.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确认说明")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("国") * 32, self.sizeHint().height())

    def explanation(self) -> str:
        return self.editor.toPlainText().strip()


def ask_explanation(parent: QWidget | None, finding: Finding, current: str = "") -> str | None:
    """The explanation typed, or None if cancelled (tests replace this function)."""
    dialog = ExplainDialog(finding, current, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.explanation()
