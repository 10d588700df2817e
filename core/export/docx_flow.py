"""Where the pages of the Word export end: a model of the page flow, from the document built so far.

Every paragraph style of the report has an exact line pitch, so a paragraph's height is its line
count (docx_measure) times the pitch, and a table's height is the sum of its rows' heights (which
docx_tables sets as minimums the rows never need to exceed). Pages fill like Word, WPS and
LibreOffice fill them: a paragraph breaks between any two lines (no widow control), a heading
keeps with what follows, a table kept together moves whole to the next page, and a chain of keeps
longer than a page breaks where the page is full. The tables use this to decide where to start
and where to split (docx_table_parts).
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from core.export.docx_measure import line_count
from core.export.docx_styles import MARGIN_BOTTOM, MARGIN_TOP, PAGE_HEIGHT, TEXT_WIDTH
from core.export.docx_table_layout import RULE

TEXT_HEIGHT = (PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) / 12700  # 版心 height in points (225 mm)
SLACK = 0.01  # points: rounding of twips


@dataclass(frozen=True)
class Box:
    height: float  # points
    keep_with_next: bool  # no page break between this box and the next


@dataclass(frozen=True)
class Metrics:
    size: float  # points
    spacing: float  # points added to each character
    pitch: float  # exact line pitch in points
    first_indent: float
    left: float
    right: float


class PageFlow:
    """The boxes of the document so far and where they fall on pages."""

    def __init__(self, document: DocxDocument, text_height: float = TEXT_HEIGHT) -> None:
        self.document = document
        self.text_height = text_height
        self.boxes: list[Box] = []
        self._measured = 0
        self._styles = {s.get(qn("w:styleId")): s for s in document.styles.element.iter(qn("w:style"))}

    def used(self) -> float:
        """Height in points already used on the page where the next element would start."""
        self._update()
        return _fill(self.boxes, self.text_height)

    def room(self) -> float:
        return self.text_height - self.used()

    def kept(self) -> float:
        """Height of the last boxes that keep with what comes next (a heading), in points."""
        self._update()
        height = 0.0
        for box in reversed(self.boxes):
            if not box.keep_with_next:
                break
            height += box.height
        return height

    def _update(self) -> None:
        body = [node for node in self.document.element.body if node.tag != qn("w:sectPr")]  # sectPr stays last
        for node in body[self._measured:]:
            if node.tag == qn("w:p"):
                self.boxes.extend(self._paragraph_boxes(node))
            elif node.tag == qn("w:tbl"):
                self.boxes.extend(_table_boxes(node))
        self._measured = len(body)

    def _paragraph_boxes(self, p: object) -> list[Box]:
        ppr = p.find(qn("w:pPr"))  # type: ignore[attr-defined]
        style = ppr.find(qn("w:pStyle")).get(qn("w:val")) if ppr is not None and ppr.find(qn("w:pStyle")) is not None \
            else "Normal"
        metrics = self._metrics(style, ppr)
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))  # type: ignore[attr-defined]
        width = TEXT_WIDTH.pt - metrics.left - metrics.right
        lines = line_count(text, width, metrics.size, metrics.spacing, metrics.first_indent)
        keep = _flag(ppr, "w:keepNext") or self._style_flag(style, "w:keepNext")
        return [Box(metrics.pitch, False) for _ in range(lines - 1)] + [Box(metrics.pitch, keep)]

    def _metrics(self, style_id: str, ppr: object) -> Metrics:
        found: dict[str, float] = {}
        chain = [ppr] + [s.find(qn("w:pPr")) for s in self._style_chain(style_id)]
        rprs = [s.find(qn("w:rPr")) for s in self._style_chain(style_id)]
        for node in chain:
            if node is None:
                continue
            ind, spacing = node.find(qn("w:ind")), node.find(qn("w:spacing"))
            for key, attr in (("first_indent", "w:firstLine"), ("left", "w:left"), ("right", "w:right")):
                if ind is not None and ind.get(qn(attr)) is not None:
                    found.setdefault(key, int(ind.get(qn(attr))) / 20)
            if spacing is not None and spacing.get(qn("w:line")) is not None:
                found.setdefault("pitch", int(spacing.get(qn("w:line"))) / 20)
        for node in rprs:
            if node is None:
                continue
            size, spacing = node.find(qn("w:sz")), node.find(qn("w:spacing"))
            if size is not None:
                found.setdefault("size", int(size.get(qn("w:val"))) / 2)
            if spacing is not None:
                found.setdefault("spacing", int(spacing.get(qn("w:val"))) / 20)
        return Metrics(found.get("size", 10.5), found.get("spacing", 0.0), found["pitch"],
                       found.get("first_indent", 0.0), found.get("left", 0.0), found.get("right", 0.0))

    def _style_chain(self, style_id: str) -> list[object]:
        chain, seen = [], set()
        while style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else ""
        return chain

    def _style_flag(self, style_id: str, tag: str) -> bool:
        return any(_flag(s.find(qn("w:pPr")), tag) for s in self._style_chain(style_id))


def _flag(ppr: object, tag: str) -> bool:
    if ppr is None:
        return False
    found = ppr.find(qn(tag))  # type: ignore[attr-defined]
    return found is not None and found.get(qn("w:val"), "1") not in ("0", "false")


def _table_boxes(tbl: object) -> list[Box]:
    """One box a row, its rule above included, the table's last rule with the last row; rows whose
    paragraphs keep with the next row chain the table together."""
    boxes = []
    for tr in tbl.iter(qn("w:tr")):  # type: ignore[attr-defined]
        height = tr.find(f"{qn('w:trPr')}/{qn('w:trHeight')}")
        twips = int(height.get(qn("w:val"))) if height is not None else 0
        keep = any(_flag(p.find(qn("w:pPr")), "w:keepNext") for p in tr.iter(qn("w:p")))
        boxes.append(Box((twips + RULE) / 20, keep))
    if boxes:
        boxes[-1] = Box(boxes[-1].height + RULE / 20, boxes[-1].keep_with_next)
    return boxes


def _fill(boxes: list[Box], page: float) -> float:
    """Height used on the last page once ``boxes`` are laid out."""
    start, i, used = 0, 0, 0.0
    while i < len(boxes):
        box = boxes[i]
        if used + box.height <= page + SLACK or i == start:
            used += box.height
            i += 1
            continue
        # Overflow: break after the last box on this page that allows it, else right here.
        breaks = [k for k in range(start, i) if not boxes[k].keep_with_next]
        start = breaks[-1] + 1 if breaks else i
        i, used = start, 0.0
    return used if used < page - SLACK else 0.0
