"""Hostile workbooks: time and peak memory of reading (or refusing) each, in a fresh child process,
against the goal of 3 s and 400 MB; and, in the same run, an ordinary export read the same way as
the baseline (the cost of starting Python and importing the reader). Not a test.

    .venv/bin/python benchmarks/hostile_imports.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import hostile_workbooks  # noqa: E402

CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from core.imports.xlsx_reader import XlsxImportError, read_xlsx
start = time.perf_counter()
try:
    result = read_xlsx({path!r})
    outcome = "read, " + str(len(result.notices)) + " notices"
except XlsxImportError as error:
    outcome = "refused: " + str(error)[:60]
seconds = time.perf_counter() - start
# VmHWM is this process's own peak (ru_maxrss would carry over the parent's across fork and exec)
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({{"seconds": seconds, "peak_mb": peak / 1024, "outcome": outcome}}))
"""


def measure(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), path=str(path))],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        return {"seconds": float("nan"), "peak_mb": float("nan"), "outcome": f"CRASHED ({done.returncode})"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    from core.checks import run_checks
    from core.export.xlsx_writer import write_xlsx
    from core.report_file import load_report
    from resources import SAMPLE_REPORT

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        baseline = root / "sample.xlsx"
        sample = load_report(SAMPLE_REPORT)
        write_xlsx(sample, baseline, run_checks(sample))
        rows = [("baseline: the sample's export", baseline.stat().st_size, measure(baseline))]
        for name, make in hostile_workbooks.HOSTILE.items():
            path = root / f"{name}.xlsx"
            path.write_bytes(make())
            rows.append((name, path.stat().st_size, measure(path)))
    print(f"{'workbook':<32} {'file':>8} {'read':>8} {'peak':>8}  outcome")
    for name, size, figures in rows:
        print(f"{name:<32} {size / 1e6:6.2f}MB {figures['seconds']:7.2f}s {figures['peak_mb']:6.0f}MB  {figures['outcome']}")
    worst = max(rows[1:], key=lambda row: row[2]["seconds"])
    print(f"slowest: {worst[0]} {worst[2]['seconds']:.2f} s (goal 3 s); "
          f"largest peak: {max(r[2]['peak_mb'] for r in rows):.0f} MB (goal 400 MB, baseline {rows[0][2]['peak_mb']:.0f} MB)")


if __name__ == "__main__":
    main()
