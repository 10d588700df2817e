"""Bytes of a web page or a text file into text: UTF-8 (with or without BOM), else GB18030 (GBK's superset)."""

from __future__ import annotations

import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CHINESE = {"gbk", "gb2312", "gb18030", "cp936", "x-gbk", "euc-cn"}


def decode(data: bytes, declared: str | None = None) -> tuple[str, str] | None:
    """(text, encoding) or None when the bytes are neither UTF-8 nor GB18030 text.

    A declared charset is tried first; UTF-8 next (GB18030 decodes almost any bytes, so it is tried
    last and only accepted when few characters come out as control codes)."""
    candidates = []
    if data.startswith(b"\xef\xbb\xbf"):
        candidates.append("utf-8-sig")
    if declared:
        name = declared.lower()
        candidates.append("gb18030" if name in _CHINESE else name)
    candidates += ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text):
            return text, encoding
    return None


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _looks_like_text(text: str) -> bool:
    if "\x00" in text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    return controls <= max(2, len(text) // 1000)
