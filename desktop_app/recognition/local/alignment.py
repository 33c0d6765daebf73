"""Where the page stands: a homography from image pixels to the form's template frame.

Label hits are matched to the template's label positions; labels printed once give
the first estimate (RANSAC drops misreads), then labels printed several times
(纳税人识别号, 电话, 小写 ...) are assigned to their nearest predicted place and the
transform is fitted again. Rotation, scale, scan skew and phone perspective are all
one homography, so nothing downstream needs pixel positions of a particular file.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from desktop_app.core.model import Point
from desktop_app.recognition.local.anchors import LabelHit

#: Largest distance (template units, page width 1000) between a label and its place.
RANSAC_THRESHOLD = 30.0
ASSIGN_THRESHOLD = 45.0


@dataclass
class PageAlignment:
    """The image → template homography and the label hits placed by it."""

    matrix: np.ndarray
    anchors: dict[str, LabelHit] = field(default_factory=dict)

    def to_template(self, points: list[Point]) -> np.ndarray:
        """``points`` (image pixels) in template units, as an (n, 2) array."""
        src = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        ones = np.ones((src.shape[0], 1))
        mapped = np.hstack([src, ones]) @ self.matrix.T
        return mapped[:, :2] / mapped[:, 2:3]

    def to_image(self, points: list[Point]) -> np.ndarray:
        """``points`` (template units) in image pixels, as an (n, 2) array."""
        src = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        mapped = np.hstack([src, np.ones((src.shape[0], 1))]) @ np.linalg.pinv(self.matrix).T
        return mapped[:, :2] / mapped[:, 2:3]

    def anchor_position(self, key: str) -> Point | None:
        """Where label ``key`` was read, in template units (None when it was not)."""
        hit = self.anchors.get(key)
        if hit is None:
            return None
        x, y = self.to_template([hit.fragment.center])[0]
        return (float(x), float(y))


def align(
    hits: tuple[LabelHit, ...], labels: dict[str, tuple[str, ...]], positions: dict[str, Point]
) -> PageAlignment | None:
    """Fit the page to the template, or None when too few labels were read."""
    by_text: dict[str, list[str]] = defaultdict(list)
    for key, texts in labels.items():
        for text in texts:
            by_text[text].append(key)
    hits_by_text: dict[str, list[LabelHit]] = defaultdict(list)
    for hit in hits:
        hits_by_text[hit.text].append(hit)
    unique = [
        (hits_by_text[text][0], keys[0])
        for text, keys in by_text.items()
        if len(keys) == 1 and len(hits_by_text.get(text, ())) == 1
    ]
    matrix = _fit([h.fragment.center for h, _ in unique], [positions[k] for _, k in unique])
    if matrix is None:
        return None
    alignment = PageAlignment(matrix)
    for _ in range(2):
        alignment.anchors = _assign(alignment, hits, by_text, positions)
        pairs = list(alignment.anchors.items())
        refit = _fit([h.fragment.center for _, h in pairs], [positions[k] for k, _ in pairs])
        if refit is None:
            break
        alignment.matrix = refit
    alignment.anchors = _assign(alignment, hits, by_text, positions)
    return alignment


def _fit(src: list[Point], dst: list[Point]) -> np.ndarray | None:
    import cv2

    if len(src) < 3:
        return None
    a = np.asarray(src, dtype=np.float64).reshape(-1, 1, 2)
    b = np.asarray(dst, dtype=np.float64).reshape(-1, 1, 2)
    if len(src) >= 6:
        matrix, mask = cv2.findHomography(a, b, cv2.RANSAC, RANSAC_THRESHOLD)
        if matrix is not None and int(mask.sum()) >= 6:
            return matrix
    affine, mask = cv2.estimateAffinePartial2D(
        a, b, method=cv2.RANSAC, ransacReprojThreshold=RANSAC_THRESHOLD
    )
    if affine is None or int(mask.sum()) < 3:
        return None
    return np.vstack([affine, [0.0, 0.0, 1.0]])


def _assign(
    alignment: PageAlignment,
    hits: tuple[LabelHit, ...],
    by_text: dict[str, list[str]],
    positions: dict[str, Point],
) -> dict[str, LabelHit]:
    """Each label key gets the nearest unused hit of its text, when near enough."""
    if not hits:
        return {}
    mapped = alignment.to_template([h.fragment.center for h in hits])
    pairs: list[tuple[float, str, int]] = []
    for index, hit in enumerate(hits):
        for key in by_text.get(hit.text, ()):
            px, py = positions[key]
            dist = float(np.hypot(mapped[index][0] - px, mapped[index][1] - py))
            if dist <= ASSIGN_THRESHOLD:
                pairs.append((dist, key, index))
    chosen: dict[str, LabelHit] = {}
    used: set[int] = set()
    for _, key, index in sorted(pairs):
        if key not in chosen and index not in used:
            chosen[key] = hits[index]
            used.add(index)
    return chosen
