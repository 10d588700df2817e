"""Run every check on a report: the template's rules, then the coded ones."""

from __future__ import annotations

from core.checks.findings import (
    FRONT_MATTER,
    FRONT_MATTER_TITLE,
    SEVERITY_LABELS,
    CheckResult,
    Finding,
    NotAssessable,
)
from core.checks.report_rules import CODED_CHECKS, check_report
from core.checks.table_rules import check_tables
from core.document import Report

__all__ = [
    "CODED_CHECKS", "FRONT_MATTER", "FRONT_MATTER_TITLE", "SEVERITY_LABELS", "CheckResult", "Finding",
    "NotAssessable", "chapter_title", "group_by_chapter", "run_checks",
]


def run_checks(report: Report) -> CheckResult:
    """Every finding for the report, ordered by chapter as printed; explanations attached."""
    result = CheckResult(explanations=dict(report.explanations))
    check_tables(report, result)
    check_report(report, result)
    order = {FRONT_MATTER: -1} | {c.key: i for i, c in enumerate(report.template.chapters)}
    result.findings.sort(key=lambda f: order.get(f.chapter, 99))
    return result


def chapter_title(report: Report, chapter_key: str) -> str:
    if chapter_key == FRONT_MATTER:
        return FRONT_MATTER_TITLE
    return report.template.chapter(chapter_key).heading


def group_by_chapter(report: Report, findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """(chapter heading, findings) in the report's order, chapters without findings left out."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.chapter, []).append(finding)
    return [(chapter_title(report, key), items) for key, items in groups.items()]
