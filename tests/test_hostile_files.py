"""Report files are data: every hostile .nianbao gives a Chinese message within 2 s and is left unchanged."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from core.report_file import ReportFileError, dumps_report, load_report
from resources import SAMPLE_REPORT, TEMPLATES_DIR

LIMIT_SECONDS = 2.0


def good() -> dict:
    return json.loads(dumps_report(load_report(SAMPLE_REPORT)))


def with_(path: tuple, value) -> bytes:
    data = good()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def evil_template(tmp_path: Path) -> Path:
    """A template of its own with a pattern that backtracks for ever on ordinary prose."""
    data = json.loads((TEMPLATES_DIR / "2021.json").read_text(encoding="utf-8"))
    data["prose_figures"][0]["pattern"] = "(a+)+$"
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


HEAD = '{"format": "nianbao-report", "format_version": 1, "template": "2021", "year": 2025, '
CASES = {
    "deeply nested": ((HEAD + '"unit": ' + "[" * 100_000 + "]" * 100_000 + "}").encode(), "嵌套过深"),
    "5,000-character template id": (with_(("template",), "x" * 5000), "找不到报告格式"),
    "template as a list": (with_(("template",), ["2021"]), "报告格式应为文字"),
    "template as ../ path": (with_(("template",), "../templates/2021"), "找不到报告格式"),
    "unit name as a list": (with_(("unit", "name"), ["a", 1]), "“单位全称”应为文字，现为列表"),
    "unit kind as a number": (with_(("unit", "kind"), 3), "“单位类型”应为文字，现为数字"),
    "phone as a dict": (with_(("unit", "phone"), {"a": 1}), "“电话”应为文字"),
    "unit as a list": (with_(("unit",), ["x"]), "单位信息格式错误"),
    "opening as a list": (with_(("opening",), ["x"]), "开头段落应为文字"),
    "texts as a list": (with_(("texts",), ["x"]), "章节内容格式错误"),
    "a text as a number": (with_(("texts", "problems"), 5), "章节内容“problems”应为文字"),
    "cells as a string": (with_(("cells",), "t3"), "表格数据格式错误"),
    "a cell as a list": (with_(("cells", "t3.new.natural"), [1, 2]), "不是有效的单元格值"),
    "a cell as true": (with_(("cells", "t3.new.natural"), True), "值无效"),
    "a cell as a float": (with_(("cells", "t3.new.natural"), 1.5), "值无效"),
    "explanations as a list": (with_(("explanations",), [1]), "警告说明格式错误"),
    "an explanation as a dict": (with_(("explanations",), {"C7": {"x": 1}}), "警告说明“C7”应为文字"),
    "signing date as a number": (with_(("signing_date",), 20260120), "落款日期“20260120”无效"),
    "signing date of 5,000 characters": (with_(("signing_date",), "2" * 5000), "落款日期"),
    "year as text": (with_(("year",), "2025"), "报告年度“2025”无效"),
    "year as true": (with_(("year",), True), "报告年度“True”无效"),
    "year as a float": (with_(("year",), 2025.0), "报告年度“2025.0”无效"),
    "year before the template": (with_(("year",), 2019), "报告年度 2019 不适用"),
    "year far away": (with_(("year",), 3000), "报告年度“3000”无效"),
    "year of 5,000 digits": ((HEAD.replace('"year": 2025', '"year": ' + "9" * 5000)).encode() + b"}", "无法读取的数值"),
    "format_version 0": (with_(("format_version",), 0), "版本号“0”无效（应为正整数）"),
    "format_version -1": (with_(("format_version",), -1), "版本号“-1”无效"),
    "format_version as text": (with_(("format_version",), "1"), "版本号“1”无效"),
    "format_version 1.5": (with_(("format_version",), 1.5), "版本号“1.5”无效"),
    "format_version true": (with_(("format_version",), True), "版本号“True”无效"),
    "format as a list": (with_(("format",), ["nianbao-report"]), "不是年报文件"),
    "whole file a list": (b"[1, 2, 3]", "不是年报文件"),
}


def load_in_time(path: Path) -> tuple[str, float]:
    """The Chinese message load_report gives, and how long it took (a hang fails after 2 s)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            load_report(path)
            outcome.append("loaded")
        except ReportFileError as error:
            outcome.append(error)
        except BaseException as error:  # noqa: B036 - anything else is the failure being tested for
            outcome.append(error)

    start = time.perf_counter()
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(LIMIT_SECONDS)
    elapsed = time.perf_counter() - start
    assert outcome, f"no answer within {LIMIT_SECONDS} s: it hangs"
    result = outcome[0]
    assert isinstance(result, ReportFileError), f"not a Chinese refusal: {result!r}"
    return str(result), elapsed


@pytest.mark.parametrize("case", list(CASES))
def test_each_hostile_file_gets_a_chinese_message_within_2_s_and_is_unchanged(tmp_path, case):
    content, words = CASES[case]
    path = tmp_path / "hostile.nianbao"
    path.write_bytes(content)
    message, elapsed = load_in_time(path)
    assert words in message and elapsed < LIMIT_SECONDS
    assert len(message) < 300  # a 5,000-character value is never repeated in full
    assert path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir()] == ["hostile.nianbao"]


def test_a_template_path_in_the_file_never_loads_that_file(tmp_path):
    evil = evil_template(tmp_path)
    for reference in (str(evil.with_suffix("")), str(evil), f"../../../../../../..{evil.with_suffix('')}"):
        path = tmp_path / "r.nianbao"
        path.write_bytes(with_(("template",), reference))
        message, elapsed = load_in_time(path)
        assert "找不到报告格式" in message and "2021" in message and elapsed < LIMIT_SECONDS


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.nianbao"
    os.mkfifo(fifo)
    message, elapsed = load_in_time(fifo)
    assert "命名管道" in message and "不是普通文件" in message and elapsed < LIMIT_SECONDS


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="POSIX devices")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(device):
    message, elapsed = load_in_time(Path(device))
    assert "是设备，不是普通文件" in message and elapsed < LIMIT_SECONDS


def test_a_lone_surrogate_in_a_text_opens_and_saves(tmp_path):
    path = tmp_path / "r.nianbao"
    path.write_bytes(with_(("opening",), "").replace(b'"opening": ""', b'"opening": "a\\ud800b"'))
    report = load_report(path)
    assert report.opening == "a\ufffdb"
    assert "\ufffd" in dumps_report(report)
