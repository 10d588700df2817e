"""The check panel: every finding grouped by chapter; double-click jumps to it; warnings can be
confirmed with an explanation (说明) or the explanation withdrawn."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.checks import group_by_chapter
from gui.checks.finding_tree import FindingTree
from gui.document import ReportDocument

if TYPE_CHECKING:  # the items and their colours load with the first result, after the first paint
    from PySide6.QtWidgets import QTreeWidgetItem

    from core.checks import CheckResult, Finding

FindingRole = Qt.ItemDataRole.UserRole + 10
SEVERITY_COLOURS = {"error": "#b3261e", "warning": "#8a5a00", "info": "#1f5fa8"}
CONFIRMED_COLOUR = "#2e7d32"


def _icon(style, severity: str, confirmed: bool):
    """The standard icon of a finding (QStyle and its many enums load with the first result)."""
    from PySide6.QtWidgets import QStyle

    pixmaps = {"error": QStyle.StandardPixmap.SP_MessageBoxCritical,
               "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
               "info": QStyle.StandardPixmap.SP_MessageBoxInformation}
    return style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton if confirmed else pixmaps[severity])


def counts_text(result: CheckResult) -> str:
    return f"错误 {result.errors} · 警告 {result.warnings} · 提示 {result.infos}"


class CheckPanel(QDockWidget):
    findingActivated = Signal(object)  # Finding

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__("检查结果", parent)
        self.setObjectName("checkPanel")
        self.document = document
        self.result: CheckResult | None = None

        body = QWidget()
        layout = QVBoxLayout(body)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = FindingTree()
        self._tree_followed = False  # its item signals are connected with the first result (see show_result)
        layout.addWidget(self.tree, 1)
        # The selected finding again, selectable for copying, with what can be done about it.
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        layout.addWidget(self.detail)
        buttons = QHBoxLayout()
        self.explain_button = QPushButton("说明此警告…")
        self.explain_button.setToolTip("确认这条警告属实，并写明原因；说明会随报告保存")
        self.explain_button.clicked.connect(self.explain_current)
        self.withdraw_button = QPushButton("撤回说明")
        self.withdraw_button.clicked.connect(self.withdraw_current)
        buttons.addWidget(self.explain_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._update_buttons()

    # --- showing results ---------------------------------------------------------------------

    def show_result(self, result: CheckResult) -> None:
        from PySide6.QtWidgets import QTreeWidgetItem

        if not self._tree_followed:  # the tree had no items before: nothing to activate or select
            self._tree_followed = True
            self.tree.itemDoubleClicked.connect(self._activated)
            self.tree.itemActivated.connect(self._activated)
            self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        selected = self.current_finding()
        self.result = result
        self.tree.clear()
        style = self.style()
        restore: QTreeWidgetItem | None = None
        for heading, findings in group_by_chapter(self.document.report, result.findings):
            group = QTreeWidgetItem([f"{heading}（{len(findings)}）"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            for finding in findings:
                item = self._finding_item(finding, result, style)
                group.addChild(item)
                if selected is not None and finding.id == selected.id:
                    restore = item
            group.setExpanded(True)
        if not result.findings:
            self.tree.addTopLevelItem(QTreeWidgetItem(["没有发现问题。"]))
        self.summary.setText(result.summary())
        if restore is not None:
            self.tree.setCurrentItem(restore)
        self._update_buttons()

    def _finding_item(self, finding: Finding, result: CheckResult, style) -> QTreeWidgetItem:
        confirmed = result.is_confirmed(finding)
        if confirmed:
            text = f"［已说明］{finding.message}\n说明：{result.explanation(finding)}"
        else:
            text = f"［{finding.severity_label}］{finding.message}"
        from PySide6.QtGui import QBrush, QColor
        from PySide6.QtWidgets import QTreeWidgetItem

        item = QTreeWidgetItem([text])
        item.setData(0, FindingRole, finding)
        item.setIcon(0, _icon(style, finding.severity, confirmed))
        item.setForeground(0, QBrush(QColor(CONFIRMED_COLOUR if confirmed else SEVERITY_COLOURS[finding.severity])))
        item.setToolTip(0, text + ("\n（双击跳转到相关位置）" if finding.targets else ""))
        return item

    def finding_items(self) -> list[QTreeWidgetItem]:
        items = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            items += [group.child(i) for i in range(group.childCount())]
        return items

    def select_finding(self, finding_id: str) -> bool:
        for item in self.finding_items():
            if item.data(0, FindingRole).id == finding_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def current_finding(self) -> Finding | None:
        if not self._tree_followed:
            return None  # no result shown yet: no items (nor their Python type made before the first paint)
        item = self.tree.currentItem()
        return item.data(0, FindingRole) if item is not None else None

    # --- actions -----------------------------------------------------------------------------

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FindingRole)
        if finding is not None:
            self.findingActivated.emit(finding)

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        self.detail.setText(self._detail_text(finding))
        can = finding is not None and finding.can_be_confirmed
        confirmed = can and self.result is not None and self.result.is_confirmed(finding)
        writable = self.document is not None and not self.document.read_only  # the sample is only read
        self.explain_button.setEnabled(bool(can) and writable)
        self.explain_button.setText("修改说明…" if confirmed else "说明此警告…")
        self.withdraw_button.setEnabled(bool(confirmed) and writable)

    def _detail_text(self, finding: Finding | None) -> str:
        if finding is None:
            return "双击一条结果可跳转到相关位置。警告如果属实，可以选中后点“说明此警告”写明原因。"
        text = f"【{finding.severity_label}】{finding.message}"
        if self.result is not None and self.result.is_confirmed(finding):
            text += f"\n【已说明】{self.result.explanation(finding)}"
        elif finding.can_be_confirmed:
            text += "\n如果情况属实，可点“说明此警告”写明原因。"
        return text

    def explain_current(self) -> None:
        finding = self.current_finding()
        if finding is None or not finding.can_be_confirmed:
            return
        current = self.document.report.explanations.get(finding.id, "")
        from gui.checks import explain_dialog

        text = explain_dialog.ask_explanation(self, finding, current)
        if text:
            self.document.set_explanation(finding.id, text)

    def withdraw_current(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.document.set_explanation(finding.id, None)
