"""Fixture files for the documents tests, all generated in ``tmp_path`` with Pillow and PyMuPDF."""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

ImageFactory = Callable[..., Path]


def _noise(size: tuple[int, int], mode: str = "RGB", seed: int = 1) -> Image.Image:
    """An incompressible image: the worst case for upload size."""
    bands = len(mode)
    data = random.Random(seed).randbytes(size[0] * size[1] * bands)
    return Image.frombytes(mode, size, data)


def _marked(size: tuple[int, int]) -> Image.Image:
    """White with a red block in the top-left corner, to tell which way is up."""
    image = Image.new("RGB", size, "white")
    image.paste((255, 0, 0), (0, 0, size[0] // 4, size[1] // 4))
    return image


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _raw_png(width: int, height: int, bit_depth: int = 8, rows: bytes | None = None) -> bytes:
    """An RGB PNG written by hand: any bit depth, and no pixel data when ``rows`` is None."""
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, 2, 0, 0, 0)
    idat = _png_chunk(b"IDAT", zlib.compress(rows)) if rows is not None else b""
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + idat + _png_chunk(b"IEND", b"")


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose IHDR claims ``width``×``height`` but which carries no pixels."""
    return _raw_png(width, height)


def _png_16_bit_rgb(width: int, height: int) -> bytes:
    """A 16-bit RGB PNG of mid grey (Pillow cannot write one), which Pillow reads as ``RGB``."""
    row = b"\x00" + b"\x80\x00" * 3 * width  # filter byte, then 16-bit R, G, B per pixel
    return _raw_png(width, height, 16, row * height)


@pytest.fixture
def make_image(tmp_path: Path) -> ImageFactory:
    """Save an image (default: a marked 64×48 RGB) as ``name`` with Pillow's ``save`` options."""

    def make(name: str, image: Image.Image | None = None, **options: object) -> Path:
        path = tmp_path / name
        (image or _marked((64, 48))).save(path, **options)
        return path

    return make


def _pdf_bytes(*sizes: tuple[float, float], **save_options: object) -> bytes:
    """A PDF with one page per ``(width, height)`` in points, each with a line of text."""
    pdf = pymupdf.open()
    for number, (width, height) in enumerate(sizes, start=1):
        page = pdf.new_page(width=width, height=height)
        page.insert_text((36, 72), f"page {number}")
    data = pdf.tobytes(**save_options)
    pdf.close()
    return data


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """Write ``_pdf_bytes(*sizes)`` to ``name``."""

    def make(name: str, *sizes: tuple[float, float], **save_options: object) -> Path:
        path = tmp_path / name
        path.write_bytes(_pdf_bytes(*(sizes or ((720, 360),)), **save_options))
        return path

    return make


@pytest.fixture
def noise() -> Callable[..., Image.Image]:
    """``noise(size, mode="RGB", seed=1)``: an incompressible image."""
    return _noise


@pytest.fixture
def marked() -> Callable[[tuple[int, int]], Image.Image]:
    """``marked(size)``: white with a red top-left block."""
    return _marked


@pytest.fixture
def pdf_bytes() -> Callable[..., bytes]:
    """``pdf_bytes(*sizes, **save_options)``: PDF bytes, one page per size in points."""
    return _pdf_bytes


@pytest.fixture
def png_header_only() -> Callable[[int, int], bytes]:
    """``png_header_only(width, height)``: a PNG claiming a size, with no pixels."""
    return _png_header_only


@pytest.fixture
def png_16_bit_rgb() -> Callable[[int, int], bytes]:
    """``png_16_bit_rgb(width, height)``: a hand-written 16-bit RGB PNG."""
    return _png_16_bit_rgb
