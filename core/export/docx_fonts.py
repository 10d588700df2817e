"""The font table (word/fontTable.xml): every font the document names, with what Word and WPS need
to fall back to the right face on a PC that lacks it.

仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体 are missing on many Windows PCs. Word and WPS then pick a
substitute from the font table entry: the alternative name first (w:altName — 仿宋, 楷体, 宋体, the
faces every Chinese Windows has), then the character set (86 = GB2312), family, pitch and PANOSE
class. Without an entry, as in python-docx's template, they guess from nothing and may fall back to
a sans-serif or a Japanese face.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GB2312 = "86"
ANSI = "00"


@dataclass(frozen=True)
class FontFace:
    alt_name: str | None  # the face to use when this one is missing
    panose: str  # PANOSE-1 class, 10 bytes in hex
    charset: str
    family: str  # ST_FontFamily: roman, swiss, modern, script, decorative, auto
    pitch: str  # fixed or variable


# PANOSE classes as the fonts themselves declare them (the Song faces 02010600030101010101, the
# fixed-pitch 仿宋/楷体/黑体 02010609060101010101); the _GB2312 and 方正 faces are given the class of
# the face they fall back to, so that matching by class lands on it too.
FONT_FACES: dict[str, FontFace] = {
    "宋体": FontFace("SimSun", "02010600030101010101", GB2312, "auto", "variable"),
    "黑体": FontFace("SimHei", "02010609060101010101", GB2312, "modern", "fixed"),
    "仿宋": FontFace("FangSong", "02010609060101010101", GB2312, "modern", "fixed"),
    "楷体": FontFace("KaiTi", "02010609060101010101", GB2312, "modern", "fixed"),
    "仿宋_GB2312": FontFace("仿宋", "02010609060101010101", GB2312, "modern", "fixed"),
    "楷体_GB2312": FontFace("楷体", "02010609060101010101", GB2312, "modern", "fixed"),
    "方正小标宋简体": FontFace("宋体", "02010600030101010101", GB2312, "auto", "variable"),
    "Times New Roman": FontFace(None, "02020603050405020304", ANSI, "roman", "variable"),
}


def font_table_xml(fonts: Iterable[str]) -> bytes:
    """A fontTable part declaring ``fonts`` (in the order given), each with its fallback data.

    A font not in FONT_FACES is still declared, by name only, so the table never omits one.
    """
    root = etree.Element(f"{{{W_NS}}}fonts", nsmap={"w": W_NS})
    for name in dict.fromkeys(fonts):
        font = etree.SubElement(root, f"{{{W_NS}}}font", {f"{{{W_NS}}}name": name})
        face = FONT_FACES.get(name)
        if face is None:
            continue
        if face.alt_name:
            etree.SubElement(font, f"{{{W_NS}}}altName", {f"{{{W_NS}}}val": face.alt_name})
        for tag, value in (("panose1", face.panose), ("charset", face.charset), ("family", face.family),
                           ("pitch", face.pitch)):
            etree.SubElement(font, f"{{{W_NS}}}{tag}", {f"{{{W_NS}}}val": value})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def fonts_named(elements: Iterable[object]) -> list[str]:
    """Every font named on a w:rFonts in ``elements`` (document body, styles, footers), in order."""
    found: dict[str, None] = {}
    for element in elements:
        for fonts in element.iter(f"{{{W_NS}}}rFonts"):  # type: ignore[attr-defined]
            for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
                name = fonts.get(f"{{{W_NS}}}{attr}")
                if name:
                    found[name] = None
    return list(found)
