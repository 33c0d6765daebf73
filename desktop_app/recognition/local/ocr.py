"""The offline OCR step: the PP-OCR models of the rapidocr wheel on onnxruntime.

Nothing may leave the machine. The model files are taken from the installed rapidocr
wheel (found without importing rapidocr, whose default configuration would download a
classifier model the wheel lacks) and run by :mod:`.pipeline`, which reproduces
rapidocr's processing without importing rapidocr; onnxruntime's telemetry is switched
off through ``ORT_DISABLE_TELEMETRY`` before onnxruntime is imported (it is only ever
imported from :meth:`RapidOcrReader._load`).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.model import Point, Polygon

log = logging.getLogger(__name__)

DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"

#: Longest image side handed to the detector; larger photos are scaled down first.
MAX_SIDE = 1600
#: Images narrower than this, or longer than this many times their width, hold no page.
MIN_SIDE, MAX_ASPECT = 32, 20
#: Lines the recognizer reads with less confidence are dropped (rapidocr's text_score).
TEXT_SCORE = 0.5


@dataclass(frozen=True)
class OcrLine:
    """One text line: its text, the four corners in original-image pixels, its score.

    ``red`` is the share of the line's ink that is clearly red (stamps; the tax
    printer prints values in black), 0 where unknown.
    """

    text: str
    polygon: Polygon
    score: float = 1.0
    red: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """A small JSON object (used by recorded fixtures)."""
        data = {
            "t": self.text,
            "b": [[round(x, 1), round(y, 1)] for x, y in self.polygon],
            "s": round(self.score, 3),
        }
        if self.red:
            data["r"] = round(self.red, 2)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OcrLine:
        """The inverse of :meth:`to_json`."""
        corners = tuple((float(x), float(y)) for x, y in data["b"])
        return cls(str(data["t"]), corners, float(data.get("s", 1.0)), float(data.get("r", 0.0)))  # type: ignore[arg-type]


def disable_onnxruntime_telemetry() -> None:
    """Make sure onnxruntime never starts its telemetry.

    onnxruntime 1.29+ looks up a telemetry host about 9 s after a session is created;
    only ``ORT_DISABLE_TELEMETRY=1`` in the environment when onnxruntime is imported
    stops it (``onnxruntime.disable_telemetry_events()`` does not stop the lookups).
    """
    if os.environ.get("ORT_DISABLE_TELEMETRY") != "1" and "onnxruntime" in sys.modules:
        log.warning("onnxruntime was imported before its telemetry could be switched off")
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"


# As early as possible: before anything in this process can import onnxruntime.
disable_onnxruntime_telemetry()


def bundled_model_dir() -> Path:
    """The folder of model files inside the installed rapidocr wheel (not imported yet)."""
    import importlib.util

    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("rapidocr is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def model_files(model_dir: Path) -> tuple[Path, Path]:
    """The detector and recognizer model files in ``model_dir``; raises FileNotFoundError."""
    for name in (DET_MODEL, REC_MODEL):
        if not (model_dir / name).is_file():
            raise FileNotFoundError(f"model file {name} is missing in {model_dir}")
    return model_dir / DET_MODEL, model_dir / REC_MODEL


class RapidOcrReader:
    """Reads text lines from an image; loads the model once, lazily and thread-safely."""

    def __init__(self, model_dir: Path | None = None, threads: int | None = None) -> None:
        self._model_dir = model_dir
        self._threads = threads
        self._engine: Any = None
        self._primed = False
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._engine is not None

    def load(self) -> None:
        """Create the ONNX sessions now (idempotent; safe from any thread)."""
        if self._engine is not None:
            return
        with self._load_lock:
            if self._engine is None:
                self._engine = self._load()

    def _load(self) -> Any:
        disable_onnxruntime_telemetry()
        from desktop_app.recognition.local.pipeline import Pipeline

        det, rec = model_files(self._model_dir or bundled_model_dir())
        return Pipeline(det, rec, max_side=MAX_SIDE, threads=self._threads)

    def prime(self) -> None:
        """Run one small inference, so the first page skips onnxruntime's first-run cost.

        Worth it only off the clock (the app's background warm-up): it costs about as
        much time as it saves on the first page.
        """
        self.load()
        with self._run_lock:
            if not self._primed:
                self._read(_priming_image())
                self._primed = True

    def read(self, image: Any) -> list[OcrLine]:
        """Text lines of ``image`` (a BGR numpy array), in reading order of the detector."""
        self.load()
        height, width = image.shape[:2]
        if min(height, width) < MIN_SIDE or max(height, width) > MAX_ASPECT * min(height, width):
            return []  # no invoice fits such a strip (and the detector cannot resize it)
        with self._run_lock:  # one inference at a time: the sessions already use every core
            boxes, texts = self._read(image)
        lines = []
        for box, (text, score) in zip(boxes, texts, strict=True):
            if text.strip() and score >= TEXT_SCORE:
                polygon = _polygon(box)
                lines.append(
                    OcrLine(text, text_order(polygon, text), score, red_share(image, polygon))
                )
        return lines

    def _read(self, image: Any) -> tuple[Any, list[tuple[str, float]]]:
        """Boxes (in ``image``'s pixels) and texts of every detected line; the lines of a
        confirmed 税控码 cipher block are left unread (empty text)."""
        from desktop_app.recognition.local.cipher import cipher_block, confirmed

        pipeline = self._engine
        detection = pipeline.detect(image)
        crops = pipeline.crops(detection)
        widths = pipeline.batch_widths(crops)
        polygons = [_polygon(box) for box in detection.boxes]
        block = cipher_block(polygons)
        skipped = set(block.indices) if block else set()
        first = [i for i in range(len(crops)) if i not in skipped]
        texts: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        for i, read in zip(
            first,
            pipeline.recognize([crops[i] for i in first], [widths[i] for i in first]),
            strict=True,
        ):
            texts[i] = read
        if block and not confirmed(block, [(texts[i][0], polygons[i]) for i in first]):
            later = sorted(skipped)
            for i, read in zip(
                later,
                pipeline.recognize([crops[i] for i in later], [widths[i] for i in later]),
                strict=True,
            ):
                texts[i] = read
        return detection.original_boxes(*image.shape[:2]), texts

    def read_band(
        self, image: Any, region: tuple[int, int, int, int], within: Any = None
    ) -> list[OcrLine]:
        """Text lines of ``region`` (x0, y0, x1, y1) of ``image``, detected at the page's
        scale (not enlarged as a whole page would be), in page pixels; only the boxes that
        meet ``within`` (x0, y0, x1, y1) are recognized. Each line's red share is measured
        on ``image``: 0 on a page with red dropped (what is read there is print; print
        under a seal is reddish on the page as scanned, like the seal's own text)."""
        import numpy as np

        self.load()
        x0, y0, x1, y1 = region
        band = np.ascontiguousarray(image[y0:y1, x0:x1])
        if min(band.shape[:2]) < 8:
            return []
        with self._run_lock:
            pipeline = self._engine
            detection = pipeline.detect(band, limit_side=0)
            boxes = detection.original_boxes(*band.shape[:2])
            chosen = [i for i, box in enumerate(boxes) if _meets(box, x0, y0, within)]
            texts = pipeline.recognize(pipeline.crops(detection, chosen))
        lines = []
        for i, (text, score) in zip(chosen, texts, strict=True):
            if text.strip() and score >= TEXT_SCORE:
                polygon = tuple((float(x) + x0, float(y) + y0) for x, y in boxes[i])
                red = red_share(image, polygon)  # type: ignore[arg-type]
                lines.append(OcrLine(text, text_order(polygon, text), score, red))  # type: ignore[arg-type]
        return lines

    def read_regions(self, image: Any, regions: list[Polygon]) -> list[tuple[str, float]]:
        """Text and score of each region of ``image`` (recognizer only, no detection)."""
        if not regions:
            return []
        self.load()
        patches = [rectified_patch(image, region) for region in regions]
        with self._run_lock:
            return self._engine.recognize(patches)


def _meets(box: Any, dx: int, dy: int, within: Any) -> bool:
    """Whether ``box`` (band pixels, offset by dx, dy on the page) meets ``within``."""
    if within is None:
        return True
    xs, ys = box[:, 0] + dx, box[:, 1] + dy
    return bool(
        xs.min() < within[2]
        and xs.max() > within[0]
        and ys.min() < within[3]
        and ys.max() > within[1]
    )


def red_share(image: Any, polygon: Polygon) -> float:
    """Share of the darkest third of a line's pixels that is clearly red (a stamp's ink)."""
    import numpy as np

    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    x0, y0 = max(0, int(min(xs))), max(0, int(min(ys)))
    crop = image[y0 : int(max(ys)) + 1, x0 : int(max(xs)) + 1].astype(np.int16)
    if crop.ndim != 3 or crop.shape[0] == 0 or crop.shape[1] == 0:
        return 0.0
    blue, green, red = crop[..., 0], crop[..., 1], crop[..., 2]
    lightness = blue + green + red
    ink = lightness <= np.percentile(lightness, 33)
    reddish = (red - np.maximum(green, blue)) > 50
    return float((ink & reddish).sum()) / max(1, int(ink.sum()))


def rectified_patch(image: Any, region: Polygon) -> Any:
    """The quadrilateral ``region`` of ``image`` warped to an upright rectangle."""
    import cv2
    import numpy as np

    lt, rt, rb, lb = region
    width = max(
        8,
        round(max(np.hypot(rt[0] - lt[0], rt[1] - lt[1]), np.hypot(rb[0] - lb[0], rb[1] - lb[1]))),
    )
    height = max(
        8,
        round(max(np.hypot(lb[0] - lt[0], lb[1] - lt[1]), np.hypot(rb[0] - rt[0], rb[1] - rt[1]))),
    )
    src = np.asarray(region, dtype=np.float32)
    dst = np.asarray([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(image, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE)


_SHARED: RapidOcrReader | None = None
_SHARED_LOCK = threading.Lock()


def shared_reader() -> RapidOcrReader:
    """The process-wide reader: the model is loaded once per process, however many engines."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = RapidOcrReader()
        return _SHARED


def _priming_image() -> Any:
    """A small white image with a few lines of dark text-like marks."""
    import numpy as np

    image = np.full((160, 480, 3), 255, dtype=np.uint8)
    for y in range(20, 140, 40):
        for x in range(16, 450, 24):
            image[y : y + 18, x : x + 14] = 40
    return image


def text_order(polygon: Polygon, text: str) -> Polygon:
    """The corners in the text's own order (its top-left first).

    The OCR step (as rapidocr) turns a crop at least 1.5 times taller than wide a quarter turn
    anticlockwise before reading it, so the text of such a box starts at the box's
    top-right corner and runs down. A single character (a tall digit) keeps the
    page's order: it has no direction of its own.
    """
    import math

    lt, rt, rb, lb = polygon
    if len(text.strip()) < 2:
        return polygon
    width = max(math.dist(lt, rt), math.dist(lb, rb))
    height = max(math.dist(lt, lb), math.dist(rt, rb))
    if width > 0 and height / width >= 1.5:
        return (rt, rb, lb, lt)
    return polygon


def _polygon(box: Any) -> Polygon:
    corners: list[Point] = [(float(x), float(y)) for x, y in box]
    return (corners[0], corners[1], corners[2], corners[3])
