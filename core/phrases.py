"""Standard sentences (常用语句) filled in from the report: the year, the unit, its contacts, the
format's official basis. Which sentences a text slot offers is the template's (Report.phrases_for)."""

from __future__ import annotations

from core.document import Report
from core.template.model import Phrase
from core.units import UNIT_FIELD_LABELS

CONTACT_FIELDS = ("address", "postcode", "phone", "fax", "email")
NO_UNIT = "本机关"
NO_WEBSITE = "本机关门户网站"


def contact_details(report: Report) -> str:
    """"（地址：…；电话：…）" from the unit's contact fields that are filled in, or ""."""
    unit = report.unit
    details = "；".join(f"{UNIT_FIELD_LABELS[name]}：{getattr(unit, name).strip()}"
                       for name in CONTACT_FIELDS if getattr(unit, name).strip())
    return f"（{details}）" if details else ""


def phrase_fields(report: Report) -> dict[str, object]:
    """What a standard sentence's placeholders stand for in this report."""
    return {"year": report.year, "basis": report.template.basis, "unit": report.unit.name.strip() or NO_UNIT,
            "website": report.unit.website.strip() or NO_WEBSITE, "contact": contact_details(report)}


def fill(phrase: Phrase, report: Report, fields: dict[str, object] | None = None) -> str:
    """The sentence for this report; ``fields`` (``phrase_fields``) when filling many of them."""
    return phrase.text.format(**(fields if fields is not None else phrase_fields(report)))
