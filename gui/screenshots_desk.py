"""Screenshots of the clerk's desk — start page, the read-only sample, the export question and offer, a
file dialog, the Word font choice, 使用说明 and 关于 — as whole-screen pictures:

    Xvfb :77 -screen 0 1366x768x24 & openbox &   # a screen and a window manager
    DISPLAY=:77 QT_QPA_PLATFORM=xcb python -m gui.screenshots_desk docs/screenshots --suffix -1366 [--scale 1.5]

Runs in a scratch home (its own 桌面 and 文档, settings and recent files), so nothing real is touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path


def _scratch_home() -> Path:
    home = Path(tempfile.mkdtemp(prefix="nianbao-desk-shots-"))
    for folder in ("桌面", "文档", ".config", ".local/share"):
        (home / folder).mkdir(parents=True, exist_ok=True)
    (home / ".config" / "user-dirs.dirs").write_text(
        'XDG_DESKTOP_DIR="$HOME/桌面"\nXDG_DOCUMENTS_DIR="$HOME/文档"\n', encoding="utf-8")
    os.environ.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"))
    return home


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default="docs/screenshots")
    parser.add_argument("--suffix", default="", help="added to every file name, e.g. -1920")
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR, e.g. 1.5 for 150 %%")
    args = parser.parse_args(argv)
    folder = Path(args.folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["QT_SCALE_FACTOR"] = args.scale
    home = _scratch_home()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from core.report_file import load_report, save_report
    from gui.app import create_application
    from gui.files import dialogs, file_dialog, font_dialog
    from gui.files.autosave import Autosaver
    from gui.files.recent import RecentFiles
    from gui.help import about, guide
    from gui.main_window import MainWindow
    from resources import SAMPLE_REPORT

    app = create_application([])
    documents = home / "文档"
    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    recent = RecentFiles(settings)
    for name, unit in (("桃园镇2024年报.nianbao", "清河县桃园镇人民政府"), ("桃园镇2025年报.nianbao", "清河县桃园镇人民政府")):
        report = load_report(SAMPLE_REPORT)
        report.unit.name = unit
        save_report(report, documents / name)
        recent.add(documents / name)
    shutil.copy(SAMPLE_REPORT, home / "桌面" / "示例.nianbao")
    (documents / "县政务公开办下发统计表.xlsx").write_bytes(b"")  # something for the file dialog to list

    def settle(seconds: float = 0.6) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shoot(name: str) -> None:
        settle()
        path = folder / f"desk-{name}{args.suffix}.png"
        app.primaryScreen().grabWindow(0).save(str(path))
        print(path)

    window = MainWindow(None, recent, Autosaver(home / "recovery"))
    window.show()
    shoot("start-page")

    window.files.view_sample()
    shoot("sample-read-only")

    errors = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "errors_2025.nianbao"
    if errors.is_file():
        window.files.open_file(errors)
    from core.checks import run_checks

    result = run_checks(window.document.report)
    lines = [f"{'错误' if f.severity == 'error' else '警告'}　{f.message}" for f in result.findings
             if f.severity == "error" or (f.severity == "warning" and not result.is_confirmed(f))]
    box, _export = dialogs.export_problems_box(window, "导出 Word", [x for x in lines if x.startswith("错误")],
                                               [x for x in lines if x.startswith("警告")])
    box.show()
    shoot("export-problems")
    box.close()

    exported = documents / f"{window.document.report.title}统计表.xlsx"
    box, _choices = dialogs.exported_box(window, "导出 Excel", f"已导出到：\n{exported}")
    box.show()
    shoot("export-done")
    box.close()

    chooser = font_dialog.FontSetDialog(window)
    chooser.show()
    shoot("font-choice")
    chooser.close()

    save = file_dialog.build_file_dialog(window, "导出 Excel", str(documents / exported.name), dialogs.EXCEL_FILTER,
                                         save=True)
    save.show()
    shoot("file-dialog")
    save.close()

    guide.show_guide(window)
    shoot("guide")
    window.findChild(guide.GuideDialog).close()

    box = about.about_box(window)
    box.show()
    shoot("about")
    box.close()

    window.document.undo_stack.setClean()
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
