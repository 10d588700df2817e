"""Run every check of a report's format over a check context: one engine, one kind per rule.

The evaluators (and what they import) load with the first run, and the findings' types when first
named: the GUI's first screen shows before the checks run and needs only the labels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.checks.labels import FRONT_MATTER, FRONT_MATTER_TITLE

if TYPE_CHECKING:
    from core.checks.context import CheckContext
    from core.checks.findings import SEVERITY_LABELS, CheckResult, Finding, NotAssessable, Passed
    from core.document import Report

__all__ = [
    "FRONT_MATTER", "FRONT_MATTER_TITLE", "SEVERITY_LABELS", "CheckContext", "CheckResult", "Finding",
    "NotAssessable", "Passed", "chapter_title", "group_by_chapter", "run_checks", "run_context",
]


def run_checks(report: Report, previous: Report | None = None, members: Sequence[Report] = ()) -> CheckResult:
    """Every finding for the report, ordered by chapter as printed; explanations attached.

    ``previous`` is last year's report and ``members`` the units' reports an aggregate adds up; a rule
    that needs one of them and does not have it is not assessable, with the reason.
    """
    from core.checks.context import CheckContext

    return run_context(CheckContext(report, previous if previous is not None else report.previous, tuple(members)))


def run_context(context: CheckContext) -> CheckResult:
    """``run_checks`` over a context the caller made: what the evaluators measured on the way (the
    context's cached properties, such as ``chapter_repeats``) stays there for the caller to use."""
    from core.checks.findings import CheckResult
    from core.checks.kinds import EVALUATORS

    report = context.report
    result = CheckResult(explanations=dict(report.explanations))
    for rule in report.template.rules:
        for outcome in EVALUATORS[rule.kind](rule, context):
            result.add(outcome)
    order = {FRONT_MATTER: -1} | {c.key: i for i, c in enumerate(report.chapters)}
    result.findings.sort(key=lambda f: order.get(f.chapter, 99))
    return result


_LOADED_WHEN_NAMED = {"CheckContext": "context", "CheckResult": "findings", "Finding": "findings",
                      "NotAssessable": "findings", "Passed": "findings", "SEVERITY_LABELS": "findings"}


def __getattr__(name: str):
    module = _LOADED_WHEN_NAMED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"core.checks.{module}"), name)


def chapter_title(report: Report, chapter_key: str) -> str:
    if chapter_key == FRONT_MATTER:
        return FRONT_MATTER_TITLE
    chapter = report.find_chapter(chapter_key)
    return chapter.heading if chapter else chapter_key


def group_by_chapter(report: Report, findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """(chapter heading, findings) in the report's order, chapters without findings left out."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.chapter, []).append(finding)
    return [(chapter_title(report, key), items) for key, items in groups.items()]
