"""Write a multi-size Windows .ico file (pure Python, no Pillow).

Sizes up to 64 px are stored as 32-bit BMP images (what every Windows tool, NSIS included, reads);
larger sizes are stored as PNG, which Windows Vista and later accept.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

_PNG_FROM = 128  # sizes >= this are stored as PNG


@dataclass(frozen=True)
class IconImage:
    size: int
    png: bytes
    bgra: bytes  # size*size*4 bytes, top row first, premultiplied-free B, G, R, A


def _bmp_entry(image: IconImage) -> bytes:
    size = image.size
    if len(image.bgra) != size * size * 4:
        raise ValueError(f"{size}px image needs {size * size * 4} BGRA bytes, got {len(image.bgra)}")
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    row = size * 4
    pixels = b"".join(image.bgra[y * row:(y + 1) * row] for y in reversed(range(size)))  # bottom-up
    mask_row = ((size + 31) // 32) * 4  # the AND mask is unused with 32-bit alpha but must be present
    return header + pixels + bytes(mask_row * size)


def ico_bytes(images: list[IconImage]) -> bytes:
    """An .ico file holding every image, smallest first."""
    images = sorted(images, key=lambda image: image.size)
    if not images or any(not 1 <= image.size <= 256 for image in images):
        raise ValueError("an .ico needs 1 to 256 px images")
    blobs = [image.png if image.size >= _PNG_FROM else _bmp_entry(image) for image in images]
    out = [struct.pack("<HHH", 0, 1, len(images))]
    offset = 6 + 16 * len(images)
    for image, blob in zip(images, blobs, strict=True):
        dim = image.size % 256  # 0 means 256
        out.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        offset += len(blob)
    return b"".join(out + blobs)


def ico_sizes(data: bytes) -> list[int]:
    """The image sizes listed in an .ico file's directory (for tests and checks)."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1:
        raise ValueError("not an .ico file")
    sizes = []
    for index in range(count):
        width = struct.unpack_from("<B", data, 6 + 16 * index)[0]
        sizes.append(width or 256)
    return sizes
