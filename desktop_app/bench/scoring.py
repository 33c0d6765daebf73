"""Scoring of one answer against its truth, as ../shared/datasets/README.md defines it.

A field is right when its value equals the truth after NFKC folding, removing white
space and ``￥``→``¥``; a box is right when its Rect overlaps the truth's with
IoU ≥ 0.5; a blank truth field that the engine fills is a false fill.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from desktop_app.core.model import RecognitionResult

IOU_THRESHOLD = 0.5
_SPACE = re.compile(r"\s+")


def fold_value(value: str) -> str:
    """The value as compared: NFKC, no white space, ``￥`` as ``¥``."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", value.replace("￥", "¥")))


@dataclass
class PageScore:
    """Counts for one page; ``wrong`` lists (name, truth, answer) of wrong fields."""

    fields: int = 0
    right: int = 0
    boxes: int = 0
    boxes_right: int = 0
    blanks: int = 0
    false_fills: int = 0
    wrong: list[tuple[str, str, str]] = field(default_factory=list)
    bad_boxes: list[str] = field(default_factory=list)

    def add(self, other: PageScore) -> None:
        """Add ``other``'s counts to these."""
        self.fields += other.fields
        self.right += other.right
        self.boxes += other.boxes
        self.boxes_right += other.boxes_right
        self.blanks += other.blanks
        self.false_fills += other.false_fills

    @property
    def accuracy(self) -> float:
        return self.right / self.fields if self.fields else 0.0

    @property
    def box_accuracy(self) -> float:
        return self.boxes_right / self.boxes if self.boxes else 0.0

    @property
    def false_fill_rate(self) -> float:
        return self.false_fills / self.blanks if self.blanks else 0.0


def score_page(answer: RecognitionResult, truth: RecognitionResult) -> PageScore:
    """Compare every truth field with the answer's field of the same name."""
    score = PageScore()
    for expected in truth:
        got = answer.get(expected.name)
        value = got.value if got is not None else ""
        score.fields += 1
        if fold_value(value) == fold_value(expected.value):
            score.right += 1
        else:
            score.wrong.append((expected.name, expected.value, value))
        if not fold_value(expected.value):
            score.blanks += 1
            score.false_fills += bool(fold_value(value))
        if expected.rect is not None:
            score.boxes += 1
            ok = (
                got is not None
                and got.rect is not None
                and got.rect.iou(expected.rect) >= IOU_THRESHOLD
            )
            score.boxes_right += ok
            if not ok:
                score.bad_boxes.append(expected.name)
    return score
