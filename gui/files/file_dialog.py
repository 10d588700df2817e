"""Open and save dialogs in Chinese, starting in the last folder used (or 文档), with 桌面 and 文档 in
the sidebar.

Where the desktop has its own dialog (Windows; a Linux desktop whose Qt theme provides one) Qt shows
that, in the system's language. Otherwise Qt draws its own, and Qt's Chinese translation leaves parts
of it English ("Look in:", "Files of type:", the type "Folder") and dates follow the system locale
("2 12 2026" under C): the labels are set here and a proxy model shows types and dates in Chinese.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import (
    QDir,
    QFileInfo,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QSettings,
    QStandardPaths,
    Qt,
    QUrl,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

LAST_FOLDER_KEY = "folders/lastUsed"
_HEADERS = ("名称", "大小", "类型", "修改日期")
_LABELS = {
    QFileDialog.DialogLabel.LookIn: "查找范围：",
    QFileDialog.DialogLabel.FileName: "文件名：",
    QFileDialog.DialogLabel.FileType: "文件类型：",
    QFileDialog.DialogLabel.Reject: "取消",
}
_CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


class ChineseFileModel(QIdentityProxyModel):
    """Qt's file list with Chinese column titles, types and dates whatever the system locale."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(_HEADERS):
            return _HEADERS[section]
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.column() in (1, 2, 3):
            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                info: QFileInfo = source.fileInfo(self.mapToSource(index))
                if index.column() == 1:
                    return "" if info.isDir() else file_size(info.size())
                if index.column() == 2:
                    return file_type(info)
                return _CHINESE.toString(info.lastModified(), "yyyy/M/d HH:mm")
        return super().data(index, role)


def file_size(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    value, unit = size / 1024, "KB"
    for bigger in ("MB", "GB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"


def file_type(info: QFileInfo) -> str:
    if info.isDir():
        return "文件夹"
    suffix = info.suffix()
    return f"{suffix.upper()} 文件" if suffix else "文件"


def documents_folder() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder if folder and Path(folder).is_dir() else QDir.homePath()


def last_folder(settings: QSettings | None = None) -> str:
    """The folder of the last file opened or saved through a dialog, else 文档."""
    folder = str((settings or QSettings()).value(LAST_FOLDER_KEY, "") or "")
    return folder if folder and Path(folder).is_dir() else documents_folder()


def remember_folder(path: Path, settings: QSettings | None = None) -> None:
    (settings or QSettings()).setValue(LAST_FOLDER_KEY, str(Path(path).parent))


def sidebar_urls() -> list[QUrl]:
    places = [QStandardPaths.StandardLocation.DesktopLocation, QStandardPaths.StandardLocation.DocumentsLocation,
              QStandardPaths.StandardLocation.HomeLocation]
    folders = []
    for place in places:
        folder = QStandardPaths.writableLocation(place)
        if folder and Path(folder).is_dir() and folder not in folders:
            folders.append(folder)
    return [QUrl.fromLocalFile(f) for f in folders] + [QUrl("file:")]  # 计算机: every drive


def build_file_dialog(parent: QWidget | None, title: str, start: str, name_filter: str, save: bool) -> QFileDialog:
    """``start`` is a folder, or a suggested file path when saving."""
    dialog = QFileDialog(parent, title)
    if name_filter:
        dialog.setNameFilters(name_filter.split(";;"))  # one filter, or several joined as Qt writes them
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    start_path = Path(start) if start else Path(last_folder())
    if start_path.is_dir():
        dialog.setDirectory(str(start_path))
    else:
        dialog.setDirectory(str(start_path.parent) if start_path.parent.is_dir() else last_folder())
        if save:
            dialog.selectFile(start_path.name)
    dialog.setSidebarUrls(sidebar_urls())
    for label, text in _LABELS.items():
        dialog.setLabelText(label, text)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "保存" if save else "打开")
    dialog.setProxyModel(ChineseFileModel(dialog))
    return dialog


def run_file_dialog(dialog: QFileDialog) -> Path | None:
    chosen = run_file_dialog_for_paths(dialog)
    return chosen[0] if chosen else None


def run_file_dialog_for_paths(dialog: QFileDialog) -> list[Path]:
    """What the user chose: one file or folder, or several files for a dialog in ExistingFiles mode."""
    mode, save = dialog.fileMode(), dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    if sys.platform == "win32":  # the system's own dialog, in the system's language, with its sidebar
        parent, title, filters = dialog.parentWidget(), dialog.windowTitle(), ";;".join(dialog.nameFilters())
        start = dialog.directory().filePath(dialog.selectedFiles()[0] if dialog.selectedFiles() else "")
        if mode == QFileDialog.FileMode.Directory:
            found = QFileDialog.getExistingDirectory(parent, title, dialog.directory().absolutePath())
            selected = [found] if found else []
        elif mode == QFileDialog.FileMode.ExistingFiles:
            selected = QFileDialog.getOpenFileNames(parent, title, start, filters)[0]
        else:
            ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
            found = ask(parent, title, start, filters)[0]
            selected = [found] if found else []
        dialog.deleteLater()
    else:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        selected = dialog.selectedFiles() if accepted else []
        dialog.deleteLater()
    paths = [Path(p) for p in selected]
    if paths:
        remember_folder(paths[0] / "_" if mode == QFileDialog.FileMode.Directory else paths[0])
    return paths
