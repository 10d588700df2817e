"""Which texts of a report are still, word for word, last year's: the drafts a report started from
last year's report (core/carry_over.py) was given, not yet rewritten (the checks list them, the
window marks their tabs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.document import OPENING

if TYPE_CHECKING:
    from core.document import Report


def unchanged_drafts(report: Report) -> list[str]:
    """Text slots still word for word as last year's report had them."""
    if report.previous is None:
        return []
    return [key for key in (OPENING, *report.text_keys) if is_unchanged_draft(report, key)]


def is_unchanged_draft(report: Report, key: str) -> bool:
    """Whether one text slot (of ``report.text_keys``, or OPENING) is still last year's text word for word."""
    previous = report.previous
    text = report.text(key)
    return previous is not None and bool(text.strip()) and text == previous.text(key)
