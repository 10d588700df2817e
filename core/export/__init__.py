"""Exporters: write a report to Word and other formats. Importing this package stays cheap."""


class ExportError(Exception):
    """An export that could not be written; the message is Chinese, names the file and says
    that an existing file at that path was left unchanged."""
