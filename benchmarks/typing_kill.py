"""A minute of steady typing in the real app, then kill -9, restart, kill again right after the
restore, restart: how much was lost each time (not a test).

The app runs offscreen as a child process and types one Chinese character into chapter 五 every
0.3–1.5 s (never the 2 s pause the idle autosave waits for). Target: at most 5 s of typing lost,
and the second kill loses nothing that had been restored. Also prints how long an autosave write
of the report takes and how long serialising it takes on the GUI thread.

    python benchmarks/typing_kill.py [--trials 3] [--seconds 60]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.report_file import load_report, report_to_dict, save_report  # noqa: E402
from core.user_files import atomic_write_bytes  # noqa: E402
from resources import SAMPLE_REPORT  # noqa: E402
from tests.typing_kill import TEXT_KEY, kill, seconds_lost, start_child, typing_log  # noqa: E402


def one_trial(folder: Path, seconds: float, seed: int) -> tuple[int, int, float, bool]:
    from gui.files.autosave import find_recoverable

    home = folder / f"home{seed}"
    home.mkdir()
    report = folder / f"年报{seed}.nianbao"
    save_report(load_report(SAMPLE_REPORT), report)
    typist = start_child(home, report, typing=True, seed=seed)
    time.sleep(seconds)
    killed_at = kill(typist.process)
    entries = typing_log(home)
    typed = entries[-1][1] - typist.started_length if entries else 0
    restored = start_child(home, report, typing=False, seed=seed)
    lost = seconds_lost(entries, killed_at, restored.started_length)
    kill(restored.process)
    found = find_recoverable(home / "recovery")
    second_ok = len(found) == 1 and len(found[0].report.text(TEXT_KEY)) == restored.started_length
    return typed, restored.started_length - typist.started_length, lost, second_ok


def write_times(folder: Path) -> None:
    report = load_report(SAMPLE_REPORT)
    for label in ("sample report", "every text 14,000 characters"):
        if label.startswith("every"):
            for key in report.template.text_keys:
                report.texts[key] = "政府信息公开工作。" * 1500
        start = time.perf_counter()
        for _ in range(50):
            data = json.dumps({"report": report_to_dict(report)}, ensure_ascii=False).encode("utf-8")
        serialise = (time.perf_counter() - start) / 50 * 1000
        writes = []
        for _ in range(20):
            start = time.perf_counter()
            atomic_write_bytes(folder / "r.recovery.json", data, keep_backup=False)
            writes.append((time.perf_counter() - start) * 1000)
        print(f"autosave of the {label} ({len(data) // 1024} KB): serialise {serialise:.2f} ms on the GUI thread, "
              f"write {statistics.median(writes):.1f} ms median (max {max(writes):.1f}) on the writer thread")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        write_times(Path(scratch))
        for seed in range(1, args.trials + 1):
            typed, recovered, lost, second_ok = one_trial(Path(scratch), args.seconds, seed)
            ok = lost <= 5.0 and recovered > 0 and second_ok
            failures += not ok
            print(f"trial {seed}: {args.seconds:.0f} s of typing, {typed} characters typed, {recovered} recovered, "
                  f"{lost:.1f} s lost; second kill right after restoring: "
                  f"{'still recovers' if second_ok else 'LOST'} — {'ok' if ok else 'FAILED'}")
    print(f"{args.trials - failures}/{args.trials} trials within 5 s and recovered after the second kill")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
