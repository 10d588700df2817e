"""The package around the text: settings, properties and parts, with python-docx's leftovers removed.

python-docx starts every document from its own template, saved by Word 2010 for Mac: compatibility
mode 14 (Word 2013 and later show "[兼容模式]" in the title bar), Japanese as the East Asian theme
language, "Microsoft Macintosh Word" as the application, a thumbnail picture, a stray customXml
item and the Word 2010 stylesWithEffects part. ``finish_package`` replaces or removes all of these.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from core import __version__
from core.document import Report
from core.export.docx_fonts import font_table_xml, fonts_named
from core.export.docx_xml import element
from core.text_clean import fit_property

APPLICATION = "nianbao"
COMPATIBILITY_MODE = "15"  # Word 2013 and later
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def app_version(version: str = __version__) -> str:
    """Our version in the "XX.YYYY" form the AppVersion property requires: 0.1.0 → "00.0100"."""
    parts = [int(p) for p in (version.split(".") + ["0", "0"])[:3]]
    return f"{parts[0]:02d}.{parts[1]:02d}{parts[2]:02d}"


def finish_package(document: DocxDocument, report: Report) -> None:
    """Settings, font table, core and app properties; drop the template's leftover parts."""
    _core_properties(document, report)
    _settings(document)
    _drop_parts(document)
    part = document.part
    content = [part.element] + [rel.target_part.element for rel in part.rels.values() if rel.reltype == RT.FOOTER]
    styles = part.styles.element
    _related(part, RT.FONT_TABLE)._blob = font_table_xml(fonts_named([*content, *_styles_used(styles, content)]))
    _related(document.part.package, RT.EXTENDED_PROPERTIES)._blob = _app_xml(report)


def _core_properties(document: DocxDocument, report: Report) -> None:
    props = document.core_properties
    props.title = fit_property(report.title)
    props.author = props.last_modified_by = fit_property(report.unit.name)
    props.subject = props.comments = props.keywords = props.category = ""
    props.language = "zh-CN"
    props.created = props.modified = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)  # not the 2013 template's
    props.revision = 1


def _settings(document: DocxDocument) -> None:
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    modes = [s for s in compat.iter(qn("w:compatSetting")) if s.get(qn("w:name")) == "compatibilityMode"]
    if not modes:
        modes = [element("w:compatSetting", name="compatibilityMode", uri="http://schemas.microsoft.com/office/word")]
        compat.append(modes[0])
    modes[0].set(qn("w:val"), COMPATIBILITY_MODE)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:  # python-docx's template has one; keep the schema position if it ever does not
        theme_lang = element("w:themeFontLang")
        settings.find(qn("w:clrSchemeMapping")).addprevious(theme_lang)
    theme_lang.attrib.clear()
    theme_lang.set(qn("w:val"), "en-US")
    theme_lang.set(qn("w:eastAsia"), "zh-CN")
    # The template's revision ids, document id, "spelling checked" state and request to save a
    # thumbnail describe another document.
    for tag in ("w:rsids", "w:proofState", "w:savePreviewPicture"):
        for found in settings.findall(qn(tag)):
            settings.remove(found)
    for found in settings.findall(f"{_W14}docId"):
        settings.remove(found)


def _drop_parts(document: DocxDocument) -> None:
    """Relationships to the template's customXml, stylesWithEffects and thumbnail; unreferenced
    parts are not written."""
    for source, reltypes in ((document.part, (RT.CUSTOM_XML, STYLES_WITH_EFFECTS)),
                             (document.part.package, (RT.THUMBNAIL,))):
        for r_id, rel in list(source.rels.items()):
            if rel.reltype in reltypes:
                del source.rels[r_id]


def _styles_used(styles: object, content: list[object]) -> list[object]:
    """The document defaults and every style the content uses, with the styles they are based on."""
    by_id = {style.get(qn("w:styleId")): style for style in styles.iter(qn("w:style"))}  # type: ignore[attr-defined]
    wanted = [styles.find(qn("w:docDefaults"))]  # type: ignore[attr-defined]
    ids = {ref.get(qn("w:val")) for tree in content
           for tag in ("w:pStyle", "w:rStyle", "w:tblStyle") for ref in tree.iter(qn(tag))}  # type: ignore[attr-defined]
    ids |= {style.get(qn("w:styleId")) for style in by_id.values() if style.get(qn("w:default")) == "1"}
    seen: set[str] = set()
    while ids:
        style = by_id.get(ids.pop())
        if style is None or style.get(qn("w:styleId")) in seen:
            continue
        seen.add(style.get(qn("w:styleId")))
        wanted.append(style)
        based_on = style.find(qn("w:basedOn"))
        if based_on is not None:
            ids.add(based_on.get(qn("w:val")))
    return wanted


def _related(source: object, reltype: str) -> object:
    (part,) = [rel.target_part for rel in source.rels.values() if rel.reltype == reltype]  # type: ignore[attr-defined]
    return part


def _app_xml(report: Report) -> bytes:
    company = escape(report.unit.name)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<TotalTime>0</TotalTime><Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity>"
        f"<ScaleCrop>false</ScaleCrop><Company>{company}</Company><LinksUpToDate>false</LinksUpToDate>"
        f"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        f"<AppVersion>{app_version()}</AppVersion></Properties>"
    ).encode()
