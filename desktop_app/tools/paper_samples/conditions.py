"""The four conditions a paper page reaches the app in, and where its boxes land.

- ``clean``: the page at 150 dpi as PNG (the dev set's clean pages are this size);
- ``scan``: issue 9's scan (``einvoice_samples.scan.degrade``: paper tone, blur, the
  page askew on the bed, sensor noise) of the page drawn at the scan's dpi, JPEG;
- ``photo``: drawn at 160-190 dpi, laid in perspective on a desk, lit unevenly (one
  side brighter, a soft shadow), softened, noisy, JPEG;
- ``lowres``: drawn at 150 dpi and shrunk so the value characters' ink is 8-10 px
  high (the issue's low-resolution scans), JPEG.

Each returns the encoded image, its extension, its size and the transform mapping
150-dpi page pixels onto it (for the truth boxes).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from desktop_app.tools.einvoice_samples.scan import ScanSettings, degrade
from desktop_app.tools.einvoice_samples.truth import DPI, Point, Transform
from desktop_app.tools.paper_samples.draw import render
from desktop_app.tools.paper_samples.place import VALUE_SIZE, PaperPage

CONDITIONS = ("clean", "scan", "photo", "lowres")
#: Ink height of a CJK value character, in ems of the printer's type (measured on a
#: rendered page: 汉字 ink spans 15-17 px of a 19.5 px em at 150 dpi).
CJK_INK = 0.8


@dataclass(frozen=True)
class Shot:
    """An encoded page image, its file extension, size and the truth transform."""

    data: bytes
    ext: str
    size: tuple[int, int]
    transform: Transform


def _encode(image: np.ndarray, ext: str, quality: int = 90) -> bytes:
    bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    params = [cv2.IMWRITE_JPEG_QUALITY, quality] if ext == ".jpg" else []
    ok, data = cv2.imencode(ext, bgr, params)
    if not ok:
        raise RuntimeError(f"encoding {ext} failed")
    return data.tobytes()


def _size(image: np.ndarray) -> tuple[int, int]:
    return image.shape[1], image.shape[0]


def _scaled(factor: float) -> Transform:
    def transform(x: float, y: float) -> Point:
        return x * factor, y * factor

    return transform


def clean(page: PaperPage, rng: random.Random) -> Shot:
    image = render(page, DPI, rng)
    return Shot(_encode(image, ".png"), ".png", _size(image), _scaled(1.0))


def scan(page: PaperPage, rng: random.Random) -> Shot:
    settings = ScanSettings.draw(rng)
    image, placement = degrade(render(page, settings.dpi, rng), settings, rng)
    return Shot(_encode(image, ".jpg", settings.quality), ".jpg", _size(image), placement)


def lowres(page: PaperPage, rng: random.Random) -> Shot:
    """Shrunk so a value character's ink is 8-10 px high."""
    ink_px = rng.uniform(8.0, 10.0)
    em_px_at_dpi = VALUE_SIZE / 25.4 * DPI
    factor = ink_px / (CJK_INK * em_px_at_dpi)
    image = render(page, DPI, rng)
    size = (round(image.shape[1] * factor), round(image.shape[0] * factor))
    small = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    fx, fy = size[0] / image.shape[1], size[1] / image.shape[0]

    def transform(x: float, y: float) -> Point:
        return x * fx, y * fy

    data = _encode(small, ".jpg", rng.randrange(72, 88))
    return Shot(data, ".jpg", size, transform)


def _desk(width: int, height: int, rng: random.Random) -> np.ndarray:
    """A desk: a wood-brown or grey surface with a gentle gradient."""
    base = rng.choice(((150, 118, 86), (122, 122, 126), (176, 160, 138)))
    ramp = np.linspace(0.85, 1.08, width, dtype=np.float32)[None, :, None]
    desk = np.ones((height, width, 3), np.float32) * np.array(base, np.float32) * ramp
    return desk


def photo(page: PaperPage, rng: random.Random) -> Shot:
    """The page photographed on a desk: perspective, uneven light, blur, noise."""
    dpi = rng.uniform(160, 190)
    image = render(page, dpi, rng).astype(np.float32)
    h, w = image.shape[:2]
    margin = (int(w * 0.09), int(h * 0.09))
    out_w, out_h = w + 2 * margin[0], h + 2 * margin[1]
    jitter = [(rng.uniform(-0.05, 0.05) * w, rng.uniform(-0.05, 0.05) * h) for _ in range(4)]
    src = np.float32([(0, 0), (w, 0), (w, h), (0, h)])
    dst = np.float32(
        [
            (x + margin[0] + dx, y + margin[1] + dy)
            for (x, y), (dx, dy) in zip(src, jitter, strict=True)
        ]
    )
    matrix = cv2.getPerspectiveTransform(src, dst)
    desk = _desk(out_w, out_h, rng)
    warped = cv2.warpPerspective(image, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), matrix, (out_w, out_h))[:, :, None]
    shot = warped * mask + desk * (1 - mask)
    # light from one side and a soft shadow across a corner
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    light = 0.97 + 0.12 * (np.cos(angle) * xx / out_w + np.sin(angle) * yy / out_h - 0.5)
    shadow = 1 - 0.18 * np.exp(-(((xx - out_w * rng.random()) / (0.3 * out_w)) ** 2))
    shot = shot * (light * shadow)[:, :, None] * np.float32(rng.uniform(0.86, 0.98))
    shot = cv2.GaussianBlur(shot, (0, 0), rng.uniform(0.6, 1.1))
    shot += np.random.default_rng(rng.randrange(2**32)).normal(
        0, rng.uniform(2, 5), shot.shape[:2]
    )[:, :, None]
    result = np.clip(shot, 0, 255).astype(np.uint8)
    scale = dpi / DPI

    def transform(x: float, y: float) -> Point:
        p = matrix @ np.array([x * scale, y * scale, 1.0])
        return float(p[0] / p[2]), float(p[1] / p[2])

    return Shot(_encode(result, ".jpg", rng.randrange(80, 92)), ".jpg", _size(result), transform)


SHOOTERS: dict[str, Callable[[PaperPage, random.Random], Shot]] = {
    "clean": clean,
    "scan": scan,
    "photo": photo,
    "lowres": lowres,
}
