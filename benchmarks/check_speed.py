"""How long every check takes on the full sample report (target: under 5 ms a run).

Prints the median over many runs, next to the baseline of loading the same document from disk,
measured in the same process and run. Not a test: run it by hand, `python benchmarks/check_speed.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import median_ms  # noqa: E402

from core.checks import run_checks  # noqa: E402
from core.report_file import load_report  # noqa: E402
from resources import SAMPLE_REPORT  # noqa: E402

RUNS = 300
TARGET_MS = 5.0


def main() -> int:
    report = load_report(SAMPLE_REPORT)  # warms the template cache, as the app has at start-up
    load_ms = median_ms(lambda: load_report(SAMPLE_REPORT), RUNS)
    check_ms = median_ms(lambda: run_checks(report), RUNS)
    edit_ms = median_ms(lambda: (report.set_value("t3.new.natural", 5), run_checks(report)), RUNS)
    print(f"load the sample report (baseline): {load_ms:.3f} ms")
    print(f"run every check:                   {check_ms:.3f} ms  ({check_ms / load_ms:.2f}× loading)")
    print(f"edit one cell, recompute, check:   {edit_ms:.3f} ms")
    verdict = "met" if check_ms < TARGET_MS else "MISSED"
    print(f"target: checks under {TARGET_MS:.0f} ms — {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
