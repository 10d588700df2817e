"""Characters a report's text cannot carry into Word, Excel or XML, removed in one place.

Text pasted from web pages, PDFs or other programs can bring control characters (U+0000–U+001F
other than tab and line break), lone surrogates and the non-characters U+FFFE/U+FFFF. XML 1.0
forbids them, so python-docx and openpyxl refuse to write them. The editors clean what is typed
or pasted, imports clean what they read, and the exporters clean a copy of the report and say
which fields they changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from core.document import UNIT_FIELD_LABELS, Report, UnitInfo
from core.records import field, record


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled at the first text typed, pasted or exported, not when a report opens."""
    # Forbidden by XML 1.0 (tab, line feed and carriage return are allowed), lone surrogates included.
    forbidden = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
    return forbidden, re.compile("\r\n?"), re.compile("[\t\n\r\u2028\u2029]+")

REPLACEMENT = "\ufffd"

# OOXML core properties (title, author…) hold at most 255 characters; python-docx refuses more.
PROPERTY_MAX_CHARS = 255


def clean_text(text: str, single_line: bool = False) -> str:
    """``text`` without forbidden characters; ``single_line`` also turns tabs and breaks into a space.

    Line breaks become "\\n". A lone surrogate (half of a broken emoji) becomes U+FFFD, so the
    place where something was lost stays visible; control characters are removed.
    """
    if not text:
        return text
    forbidden, line_breaks, single_lines = _patterns()
    if forbidden.search(text):
        text = forbidden.sub(lambda m: REPLACEMENT if "\ud800" <= m.group() <= "\udfff" else "", text)
    if "\r" in text:
        text = line_breaks.sub("\n", text)
    if single_line:
        text = single_lines.sub(" ", text)
    return text


def replace_surrogates(text: str) -> str:
    """Lone surrogates (which no file encoding can hold) as U+FFFD; everything else kept."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")  # refuses exactly the lone surrogates, in C: no pattern to compile at start-up
    except UnicodeEncodeError:
        return "".join(REPLACEMENT if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


def forbidden_count(text: str) -> int:
    """How many characters ``clean_text`` removes or replaces (line-break forms are not counted)."""
    return len(_patterns()[0].findall(text)) if text else 0


def fit_property(text: str) -> str:
    """A document property value: clean, one line, and within the OOXML length limit."""
    text = clean_text(text, single_line=True)
    return text if len(text) <= PROPERTY_MAX_CHARS else text[:PROPERTY_MAX_CHARS - 1] + "…"


@record
class CleanedReport:
    report: Report  # the same object when nothing needed cleaning, else a cleaned copy
    notes: list[str] = field(default_factory=list)  # Chinese, one per field that was changed

    @property
    def changed(self) -> bool:
        return bool(self.notes)


def clean_report(report: Report) -> CleanedReport:
    """A copy of ``report`` whose every text field is clean, and a note per field that changed."""
    notes: list[str] = []
    cleaned: Report | None = None
    for label, kind, key, text in text_fields(report):
        new = clean_text(text, single_line=kind == "unit")
        if new == text:
            continue
        if cleaned is None:
            import copy

            cleaned = copy.deepcopy(report)
        store_text(cleaned, kind, key, new)
        count = forbidden_count(text)
        if count:  # a tab or line break in a one-line field becomes a space without a note
            notes.append(f"“{label}”中有 {count} 个无法写入文件的字符（控制字符等），已删除")
    return CleanedReport(cleaned or report, notes)


def text_fields(report: Report) -> Iterator[tuple[str, str, str, str]]:
    """(label, kind, key, text) of every text a user can type."""
    for name in UnitInfo.field_names():
        yield UNIT_FIELD_LABELS[name], "unit", name, str(getattr(report.unit, name))
    yield "开头段落", "opening", "", report.opening
    template = report.template
    titles = {c.key: c.heading for c in template.chapters}
    titles.update({s.key: s.title for c in template.chapters for s in c.sections})
    for key, text in list(report.texts.items()):
        yield titles.get(key, key), "text", key, text
    for key, text in list(report.explanations.items()):
        yield f"警告说明（{key}）", "explanation", key, text


def store_text(report: Report, kind: str, key: str, text: str) -> None:
    if kind == "unit":
        setattr(report.unit, key, text)
    elif kind == "opening":
        report.opening = text
    elif kind == "text":
        report.texts[key] = text
    else:
        report.explanations[key] = text
