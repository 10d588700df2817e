"""The UI font: a Simplified Chinese family first, so Han characters take Chinese glyph forms.

Left to itself, Qt on Linux picks the first CJK font fontconfig offers for Han text, which is often
Noto Sans CJK JP (Japanese forms: 门, 骨, 说 are drawn differently). The families below are tried in
order; the system's own UI font stays last, for anything the Chinese fonts lack.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

SIMPLIFIED_CHINESE_FAMILIES = (
    "Microsoft YaHei UI",  # Windows
    "Microsoft YaHei",
    "PingFang SC",  # macOS
    "Noto Sans CJK SC",  # Debian, 统信UOS, 麒麟
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "SimHei",
    "SimSun",
)


def chinese_families(installed: list[str] | None = None) -> list[str]:
    """The Simplified Chinese families from the list above that are installed, in preference order."""
    have = {f.casefold() for f in (installed if installed is not None else QFontDatabase.families())}
    return [f for f in SIMPLIFIED_CHINESE_FAMILIES if f.casefold() in have]


def apply_ui_font(app: QApplication) -> QFont:
    """Make the installed Simplified Chinese families the application font; returns it."""
    font = QFont(app.font())
    system = font.family()
    families = chinese_families()
    if not families:
        return font  # nothing better installed: keep what the system gives
    font.setFamilies([*families, *([system] if system not in families else [])])
    app.setFont(font)
    return font


# The names a font may be listed under: Windows and fontconfig list some Chinese faces by their
# English family name only, others by both.
FONT_ALIASES: dict[str, tuple[str, ...]] = {
    "方正小标宋简体": ("FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
    "仿宋_GB2312": ("FangSong_GB2312",),
    "楷体_GB2312": ("KaiTi_GB2312",),
    "黑体": ("SimHei",),
    "宋体": ("SimSun",),
    "仿宋": ("FangSong",),
    "楷体": ("KaiTi",),
}


def _family_names(installed: list[str] | None) -> set[str]:
    families = installed if installed is not None else QFontDatabase.families()
    return {f.split(" [", 1)[0].strip().casefold() for f in families}  # "Name [Foundry]" on some systems


def font_installed(name: str, installed: list[str] | None = None) -> bool:
    have = _family_names(installed)
    return any(n.casefold() in have for n in (name, *FONT_ALIASES.get(name, ())))


def missing_fonts(names: list[str], installed: list[str] | None = None) -> list[str]:
    """The fonts among ``names`` this computer does not have, in the order given, each once."""
    have = _family_names(installed)
    return [n for n in dict.fromkeys(names)
            if not any(a.casefold() in have for a in (n, *FONT_ALIASES.get(n, ())))]
