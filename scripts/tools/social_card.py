"""Draw the site's share image (docs/assets/social-card.png, 1200x630, the size
Open Graph and Twitter cards expect): an envelope with a heart on the theme's
deep purple. Plain Python (zlib), no imaging library; run once, commit the PNG:

    .venv/bin/python -m scripts.tools.social_card docs/assets/social-card.png
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

WIDTH, HEIGHT = 1200, 630
PALETTE = [(0x45, 0x27, 0xA0), (0xFF, 0xFF, 0xFF), (0xD1, 0xC4, 0xE9), (0xFF, 0xC1, 0x07)]
BACKGROUND, PAPER, FOLD, HEART = range(len(PALETTE))
ENVELOPE = (330, 150, 870, 480)  # left, top, right, bottom
LINE = 7  # half the width of the flap's folds


def near_segment(x: float, y: float, a: tuple[int, int], b: tuple[int, int]) -> bool:
    (ax, ay), (bx, by) = a, b
    t = max(
        0.0,
        min(1.0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    )
    return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= LINE**2


def in_heart(x: float, y: float, centre: tuple[int, int], size: float) -> bool:
    u, v = (x - centre[0]) / size, (centre[1] - y) / size
    return (u * u + v * v - 1) ** 3 - u * u * v**3 <= 0


def colour_at(x: int, y: int) -> int:
    left, top, right, bottom = ENVELOPE
    if not (left <= x <= right and top <= y <= bottom):
        return BACKGROUND
    middle = ((left + right) // 2, (top + bottom) // 2 + 20)
    if in_heart(x, y, (middle[0], middle[1] + 55), 62):
        return HEART
    if near_segment(x, y, (left, top), middle) or near_segment(x, y, (right, top), middle):
        return FOLD
    return PAPER


def png(rows: list[bytes]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 3, 0, 0, 0)  # 8-bit palette
    palette = b"".join(bytes(colour) for colour in PALETTE)
    pixels = zlib.compress(b"".join(b"\x00" + row for row in rows), 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", palette)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def main(target: str) -> int:
    rows = [bytes(colour_at(x, y) for x in range(WIDTH)) for y in range(HEIGHT)]
    Path(target).write_bytes(png(rows))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/assets/social-card.png"))
