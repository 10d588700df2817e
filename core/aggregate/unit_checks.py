"""The checks of one unit's report, as the office audits it.

A workbook read by its labels carries the tables only: its findings about texts and front matter
(empty chapters, no signing date) say nothing about the unit and are left out; findings on its cells
are kept. Confirmed warnings (the unit explained them) are not listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.aggregate.copies import chapter_texts
from core.checks import run_checks

if TYPE_CHECKING:
    from core.aggregate.collect import Submission


def check_submission(submission: Submission) -> None:
    from core.aggregate.collect import UnitFinding

    report = submission.report
    assert report is not None
    cells = report.template.cells
    result = run_checks(report)
    for finding in result.findings:
        if finding.severity == "info" or result.is_confirmed(finding):
            continue
        if not submission.has_texts and not (finding.targets and all(t in cells for t in finding.targets)):
            continue
        submission.findings.append(UnitFinding(finding.severity, finding.message, finding.chapter, tuple(finding.targets)))
    if submission.has_texts:
        submission.texts = chapter_texts(report)
        submission.missing_chapters = [c.heading for c in report.chapters
                                       if c.table is None and not report.chapter_text(c.key).strip()]
