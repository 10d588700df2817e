"""How long typing into a chapter's text takes in the real window (not a test).

A report begun from last year's (the bundled sample as last year's: every text a draft) is shown
offscreen with every tab built, as after a clerk has looked at each chapter; then 1,000 keys are
typed into one chapter's editor through Qt's key events. Each key is one edit through the
document, its signals and every view listening to them (draft marks, character count, undo
merging); the debounced check run is not reached (no event loop turns between keys). The same
keys are typed into a report without last year's (no drafts to mark) in the same run, rounds
interleaved, so the two compare under the same load. Prints the time per key and how many times
per key every text slot was compared with last year's (`unchanged_drafts`, the check C12's scan).
To compare two versions of the code, run the script from each checkout in turn.

    python benchmarks/typing_drafts.py [--keys 1000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core import carry_over  # noqa: E402
from core.carry_over import report_from_last_year  # noqa: E402
from core.document import Report  # noqa: E402
from core.report_file import load_report  # noqa: E402
from resources import SAMPLE_REPORT  # noqa: E402

CHAPTER = "problems"  # a text chapter every format since 2019 has
SCANS: list[int] = [0]


def _count_scans() -> None:
    """Count the calls of unchanged_drafts made by any module imported from here on."""
    scan = carry_over.unchanged_drafts

    def counted(report):
        SCANS[0] += 1
        return scan(report)

    carry_over.unchanged_drafts = counted


def _window(with_last_year: bool, folder: Path):
    from PySide6.QtCore import QSettings

    from gui.document import ReportDocument
    from gui.files.autosave import Autosaver
    from gui.files.recent import RecentFiles
    from gui.main_window import MainWindow

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
    SCANS[0] = 0
    start = time.perf_counter()
    for n in range(keys):
        if n % 10 == 9:
            QTest.keyClick(editor, Qt.Key.Key_Space)
        else:
            QTest.keyClick(editor, chr(ord("a") + n % 26))
    return time.perf_counter() - start, SCANS[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    import tempfile

    _count_scans()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("nianbao-benchmark")
    times: dict[str, list[float]] = {"with last year's report": [], "without": []}
    scans: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.rounds):
            for name, with_last_year in (("with last year's report", True), ("without", False)):
                window, editor = _window(with_last_year, Path(folder) / f"{n}{with_last_year}")
                seconds, scans[name] = _type(editor, args.keys)
                times[name].append(seconds)
                assert len(window.document.report.text(CHAPTER)) >= args.keys
                window.document.undo_stack.setClean()
                window.document._forced_modified = False
                window.close()
                window.deleteLater()
                QApplication.processEvents()
    for name, seconds in times.items():
        per_key = [1000 * s / args.keys for s in seconds]
        print(f"{name:26} median {statistics.median(per_key):.3f} ms per key "
              f"(rounds: {', '.join(f'{t:.3f}' for t in per_key)}), {args.keys} keys; "
              f"{scans[name] / args.keys:.1f} scans of every slot per key")
    return 0


if __name__ == "__main__":
    sys.exit(main())
