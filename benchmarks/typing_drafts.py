"""How long typing into a chapter's text takes in the real window (not a test).

A report begun from last year's (the bundled sample as last year's: every text a draft) is shown
offscreen with every tab built, as after a clerk has looked at each chapter; then 1,000 keys are
typed into one chapter's editor through Qt's key events. Each key is one edit through the
document, its signals and every view listening to them (draft marks, character count, undo
merging); the debounced check run is not reached (no event loop turns between keys). The same
keys are typed into a report without last year's (no drafts to mark) in the same run. Prints the
time per key and how many times per key every text slot was compared with last year's
(`unchanged_drafts`, the check C12's scan).

    python benchmarks/typing_drafts.py [--keys 1000] [--rounds 5]
    python benchmarks/typing_drafts.py --baseline /path/to/other/checkout [--pairs 6]

With --baseline, rounds alternate in separate processes between this checkout's code and the other
checkout's (e.g. `git archive main | tar -x -C /tmp/main`), so both see the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
CHAPTER = "problems"  # a text chapter every format since 2019 has
CASES = (("with last year's report", True), ("without", False))
SCANS: list[int] = [0]


def _count_scans() -> None:
    """Count the calls of unchanged_drafts made by any module imported from here on."""
    from core import carry_over

    scan = carry_over.unchanged_drafts

    def counted(report):
        SCANS[0] += 1
        return scan(report)

    carry_over.unchanged_drafts = counted


def _window(with_last_year: bool, folder: Path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from core.carry_over import report_from_last_year
    from core.document import Report
    from core.report_file import load_report
    from gui.document import ReportDocument
    from gui.files.autosave import Autosaver
    from gui.files.recent import RecentFiles
    from gui.main_window import MainWindow
    from resources import SAMPLE_REPORT

    last = load_report(SAMPLE_REPORT)
    report = report_from_last_year(last, path=str(SAMPLE_REPORT))[0] if with_last_year \
        else Report.new(last.year + 1, last.unit.name)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ReportDocument(report), RecentFiles(settings), Autosaver(folder / "recovery"))
    window.show()
    for key in window.pages:  # every tab built, as after the clerk has looked at each
        window.pages[key]
    window.runner.run_now()
    page = window.pages[CHAPTER]
    window.tabs.setCurrentWidget(page)
    editor = page.editors[CHAPTER].editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    QApplication.processEvents()
    return window, editor


def _type(editor, keys: int) -> tuple[float, int]:
    """Seconds for ``keys`` key presses (letters, a space after every tenth), and the scans made."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    SCANS[0] = 0
    start = time.perf_counter()
    for n in range(keys):
        if n % 10 == 9:
            QTest.keyClick(editor, Qt.Key.Key_Space)
        else:
            QTest.keyClick(editor, chr(ord("a") + n % 26))
    return time.perf_counter() - start, SCANS[0]


def measure(root: Path, keys: int, rounds: int) -> dict[str, dict]:
    """Per case: milliseconds per key of each round, and scans per key; the code from ``root``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(root))
    from PySide6.QtWidgets import QApplication

    _count_scans()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("nianbao-benchmark")
    found: dict[str, dict] = {name: {"ms_per_key": [], "scans_per_key": 0.0} for name, _ in CASES}
    with tempfile.TemporaryDirectory() as folder:
        for n in range(rounds):
            for name, with_last_year in CASES:
                window, editor = _window(with_last_year, Path(folder) / f"{n}{with_last_year}")
                seconds, scans = _type(editor, keys)
                found[name]["ms_per_key"].append(1000 * seconds / keys)
                found[name]["scans_per_key"] = scans / keys
                assert len(window.document.report.text(CHAPTER)) >= keys
                window.document.undo_stack.setClean()
                window.document._forced_modified = False
                window.close()
                window.deleteLater()
                QApplication.processEvents()
    return found


def _report(label: str, found: dict[str, dict]) -> None:
    for name, figures in found.items():
        per_key = figures["ms_per_key"]
        print(f"{label}{name:26} median {statistics.median(per_key):.3f} ms per key "
              f"(rounds: {', '.join(f'{t:.3f}' for t in per_key)}); "
              f"{figures['scans_per_key']:.1f} scans of every slot per key")


def compare(baseline: Path, keys: int, pairs: int) -> None:
    runs: dict[str, dict[str, dict]] = {"baseline": {}, "this checkout": {}}
    for _ in range(pairs):
        for label, root in (("baseline", baseline), ("this checkout", HERE.parents[1])):
            out = subprocess.run([sys.executable, str(HERE), "--root", str(root), "--keys", str(keys), "--rounds", "1",
                                  "--json"], capture_output=True, text=True, check=True).stdout
            for name, figures in json.loads(out.splitlines()[-1]).items():
                mine = runs[label].setdefault(name, {"ms_per_key": [], "scans_per_key": 0.0})
                mine["ms_per_key"] += figures["ms_per_key"]
                mine["scans_per_key"] = figures["scans_per_key"]
    for label, found in runs.items():
        _report(f"{label:14} ", found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with, rounds alternated")
    parser.add_argument("--pairs", type=int, default=6)
    parser.add_argument("--root", type=Path, default=HERE.parents[1], help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline is not None:
        compare(args.baseline.resolve(), args.keys, args.pairs)
        return 0
    found = measure(args.root.resolve(), args.keys, args.rounds)
    if args.json:
        print(json.dumps(found))
    else:
        _report("", found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
