"""``accuracy DIR``: run an engine over a benchmark folder and score every page."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.bench.pages import BenchPage, load_pages, page_image
from desktop_app.bench.scoring import PageScore, score_page
from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import RecognitionResult
from desktop_app.documents.errors import DocumentError
from desktop_app.documents.page import PageImage
from desktop_app.recognition.text_reader import TEXT_ENGINE

Recognize = Callable[[PageImage], RecognitionResult]


#: ``PageRun.origin`` of answers read from the file's own text / recognized by OCR.
ORIGIN_TEXT, ORIGIN_OCR = "text", "ocr"


@dataclass
class PageRun:
    """The outcome of one page: its score, timings, or the error it raised.

    ``origin`` says where the answer came from (``text`` or ``ocr``; empty after an
    error); ``unreadable`` is set when the file could not be opened at all.
    """

    page: BenchPage
    score: PageScore
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    error: str = ""
    origin: str = ""
    unreadable: bool = False


@dataclass
class BenchRun:
    """Every page of a folder, with totals by condition."""

    runs: list[PageRun]

    def total(
        self, mode: str | None = None, *, where: Callable[[PageRun], bool] | None = None
    ) -> PageScore:
        """Summed counts over every page, the pages of condition ``mode``, or those ``where`` picks."""
        out = PageScore()
        for run in self.runs:
            if (mode is None or run.page.mode == mode) and (where is None or where(run)):
                out.add(run.score)
        return out

    def modes(self) -> list[str]:
        return sorted({run.page.mode for run in self.runs})

    def values(self, key: Callable[[PageRun], str]) -> list[str]:
        """The distinct non-empty values of ``key`` over the pages, sorted."""
        return sorted({key(run) for run in self.runs} - {""})

    def median(self, key: str | None = None, *, origin: str | None = None) -> float:
        """Median seconds per page (``key``: one step of the engine's timings; ``origin``:
        only the pages read from their text or only those recognized)."""
        values = [
            r.seconds if key is None else r.timings.get(key, 0.0)
            for r in self.runs
            if not r.error and (origin is None or r.origin == origin)
        ]
        return statistics.median(values) if values else 0.0


def run_page(page: BenchPage, recognize: Recognize) -> PageRun:
    """Recognize one page and score it (an error scores every truth field wrong).

    A file the app cannot open (an OFD before OFD support, a broken file) is reported
    as unreadable and scored as an empty answer, not raised.
    """
    empty = RecognitionResult(fields=())
    try:
        image = page_image(page.path)
    except DocumentError as exc:
        error = f"unreadable {exc.code}"
        return PageRun(page, score_page(empty, page.truth), error=error, unreadable=True)
    started = time.perf_counter()
    try:
        answer = recognize(image)
    except RecognitionError as exc:
        return PageRun(
            page,
            score_page(empty, page.truth),
            time.perf_counter() - started,
            error=f"{exc.code}: {exc}",
        )
    seconds = time.perf_counter() - started
    origin = ORIGIN_TEXT if answer.engine == TEXT_ENGINE else ORIGIN_OCR
    score = score_page(answer, page.truth)
    return PageRun(page, score, seconds, dict(answer.timings), origin=origin)


def run_folder(
    folder: Path, recognize: Recognize, progress: Callable[[PageRun], None] | None = None
) -> BenchRun:
    """Score every page of ``folder``; ``progress`` sees each page as it is done."""
    runs = []
    for page in load_pages(folder):
        run = run_page(page, recognize)
        if progress is not None:
            progress(run)
        runs.append(run)
    return BenchRun(runs)
