"""Which code evaluates each kind of rule a template can list (core/template/rule_kinds.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from core.checks import cell_rules, front_rules, text_rules
from core.checks.context import CheckContext
from core.checks.copied_text import copied_text
from core.checks.equations import equation
from core.checks.findings import Outcome
from core.checks.text_numbers import prose_figures
from core.checks.unit_names import foreign_unit
from core.template.model import Rule

Evaluator = Callable[[Rule, CheckContext], Iterator[Outcome]]

EVALUATORS: dict[str, Evaluator] = {
    "equation": equation,
    "cell_type": cell_rules.cell_type,
    "filled": cell_rules.filled,
    "cells_zero_for_levels": cell_rules.cells_zero_for_levels,
    "required_field": front_rules.required_field,
    "signing_date": front_rules.signing_date,
    "chapters_filled": text_rules.chapters_filled,
    "topics_covered": text_rules.topics_covered,
    "unedited_drafts": text_rules.unedited_drafts,
    "text_not_trivial": text_rules.text_not_trivial,
    "text_mentions": text_rules.text_mentions,
    "reporting_period": text_rules.reporting_period,
    "copied_text": copied_text,
    "prose_figures": prose_figures,
    "foreign_unit": foreign_unit,
}
