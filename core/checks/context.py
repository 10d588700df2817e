"""What a check looks at: the report, and the reports it is compared with.

``previous`` is last year's report (rules read it as ``prev.<key>``); ``members`` are the units an
aggregated report adds up (``members.<key>`` is their sum). Their cells are mapped into this report's
format through the templates' links, so a 2020 report in the 2019 format serves a 2021 report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from core.document import OPENING, Report
from core.template.links import key_map
from core.template.model import NAMESPACES, Template

if TYPE_CHECKING:
    from core.checks.copied_text import ChapterRepeats


@dataclass
class CheckContext:
    report: Report
    previous: Report | None = None
    members: Sequence[Report] = field(default_factory=tuple)

    @cached_property
    def template(self) -> Template:
        return self.report.template

    def available(self, namespace: str) -> bool:
        if namespace == "prev":
            return self.previous is not None
        if namespace == "members":
            return bool(self.members)
        return namespace == ""

    def missing_reason(self, namespaces: Sequence[str]) -> str | None:
        """Why a rule reading these namespaces cannot be assessed, or None when all are there."""
        for namespace in namespaces:
            if not self.available(namespace):
                return NAMESPACES[namespace]
        return None

    @cached_property
    def numbers(self) -> dict[str, Decimal | None]:
        """The report's numbers, and "prev.<key>" / "members.<key>" for the reports it is compared with."""
        numbers = self.report.numbers()  # a new dict, this context's own
        if self.previous is not None:
            numbers.update({f"prev.{k}": v for k, v in self._mapped(self.previous).items()})
        if self.members:
            numbers.update({f"members.{k}": v for k, v in self._sum(self.members).items()})
        return numbers

    @cached_property
    def chapter_repeats(self) -> list[ChapterRepeats]:
        """Per text chapter, what repeats last year's text (none without last year's report): measured
        once per context, for check C11 and for whoever ran the checks (the GUI's highlight)."""
        from core.checks.copied_text import chapter_repeats

        return chapter_repeats(self.report, self.previous) if self.previous is not None else []

    def _mapped(self, other: Report) -> dict[str, Decimal | None]:
        """The other report's numbers under this report's keys (absent where its format has no such figure)."""
        theirs = other.numbers()
        mapped: dict[str, Decimal | None] = {}
        for ours, their_keys in key_map(self.template, other.template).items():
            values = [theirs.get(k) for k in their_keys]
            mapped[ours] = None if any(v is None for v in values) else sum(values, Decimal(0))  # type: ignore[arg-type]
        return mapped

    def _sum(self, members: Sequence[Report]) -> dict[str, Decimal | None]:
        """Cell by cell; a blank (or a cell its format lacks) in any unit leaves the sum unknown."""
        mapped = [self._mapped(member) for member in members]
        totals: dict[str, Decimal | None] = {}
        for key in self.template.cells:
            values = [m.get(key) for m in mapped]
            totals[key] = None if any(v is None for v in values) else sum(values, Decimal(0))  # type: ignore[arg-type]
        return totals

    def text(self, key: str) -> str:
        """A text slot's text: a chapter with its sections, one section, or the opening paragraph."""
        if key == OPENING:
            return self.report.opening
        if self.report.find_chapter(key) is not None:
            return self.report.chapter_text(key)
        return self.report.text(key)

    def heading(self, key: str) -> str:
        return self.report.text_heading(key)
