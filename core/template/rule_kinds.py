"""The kinds of check a template can list, what each needs, and the messages it says.

A kind is format-free code (in core/checks) bound by the template to the format's keys: "this text
must mention these terms", "these cells must be 0 for these unit levels". Each kind declares its
parameters and the messages it fills in, so a template is linted before any check runs.
"""

from __future__ import annotations

from dataclasses import field

from core.records import record
from core.units import UNIT_FIELD_LABELS, UNIT_KINDS, UNIT_LEVELS

# Parameter types: what the value in the template must be.
TEXT = "text"  # a text slot: a text chapter, a section, or "opening"
CELLS = "cells"  # a list of cell keys
PATTERN = "pattern"  # a regular expression
PATTERN_ONE_GROUP = "pattern1"  # a regular expression with exactly one group (the number or year)
PATTERNS = "patterns"  # an object: name → regular expression
WORD_LISTS = "word_lists"  # an object: name → list of strings
WORDS = "words"  # a list of strings
WORD = "word"  # a string
UNIT_KIND_LIST = "unit_kinds"
UNIT_LEVEL_LIST = "unit_levels"
FIELD = "field"  # "unit.<UnitInfo field>" or "signing_date"
PERCENT = "percent"  # a number from 0 to 100

OPENING = "opening"  # the text slot before the first chapter
SIGNING_DATE = "signing_date"
FRONT_FIELDS = frozenset({f"unit.{name}" for name in UNIT_FIELD_LABELS} | {SIGNING_DATE})
CHOICES = {UNIT_KIND_LIST: frozenset(UNIT_KINDS), UNIT_LEVEL_LIST: frozenset(UNIT_LEVELS)}


@record(frozen=True)
class Param:
    type: str
    required: bool = True


@record(frozen=True)
class Kind:
    params: dict[str, Param] = field(default_factory=dict)
    # message name → the placeholders the kind fills in; a kind with one message calls it "message"
    messages: dict[str, frozenset[str]] = field(default_factory=dict)


def _m(*names: str) -> frozenset[str]:
    return frozenset(names)


# The table kinds (equation, cell_type, filled) are built from cells and expressions in rules.py.
TABLE_KINDS = frozenset({"equation", "cell_type", "filled"})

KINDS: dict[str, Kind] = {
    "equation": Kind(messages={"message": _m()}),
    "cell_type": Kind(messages={"message": _m("cell", "problem")}),
    "filled": Kind(messages={"message": _m("cell", "problem")}),
    "required_field": Kind({"field": Param(FIELD)}, {"message": _m()}),
    "chapters_filled": Kind(messages={"message": _m("heading")}),
    "topics_covered": Kind({"text": Param(TEXT), "topics": Param(PATTERNS)}, {"message": _m("heading", "topic")}),
    "unedited_drafts": Kind(messages={"message": _m("heading")}),
    "text_not_trivial": Kind({"text": Param(TEXT), "trivial": Param(WORDS)}, {"message": _m("heading", "text")}),
    "text_mentions": Kind(
        {"text": Param(TEXT), "terms": Param(PATTERNS), "unit_kinds": Param(UNIT_KIND_LIST, required=False),
         "target": Param(TEXT, required=False)},
        {"message": _m("heading", "missing")},
    ),
    "cells_zero_for_levels": Kind(
        {"cells": Param(CELLS), "unit_levels": Param(UNIT_LEVEL_LIST)},
        {"message": _m("level", "column", "value", "cell")},
    ),
    "signing_date": Kind(messages={"missing": _m(), "wrong_year": _m("date", "next_year", "year", "why"),
                                   "early": _m(), "late": _m()}),
    "reporting_period": Kind(
        {"text": Param(TEXT), "year_pattern": Param(PATTERN_ONE_GROUP), "keyword": Param(WORD)},
        {"missing": _m(), "wrong_year": _m("written", "year"), "not_stated": _m("year")},
    ),
    "copied_text": Kind(
        {"threshold": Param(PERCENT)},
        {"above": _m("heading", "percent", "chars"), "below": _m("heading", "percent", "chars")},
    ),
    "foreign_unit": Kind(
        {"self_patterns": Param(PATTERNS), "places": Param(PATTERNS), "anchors": Param(WORD_LISTS, required=False)},
        {"message": _m("heading", "written", "unit", "place"), "phone": _m("heading", "written", "own")},
    ),
    "prose_figures": Kind(messages={"message": _m("heading", "quote", "what", "written", "table", "difference",
                                                  "unit")}),
}
