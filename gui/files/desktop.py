"""Handing a file to the desktop: open it in its program (WPS, Word, Excel) or show its folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from gui.files import dialogs


def show_file(parent: QWidget | None, path: Path, in_folder: bool = False) -> bool:
    """Open ``path`` with the program the desktop uses for it, or its folder (with the file selected
    in Windows Explorer); a Chinese message when the desktop cannot."""
    if in_folder and sys.platform == "win32":
        try:  # explorer returns 1 even when it worked: its exit code says nothing
            subprocess.Popen(["explorer", "/select,", str(path)])
            return True
        except OSError:
            pass
    target = path.parent if in_folder else path
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
        return True
    if in_folder:
        dialogs.show_error(parent, "打开所在文件夹", f"无法打开文件夹：\n{path.parent}")
    else:
        dialogs.show_error(parent, "打开文件", f"没有找到可以打开 {path.suffix} 文件的程序，请确认已安装 WPS Office 或 "
                                               f"Microsoft Office。文件已导出到：\n{path}")
    return False
