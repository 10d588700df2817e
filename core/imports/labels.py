"""Matching table labels typed by other people (workbooks and published reports alike): normalisation,

The official labels and their known variant wordings (``aliases`` on rows, columns and header items)
come from the templates; this module says which differences do not count (spaces, line breaks,
punctuation, full/half-width forms, quotes), maps the variants, and tells which labels belong to
another format than the one being read.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

_DROP = re.compile(r"[\s、,，.．。;；:：!！?？'\"“”‘’「」『』`·•\-—–－_]")
_CHINESE_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
_CHINESE_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)")


@lru_cache(maxsize=65536, typed=True)  # the same labels come back in every workbook of a collection
def label_key(text: str) -> str:
    """The form labels are compared in: NFKC, no spaces, breaks, quotes or punctuation.

    Brackets stay (they mark "（一）" items) but full- and half-width brackets become the same.
    "1.某某事项", "1、某某事项" and "1．某 某\\n事项" all give "1某某事项".
    """
    text = unicodedata.normalize("NFKC", str(text))
    text = text.replace("【", "(").replace("】", ")").replace("〔", "(").replace("〕", ")")
    return _DROP.sub("", text)


@cache
def _alias_keys() -> dict[str, str]:
    """Every shipped format's variant wordings → the key of the official label they stand for.

    One map for all formats, so that a sheet is indexed once whatever format it turns out to be; the
    templates' aliases never contradict each other (tests/test_label_aliases.py checks).
    """
    keys: dict[str, str] = {}
    for template in _shipped():
        for table in template.tables:
            for item in table.items:
                for variant in item.aliases:
                    keys[label_key(variant)] = label_key(item.text)
    return keys


def _shipped() -> list:
    from core.template.registry import available_template_ids, load_template

    return [load_template(template_id) for template_id in available_template_ids()]


@lru_cache(maxsize=65536, typed=True)
def canonical(text: str) -> str:
    """``label_key`` with known variant wordings mapped to the official label's key."""
    key = label_key(text)
    return _alias_keys().get(key, key)


@cache
def table_labels(template_id: str) -> frozenset[str]:
    """The canonical keys of every label of a format's tables."""
    from core.template.registry import load_template

    return frozenset(canonical(i.text) for t in load_template(template_id).tables for i in t.items if i.text)


@cache
def foreign_labels(template_id: str) -> dict[str, tuple[str, str]]:
    """Labels of other shipped formats' tables that this format does not have:
    key → (the label as printed, the name of the format it belongs to)."""
    ours = table_labels(template_id)
    found: dict[str, tuple[str, str]] = {}
    for template in _shipped():
        if template.id == template_id:
            continue
        for table in template.tables:
            for item in table.items:
                key = canonical(item.text) if item.text else ""
                if key and key not in ours:
                    found.setdefault(key, (item.text, template.name))
    return found


def chinese_year_digits(text: str) -> str:
    """"二〇二五年" → "2025年" (titles sometimes write the year in Chinese numerals)."""
    return _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), text)
