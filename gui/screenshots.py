"""Save a PNG of every tab and of the check panel: ``python -m gui.screenshots [folder] [--scale 2]``.

Runs offscreen with the bundled sample (and a few deliberate errors for the check panel), so the
pictures in docs/screenshots/ can be regenerated after any layout change.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def tab_slug(number: int, chapter_key: str) -> str:
    """The picture's name for a tab: its position and the template's chapter key."""
    return f"{number}-{chapter_key.replace('_', '-')}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default="docs/screenshots")
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR, e.g. 2 for 200 %%")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = args.scale
    scratch = tempfile.mkdtemp(prefix="nianbao-shots-")
    os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_DATA_HOME"] = scratch

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from core.report_file import load_report
    from gui.app import create_application
    from gui.document import ReportDocument
    from gui.files.autosave import Autosaver
    from gui.files.recent import RecentFiles
    from gui.main_window import MainWindow
    from resources import SAMPLE_REPORT

    app = create_application([])
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == "1" else f"-{args.scale}x"
    settings = QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat)

    report = load_report(SAMPLE_REPORT)
    window = MainWindow(ReportDocument(report, None, untitled_name="示例报告（未保存）"), RecentFiles(settings),
                        Autosaver(Path(scratch) / "recovery"))
    em = window.fontMetrics().horizontalAdvance("国")
    window.resize(em * 110, em * 62)
    window.show()
    app.processEvents()

    def shoot(name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = folder / f"gui-{name}{suffix}.png"
        window.grab().save(str(path))
        print(path)

    window.tabs.setCurrentIndex(0)
    shoot("unit-info")
    for i, chapter in enumerate(report.template.chapters, start=1):
        window.tabs.setCurrentIndex(i)
        shoot(tab_slug(i, chapter.key))

    # The check panel with something to show: a wrong count, a missing date, a trivial chapter.
    document = window.document
    wrong_cell = _cell_that_breaks_a_rule(report)
    if wrong_cell:
        document.set_cells({wrong_cell: (report.value(wrong_cell) or 0) + 9})
    document.set_unit_field("signing_date", None)
    text_chapters = [c.key for c in report.template.chapters if c.table is None]
    if text_chapters:
        document.set_text(text_chapters[-1], "无")
    window.runner.run_now()
    findings = window.check_panel.result.findings
    window.check_panel.tree.setCurrentItem(window.check_panel.finding_items()[0])
    on_cell = next((f for f in findings if wrong_cell and wrong_cell in f.targets), findings[0])
    window.jump_to(on_cell)
    print(window.counts.text(), window.check_panel.result.summary())
    shoot("checks")
    document.undo_stack.setClean()
    window.close()
    QApplication.processEvents()
    return 0


def _cell_that_breaks_a_rule(report) -> str | None:
    """The first input cell that, raised by 9, makes the checks report an error on it."""
    import copy

    from core.checks import run_checks

    for key, cell in report.template.cells.items():
        if cell.computed or not isinstance(report.value(key), int):
            continue
        trial = copy.copy(report)
        trial.cells = dict(report.cells)
        trial.set_value(key, report.value(key) + 9)
        if any(f.severity == "error" and key in f.targets for f in run_checks(trial).findings):
            return key
    return None


if __name__ == "__main__":
    sys.exit(main())
