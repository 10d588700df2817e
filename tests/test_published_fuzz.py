"""Seed 001's text mutated as extractions and hand copies garble tables (a cell lost, a line lost, moved,
repeated, cut in two or run together, a number replaced by text, cells separated by spaces or one per
line): every cell read holds the published
number, every other cell of the tables is named in a problem, and nothing crashes.
``NIANBAO_FUZZ_TRIALS=3000`` runs more by hand (3000 on each base passed when this was written)."""

from __future__ import annotations

import os
import random
from decimal import Decimal

import pytest

from core.document import Report
from core.imports.published import PublishedImportError
from core.imports.published.reader import read_blocks
from core.imports.published.text_source import text_blocks
from core.printed_text import printed_text
from tests.seed_text import seed_text
from tests.test_seeds import fixture

TRIALS = int(os.environ.get("NIANBAO_FUZZ_TRIALS", "200"))


def _mutate(lines: list[str], rng: random.Random) -> str:
    rows = [i for i, line in enumerate(lines) if "\t" in line]
    for _ in range(rng.randint(1, 3)):
        at = rng.choice(rows) if rows and rng.random() < 0.8 else rng.randrange(len(lines))
        line = lines[at]
        fields = line.split("\t")
        kind = rng.randrange(11)
        if kind == 0 and len(fields) > 1:  # a cell lost
            del fields[rng.randrange(len(fields))]
            lines[at] = "\t".join(fields)
        elif kind == 1:  # a line lost
            lines[at] = ""
        elif kind == 2:  # a line moved
            lines.insert(rng.randrange(len(lines)), lines.pop(at))
        elif kind == 3:  # a line printed twice
            lines.insert(at + rng.choice((0, 1, 2)), line)
        elif kind == 4:  # printed twice with another number (last: the first printing stays as it is)
            numbers = [j for j, f in enumerate(fields) if f.strip().isdigit()]
            if numbers:
                j = rng.choice(numbers)
                fields[j] = str(int(fields[j]) + rng.randint(1, 9))
                lines.insert(at + rng.choice((0, 1)), "\t".join(fields))
                break
        elif kind == 5 and len(fields) > 2:  # a line cut in two at a cell
            cut = rng.randrange(1, len(fields))
            lines[at:at + 1] = ["\t".join(fields[:cut]), "\t".join(fields[cut:])]
        elif kind == 6 and at + 1 < len(lines):  # two lines run together
            lines[at:at + 2] = [lines[at] + rng.choice(("", "\t", " ")) + lines[at + 1]]
        elif kind == 7:  # a number typed as text
            numbers = [j for j, f in enumerate(fields) if f.strip().isdigit()]
            if numbers:
                fields[rng.choice(numbers)] = rng.choice(("x", "12件", "—", "一"))
                lines[at] = "\t".join(fields)
        elif kind == 8:  # cells separated by spaces
            lines[at] = " ".join(f for f in fields if f.strip())
        elif kind == 9:  # one cell per line
            lines[at:at + 1] = [f for f in fields if f.strip()] or [""]
        else:  # a stray line
            lines.insert(at, rng.choice(("注：本表数据截至12月31日", "单位：件\t\t", "5\t6\t7", "合计\t1\t2")))
    return "\n".join(lines)


def _distinct() -> tuple[Report, str]:
    """Seed 001 with every input cell a different number (its totals computed), printed as the extraction
    prints text: a line per paragraph, a table row's cells separated by tabs. A number put in another
    cell cannot pass for the right one here, as the many zeros of the real seed could."""
    report = fixture("001")
    template = report.template
    for n, key in enumerate(k for k in template.cells if not template.cells[k].computed):
        report.set_value(key, Decimal(n + 1) if template.cells[key].type == "money" else n + 1)
    return report, "\n".join(b.text for b in printed_text(report))


@pytest.mark.parametrize("base_name", ["seed001", "distinct"])
def test_mutated_tables_never_put_a_number_in_a_wrong_cell(base_name: str):
    expected, text = (fixture("001"), seed_text("001", repaired=True)) if base_name == "seed001" else _distinct()
    base = text.split("\n")
    wrong, silent = [], []
    for trial in range(TRIALS):
        rng = random.Random(trial)
        text = _mutate(list(base), rng)
        try:
            result = read_blocks(text_blocks(text.encode("utf-8"), "001.txt"), "001.txt")
        except PublishedImportError:
            continue
        report = result.report
        if report.template_id != "2021":
            continue
        for key in result.read:
            if report.value(key) != expected.value(key):
                wrong.append((trial, key, report.value(key), expected.value(key)))
        named = {k for p in result.problems for k in p.cell_keys}
        cells = {k for t in report.tables for k in t.cells}
        silent += [(trial, k) for k in cells - result.read - named]
        assert set(report.cells) <= result.read, f"trial {trial}: a value stored but not reported as read"
    assert wrong == [], wrong[:5]
    assert silent == [], silent[:5]


@pytest.mark.parametrize("junk", [b"\x00" * 5000, "一、总体情况\n\t\t\t\n".encode() * 3000, "表\t" .encode() * 50000])
def test_junk_text_is_read_or_refused_in_chinese(junk: bytes):
    try:
        result = read_blocks(text_blocks(junk, "x.txt"), "x.txt")
    except PublishedImportError as error:
        assert "“x.txt”" in str(error)
    else:
        assert result.problems
