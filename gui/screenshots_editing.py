"""Screenshots of editing at 1366×768, offscreen: the read-only sample (its banner, a chapter whose
text can be selected but not typed into) and a drawn table of a pre-2019 report while a cell is
being typed in. ``python -m gui.screenshots_editing [folder]``; writes gui-read-only-sample-1366.png
and gui-drawn-table-typing-1366.png.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gui.offscreen_shots import close_unchanged, start

SIZE = (1366, 768)
DRAWN_TABLE_REPORT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seed002_litong_offices_2017.nianbao"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default="docs/screenshots")
    args = parser.parse_args(argv)
    session = start(args.folder)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from core.report_file import load_report
    from gui.document import ReportDocument

    def shoot(window, name: str) -> None:
        session.grab(window, f"gui-{name}-1366.png")

    window = session.window(None, SIZE)
    window.files.view_sample()
    report = window.document.report
    chapter = next(c for c in report.chapters if c.table is None and c.sections)  # the first with sub-headings
    page = window.pages[chapter.key]
    window.tabs.setCurrentWidget(page)
    slot = page.editors[chapter.sections[0].key]
    slot.editor.setFocus()
    cursor = slot.editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(min(40, len(slot.text())), cursor.MoveMode.KeepAnchor)  # selected, to copy
    slot.editor.setTextCursor(cursor)
    shoot(window, "read-only-sample")
    window.close()

    report = load_report(DRAWN_TABLE_REPORT)
    window = session.window(ReportDocument(report, DRAWN_TABLE_REPORT), SIZE)
    key = next(iter(report.free_tables))
    holder = next(c for c in report.chapters if key in (*c.tables, *(t for s in c.sections for t in s.tables)))
    page = window.pages[holder.key]
    window.tabs.setCurrentWidget(page)
    drawn = page.free_tables[key]
    grid = drawn.grid
    page.ensureWidgetVisible(grid, 0, 200)
    grid.setFocus()
    grid.setCurrentCell(1, 1)
    QTest.keyClick(grid, Qt.Key.Key_F2)  # the cell's editor open, text being typed at its end
    editor = QApplication.focusWidget()
    editor.end(False)
    editor.insert("（已核对）")
    shoot(window, "drawn-table-typing")
    QTest.keyClick(editor, Qt.Key.Key_Escape)  # what was typed for the picture is not kept
    close_unchanged(window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
