"""Matching table labels typed by other people: normalisation, known variants, 2019-format labels.

The official labels come from the template; this module only says which differences do not count
(spaces, line breaks, punctuation, full/half-width forms, quotes) and which other wordings are
known to mean the same row or column.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Official label (as in the template) → other wordings seen in circulated templates and reports.
# Kept here rather than in 2021.json so the template stays the verbatim official text.
LABEL_ALIASES: dict[str, tuple[str, ...]] = {
    "社会公益组织": ("社会组织", "公益组织"),
    "法人或其他组织": ("法人或者其他组织",),
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": ("（二）部分公开",),
    "行政规范性文件": ("规范性文件",),
    "本年收费金额（单位：万元）": ("本年收费金额", "本年收费金额（万元）", "收费金额（单位：万元）"),
    "（七）总计": ("（七）合计",),
    "总计": ("合计",),
}

# Labels that exist only in the 2019 format (国办公开办函〔2019〕60号) → what the 2021 format has.
LABELS_2019: dict[str, str] = {
    "本年新制作数量": "本年制发件数",
    "本年新公开数量": "",
    "对外公开总数量": "现行有效件数",
    "上一年项目数量": "本年处理决定数量",
    "本年增/减": "本年处理决定数量",
    "其他对外管理服务事项": "",
    "第二十条第（九）项": "",
    "政府集中采购": "",
    "采购项目数量": "",
    "采购总金额": "",
}

_DROP = re.compile(r"[\s、,，.．。;；:：!！?？'\"“”‘’「」『』`·•\-—–－_]")
_CHINESE_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
_CHINESE_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)")


def label_key(text: str) -> str:
    """The form labels are compared in: NFKC, no spaces, breaks, quotes or punctuation.

    Brackets stay (they mark "（一）" items) but full- and half-width brackets become the same.
    "1.属于国家秘密", "1、属于国家秘密" and "1．属 于国家\\n秘密" all give "1属于国家秘密".
    """
    text = unicodedata.normalize("NFKC", str(text))
    text = text.replace("【", "(").replace("】", ")").replace("〔", "(").replace("〕", ")")
    return _DROP.sub("", text)


@cache
def _alias_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for official, variants in LABEL_ALIASES.items():
        for variant in variants:
            keys[label_key(variant)] = label_key(official)
    return keys


def canonical(text: str) -> str:
    """``label_key`` with known variant wordings mapped to the official label's key."""
    key = label_key(text)
    return _alias_keys().get(key, key)


@cache
def labels_2019() -> dict[str, tuple[str, str]]:
    """key → (2019 label, 2021 counterpart or "")."""
    return {label_key(old): (old, new) for old, new in LABELS_2019.items()}


def chinese_year_digits(text: str) -> str:
    """"二〇二五年" → "2025年" (titles sometimes write the year in Chinese numerals)."""
    return _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), text)
