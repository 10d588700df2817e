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
