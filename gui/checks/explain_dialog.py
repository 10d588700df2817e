"""The small dialog in which a warning is confirmed with an explanation (说明)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from core.checks import Finding
from gui.dialog_buttons import ok_button, ok_cancel

EMPTY_HINT = "请填写说明：写明这一情况属实的原因。（要撤回已有的说明，请点检查面板上的“撤回说明”。）"


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
        # An empty 说明 is never taken: OK waits for text, and this line says why.
        self.hint = QLabel(EMPTY_HINT)
        self.hint.setStyleSheet("color: #b3261e")
        layout.addWidget(self.hint)
        buttons = ok_cancel(self, "确认说明")
        self.ok_button = ok_button(buttons)
        layout.addWidget(buttons)
        self.editor.textChanged.connect(self._update)
        self._update()
        self.resize(self.fontMetrics().horizontalAdvance("国") * 32, self.sizeHint().height())

    def explanation(self) -> str:
        return self.editor.toPlainText().strip()

    def _update(self) -> None:
        empty = not self.explanation()
        self.ok_button.setEnabled(not empty)
        self.hint.setVisible(empty)

    def accept(self) -> None:
        if not self.explanation():  # also when accepted some other way than the disabled button
            self._update()
            self.editor.setFocus()
            return
        super().accept()


def ask_explanation(parent: QWidget | None, finding: Finding, current: str = "") -> str | None:
    """The explanation typed, or None if cancelled (tests replace this function)."""
    dialog = ExplainDialog(finding, current, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.explanation()
