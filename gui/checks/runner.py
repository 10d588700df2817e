"""Re-run the checks shortly after the user stops editing (they take about a millisecond), and find
the sentences repeated from last year's report for the editors to highlight (a few milliseconds)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from core.checks import run_checks
from gui.document import ReportDocument

if TYPE_CHECKING:
    from core.checks import CheckResult
    from core.similarity import Repeat

DEBOUNCE_MS = 300


class CheckRunner(QObject):
    finished = Signal(object)  # CheckResult

    def __init__(self, document: ReportDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.result: CheckResult | None = None
        self.repeats: dict[str, tuple[Repeat, ...]] = {}  # text key → its sentences found in last year's text
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        document.contentChanged.connect(self._timer.start)

    def run_now(self) -> CheckResult:
        self._timer.stop()
        report = self.document.report
        self.result = run_checks(report)
        previous = report.previous
        from core.checks.copied_text import chapter_repeats

        self.repeats = ({key: found for chapter in chapter_repeats(report, previous)
                         for key, found in chapter.repeats.items()} if previous is not None else {})
        self.finished.emit(self.result)
        return self.result


def findings_by_cell(result: CheckResult) -> dict[str, list[tuple[str, str]]]:
    """Cell key → (severity, message) of the errors and unconfirmed warnings that point at it."""
    found: dict[str, list[tuple[str, str]]] = {}
    for finding in result.findings:
        if finding.severity == "info" or result.is_confirmed(finding):
            continue
        for target in finding.targets:
            found.setdefault(target, []).append((finding.severity, finding.message))
    return found
