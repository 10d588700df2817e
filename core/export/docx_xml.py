"""Low-level WordprocessingML helpers: child elements inserted in schema order.

Word refuses (or "repairs") a document whose property elements are out of the order the schema
prescribes, so every property python-docx has no setter for goes through ``child()``.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_ORDER: dict[str, tuple[str, ...]] = {
    "w:pPr": ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
              "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
              "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
              "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
              "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"),
    "w:trPr": ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
               "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden"),
    "w:tcPr": ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
               "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"),
    "w:sectPr": ("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz",
                 "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt",
                 "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter",
                 "w:docGrid", "w:printerSettings"),
}


_RANK = {qn(parent): {qn(tag): rank for rank, tag in enumerate(order)} for parent, order in _ORDER.items()}
_CLARK: dict[str, str] = {}


def _qn(tag: str) -> str:
    clark = _CLARK.get(tag)
    if clark is None:
        clark = _CLARK[tag] = qn(tag)
    return clark


def child(parent: object, tag: str, **attrs: str) -> object:
    """The parent's ``tag`` child (created in schema order if missing), with ``attrs`` set.

    Attribute names are given without the ``w:`` prefix.
    """
    clark = _qn(tag)
    found = parent.find(clark)  # type: ignore[attr-defined]
    if found is None:
        found = OxmlElement(tag)
        ranks = _RANK[parent.tag]  # type: ignore[attr-defined]
        rank = ranks[clark]
        for index, existing in enumerate(parent):  # type: ignore[call-overload]
            if ranks.get(existing.tag, len(ranks)) > rank:
                parent.insert(index, found)  # type: ignore[attr-defined]
                break
        else:
            parent.append(found)  # type: ignore[attr-defined]
    for name, value in attrs.items():
        found.set(_qn(f"w:{name}"), value)
    return found


def element(tag: str, **attrs: str) -> object:
    made = OxmlElement(tag)
    for name, value in attrs.items():
        made.set(_qn(f"w:{name}"), value)
    return made
