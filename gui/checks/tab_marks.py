"""A mark on each tab with its open problems: an error icon and count, a warning icon and count.

Errors and warnings not yet explained (说明) are counted; the unit-information tab counts the
findings of the front matter (unit, opening paragraph, signing date).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

if TYPE_CHECKING:
    from core.checks import CheckResult

Counts = tuple[int, int]  # errors, open warnings


def open_problems_by_chapter(result: CheckResult) -> dict[str, Counts]:
    """chapter key (or FRONT_MATTER) → (errors, warnings not yet explained)."""
    counts: dict[str, list[int]] = {}
    for finding in result.findings:
        if finding.severity == "error":
            counts.setdefault(finding.chapter, [0, 0])[0] += 1
        elif finding.severity == "warning" and not result.is_confirmed(finding):
            counts.setdefault(finding.chapter, [0, 0])[1] += 1
    return {key: (e, w) for key, (e, w) in counts.items()}


def describe_counts(counts: Counts) -> str:
    errors, warnings = counts
    parts = [f"错误 {errors} 项"] if errors else []
    if warnings:
        parts.append(f"未说明的警告 {warnings} 项")
    return "，".join(parts) if parts else "没有发现问题"


class ProblemBadge(QWidget):
    """Shown on the right of a tab: [error icon] 2 [warning icon] 1."""

    def __init__(self, counts: Counts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = counts
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        from PySide6.QtWidgets import QStyle  # its many enums load with the first mark, after the first paint

        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
        for count, icon, colour in ((counts[0], QStyle.StandardPixmap.SP_MessageBoxCritical, "#b3261e"),
                                    (counts[1], QStyle.StandardPixmap.SP_MessageBoxWarning, "#8a5a00")):
            if not count:
                continue
            picture = QLabel()
            picture.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
            number = QLabel(str(count))
            number.setStyleSheet(f"color: {colour}; font-weight: bold")
            layout.addWidget(picture)
            layout.addWidget(number)
        self.setToolTip(describe_counts(counts))

    def text(self) -> str:
        """What the badge says, for tests and screen readers: "错误 2 · 警告 1"."""
        errors, warnings = self.counts
        return " · ".join(p for p in (f"错误 {errors}" if errors else "", f"警告 {warnings}" if warnings else "") if p)
