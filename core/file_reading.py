"""Reading a user's file whole, with one Chinese message per way it can fail."""

from __future__ import annotations

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
