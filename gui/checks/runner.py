"""Re-run the checks shortly after the user stops editing (they take about a millisecond), and keep
the sentences repeated from last year's report for the editors to highlight (measured once per run,
by the copied-text check, a few milliseconds)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from core.checks import run_context
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
        from core.checks import CheckContext

        report = self.document.report
        context = CheckContext(report, report.previous)
        self.result = run_context(context)
        # The copied-text check measured the repeats on its way: the highlight uses the same measure.
        self.repeats = {key: found for chapter in context.chapter_repeats for key, found in chapter.repeats.items()}
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
