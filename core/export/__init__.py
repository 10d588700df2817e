"""Exporters: write a report to Word and other formats. Importing this package stays cheap."""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """An export that could not be written; the message is Chinese, names the file and says
    that an existing file at that path was left unchanged."""


def write_export(path: str | Path, data: bytes, program: str) -> None:
    """Write a finished export atomically; any failure becomes an ExportError naming the path.

    ``program`` names what usually holds such a file open ("WPS、Word", "WPS、Excel").
    """
    from core.report_file import atomic_write_bytes

    path = Path(path)
    unchanged = "原文件未改动。"
    try:
        atomic_write_bytes(path, data, keep_backup=False)
    except FileNotFoundError:
        raise ExportError(f"文件夹“{path.parent}”不存在，无法导出“{path}”。{unchanged}") from None
    except IsADirectoryError:
        raise ExportError(f"“{path}”是一个文件夹，请指定文件名。{unchanged}") from None
    except PermissionError:
        raise ExportError(f"无法写入“{path}”：文件可能正被 {program} 等程序打开，或没有该文件夹的写入权限。"
                          f"请关闭该文件或另选位置后重试。{unchanged}") from None
    except OSError as error:
        raise ExportError(f"导出“{path}”失败：{error.strerror or error}。{unchanged}") from None
