"""Read a published report back in: a Word file, a portal's web page or the text copied out of a PDF.

Each source (``docx_source``, ``html_source``, ``text_source``) turns the file into the same list of
``Block``s — paragraphs and table rows in reading order, each with its place in the file. One
format-free reader (``reader``) then recognises the format by the template's headings and labels,
splits the chapters, finds the title, opening, signature and date, and reads every table by its
labels into cells. The importer's rule holds: every cell of a table the report prints is read or named
in a located problem; a number is never guessed.
"""

from __future__ import annotations

SUFFIXES = (".docx", ".html", ".htm", ".txt")


class PublishedImportError(Exception):
    """The file cannot be read as a report at all; the message is Chinese and names the file."""
