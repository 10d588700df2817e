"""Excel speed: export of the sample, and import of 500 generated unit workbooks compared, in the same
run and on the same files, with the two readers alone: ``openpyxl.load_workbook(read_only=False)``
and python-calamine (every sheet's values), which read_xlsx uses. Not a test.

    .venv/bin/python benchmarks/excel_speed.py [--files 500]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openpyxl  # noqa: E402
import python_calamine  # noqa: E402

from core.checks import run_checks  # noqa: E402
from core.export.xlsx_layout import HIDDEN_SHEET, INFO_SHEET  # noqa: E402
from core.export.xlsx_writer import write_xlsx  # noqa: E402
from core.imports.xlsx_reader import read_xlsx  # noqa: E402
from core.report_file import load_report  # noqa: E402
from resources import SAMPLE_REPORT  # noqa: E402


def varied(seed: int):
    """The sample with this unit's own numbers (inputs random, totals recomputed)."""
    rng = random.Random(seed)
    report = load_report(SAMPLE_REPORT)
    report.unit.name = f"清河县第{seed}镇人民政府"
    for key, cell in report.template.cells.items():
        if cell.computed:
            continue
        if cell.type == "money":
            report.cells[key] = Decimal(rng.randint(0, 10**7)).scaleb(-rng.randint(0, 6))
        else:
            report.cells[key] = rng.choice([0, 0, 0, 1, 2, rng.randint(0, 500)])
    report.recompute()
    return report


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def calamine_values(path: Path) -> list:
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    return [workbook.get_sheet_by_name(name).to_python() for name in workbook.sheet_names]


def summary(label: str, seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return (f"{label:<44} median {statistics.median(ms):7.2f} ms   mean {statistics.fmean(ms):7.2f} ms   "
            f"total {sum(ms) / 1000:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500)
    files = parser.parse_args().files

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        sample = load_report(SAMPLE_REPORT)
        write_xlsx(sample, root / "warm.xlsx", run_checks(sample))  # load openpyxl and the template once
        export_times = [timed(write_xlsx, sample, root / "sample.xlsx", run_checks(sample)) for _ in range(20)]
        print(summary("export of the sample (write_xlsx, 20 runs)", export_times))

        own, foreign = [], []
        for n in range(files):
            path = root / f"unit{n:03d}.xlsx"
            report = varied(n)
            write_xlsx(report, path, run_checks(report))
            own.append(path)
            if n < files // 5:  # a fifth without our hidden sheet: read by labels
                wb = openpyxl.load_workbook(path)
                del wb[HIDDEN_SHEET], wb[INFO_SHEET]
                other = root / f"other{n:03d}.xlsx"
                wb.save(other)
                foreign.append(other)
        print(f"generated {len(own)} unit workbooks (+{len(foreign)} without the hidden sheet) in {root}")

        read_xlsx(own[0])  # warm-up: imports, template specs
        ours, raw, fast = [], [], []
        for path in own:  # interleaved, so all see the same disk cache and machine load
            ours.append(timed(read_xlsx, path))
            raw.append(timed(openpyxl.load_workbook, path))
            fast.append(timed(calamine_values, path))
        labels = [timed(read_xlsx, path) for path in foreign]
        wrong = sum(1 for n, path in enumerate(own[:20]) if read_xlsx(path).report.cells != varied(n).cells)

    print(summary(f"read_xlsx, own exports ({len(ours)} files)", ours))
    print(summary(f"openpyxl.load_workbook(read_only=False) ({len(raw)})", raw))
    print(summary(f"python-calamine, all sheets' values ({len(fast)})", fast))
    print(summary(f"read_xlsx by labels, no hidden sheet ({len(labels)})", labels))
    print(f"read_xlsx / raw openpyxl load: {statistics.median(ours) / statistics.median(raw):.2f}× (median); "
          f"openpyxl / python-calamine: {statistics.median(raw) / statistics.median(fast):.1f}×")
    print(f"spot check of 20 round trips: {20 - wrong} identical")


if __name__ == "__main__":
    main()
