"""Render resources/icons/*.svg to the PNG sizes and multi-size .ico files the installers use.

Run after editing an SVG (the generated files are committed, so builds need nothing extra):

    .venv/bin/python installers/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
SOURCES = ("nianbao", "nianbao-doc")  # <name>.svg -> <name>-<size>.png, <name>.png (256), <name>.ico


def render(svg: Path, size: int):  # -> QImage
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def bgra_bytes(image) -> bytes:
    """Format_ARGB32 (not premultiplied) is stored B, G, R, A in memory on little-endian machines."""
    if sys.byteorder != "little":
        raise SystemExit("icon generation expects a little-endian machine")
    return bytes(image.constBits())[: image.width() * image.height() * 4]


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    from installers.ico import IconImage, ico_bytes

    _app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    for name in SOURCES:
        svg = ICONS_DIR / f"{name}.svg"
        images = {size: render(svg, size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
        for size in PNG_SIZES:
            (ICONS_DIR / f"{name}-{size}.png").write_bytes(png_bytes(images[size]))
        (ICONS_DIR / f"{name}.png").write_bytes(png_bytes(images[256]))
        entries = [IconImage(size, png_bytes(images[size]), bgra_bytes(images[size])) for size in ICO_SIZES]
        (ICONS_DIR / f"{name}.ico").write_bytes(ico_bytes(entries))
        print(f"{name}: {len(PNG_SIZES)} PNG sizes, .ico with {', '.join(map(str, ICO_SIZES))} px")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
