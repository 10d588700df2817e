"""core.json_text.loads gives what json.loads gives: the same values, the same errors at the same
places, on real report files and on thousands of damaged ones."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from core import json_text

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = sorted(FIXTURES.glob("*.nianbao")) + sorted((Path(__file__).parents[1] / "resources" / "samples").glob("*.nianbao"))


def _outcome(loads, text: str):
    """What ``loads`` makes of ``text``: the value (as canonical JSON), or the error and where."""
    try:
        return "value", json.dumps(loads(text), sort_keys=True, ensure_ascii=False)
    except json.JSONDecodeError as error:
        return "error", error.msg, error.pos, error.lineno, error.colno
    except (ValueError, RecursionError) as error:
        return type(error).__name__, str(error)


@pytest.mark.parametrize("text", [
    "", " ", "{}", " [1, 2.5, -3e2, true, false, null] ", '"文字"', '{"a": {"b": [1, {"c": "\\ud83d\\ude00"}]}}',
    "NaN", "[Infinity, -Infinity]", "\ufeff{}", "{} x", "{}\n\n", "[1,]", '{"a" 1}', "[1 2]", '"\\ud800"',
    "\t\r\n 0 \t\r\n", "01", "1.", '{"a": 1, "a": 2}', "[" * 50 + "]" * 50, '"\x01"', "\u00a0{}",
])
def test_the_same_as_json_loads(text):
    assert _outcome(json_text.loads, text) == _outcome(json.loads, text)


def test_real_report_files_read_the_same():
    assert REPORTS
    for path in REPORTS:
        text = path.read_text(encoding="utf-8")
        assert json_text.loads(text) == json.loads(text), path.name


def test_damaged_report_files_fail_the_same(tmp_path):
    random.seed(2026)
    text = REPORTS[0].read_text(encoding="utf-8")
    trials = 0
    for _ in range(3000):
        damaged = list(text)
        for _ in range(random.randint(1, 3)):
            where = random.randrange(len(damaged))
            kind = random.random()
            if kind < 0.4:
                del damaged[where]
            elif kind < 0.7:
                damaged.insert(where, random.choice('{}[],:"\\ 0aé\n'))
            else:
                damaged[where] = random.choice('{}[],:"\\ 1x\t')
        cut = "".join(damaged)[: random.randint(len(text) // 2, len(text))] if random.random() < 0.2 else "".join(damaged)
        assert _outcome(json_text.loads, cut) == _outcome(json.loads, cut)
        trials += 1
    assert trials == 3000
