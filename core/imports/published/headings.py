"""Which paragraphs are chapter and section headings, and the title and date lines of a report."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from core.imports.labels import chinese_year_digits, label_key
from core.imports.published.blocks import Block
from core.outline import chinese_number
from core.template import Template

_NUMBERED = re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(\S.*)$")
_SECTION = re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(\S.*)$")
_ARABIC = re.compile(r"^(\d{1,2})\s*[.．、]\s*(\S.*)$")
_TITLE = re.compile(r"^(.*?)(?:关于)?((?:19|20)\d{2})年度?(.*报告)$")
_DATE = re.compile(r"^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$")
MAX_HEADING = 40
_SPACE_BY_HAN = re.compile(r"\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])|(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+")
MAX_FRONT = 8  # paragraphs looked at for the title (a portal page may put a path or a date above it)
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")


def compact(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", chinese_year_digits(text)))


def heading_text(text: str) -> str:
    """A heading as typed, without the spaces an extraction leaves beside Han characters ("1. 存在的问题")."""
    return _SPACE_BY_HAN.sub("", text).strip()


def chapter_heading(text: str, template: Template, found: int) -> tuple[int, str] | None:
    """(position in the template's chapters or -1, title) when ``text`` is the next chapter's heading.

    A fixed format's headings are its chapters' (in order, later ones allowed when one is missing);
    a free format's are numbered "一、" "二、" … one after the other."""
    if len(text) > MAX_HEADING * 2:
        return None
    if template.outline.chapters != "free":
        key = label_key(text)
        for index, chapter in enumerate(template.chapters):
            if index >= found and key in (label_key(chapter.heading), label_key(chapter.title)):
                return index, chapter.title
        return None
    match = _NUMBERED.match(text)
    if not match or match.group(1) != chinese_number(found + 1) or len(match.group(2)) > MAX_HEADING:
        return None
    title = heading_text(match.group(2))
    if any(mark in title[:-1] for mark in "。；;") or (found == 0 and match.group(1) != "一"):
        return None
    return -1, title


def section_heading(text: str, found: int, arabic: bool = False) -> tuple[str, str] | None:
    """(title, text after it) when ``text`` opens the chapter's next sub-heading "（一）" "（二）" ….

    A short paragraph is the heading alone ("（一）严格公开流程。"); a longer one runs into its text
    ("（一）小标题。正文……"): the title ends at the first full stop or colon. In a chapter
    numbered "1." "2." instead (``arabic``), only a short line alone is a heading ("1.存在的问题"):
    "1.……。" lines are the items of a list in the text."""
    if arabic:
        match = _ARABIC.match(text)
        if match and int(match.group(1)) == found + 1 and title_like(text) and len(text) <= 20:
            return heading_text(text), ""
        return None
    match = _SECTION.match(text)
    if not match or match.group(1) != chinese_number(found + 1):
        return None
    if len(text) <= MAX_HEADING and not any(mark in text[:-1] for mark in "。；;"):
        return heading_text(text), ""
    for at, char in enumerate(text[:MAX_HEADING]):
        if char in "。：:":
            title = heading_text(text[:at + 1])
            return title, text[at + 1:].strip()
    return None


def title_like(text: str) -> bool:
    """A short line without sentence punctuation: a table's or section's title."""
    return 0 < len(text) <= MAX_HEADING and not any(mark in text for mark in "。，；;,")


def parse_title(lines: list[str]) -> tuple[str, int | None]:
    """(unit, year) from the title's lines: "吴忠市利通区" + "2021 年政府信息公开工作年度报告"."""
    match = _TITLE.match(compact("".join(lines)))
    if not match:
        return "", None
    unit = match.group(1).strip("：:，,、 ")
    return unit, int(match.group(2))


def parse_date(text: str) -> dt.date | None:
    match = _DATE.match(compact(text).replace("〇", "0"))
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def title_lines(paragraphs: list[Block]) -> tuple[list[str], int, int]:
    """The title's lines and where they are among the first paragraphs (start, end): the title ends
    with the first line that ends in 报告; the line above belongs to it when it holds the unit's name
    (the year line starts with the year) or when the extraction broke the title after the year."""
    candidates = [end for end, block in enumerate(paragraphs[:MAX_FRONT], start=1)
                  if compact(block.text).endswith("报告") and len(compact(block.text)) <= 80]
    dated = [end for end in candidates if _YEAR.search(compact(paragraphs[end - 1].text)) or
             (end > 1 and _YEAR.search(compact(paragraphs[end - 2].text)))]
    for end in (dated or candidates)[:1]:  # a line with the year before one without ("首页 > … > 年度报告")
        text = compact(paragraphs[end - 1].text)
        start, lines = end - 1, [text]
        previous = compact(paragraphs[start - 1].text) if start > 0 else ""
        if previous and len(previous) <= 40 and not previous.endswith(("。", "报告")):
            if not _YEAR.search(text) and _YEAR.search(previous):
                start, lines = start - 1, [previous + text]
            elif _YEAR.match(text) and not _YEAR.search(previous):
                start, lines = start - 1, [previous, text]
        return lines, start, end
    return [], 0, 0
