"""Entry point of the desktop app: ``nianbao-gui [file.nianbao]`` or ``gui.app.main([path])``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from core.report_file import ReportFileError
from gui.document import ReportDocument
from gui.files.autosave import Autosaver, find_recoverable
from gui.files.opening import open_document
from gui.files.recent import RecentFiles
from gui.fonts import apply_ui_font
from gui.main_window import MainWindow
from gui.startup import MAX_PAUSE_MS
from gui.startup import finished as startup_finished
from resources import RESOURCES_DIR

APP_NAME = "nianbao"
DESKTOP_FILE = "cn.nianbao.app"  # the .desktop entry the Linux package installs (taskbar icon)
_FIRST_START_KEY = "firstStartDone"
_keep_alive: list[MainWindow] = []


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME, *argv])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(RESOURCES_DIR / "icons" / "nianbao.png")))
    QGuiApplication.setDesktopFileName(DESKTOP_FILE)
    install_translations(app)
    apply_ui_font(app)
    QTimer.singleShot(MAX_PAUSE_MS, startup_finished)  # should no window ever show
    return app  # type: ignore[return-value]


def install_translations(app: QApplication) -> bool:
    """Qt's own texts (file dialogs, standard buttons, context menus) in Simplified Chinese."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_zh_CN", folder):
        return False
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return True


def initial_documents(args: list[str], recovery_folder: Path | None = None,
                      settings: QSettings | None = None) -> list[ReportDocument]:
    """What to show at start (see start_documents), without the recovery files they keep."""
    return [document for document, _file in start_documents(args, recovery_folder, settings)]


def start_documents(args: list[str], recovery_folder: Path | None = None,
                    settings: QSettings | None = None) -> list[tuple[ReportDocument, Path | None]]:
    """What to show at start: recovered reports the user wants back (each with the recovery file it
    keeps until it is saved or discarded), else the file given, else the most recent file (not at the
    first start); none means the start page."""
    documents: list[tuple[ReportDocument, Path | None]] = []
    for recovered in find_recoverable(recovery_folder):
        from gui.files import dialogs  # loaded only when there is something to ask or to say

        if dialogs.ask_restore(None, recovered.describe()):
            document = ReportDocument(recovered.report, recovered.original_path)
            document.mark_modified()
            documents.append((document, recovered.file))
        else:
            recovered.discard()
    settings = settings or QSettings()
    first_start = not settings.value(_FIRST_START_KEY, False, type=bool)
    if first_start:  # written once: a start that changes no setting writes nothing before the first paint
        settings.setValue(_FIRST_START_KEY, True)
    candidates: list[Path] = [Path(a) for a in args[:1]]
    if not args and not first_start:
        candidates += RecentFiles(settings).existing()[:1]
    for path in candidates:
        if documents:
            break
        try:
            documents.append((open_document(path), None))
        except ReportFileError as error:
            from gui.files import dialogs

            dialogs.show_error(None, "打开年报", str(error))
    return documents


def open_windows(args: list[str], recovery_folder: Path | None = None,
                 settings: QSettings | None = None) -> list[MainWindow]:
    """One window per document to show, or one window with the start page."""
    windows = []
    for document, recovery_file in start_documents(args, recovery_folder, settings) or [(None, None)]:
        window = MainWindow(document, RecentFiles(settings), Autosaver(recovery_folder, file=recovery_file))
        if document is not None and document.path:
            window.recent.add(document.path)
        windows.append(window)
    return windows


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from gui import errors

    app = create_application(args)
    errors.install()
    windows = open_windows(args[:1])
    _keep_alive.extend(windows)
    for window in windows:
        window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
