"""A lean PP-OCR pipeline on onnxruntime: the text detector and the text recognizer.

It runs the model files the rapidocr wheel ships with the same pre- and
post-processing as rapidocr 3.10's ``RapidOCR.__call__`` without the angle classifier
(checked line by line on every benchmark page: same boxes, texts and scores), but
imports neither rapidocr nor its configuration, logging and download machinery
(``omegaconf``, ``requests``, ``colorlog``, ``shapely``): about 0.5 s of a cold
command's start-up. numpy, OpenCV, pyclipper and onnxruntime are imported only when
the models are loaded.

The recognizer's reading of a line depends on the width its batch is padded to
(rapidocr: six lines sorted by aspect ratio, at least 320 px), not on the other lines
of the batch. :meth:`Pipeline.batch_widths` plans those widths for all the lines of a
page, so that any subset can then be read (:meth:`Pipeline.recognize`) exactly as
rapidocr would read it among all the others; this lets ``ocr.py`` leave the 税控码
cipher block unread.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: rapidocr's settings for the bundled PP-OCRv6 models, as ``ocr.py`` configures them.
MIN_SIDE_LEN, DET_LIMIT_SIDE = 30, 736
DET_THRESH, DET_BOX_THRESH, DET_UNCLIP, DET_MAX_CANDIDATES = 0.3, 0.35, 1.6, 1000
PAD_HEIGHT, PAD_RATIO = 30, 8
REC_HEIGHT, REC_BATCH, REC_MIN_WIDTH = 48, 6, 320


@dataclass(frozen=True)
class Detection:
    """Text boxes found on a page: ``boxes`` (N×4×2 float32, corners clockwise from the
    top-left) in the pixels of ``image``, the possibly scaled page the crops come from;
    ``scale`` maps them back to the original page (x, y multipliers)."""

    image: Any
    boxes: Any
    scale: tuple[float, float]
    top: int = 0

    def original_boxes(self, height: int, width: int) -> Any:
        """The boxes in the original page's pixels (as rapidocr maps them)."""
        import numpy as np

        boxes = self.boxes.copy()
        boxes[:, :, 1] -= self.top
        boxes[:, :, 0] *= self.scale[0]
        boxes[:, :, 1] *= self.scale[1]
        boxes = np.where(boxes < 0, 0, boxes)
        boxes[..., 0] = np.minimum(boxes[..., 0], width)
        boxes[..., 1] = np.minimum(boxes[..., 1], height)
        return boxes


class Pipeline:
    """The detector and recognizer sessions of one process (not thread-safe: lock around)."""

    def __init__(
        self,
        det_model: Path,
        rec_model: Path,
        *,
        max_side: int,
        threads: int | None = None,
        min_batch_width: int = REC_MIN_WIDTH,
    ) -> None:
        """``max_side``: longest page side the detector sees (larger pages are scaled down);
        ``min_batch_width``: narrowest recognizer batch in pixels (rapidocr's 320;
        narrower batches are faster but read about 4% of the lines differently)."""
        import onnxruntime as ort

        self._max_side = max_side
        self._min_batch_width = min_batch_width

        self._det = ort.InferenceSession(
            str(det_model), _session_options(ort, threads), providers=["CPUExecutionProvider"]
        )
        self._rec = ort.InferenceSession(
            str(rec_model), _session_options(ort, threads), providers=["CPUExecutionProvider"]
        )
        self._run_options = _run_options(ort)
        meta = self._rec.get_modelmeta().custom_metadata_map
        self._characters = ["blank", *meta["character"].splitlines(), " "]
        self._det_input = self._det.get_inputs()[0].name
        self._rec_input = self._rec.get_inputs()[0].name

    def detect(self, image: Any, limit_side: int = DET_LIMIT_SIDE) -> Detection:
        """Text boxes of a BGR page, in rapidocr's reading order (top to bottom, left to right).

        ``limit_side``: an image whose shorter side is below it is enlarged to it first
        (rapidocr's 736); 0 keeps a strip of a page (a band of rows) at the page's scale."""
        import numpy as np

        scaled, scale = _within_bounds(image, self._max_side)
        top = 0
        height, width = scaled.shape[:2]
        if height <= PAD_HEIGHT or width / height > PAD_RATIO:
            top = int(abs(max(int(width / PAD_RATIO), PAD_HEIGHT) * 2 - height) / 2)
            scaled = _pad_rows(scaled, top)
        tensor = _det_input(scaled, limit_side)
        pred = self._det.run(None, {self._det_input: tensor}, self._run_options)[0]
        boxes = _db_boxes(pred[0, 0], scaled.shape[0], scaled.shape[1])
        return Detection(scaled, _reading_order(np.asarray(boxes, dtype=np.float32)), scale, top)

    def crops(self, detection: Detection, indices: list[int] | None = None) -> list[Any]:
        """The upright crops of the detected boxes (all, or those at ``indices``)."""
        chosen = range(len(detection.boxes)) if indices is None else indices
        return [crop_box(detection.image, detection.boxes[i]) for i in chosen]

    def batch_widths(self, crops: list[Any]) -> list[int]:
        """The padded width each crop is read at, as rapidocr batches them: crops sorted by
        aspect ratio, six a batch, each batch as wide as its widest crop and at least
        ``min_batch_width``. The recognizer's reading of a crop depends on that width
        (not on the batch's other crops), so reading any subset of the crops at these
        widths gives the same texts as reading them all."""
        import numpy as np

        ratios = [_ratio(crop) for crop in crops]
        order = np.argsort(np.array(ratios))
        widths = [0] * len(crops)
        for start in range(0, len(crops), REC_BATCH):
            batch = order[start : start + REC_BATCH]
            widest = max(self._min_batch_width / REC_HEIGHT, *(ratios[i] for i in batch))
            for index in batch:
                widths[index] = max(8, int(REC_HEIGHT * widest))
        return widths

    def recognize(
        self, crops: list[Any], widths: list[int] | None = None
    ) -> list[tuple[str, float]]:
        """Text and mean character confidence of each crop (a BGR line image), each read at
        its width in ``widths`` (default: :meth:`batch_widths` of ``crops``)."""
        import numpy as np

        widths = self.batch_widths(crops) if widths is None else widths
        ratios = [_ratio(crop) for crop in crops]
        by_width: dict[int, list[int]] = {}
        for index in np.argsort(np.array(ratios)):
            by_width.setdefault(widths[index], []).append(int(index))
        results: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        for width, indices in by_width.items():
            for start in range(0, len(indices), REC_BATCH):
                batch = indices[start : start + REC_BATCH]
                tensor = np.zeros((len(batch), 3, REC_HEIGHT, width), dtype=np.float32)
                for row, index in enumerate(batch):
                    _rec_input(crops[index], ratios[index], tensor[row])
                pred = self._rec.run(None, {self._rec_input: tensor}, self._run_options)[0]
                for row, index in enumerate(batch):
                    results[index] = self._decode(pred[row])
        return results

    def _decode(self, pred: Any) -> tuple[str, float]:
        """CTC greedy decoding, as rapidocr's ``CTCLabelDecode`` (scores rounded the same)."""
        import numpy as np

        tokens = pred.argmax(axis=1)
        probs = pred.max(axis=1)
        keep = np.ones(len(tokens), dtype=bool)
        keep[1:] = tokens[1:] != tokens[:-1]
        keep &= tokens != 0
        confs = [round(c, 5) for c in probs[keep].tolist()] or [0]
        text = "".join(self._characters[t] for t in tokens[keep])
        return text, float(np.mean(confs).round(5))


def _run_options(ort: Any) -> Any:
    """Each run hands the arena's unused blocks back: pages of every size would otherwise
    leave the arena at its largest (the window grew by 60-90 MB a page, past 800 MB after
    five pages; ``python -m desktop_app.bench memory``)."""
    options = ort.RunOptions()
    options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
    return options


def _session_options(ort: Any, threads: int | None) -> Any:
    """CPU session options: quiet, fully optimized, ``threads`` intra-op threads if given."""
    options = ort.SessionOptions()
    options.log_severity_level = 4
    # With the arena the first run of a session is no slower than the next ones (without
    # it the first detection took 0.1-0.2 s longer).
    options.enable_cpu_mem_arena = True
    # Memory patterns are planned and kept per input shape, and every page has its own.
    options.enable_mem_pattern = False
    # Idle worker threads sleep instead of spinning: about 20% less CPU per page and no slower
    # (faster when other programs share the two cores, as the app's own UI does).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    if threads:
        options.intra_op_num_threads = threads
    return options


def _within_bounds(image: Any, max_side: int) -> tuple[Any, tuple[float, float]]:
    """rapidocr's ``resize_image_within_bounds``: longest side ≤ ``max_side``, shortest ≥ 30."""
    import cv2

    scale = (1.0, 1.0)
    if max(image.shape[:2]) > max_side:
        image, scale = _resize32(cv2, image, max_side / max(image.shape[:2]))
    if min(image.shape[:2]) < MIN_SIDE_LEN:
        image, scale = _resize32(cv2, image, MIN_SIDE_LEN / min(image.shape[:2]))
    return image, scale


def _resize32(cv2: Any, image: Any, ratio: float) -> tuple[Any, tuple[float, float]]:
    height, width = image.shape[:2]
    new_h = int(round(int(height * ratio) / 32) * 32)
    new_w = int(round(int(width * ratio) / 32) * 32)
    if new_h <= 0 or new_w <= 0:
        raise ValueError(f"cannot resize a {width}×{height} image")
    return cv2.resize(image, (new_w, new_h)), (width / new_w, height / new_h)


def _pad_rows(image: Any, rows: int) -> Any:
    import cv2

    return cv2.copyMakeBorder(image, rows, rows, 0, 0, cv2.BORDER_CONSTANT, value=(0, 0, 0))


def _det_input(image: Any, limit_side: int = DET_LIMIT_SIDE) -> Any:
    """The detector's input: sides rounded to multiples of 32, shortest side ≥ ``limit_side``."""
    import cv2
    import numpy as np

    height, width = image.shape[:2]
    ratio = limit_side / min(height, width) if min(height, width) < limit_side else 1.0
    new_h = int(round(int(height * ratio) / 32) * 32)
    new_w = int(round(int(width * ratio) / 32) * 32)
    resized = cv2.resize(image, (new_w, new_h))
    return _det_levels()[resized.transpose((2, 0, 1))][np.newaxis]


def _det_levels() -> Any:
    """The detector's input value of each byte: (x / 255 - 0.5) / 0.5 computed as rapidocr
    computes it (float32 product, float64 difference and quotient, then float32); a table
    lookup gives the same numbers as rapidocr's arithmetic in an eighth of the time."""
    global _LEVELS
    if _LEVELS is None:
        import numpy as np

        product = np.arange(256).astype(np.float32) * (1 / 255.0)
        _LEVELS = ((product - np.array([0.5])) / np.array([0.5])).astype(np.float32)
    return _LEVELS


_LEVELS: Any = None


def _db_boxes(pred: Any, dest_height: int, dest_width: int) -> list[Any]:
    """Differentiable-binarization post-processing (rapidocr's ``DBPostProcess``)."""
    import cv2
    import numpy as np

    height, width = pred.shape
    mask = cv2.dilate((pred > DET_THRESH).astype(np.uint8), np.array([[1, 1], [1, 1]]))
    contours = cv2.findContours(
        (mask * 255).astype(np.uint8), cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE
    )[-2]
    boxes = []
    for contour in contours[:DET_MAX_CANDIDATES]:
        points, short = _mini_box(contour)
        if short < 3 or _box_score(pred, points.reshape(-1, 2)) < DET_BOX_THRESH:
            continue
        box, short = _mini_box(_unclip(points))
        if short < 5:
            continue
        box[:, 0] = np.clip(np.round(box[:, 0] / width * dest_width), 0, dest_width)
        box[:, 1] = np.clip(np.round(box[:, 1] / height * dest_height), 0, dest_height)
        box = _clockwise(box.astype(np.int32))
        box[:, 0] = np.clip(box[:, 0], 0, dest_width - 1).astype(np.int32)
        box[:, 1] = np.clip(box[:, 1], 0, dest_height - 1).astype(np.int32)
        if int(np.linalg.norm(box[0] - box[1])) <= 3 or int(np.linalg.norm(box[0] - box[3])) <= 3:
            continue
        boxes.append(box)
    return boxes


def _mini_box(contour: Any) -> tuple[Any, float]:
    import cv2
    import numpy as np

    rect = cv2.minAreaRect(contour)
    points = sorted(list(cv2.boxPoints(rect)), key=lambda p: p[0])
    first, fourth = (0, 1) if points[1][1] > points[0][1] else (1, 0)
    second, third = (2, 3) if points[3][1] > points[2][1] else (3, 2)
    return np.array([points[first], points[second], points[third], points[fourth]]), min(rect[1])


def _box_score(pred: Any, box: Any) -> float:
    """Mean probability inside the box (rapidocr's ``box_score_fast``)."""
    import cv2
    import numpy as np

    h, w = pred.shape[:2]
    box = box.copy()
    xmin = np.clip(np.floor(box[:, 0].min()).astype(np.int32), 0, w - 1)
    xmax = np.clip(np.ceil(box[:, 0].max()).astype(np.int32), 0, w - 1)
    ymin = np.clip(np.floor(box[:, 1].min()).astype(np.int32), 0, h - 1)
    ymax = np.clip(np.ceil(box[:, 1].max()).astype(np.int32), 0, h - 1)
    mask = np.zeros((ymax - ymin + 1, xmax - xmin + 1), dtype=np.uint8)
    box[:, 0] -= xmin
    box[:, 1] -= ymin
    cv2.fillPoly(mask, box.reshape(1, -1, 2).astype(np.int32), 1)
    return float(cv2.mean(pred[ymin : ymax + 1, xmin : xmax + 1], mask)[0])


def _unclip(box: Any) -> Any:
    """The box grown by area × 1.6 / perimeter (rapidocr's ``unclip``, without shapely)."""
    import numpy as np
    import pyclipper

    points = np.asarray(box, dtype=np.float64)
    xs, ys = points[:, 0], points[:, 1]
    area = abs(float(np.dot(xs, np.roll(ys, -1)) - np.dot(ys, np.roll(xs, -1)))) / 2
    perimeter = float(np.linalg.norm(points - np.roll(points, -1, axis=0), axis=1).sum())
    offset = pyclipper.PyclipperOffset()
    offset.AddPath(box, pyclipper.JT_ROUND, pyclipper.ET_CLOSEDPOLYGON)
    return np.array(offset.Execute(area * DET_UNCLIP / perimeter)).reshape((-1, 1, 2))


def _clockwise(points: Any) -> Any:
    """Top-left, top-right, bottom-right, bottom-left (float32)."""
    import numpy as np

    by_x = points[np.argsort(points[:, 0]), :]
    left, right = by_x[:2, :], by_x[2:, :]
    top_left, bottom_left = left[np.argsort(left[:, 1]), :]
    top_right, bottom_right = right[np.argsort(right[:, 1]), :]
    return np.array([top_left, top_right, bottom_right, bottom_left], dtype="float32")


def _reading_order(boxes: Any) -> Any:
    """rapidocr's ``sorted_boxes``: rows 10 px apart top to bottom, left to right in a row."""
    import numpy as np

    if len(boxes) == 0:
        return boxes.reshape(0, 4, 2)
    ys = boxes[:, 0, 1]
    by_y = np.argsort(ys, kind="stable")
    boxes, ys = boxes[by_y], ys[by_y]
    rows = np.concatenate([[0], np.cumsum((np.diff(ys) >= 10).astype(np.int32))])
    return boxes[np.lexsort((boxes[:, 0, 0], rows))]


def crop_box(image: Any, box: Any) -> Any:
    """The box's quadrilateral warped upright (a quarter turn for tall boxes)."""
    import cv2
    import numpy as np

    points = np.array(box, dtype=np.float32)
    width = int(max(np.linalg.norm(points[0] - points[1]), np.linalg.norm(points[2] - points[3])))
    height = int(max(np.linalg.norm(points[0] - points[3]), np.linalg.norm(points[1] - points[2])))
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(points, target)
    crop = cv2.warpPerspective(
        image, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC
    )
    if crop.shape[0] * 1.0 / crop.shape[1] >= 1.5:
        crop = np.rot90(crop)
    return crop


def _ratio(crop: Any) -> float:
    return crop.shape[1] / float(crop.shape[0])


def _rec_input(crop: Any, ratio: float, out: Any) -> None:
    """Write the crop, 48 px high and normalized to [-1, 1], into ``out`` (3×48×W, zeros)."""
    import cv2

    width = min(out.shape[2], math.ceil(REC_HEIGHT * ratio))
    resized = cv2.resize(crop, (width, REC_HEIGHT)).astype("float32").transpose((2, 0, 1)) / 255
    resized -= 0.5
    resized /= 0.5
    out[:, :, :width] = resized
