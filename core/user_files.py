"""Reading and writing a user's files whole, with one Chinese message per way it can fail.

Writes are atomic: a failed write leaves the existing file exactly as it was."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

MAX_FILE_BYTES = 20 * 1024 * 1024  # far above any real report or statistics workbook


def read_user_file(path: Path, kind: str, error: type[Exception]) -> bytes:
    """The file's bytes; `error` with a message naming the file and `kind` (e.g. "年报文件") otherwise."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise error(f"“{path.name}”有 {size / 1024 / 1024:.1f} MB，超过 {MAX_FILE_BYTES // 1024 // 1024} MB，"
                        f"不像{kind}，已拒绝读取")
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"找不到文件 {path}") from None
    except IsADirectoryError:
        raise error(f"{path} 是文件夹，不是{kind}") from None
    except PermissionError:
        raise error(f"没有权限读取 {path}（文件可能正被其他程序占用）") from None
    except OSError as failure:
        raise error(f"无法读取 {path}：{failure.strerror or failure}") from None


def write_user_file(path: Path, data: bytes, error: type[Exception], *, action: str, holder: str,
                    keep_backup: bool = False) -> None:
    """Write atomically; `error` with a message naming the file otherwise.

    ``action`` is the verb in messages ("保存", "导出"); ``holder`` names what usually keeps such a
    file open ("WPS、Word 等程序").
    """
    unchanged = "原文件未改动。"
    try:
        atomic_write_bytes(path, data, keep_backup=keep_backup)
    except FileNotFoundError:
        raise error(f"文件夹“{path.parent}”不存在，无法{action}“{path.name}”。{unchanged}") from None
    except IsADirectoryError:
        raise error(f"“{path}”是一个文件夹，请指定文件名。{unchanged}") from None
    except PermissionError:
        raise error(f"没有权限写入“{path}”：文件可能正被{holder}打开，或没有该文件夹的写入权限。"
                    f"请关闭该文件或另选位置后重试。{unchanged}") from None
    except OSError as failure:
        raise error(f"{action}“{path}”失败：{failure.strerror or failure}。{unchanged}") from None


def backup_path(path: Path | str) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".bak")


def atomic_write_bytes(path: Path | str, data: bytes, keep_backup: bool = True) -> None:
    """Write via a temp file in the same folder, fsync, then rename over the target.

    The previous file (if any) is kept as ``<name>.bak``. On any failure the target is untouched
    and an OSError propagates.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file owner-only; give it the mode the target has, or a normal new file's.
        os.chmod(temp_name, _target_mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and path.exists():
            # Copy rather than move, so the target exists at every instant.
            try:
                shutil.copyfile(path, backup_path(path))
            except OSError:
                pass  # a locked old backup must not stop the save itself
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise
    _fsync_folder(folder)


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
