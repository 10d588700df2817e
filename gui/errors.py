"""Unexpected errors: never a silent failure, never a traceback in the user's face.

An exception that escapes any action (a menu command, a slot, an export) is written to
``<AppDataLocation>/logs/errors.log`` and shown in Chinese, with the technical details in the
message box's copyable "详细信息" for whoever supports the user. What the user typed is in memory
and in the recovery file; the message says so.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QWidget

from core import __version__

LOG_NAME = "errors.log"
MAX_LOG_BYTES = 512 * 1024  # then the log starts again, keeping one older file
_showing = threading.Lock()  # one message at a time, even if the message box itself fails


def log_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "logs"


def details_of(error: BaseException) -> str:
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


def log_error(error: BaseException, what: str) -> Path | None:
    """Append the error to the log file; its path, or None when even that is impossible."""
    import platform

    path = log_folder() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_name(LOG_NAME + ".1"))
        with path.open("a", encoding="utf-8", errors="backslashreplace") as log:
            log.write(f"=== {dt.datetime.now():%Y-%m-%d %H:%M:%S} {what} · nianbao {__version__} · "
                      f"PySide6 {PYSIDE_VERSION} · Python {platform.python_version()} · {platform.platform()}\n")
            log.write(details_of(error) + "\n")
        return path
    except OSError:
        return None


def show_unexpected(parent: QWidget | None, what: str, error: BaseException) -> None:
    """Log ``error`` and tell the user in Chinese that ``what`` did not complete."""
    log = log_error(error, what)
    where = f"错误记录已保存在：{log}" if log else "错误记录无法写入磁盘。"
    message = (f"“{what}”时发生了意外错误，操作没有完成。\n已填写的内容仍在，请先保存报告。\n\n"
               f"如果问题反复出现，请把下面“详细信息”中的内容复制给软件维护人员。{where}")
    if not _showing.acquire(blocking=False):
        return  # already showing one: the log has this one too
    try:
        from gui.files import dialogs

        dialogs.show_error(parent, what, message, details=details_of(error))
    except Exception:  # noqa: BLE001 - the last line of defence must not raise
        pass
    finally:
        _showing.release()


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    if error.__traceback__ is None:
        error = error.with_traceback(tb)
    show_unexpected(QApplication.activeWindow(), "操作", error)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        log_error(args.exc_value, f"后台任务 {args.thread.name if args.thread else ''}")


def install() -> None:
    """Catch every exception that escapes a slot or an action (PySide6 hands them to sys.excepthook)."""
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
