"""Save PNGs of a report started from last year's: ``python -m scripts.screenshots_years [folder]``.

At 1366×768 and 1920×1080, offscreen: the draft marks of a new report started from the 2020 fixture,
a chapter partly rewritten with the sentences still repeated from last year highlighted, and the
unit-information page with its 上年报告 line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gui.offscreen_shots import close_unchanged, start

SIZES = {"": (1366, 768), "-1920": (1920, 1080)}
LAST_YEAR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sample_2020.nianbao"
# What a clerk typed over the first sentence of (一) and (二); the rest is still last year's.
REWRITTEN = {
    "overview.proactive": ("全年通过县政府门户网站本局专栏和“清河市场监管”微信公众号主动公开政府信息2106条",
                           "本年度依托县政府门户网站本局专栏、“清河市场监管”微信公众号和政务服务大厅电子屏，"
                           "重点公开食品安全抽检、特种设备安全和价格监测信息2318条"),
    "overview.requests": ("全年新收政府信息公开申请18件，上年结转1件。",
                          "本年度申请主要集中在企业登记档案和行政处罚决定，较上年有所增加。"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default="docs/screenshots")
    args = parser.parse_args(argv)
    session = start(args.folder)
    folder = session.folder

    from core.carry_over import report_from_last_year
    from core.report_file import load_report
    from gui.document import ReportDocument

    report, _ = report_from_last_year(load_report(LAST_YEAR), path=r"D:\年报\2020年政府信息公开年报.nianbao")
    document = ReportDocument(report, None, untitled_name="从上年报告新建（未保存）")
    window = session.window(document)

    def shoot(name: str, suffix: str) -> None:
        session.grab(window, f"gui-{name}{suffix}.png")

    for suffix, (width, height) in SIZES.items():
        window.resize(width, height)
        window.runner.run_now()
        window.tabs.setCurrentWidget(window.pages["overview"])
        shoot("years-drafts", suffix)
        window.tabs.setCurrentWidget(window.unit_page)
        shoot("years-unit-info", suffix)
    for key, (old, new) in REWRITTEN.items():
        document.set_text(key, document.text(key).replace(old, new))
    for suffix, (width, height) in SIZES.items():
        window.resize(width, height)
        window.runner.run_now()
        page = window.pages["overview"]
        window.tabs.setCurrentWidget(page)
        page.ensureWidgetVisible(page.editors["overview.requests"])
        shoot("years-copied-sentences", suffix)
        if not suffix:
            shoot_tooltip(window, page.editors["overview.requests"], folder / "gui-years-repeat-tooltip.png")
    close_unchanged(window)
    return 0


def shoot_tooltip(window, slot, path: Path) -> None:
    """The window with the hover tooltip of the first repeated sentence drawn where it shows."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent, QPainter
    from PySide6.QtWidgets import QApplication

    repeat = slot.repeats.repeats[0]
    cursor = slot.editor.textCursor()
    cursor.setPosition(repeat.start + 4)
    point = slot.editor.cursorRect(cursor).center()
    viewport = slot.editor.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    for _ in range(3):
        QApplication.processEvents()
    picture = window.grab()
    tip = next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible())
    painter = QPainter(picture)
    # offscreen, the tip's own position is not where a screen would put it: draw it below the pointer
    painter.drawPixmap(viewport.mapTo(window, point) + QPoint(0, 20), tip.grab())
    painter.end()
    picture.save(str(path))
    print(path)


if __name__ == "__main__":
    sys.exit(main())
