"""``json.loads`` for text, with the C scanner alone.

Opening a report is the one thing the first window needs of JSON, and ``import json`` brings the
encoder, the pure-Python decoder and their compiled patterns with it (7 M instructions, about
1.4 ms on the development machine). ``loads`` gives what ``json.loads(text)`` gives — the same values, and for bad text the
same ``json.JSONDecodeError`` (message and position), the json package loading only then — using
the standard library's own C scanner. Where the interpreter has no C scanner it is ``json.loads``.
"""

from __future__ import annotations

from typing import Any

_WHITESPACE = " \t\n\r"  # what JSON allows between values (json.decoder.WHITESPACE)
_CONSTANTS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


class _Defaults:
    """What json.JSONDecoder() hands its scanner."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = _CONSTANTS.__getitem__


try:
    from _json import make_scanner as _make_scanner
except ImportError:  # pragma: no cover  # an interpreter without the accelerator
    _scan = None
else:
    _scan = _make_scanner(_Defaults())


def _decode_error(message: str, text: str, position: int) -> ValueError:
    from json import JSONDecodeError

    return JSONDecodeError(message, text, position)


def loads(text: str) -> Any:
    """The value of the JSON ``text``; ``json.JSONDecodeError`` where it is not JSON."""
    if _scan is None:  # pragma: no cover
        import json

        return json.loads(text)
    if text.startswith("\ufeff"):
        raise _decode_error("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
    start = len(text) - len(text.lstrip(_WHITESPACE))
    try:
        value, end = _scan(text, start)
    except StopIteration as error:
        raise _decode_error("Expecting value", text, error.value) from None
    rest = text[end:]
    end += len(rest) - len(rest.lstrip(_WHITESPACE))
    if end != len(text):
        raise _decode_error("Extra data", text, end)
    return value
