"""Render Word exports with LibreOffice and read the PDF back (text layer, pages), for the print tests.

All documents of a test module go through one ``soffice`` call with a private user profile, so the
tests neither wait for nor disturb another LibreOffice running on the machine.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

from lxml import etree

from core.document import Report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAGE_NUMBER = re.compile(r"^\s*— \d+ —\s*$", re.M)
RENDER_TIMEOUT = 300  # seconds for one batch; LibreOffice takes about half a second a document


def render_pdfs(documents: list[Path], folder: Path) -> dict[Path, Path]:
    """Convert every .docx to PDF in ``folder`` with one LibreOffice run; returns docx → pdf."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed (scripts/test.sh installs libreoffice-writer-nogui)"
    profile = folder / "lo-profile"
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
               "--outdir", str(folder), *map(str, documents)]
    subprocess.run(command, check=True, capture_output=True, timeout=RENDER_TIMEOUT)
    pdfs = {docx: folder / f"{docx.stem}.pdf" for docx in documents}
    missing = [str(d) for d, p in pdfs.items() if not p.exists()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return pdfs


def pdf_pages(pdf: Path) -> list[str]:
    """The text layer of each page (pdftotext -raw), page numbers removed."""
    out = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [PAGE_NUMBER.sub("", page) for page in pages]


def docx_text(docx: Path) -> str:
    """Every character of the document body in order (footers excluded)."""
    with zipfile.ZipFile(docx) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return "".join(t.text or "" for t in root.iter(f"{W}t"))


def squeeze(text: str) -> str:
    """Text without line breaks and the gaps pdftotext reports as spaces."""
    return re.sub(r"\s+", "", text)


def first_difference(expected: str, printed: str, context: int = 15) -> str:
    """Where two texts part, shown in both, for an assertion message."""
    at = next((i for i, (a, b) in enumerate(zip(expected, printed, strict=False)) if a != b), min(len(expected), len(printed)))
    return (f"at character {at}: document …{expected[max(0, at - context):at + context]}… "
            f"PDF …{printed[max(0, at - context):at + context]}…")


def page_words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words as (xMin, yMin, xMax, yMax, text) in points from the top left, page
    numbers left out."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", out, re.S):
        words = [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page)]
        pages.append(_without_page_number(words))
    return pages


def _without_page_number(words: list[tuple[float, float, float, float, str]]) -> list[tuple[float, float, float, float, str]]:
    """The words above the footer: the page number "— N —" is the lowest line of a page."""
    if len(words) >= 3 and words[-3][4] == "—" and words[-1][4] == "—" and words[-2][4].isdigit():
        return words[:-3]
    return words


def with_counts(report: Report, digits: int) -> Report:
    """Every cell of every table (totals included) set to a distinct number of ``digits`` digits."""
    low = 10 ** (digits - 1)
    for index, key in enumerate(report.template.cells):
        number = low + (index * 7919) % (9 * low) if digits > 1 else index % 9 + 1
        report.cells[key] = Decimal(number) if report.template.cells[key].type == "money" else number
    return report
