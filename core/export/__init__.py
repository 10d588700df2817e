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
    from core.user_files import write_user_file

    write_user_file(Path(path), data, ExportError, action="导出", holder=f" {program} 等程序")
