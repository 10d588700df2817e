"""The Word export's package, read as XML: font table with fallbacks, compatibility, languages,
properties, and nothing left over from python-docx's template."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from core import __version__
from core.document import Report
from core.export.docx_fonts import FONT_FACES
from core.export.docx_package import app_version
from core.export.docx_styles import FONT_SETS
from core.export.docx_writer import write_docx
from core.report_file import load_report
from resources import SAMPLE_REPORT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
FALLBACK = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体",
            "仿宋": "FangSong", "楷体": "KaiTi", "宋体": "SimSun", "黑体": "SimHei"}


def export(report: Report, folder: Path, font_set: str) -> dict[str, bytes]:
    path = folder / f"{font_set}.docx"
    write_docx(report, path, font_set)
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module", params=sorted(FONT_SETS))
def package(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return export(load_report(SAMPLE_REPORT), tmp_path_factory.mktemp("package"), request.param)


def xml(package: dict[str, bytes], name: str) -> etree._Element:
    return etree.fromstring(package[name])


def fonts_used(package: dict[str, bytes]) -> set[str]:
    names = set()
    for part in ("word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        for fonts in xml(package, part).iter(f"{W}rFonts"):
            names |= {v for k, v in fonts.attrib.items() if k in {f"{W}ascii", f"{W}hAnsi", f"{W}eastAsia", f"{W}cs"}}
    return names


def test_every_font_used_is_declared_with_its_fallback(package: dict[str, bytes]) -> None:
    table = {font.get(f"{W}name"): font for font in xml(package, "word/fontTable.xml")}
    used = fonts_used(package)
    assert used and used <= set(table), used - set(table)
    for name in used:
        font = table[name]
        values = {child.tag[len(W):]: child.get(f"{W}val") for child in font}
        assert list(values) == [t for t in ("altName", "panose1", "charset", "family", "pitch") if t in values]
        assert len(values["panose1"]) == 20 and values["family"] and values["pitch"] in {"fixed", "variable"}
        if name == "Times New Roman":
            assert values["charset"] == "00" and "altName" not in values
        else:
            assert (values["altName"], values["charset"]) == (FALLBACK[name], "86"), name
    assert set(table) - used <= {"Times New Roman", *FONT_FACES}  # nothing from python-docx's list (ＭＳ 明朝…)
    assert "ＭＳ 明朝" not in table and "Courier" not in table


def test_compatibility_mode_15_and_chinese_theme_language(package: dict[str, bytes]) -> None:
    settings = xml(package, "word/settings.xml")
    modes = [s.get(f"{W}val") for s in settings.iter(f"{W}compatSetting") if s.get(f"{W}name") == "compatibilityMode"]
    assert modes == ["15"]
    lang = settings.find(f"{W}themeFontLang")
    assert (lang.get(f"{W}val"), lang.get(f"{W}eastAsia")) == ("en-US", "zh-CN")
    for leftover in (f"{W}rsids", f"{W}proofState", f"{W}savePreviewPicture", f"{W14}docId"):
        assert settings.find(leftover) is None, leftover
    styles = xml(package, "word/styles.xml")
    normal = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Normal")
    assert normal.find(f"{W}pPr/{W}overflowPunct").get(f"{W}val") == "1"  # Word and WPS hang punctuation


def test_properties_name_the_report_and_nianbao(package: dict[str, bytes]) -> None:
    app = xml(package, "docProps/app.xml")
    found = {child.tag[len(EP):]: child.text for child in app}
    assert (found["Application"], found["AppVersion"], found["Company"]) == ("nianbao", app_version(), "清河县柳溪镇人民政府")
    assert "Template" not in found and "Macintosh" not in package["docProps/app.xml"].decode()
    assert re.fullmatch(r"\d\d\.\d{4}", app_version(__version__))  # the form AppVersion must have
    assert (app_version("0.1.0"), app_version("1.12.3"), app_version("2")) == ("00.0100", "01.1203", "02.0000")
    core = etree.fromstring(package["docProps/core.xml"])
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert core.find(f"{dc}title").text == "清河县柳溪镇人民政府2025年政府信息公开工作年度报告"
    assert core.find(f"{dc}creator").text == "清河县柳溪镇人民政府"
    assert core.find(f"{dc}language").text == "zh-CN"


def test_no_parts_left_over_from_the_template(package: dict[str, bytes]) -> None:
    names = set(package)
    assert not {n for n in names if n.startswith("customXml/")}
    assert "docProps/thumbnail.jpeg" not in names and "word/stylesWithEffects.xml" not in names
    rels = package["word/_rels/document.xml.rels"].decode() + package["_rels/.rels"].decode()
    assert "customXml" not in rels and "thumbnail" not in rels and "stylesWithEffects" not in rels
    types = package["[Content_Types].xml"].decode()
    assert "customXml" not in types and "stylesWithEffects" not in types
