"""Intrinsic sizes of cover images, read from the files, so that pages reserve their space."""

from __future__ import annotations

import re
import struct
from functools import lru_cache
from pathlib import Path

_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.S)
_ATTRIBUTE = r'\b{}\s*=\s*["\']\s*([0-9.]+)(?:px)?\s*["\']'
_VIEWBOX = re.compile(rb'\bviewBox\s*=\s*["\']\s*[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)')
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _svg(data: bytes) -> tuple[int, int] | None:
    root = _SVG_ROOT.search(data)
    if not root:
        return None
    tag = root.group(0)
    width = re.search(_ATTRIBUTE.format("width").encode(), tag)
    height = re.search(_ATTRIBUTE.format("height").encode(), tag)
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = _VIEWBOX.search(tag)
    return (round(float(box.group(1))), round(float(box.group(2)))) if box else None


def _png(data: bytes) -> tuple[int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg(data: bytes) -> tuple[int, int] | None:
    if data[:2] != b"\xff\xd8":
        return None
    position = 2
    while position + 9 < len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        if marker in _JPEG_SOF:
            height, width = struct.unpack(">HH", data[position + 5:position + 9])
            return width, height
        position += 2 + length
    return None


def intrinsic_size(path: Path) -> tuple[int, int] | None:
    """(width, height) in CSS pixels of an SVG, PNG or JPEG file; None if unknown."""
    try:
        return _size(path, path.stat().st_mtime_ns)
    except OSError:
        return None


@lru_cache(maxsize=256)
def _size(path: Path, mtime_ns: int) -> tuple[int, int] | None:
    """Cached per file version: a cover is shared by many cards, and edited under serve."""
    data = path.read_bytes()
    return _svg(data) or _png(data) or _jpeg(data)
