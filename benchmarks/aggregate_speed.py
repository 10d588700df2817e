"""Aggregation speed: 1,000 generated unit workbooks — our exports, and official-layout workbooks
without our hidden sheet, built cell by cell — collected, checked, audited and added up, against a
raw python-calamine read of every sheet of the same files in the same run. Target: ≤ 3 s. Not a test.

    .venv/bin/python benchmarks/aggregate_speed.py [--units 1000] [--workers 2] [--runs 3]

Wall times are the best of ``--runs`` (other programs on the machine only ever slow a run down);
the CPU seconds of this process and its worker processes are printed too, with the load average.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import python_calamine  # noqa: E402

from core.aggregate.run import aggregate  # noqa: E402
from core.checks import run_checks  # noqa: E402
from core.export.xlsx_writer import write_xlsx  # noqa: E402
from core.units import UnitInfo  # noqa: E402
from tests.aggregate_units import foreign_workbook, unit_report  # noqa: E402

FOREIGN_SHARE = 5  # one unit in five sends a workbook of its own in the official layout


def generate(folder: Path, units: int) -> None:
    for n in range(units):
        name = f"清河县第{n:04d}单位"
        if n % FOREIGN_SHARE == 0:
            foreign_workbook(folder, name, n)
        else:
            unit = unit_report(name, n)
            write_xlsx(unit, folder / f"{name}.xlsx", run_checks(unit))


def raw_read(folder: Path) -> int:
    cells = 0
    for path in sorted(folder.glob("*.xlsx")):
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            cells += sum(len(row) for row in workbook.get_sheet_by_name(name).to_python())
    return cells


def timed(function, *args, **kwargs) -> float:
    start = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - start


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", metavar="FOLDER", help="generate into FOLDER and keep it (reused when it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(args.keep or name)
        if not (folder.is_dir() and any(folder.glob("*.xlsx"))):
            folder.mkdir(parents=True, exist_ok=True)
            start = time.perf_counter()
            generate(folder, args.units)
            print(f"generated {args.units} unit workbooks in {time.perf_counter() - start:.1f} s "
                  f"({args.units // FOREIGN_SHARE} in the official layout without our hidden sheet)")
        args.units = len(list(folder.glob("*.xlsx")))
        load = os.getloadavg()[0]
        raw_read(folder)  # warm the disk cache for both
        office = UnitInfo(name="清河县人民政府", level="county")
        raw, ours, single, cpu = [], [], [], []
        for _ in range(args.runs):  # interleaved, so all see the same machine load
            raw.append(timed(raw_read, folder))
            before = _cpu()
            ours.append(timed(aggregate, [folder], 2025, office, workers=args.workers))
            cpu.append(_cpu() - before)
            single.append(timed(aggregate, [folder], 2025, office, workers=1))
        result = aggregate([folder], 2025, office, workers=args.workers)
    raw, ours, single = min(raw), min(ours), min(single)
    summed = len(result.included)
    print(f"python-calamine, every sheet's values, one process: {raw:6.2f} s ({raw / args.units * 1000:.2f} ms a file)")
    print(f"collect + check + audit + sum, {args.workers} processes: {ours:6.2f} s "
          f"({ours / args.units * 1000:.2f} ms a unit; {summed} of {len(result.rows)} summed) "
          f"— target ≤ 3 s: {'met' if ours <= 3 else 'NOT met'}")
    print(f"the same in one process:                   {single:6.2f} s ({single / args.units * 1000:.2f} ms a unit)")
    print(f"CPU seconds of the {args.workers}-process run (this process and its workers): {min(cpu):.2f} s; "
          f"load average before the runs: {load:.2f}")
    print(f"ours / raw calamine read: {ours / raw:.1f}×")


if __name__ == "__main__":
    main()
