"""JSON parsing that remembers the line of every object and rejects duplicate keys.

The standard library's pure-Python scanner is reused with a wrapped object parser, so template
lint errors can say "2021.json 第 120 行" instead of pointing at nothing.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from typing import Any


class LinedDict(dict):
    """A JSON object that knows the line it starts on."""

    line: int = 0


class JsonLineError(ValueError):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


class _Context:
    def __init__(self, text: str):
        self.text = text
        self.strict = True
        self.object_hook = None
        self.object_pairs_hook = None
        self.parse_float = float
        self.parse_int = int
        self.parse_constant = json.decoder.JSONDecoder().parse_constant
        self.parse_array = json.decoder.JSONArray
        self.parse_string = json.decoder.py_scanstring
        self.memo: dict = {}
        self.parse_object = self._parse_object

    def line_of(self, index: int) -> int:
        return self.text.count("\n", 0, index) + 1

    def _parse_object(self, s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo):
        start = s_and_end[1] - 1
        line = self.line_of(start)

        def build(pairs: list[tuple[str, Any]]) -> LinedDict:
            result = LinedDict()
            result.line = line
            for key, value in pairs:
                if key in result:
                    raise JsonLineError(f"键“{key}”重复出现", line)
                result[key] = value
            return result

        return json.decoder.JSONObject(s_and_end, strict, scan_once, None, build, memo)


def loads_with_lines(text: str) -> Any:
    """Parse JSON text; objects come back as LinedDict. Raises JsonLineError with a line number."""
    context = _Context(text)
    scan_once = json.scanner.py_make_scanner(context)
    index = json.decoder.WHITESPACE.match(text, 0).end()
    try:
        value, end = scan_once(text, index)
    except StopIteration as stop:
        raise JsonLineError("JSON 格式错误：此处应为一个值", context.line_of(stop.value)) from None
    except json.JSONDecodeError as error:
        raise JsonLineError(f"JSON 格式错误：{error.msg}", error.lineno) from None
    end = json.decoder.WHITESPACE.match(text, end).end()
    if end != len(text):
        raise JsonLineError("JSON 格式错误：末尾有多余内容", context.line_of(end))
    return value
