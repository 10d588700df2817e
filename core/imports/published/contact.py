"""The unit's contact details as an opening paragraph states them: "（地址：…，邮编：751100，电话：…，
传真：…，电子邮箱：…）" and the website where the report can be read. Only what is written after its
label is taken; nothing is inferred."""

from __future__ import annotations

import re

from core.units import UNIT_FIELD_LABELS

# The labels reports write besides the unit form's own (UNIT_FIELD_LABELS).
_VARIANTS = {"postcode": ("邮政编码",), "phone": ("联系电话", "咨询电话"), "email": ("邮箱", "E-mail", "Email")}
_FIELDS = ("address", "postcode", "phone", "fax", "email")
_END = r"[^，,；;）)。\n]+"
_WEBSITE = re.compile(r"(?:https?://)?www\.[A-Za-z0-9\-.]+[A-Za-z0-9](?:/[A-Za-z0-9\-._/]*)?", re.IGNORECASE)
_SPACE_BY_HAN = re.compile(r"\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+")


def contact_fields(text: str) -> dict[str, str]:
    """UnitInfo field → value, for the fields the text states."""
    found: dict[str, str] = {}
    for name in _FIELDS:
        labels = (UNIT_FIELD_LABELS[name], *_VARIANTS.get(name, ()))
        pattern = re.compile(r"(?:" + "|".join(re.escape(label) for label in labels) + r")\s*[:：]\s*(" + _END + ")")
        match = pattern.search(text)
        if match and match.group(1).strip():
            found[name] = _SPACE_BY_HAN.sub("", match.group(1).strip())
    website = _WEBSITE.search(text)
    if website:
        found["website"] = website.group(0).rstrip("/.")
    return found
