"""A small format written inline, for tests of the template machinery and the check engine.

``mini_template(**changes)`` returns its JSON text; the keyword arguments replace top-level parts.
Its table "t" has rows a, b and their sum s, and columns x, y and their total z.
"""

from __future__ import annotations

import json
from typing import Any

BASE: dict[str, Any] = {
    "schema": 2,
    "id": "mini",
    "name": "测试格式",
    "basis": "《测试通知》",
    "first_year": 2000,
    "last_year": None,
    "front_matter": {
        "title": ["{unit}", "{year}年测试报告"],
        "opening": {"title": "开头", "help": "开头段落的说明",
                    "phrases": [{"title": "期限", "text": "统计期限为{year}年。"}]},
        "signature": {"printed": False, "optional": True},
    },
    "chapters": [
        {"key": "words", "number": "一", "title": "文字", "help": "一章文字",
         "sections": [{"key": "s1", "title": "（一）小节", "help": "小节说明"}],
         "phrases": [{"title": "无", "text": "本年度无。"}]},
        {"key": "numbers", "number": "二", "title": "数字", "help": "一张表", "table": "t"},
    ],
    "tables": [{
        "key": "t", "chapter": "numbers", "grid_columns": 4,
        "columns": [{"key": "x", "label": "甲列", "help": "甲列说明", "aliases": ["甲"]},
                    {"key": "y", "label": "乙列", "help": "乙列说明"},
                    {"key": "z", "label": "合计列", "help": "合计列说明"}],
        "rows": [{"key": "a", "label": "子项一", "help": "子项一说明"},
                 {"key": "b", "label": "子项二", "help": "子项二说明", "aliases": ["第二项"]},
                 {"key": "s", "label": "小计", "help": "小计说明"}],
        "header": [[{"text": "项目"}, {"text": "甲列", "column": "x"}, {"text": "乙列", "column": "y"},
                    {"text": "合计列", "column": "z"}]],
        "body": [[{"row": "a"}, {"cells": "a"}], [{"row": "b"}, {"cells": "b"}], [{"row": "s"}, {"cells": "s"}]],
        "computed": [
            {"each": {"row": "t"}, "cell": "t.{row}.z", "expr": "t.{row}.x + t.{row}.y",
             "verify": {"id": "ROW", "severity": "error", "title": "行合计", "help": "行合计说明",
                        "message": "{row}·合计列"}},
            {"each": {"col": "t"}, "cell": "t.s.{col}", "expr": "sum(t.a.{col} : t.b.{col})",
             "verify": {"id": "COL", "severity": "error", "title": "列小计", "help": "列小计说明",
                        "message": "小计·{col}"}},
        ],
    }],
    "rules": [
        {"id": "CARRY", "severity": "warning", "title": "承接上年", "help": "承接上年说明",
         "left": "t.a.x", "right": "prev.t.b.x", "message": "子项一·甲列 应等于 上年子项二·甲列"},
        {"id": "FILL", "severity": "error", "kind": "filled", "title": "填满", "help": "填满说明",
         "message": "{cell}：{problem}"},
        {"id": "MENTION", "severity": "warning", "kind": "text_mentions", "text": "words",
         "terms": {"费用": "费用"}, "title": "提到费用", "help": "提到费用说明",
         "message": "{heading}：没有提到{missing}"},
    ],
}


def mini_template(**changes: Any) -> str:
    data = json.loads(json.dumps(BASE))
    data.update(changes)
    return json.dumps(data, ensure_ascii=False, indent=1)
