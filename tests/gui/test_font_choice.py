"""导出 Word's font choice says which official fonts this computer has and what happens without them."""

from __future__ import annotations

from gui.files.font_dialog import FontSetDialog, status_text
from gui.fonts import font_installed, missing_fonts

OFFICIAL = ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"]
WINDOWS = ["宋体", "仿宋", "黑体", "楷体"]


def test_fonts_are_found_under_their_english_names_and_foundries():
    installed = ["FangSong_GB2312", "SimHei [Monotype]", "Noto Sans CJK SC"]
    assert font_installed("仿宋_GB2312", installed) and font_installed("黑体", installed)
    assert not font_installed("楷体_GB2312", installed)
    assert missing_fonts(OFFICIAL, installed) == ["方正小标宋简体", "楷体_GB2312"]


def test_all_official_fonts_installed_selects_them(qtbot):
    dialog = FontSetDialog(installed=OFFICIAL + WINDOWS)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "official"
    assert dialog.status["official"].text().startswith("本机已安装全部字体：方正小标宋简体、仿宋_GB2312")


def test_missing_official_fonts_are_named_with_their_stand_ins(qtbot):
    dialog = FontSetDialog(installed=WINDOWS)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "windows"  # what prints as seen on this computer
    text = dialog.status["official"].text()
    assert text.startswith("本机未安装：方正小标宋简体、仿宋_GB2312、楷体_GB2312。已安装：黑体。")
    assert "方正小标宋简体 → 宋体" in text and "仿宋_GB2312 → 仿宋" in text and "WPS/Word 会用相近的字体代替" in text
    assert dialog.status["windows"].text().startswith("本机已安装全部字体")


def test_nothing_installed_says_so_for_both():
    assert status_text("windows", []).startswith("本机未安装：宋体、仿宋、黑体、楷体。")
