"""The formats live in the templates: no shipped format's chapter key, table key, cell key, label,
title or alias is written in the code of core/, gui/ or cli/ (string literals and comments)."""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((ROOT / "resources" / "templates").glob("*.json"))
CODE = sorted(p for folder in ("core", "gui", "cli") for p in (ROOT / folder).rglob("*.py"))
# The app's own words for the front matter (the opening paragraph, the unit's contacts): every format
# uses them.
APP_VOCABULARY = {"开头段落", "联系方式"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def _labels(node, found: set[str]) -> None:
    if isinstance(node, dict):
        for name, value in node.items():
            if name in ("label", "title", "name", "aliases", "heading", "text"):
                for text in value if isinstance(value, list) else [value]:
                    if isinstance(text, str) and len(HAN.findall(text)) >= 4:
                        found.add(text)
            _labels(value, found)
    elif isinstance(node, list):
        for value in node:
            _labels(value, found)


def format_words() -> tuple[set[str], set[str]]:
    """(keys, labels) of every shipped template."""
    from core.template.registry import load_template

    keys: set[str] = set()
    labels: set[str] = set()
    for path in TEMPLATES:
        data = json.loads(path.read_text(encoding="utf-8"))
        _labels(data, labels)
        template = load_template(data["id"])
        keys |= {c.key for c in template.chapters} | {t.key for t in template.tables} | set(template.cells)
        keys |= {f"{t.key}.{r.key}" for t in template.tables for r in t.rows}
    return keys, labels - APP_VOCABULARY


def literals_and_comments(path: Path) -> Iterator[tuple[int, str, bool]]:
    """(line, text, is_comment) of every string literal and comment of a Python file."""
    for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string, True
        elif token.type == tokenize.STRING:
            try:
                value = ast.literal_eval(token.string)
            except (ValueError, SyntaxError):  # f-strings: look at their source
                value = token.string
            if isinstance(value, str):
                yield token.start[0], value, False
        elif token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            yield token.start[0], token.string, False


def format_words_in(paths: list[Path]) -> list[str]:
    keys, labels = format_words()
    found = []
    for path in paths:
        for line, text, is_comment in literals_and_comments(path):
            where = f"{path.relative_to(ROOT)}:{line}"
            if not is_comment and any(text == key or text.startswith(key + ".") for key in keys):
                found.append(f"{where} key {text!r}")
            found += [f"{where} label {label!r}" for label in labels if label in text]
    return found


def test_the_scan_finds_keys_labels_and_comments(tmp_path):
    probe = ROOT / "tests" / "_probe_format_words.py"
    probe.write_text('KEY = "t3.new.natural"\n# 结果维持\nLABEL = f"{1}收到和处理政府信息公开申请情况"\n'
                     'SEED = "统计指标"\nFINE = "new"\n', encoding="utf-8")
    try:
        found = [hit.split(" ", 1)[1] for hit in format_words_in([probe])]
    finally:
        probe.unlink()
    assert found == ["key 't3.new.natural'", "label '结果维持'", "label '收到和处理政府信息公开申请情况'",
                     "label '统计指标'"]


def test_no_format_word_in_code():
    assert format_words_in(CODE) == []
