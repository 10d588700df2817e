"""Reading and writing a user's files whole, with one Chinese message per way it can fail.

Reads take only regular files and read at most MAX_FILE_BYTES (a named pipe never blocks, a device
is never read). Writes are atomic (see core.atomic_write): a failed write leaves the existing file
and its backup exactly as they were.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from core.atomic_write import atomic_write_bytes, backup_path, is_read_only, remove_abandoned_temps
from core.os_errors import os_error_text

__all__ = ["MAX_FILE_BYTES", "atomic_write_bytes", "backup_path", "is_read_only", "read_user_file",
           "remove_abandoned_temps", "write_user_file"]

MAX_FILE_BYTES = 20 * 1024 * 1024  # far above any real report or statistics workbook


def read_user_file(path: Path, kind: str, error: type[Exception]) -> bytes:
    """The file's bytes; `error` with a message naming the file and `kind` (e.g. "年报文件") otherwise."""
    def too_big(size: int) -> Exception:
        return error(f"“{path.name}”有 {size / 1024 / 1024:.1f} MB，超过 {MAX_FILE_BYTES // 1024 // 1024} MB，"
                     f"不像{kind}，已拒绝读取")

    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "folder", str(path))
        if not stat.S_ISREG(mode):
            raise error(_not_regular(path, mode, kind))
        # O_NONBLOCK: if the path was swapped for a pipe after the check, opening it still returns.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            opened = os.fstat(handle.fileno())
            if not stat.S_ISREG(opened.st_mode):
                raise error(_not_regular(path, opened.st_mode, kind))
            if opened.st_size > MAX_FILE_BYTES:
                raise too_big(opened.st_size)
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:  # grew while being read
            raise too_big(len(data))
        return data
    except FileNotFoundError:
        raise error(f"找不到文件 {path}") from None
    except IsADirectoryError:
        raise error(f"{path} 是文件夹，不是{kind}") from None
    except PermissionError:
        raise error(f"没有权限读取 {path}（文件可能正被其他程序占用）") from None
    except OSError as failure:
        raise error(f"无法读取 {path}：{os_error_text(failure)}") from None
    except ValueError:  # a path with a NUL character in it
        raise error(f"文件名“{path}”无效") from None


def _not_regular(path: Path, mode: int, kind: str) -> str:
    if stat.S_ISFIFO(mode):
        what = "命名管道"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "设备"
    elif stat.S_ISSOCK(mode):
        what = "套接字"
    else:
        what = "特殊文件"
    return f"“{path}”是{what}，不是普通文件，不是{kind}，已拒绝读取"


def write_user_file(path: Path, data: bytes, error: type[Exception], *, action: str, holder: str,
                    keep_backup: bool = False, replace_read_only: bool = False) -> None:
    """Write atomically; `error` with a message naming the file otherwise.

    ``action`` is the verb in messages ("保存", "导出"); ``holder`` names what usually keeps such a
    file open ("WPS、Word 等程序"). A read-only target is refused unless ``replace_read_only``
    (the GUI asks the user first).
    """
    unchanged = "原文件未改动。"
    if not replace_read_only and is_read_only(path):
        raise error(f"“{path}”是只读文件，没有{action}，以免覆盖它。如需覆盖，请先取消该文件的只读属性，"
                    f"或另选文件名。{unchanged}")
    try:
        atomic_write_bytes(path, data, keep_backup=keep_backup, replace_read_only=replace_read_only)
    except FileNotFoundError:
        raise error(f"文件夹“{path.parent}”不存在，无法{action}“{path.name}”。{unchanged}") from None
    except IsADirectoryError:
        raise error(f"“{path}”是一个文件夹，请指定文件名。{unchanged}") from None
    except PermissionError:
        raise error(f"没有权限写入“{path}”：文件可能正被{holder}打开，或没有该文件夹的写入权限。"
                    f"请关闭该文件或另选位置后重试。{unchanged}") from None
    except OSError as failure:
        raise error(f"{action}“{path}”失败：{os_error_text(failure)}。{unchanged}") from None
    except ValueError:  # a path with a NUL character in it
        raise error(f"文件名“{path}”无效，无法{action}。{unchanged}") from None
