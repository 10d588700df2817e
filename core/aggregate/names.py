"""Matching unit names as people type them: spaces, full-width forms, and the government suffix.

"利通区 金积镇人民政府", "利通区金积镇政府" and "利通区金积镇" all name the same unit; the roster and the
reports rarely agree to the character. The suffix variants come from the unit kinds' wording.
"""

from __future__ import annotations

import re
import unicodedata

# The organ words a roster may leave off or shorten; longest first so "人民政府" goes before "政府".
# An office ("…人民政府办公室") is another unit than its government and keeps its name whole.
_SUFFIXES = ("人民政府", "政府", "办事处")
_SPACE = re.compile(r"[\s\u3000·•]+")


def unit_key(name: str) -> str:
    """The form two unit names are compared in: NFKC, no spaces, without the government suffix.

    Brackets become half-width ("（筹）" and "(筹)" agree). The suffix is removed once, so that
    "某某街道办事处" and "某某街道" match, but "某某县人民政府办公室" still differs from "某某县人民政府".
    """
    text = _SPACE.sub("", unicodedata.normalize("NFKC", name or ""))
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


def shown_name(name: str) -> str:
    """A name as messages quote it: spaces collapsed, never empty."""
    text = " ".join((name or "").split())
    return text or "（未写单位名称）"
