"""The page printed and scanned: a JPEG with paper tone, blur, noise and a small rotation.

The page is drawn as in the PDF, rendered at 150-200 dpi, toned like office paper with
uneven light, softened as a laser print scanned back is, laid a little askew and off
centre on the scanner bed, sprinkled with sensor noise and saved as a JPEG. The truth of
the scan maps every 150-dpi page box through the same scale, placement and rotation,
so its boxes are in the JPEG's pixels.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import pymupdf

from desktop_app.tools.einvoice_samples.pdf_writer import MM, draw_page
from desktop_app.tools.einvoice_samples.sheet import PAGE_H, PAGE_W, Sheet
from desktop_app.tools.einvoice_samples.truth import DPI, Point, truth_response


@dataclass(frozen=True)
class ScanSettings:
    """The drawn conditions of one scan."""

    dpi: float
    angle: float  # degrees, counter-clockwise
    margin: tuple[int, int]  # scanner bed around the page (px, left/top)
    tone: tuple[float, float, float]  # paper colour multipliers (RGB)
    blur: float  # Gaussian sigma (px)
    noise: float  # sensor noise sigma (grey levels)
    quality: int  # JPEG quality

    @classmethod
    def draw(cls, rng: random.Random) -> ScanSettings:
        return cls(
            dpi=rng.choice((150, 160, 180, 200)),
            angle=rng.uniform(-1.5, 1.5),
            margin=(rng.randrange(8, 40), rng.randrange(8, 40)),
            tone=(rng.uniform(0.94, 0.99), rng.uniform(0.92, 0.97), rng.uniform(0.86, 0.93)),
            blur=rng.uniform(0.5, 1.0),
            noise=rng.uniform(2.5, 6.0),
            quality=rng.randrange(72, 90),
        )


class Placement:
    """Page pixels at 150 dpi → scan pixels: scale to the scan's dpi, shift, rotate."""

    def __init__(self, settings: ScanSettings, size: tuple[int, int]) -> None:
        self.scale = settings.dpi / DPI
        self.shift = settings.margin
        width, height = size
        centre = (width / 2, height / 2)
        rotation = cv2.getRotationMatrix2D(centre, settings.angle, 1.0)
        # grow the canvas so no corner of the page is cut off by the rotation
        cos, sin = abs(rotation[0, 0]), abs(rotation[0, 1])
        self.size = (math.ceil(height * sin + width * cos), math.ceil(height * cos + width * sin))
        rotation[0, 2] += self.size[0] / 2 - centre[0]
        rotation[1, 2] += self.size[1] / 2 - centre[1]
        self.matrix = rotation

    def __call__(self, x: float, y: float) -> Point:
        px, py = x * self.scale + self.shift[0], y * self.scale + self.shift[1]
        m = self.matrix
        return (m[0, 0] * px + m[0, 1] * py + m[0, 2], m[1, 0] * px + m[1, 1] * py + m[1, 2])


def _render(sheet: Sheet, dpi: float) -> np.ndarray:
    """The page as an RGB array at ``dpi``."""
    doc = pymupdf.open()
    page = doc.new_page(width=PAGE_W * MM, height=PAGE_H * MM)
    draw_page(page, sheet)
    pix = page.get_pixmap(dpi=int(dpi), alpha=False)
    doc.close()
    return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3).copy()


def scan_image(
    sheet: Sheet, settings: ScanSettings, rng: random.Random
) -> tuple[np.ndarray, Placement]:
    """The scanned page (RGB) and the placement that maps truth boxes onto it."""
    return degrade(_render(sheet, settings.dpi), settings, rng)


def degrade(
    rendered: np.ndarray, settings: ScanSettings, rng: random.Random
) -> tuple[np.ndarray, Placement]:
    """``rendered`` (RGB, drawn at ``settings.dpi``) scanned: paper tone, blur, the page
    laid askew on the bed, sensor noise; with the placement mapping 150-dpi page pixels
    onto the result (also used by the paper-form generator, paper_samples)."""
    page = rendered.astype(np.float32)
    h, w = page.shape[:2]
    # paper tone with light falling off towards one side, as under a scanner lid
    ramp = np.linspace(1.0, rng.uniform(0.93, 0.99), w, dtype=np.float32)[None, :, None]
    page = page * np.array(settings.tone, np.float32) * ramp
    page = cv2.GaussianBlur(page, (0, 0), settings.blur)
    left, top = settings.margin
    bed = np.full(
        (h + top + rng.randrange(8, 40), w + left + rng.randrange(8, 40), 3), 238.0, np.float32
    )
    bed[top : top + h, left : left + w] = page
    placement = Placement(settings, (bed.shape[1], bed.shape[0]))
    turned = cv2.warpAffine(
        bed,
        placement.matrix,
        placement.size,
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(238.0, 238.0, 238.0),
    )
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, settings.noise, turned.shape[:2])
    turned += noise[:, :, None].astype(np.float32)
    return np.clip(turned, 0, 255).astype(np.uint8), placement


def scan_jpeg(sheet: Sheet, stem: str) -> tuple[bytes, dict[str, Any], tuple[int, int]]:
    """The scan of ``sheet`` as JPEG bytes, its truth (JPEG pixels) and its size.

    The conditions are drawn from ``stem``, so a file's scan is the same on every run.
    """
    rng = random.Random(f"{stem}:scan")
    settings = ScanSettings.draw(rng)
    image, placement = scan_image(sheet, settings, rng)
    bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    ok, data = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, settings.quality])
    if not ok:
        raise RuntimeError(f"JPEG encoding failed for {stem}")
    truth = truth_response(sheet, f"einv-{stem}", placement)
    return data.tobytes(), truth, (image.shape[1], image.shape[0])
