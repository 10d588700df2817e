"""The texts name another unit than the report's: a report begun over someone else's (the sample, a
neighbour's, last year's of another office) still says who compiled it and whom to call.

Only the places where a report names *itself* are read — the template's ``self_patterns`` ("X编制本报告",
"请与X联系", "地址：X"); naming superiors or other bodies elsewhere is normal. A pattern with ``anchors``
is tried only on a text holding one of them (a pattern that opens with the unit's name would otherwise
be tried at every character: the aggregation checks a thousand reports). The named unit's place
names (``places``: suffixes by administrative level, highest first) are compared with the report's
unit: a place at the unit's own level or below that the unit's name does not contain is another unit.
A place above the unit's own level may be its superior and is never reported. Phone numbers in the
opening are compared with the unit's own phone and fax (and the reporter's) when the unit
information gives them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from core.checks.context import CheckContext
from core.checks.findings import FRONT_MATTER, Finding, Outcome, Passed
from core.document import OPENING
from core.template.model import Regex, Rule

_PHONE = re.compile(r"(?<![0-9])(?:0\d{2,3}[-－—\s]?)?\d{7,8}(?![0-9])")


@dataclass(frozen=True)
class Place:
    name: str  # "柳溪镇"
    level: int  # 0 = highest (省), larger = lower


def places_in(name: str, places: Mapping[str, Regex]) -> list[Place]:
    """The place names a unit's name starts with, in order: "清河县柳溪镇党政办公室" → 清河县, 柳溪镇."""
    found: list[Place] = []
    rest = name
    while rest:
        best: tuple[int, int] | None = None  # (end, level) of the shortest place at the start
        for level, pattern in enumerate(places.values()):
            match = pattern.match(rest)
            if match and (best is None or match.end() < best[0]):
                best = (match.end(), level)
        if best is None:
            break
        found.append(Place(rest[:best[0]], best[1]))
        rest = rest[best[0]:]
    return found


def _same_place(a: str, b: str) -> bool:
    return a.endswith(b) or b.endswith(a)


def foreign_places(written: str, unit_name: str, places: Mapping[str, Regex]) -> list[str]:
    """Places in ``written`` that cannot be the unit's own: at its lowest level or below, and not in its name."""
    own = places_in(unit_name, places)
    if not own:
        return []  # the unit's name gives no place to compare with
    lowest = max(p.level for p in own)
    return [p.name for p in places_in(written, places)
            if p.level >= lowest and not any(_same_place(p.name, o.name) for o in own)]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _texts(context: CheckContext) -> Iterator[tuple[str, str]]:
    """(key, text) of the opening and every text slot."""
    yield OPENING, context.report.opening
    yield from context.report.iter_texts()


def _heading(context: CheckContext, key: str) -> str:
    """How a finding names the text (worked out only for a text that has one)."""
    if key == OPENING:
        return context.report.template.front_matter.opening_title
    return context.heading(key) or key


def foreign_unit(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    report = context.report
    unit = report.unit.name.strip()
    if not unit:
        yield Passed(rule.id)  # C1 asks for the name first
        return
    places = rule.params["places"]
    anchors = rule.params.get("anchors") or {}
    reported: set[str] = set()
    for key, text in _texts(context):
        for name, pattern in rule.params["self_patterns"].items():
            if name in anchors and not any(word in text for word in anchors[name]):
                continue
            for match in pattern.finditer(text):
                written = match.group(1)
                foreign = foreign_places(written, unit, places)
                if foreign and written not in reported:
                    reported.add(written)
                    message = rule.messages["message"].format(heading=_heading(context, key), written=written,
                                                              unit=unit, place="、".join(foreign))
                    chapter = FRONT_MATTER if key == OPENING else (report.chapter_of_text(key) or report.chapters[0]).key
                    yield Finding(rule.id, rule.severity, message, chapter, (key,), written)
    yield from _phones(rule, context)
    yield Passed(rule.id)


def _phones(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    unit = context.report.unit
    own = {d for d in (_digits(unit.phone), _digits(unit.fax), _digits(unit.reporter_phone)) if d}
    if not own:
        return
    for match in _PHONE.finditer(context.report.opening):
        written = match.group(0)
        digits = _digits(written)
        if not any(o.endswith(digits) or digits.endswith(o) for o in own):
            shown = "、".join(v for v in (unit.phone, unit.fax, unit.reporter_phone) if v.strip())
            heading = context.report.template.front_matter.opening_title
            message = rule.messages["phone"].format(heading=heading, written=written, own=shown)
            yield Finding(rule.id, rule.severity, message, FRONT_MATTER, (OPENING,), f"phone:{digits}")
