"""Rules about the unit information and the signing date."""

from __future__ import annotations

from collections.abc import Iterator

from core.checks.context import CheckContext
from core.checks.findings import FRONT_MATTER, Finding, Outcome, Passed
from core.document import SIGNING_DATE
from core.template.model import Rule


def required_field(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    field = rule.params["field"]
    value = context.report.field_value(field.removeprefix("unit."))
    if value is None or (isinstance(value, str) and not value.strip()):
        yield Finding(rule.id, rule.severity, rule.message, FRONT_MATTER, (field,), field)
    else:
        yield Passed(rule.id, field)


def signing_date(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    """The report is signed in the year after the report year (the period must be over). A report
    that prints no signature block (the format allows it) has no date to check."""
    report, messages = context.report, rule.messages
    if not report.signature_printed:
        yield Passed(rule.id, "no signature")
        return
    date = report.signing_date
    if date is None:
        yield Finding(rule.id, rule.severity, messages["missing"], FRONT_MATTER, (SIGNING_DATE,), "missing")
        return
    if date.year == report.year + 1:
        yield Passed(rule.id)
        return
    why = messages["early"] if date.year <= report.year else messages["late"]
    message = messages["wrong_year"].format(date=f"{date.year}年{date.month}月{date.day}日", next_year=report.year + 1,
                                            year=report.year, why=why)
    yield Finding(rule.id, rule.severity, message, FRONT_MATTER, (SIGNING_DATE,))
