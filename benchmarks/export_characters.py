"""Every text field × every character a user can paste (C0 controls, lone surrogates, U+FFFE/F)
and long unit names, exported to Word and Excel: how many exports crash (not a test; the suite
cleans every combination and exports the worst cases, tests/test_text_clean.py).

    python benchmarks/export_characters.py
"""

from __future__ import annotations

import copy
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.export.docx_writer import docx_bytes  # noqa: E402
from core.export.xlsx_writer import xlsx_bytes  # noqa: E402
from core.report_file import load_report  # noqa: E402
from resources import SAMPLE_REPORT  # noqa: E402
from tests.test_text_clean import fields, put  # noqa: E402

CHARACTERS = [chr(c) for c in range(0x20) if chr(c) not in "\t\n"] + ["\ud800", "\udfff", "\ufffe", "\uffff"]
NAME_LENGTHS = [238, 239, 255, 256, 1000, 5000]


def main() -> int:
    base = load_report(SAMPLE_REPORT)
    cases = [(where, f"U+{ord(c):04X}", f"前{c}后") for where in fields(base) for c in CHARACTERS]
    cases += [(("unit", "name"), f"{n} characters", "某" * n) for n in NAME_LENGTHS]
    crashes: dict[str, list[str]] = {"Word": [], "Excel": []}
    start = time.perf_counter()
    for where, what, text in cases:
        report = copy.deepcopy(base)
        put(report, where, text)
        for name, export in (("Word", docx_bytes), ("Excel", xlsx_bytes)):
            try:
                export(report)
            except Exception as error:  # noqa: BLE001 - counting crashes is the point
                crashes[name].append(f"{where} {what}: {type(error).__name__}")
    total = len(cases) * 2
    crashed = sum(len(v) for v in crashes.values())
    print(f"{len(fields(base))} fields × {len(CHARACTERS)} characters + {len(NAME_LENGTHS)} long names = "
          f"{len(cases)} cases, {total} exports in {time.perf_counter() - start:.0f} s: {crashed} crashed "
          f"(Word {len(crashes['Word'])}, Excel {len(crashes['Excel'])})")
    for name, lines in crashes.items():
        for line in lines[:5]:
            print(f"  {name}: {line}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
