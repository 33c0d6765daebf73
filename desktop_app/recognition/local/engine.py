"""The offline engine: the app's default backend, no keys and no network.

``LocalEngine`` decodes the page, reads its text lines with the bundled OCR model
and extracts the fields of either form; a page nothing can be made of is tried
again a quarter or half turn round before it is refused. The model is loaded once
per process, lazily and thread-safely; call :meth:`LocalEngine.warm_up` (or
:meth:`LocalEngine.warm_up_in_background` when the app starts) so the first page
does not wait for it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np

from desktop_app.core.cancel import CancelToken
from desktop_app.core.error_codes import service_error
from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import Point, Polygon, RecognitionResult, RecognizedField
from desktop_app.documents.page import PageImage
from desktop_app.recognition.forms.kind import NOT_AN_INVOICE as TEXT_NOT_AN_INVOICE
from desktop_app.recognition.local.cells import rules_between
from desktop_app.recognition.local.extractor import InvoiceExtractor
from desktop_app.recognition.local.ocr import OcrLine, shared_reader
from desktop_app.recognition.local.seals import Box, drop_red, reread_under_seals
from desktop_app.recognition.local.structure import (
    STRUCTURE,
    another_generation,
    structure_reading,
    title_restored,
    which_reader,
)

log = logging.getLogger(__name__)
NOT_AN_INVOICE = "Local.NotAnInvoice"
_T = TypeVar("_T")


class LocalEngine:
    """Recognizes invoices on this machine; one instance serves every job (thread-safe)."""

    name = "local"

    def __init__(
        self,
        reader: Any | None = None,
        extractor: InvoiceExtractor | None = None,
        *,
        fields_by: str | None = None,
    ) -> None:
        """``reader`` has ``load()`` and ``read(image) -> list[OcrLine]``, optionally
        ``read_regions(image, polygons)``; the default is the process-wide rapidocr reader.
        ``fields_by`` forces ``"template"`` or ``"structure"`` on every page (for the
        benchmark); None lets ``structure.which_reader`` choose per page."""
        self._reader = reader if reader is not None else shared_reader()
        self._extractor = extractor or InvoiceExtractor()
        self._fields_by = fields_by

    def warm_up(self) -> None:
        """Load the OCR model and run it once, now (call it in the background when the app
        starts); raises ``RecognitionError`` Local.EngineUnavailable."""
        self._load(prime=True)

    def _load(self, prime: bool = False) -> None:
        try:
            self._reader.load()
            if prime and hasattr(self._reader, "prime"):
                self._reader.prime()
        except Exception as exc:  # missing package, missing model file, broken runtime
            log.exception("local OCR model could not be loaded")
            raise service_error("Local.EngineUnavailable", f"{type(exc).__name__}: {exc}") from exc

    def warm_up_in_background(self) -> threading.Thread:
        """Start :meth:`warm_up` on a daemon thread (errors surface on the first page)."""

        def run() -> None:
            with contextlib.suppress(RecognitionError):
                self.warm_up()

        thread = threading.Thread(target=run, name="local-ocr-warm-up", daemon=True)
        thread.start()
        return thread

    def recognize(self, page: PageImage, *, cancel: CancelToken | None = None) -> RecognitionResult:
        """Every field of the invoice on ``page``, in ``page``'s pixels."""
        started = time.perf_counter()
        _check(cancel)
        self._load()
        image = decode_image(page)
        clock = _OcrClock()
        fields, generation = self._read_page(image, cancel, clock)
        done = time.perf_counter()
        extract = max(0.0, done - started - clock.seconds)
        return RecognitionResult(
            fields=fields,
            request_id=f"local-{uuid.uuid4()}",
            engine=self.name,
            duration_s=done - started,
            timings={"ocr": done - started - extract, "extract": extract},
            generation=generation,
        )

    def _read_page(
        self, image: Any, cancel: CancelToken | None, clock: _OcrClock
    ) -> tuple[tuple[RecognizedField, ...], str]:
        """Fields of the page as it is, else of the page turned a quarter or half turn,
        and the form's generation when the structure path told it ("" otherwise)."""
        _check(cancel)
        first = clock.time(self.read_lines, image)
        lines = self._under_seals(image, first, clock)
        try:
            return self._extract(image, lines, cancel, clock, first)
        except RecognitionError as exc:
            if exc.code != NOT_AN_INVOICE:
                raise
            refusal = exc
        for turns in turns_to_try(lines):
            page = np.ascontiguousarray(np.rot90(image, turns))
            turned = self._under_seals(page, clock.time(self.read_lines, page), clock)
            upright = [turn_back(line, turns, image.shape[1], image.shape[0]) for line in turned]
            try:
                return self._extract(image, upright, cancel, clock)
            except RecognitionError as exc:
                if exc.code != NOT_AN_INVOICE:
                    raise
        raise refusal

    def _under_seals(self, image: Any, lines: list[OcrLine], clock: _OcrClock) -> list[OcrLine]:
        """``lines`` with those under a red seal read again with red dropped (``seals``)."""
        if not hasattr(self._reader, "read_band"):
            return lines
        dropped: list[Any] = []

        def read_band(region: Box, within: Box) -> list[OcrLine]:
            dropped[:] = dropped or [without_red(image)]
            box = (int(region.x0), int(region.y0), int(region.x1), int(region.y1))
            seal = (within.x0, within.y0, within.x1, within.y1)
            return clock.time(self._reader.read_band, dropped[0], box, seal)

        try:
            return reread_under_seals(image, lines, read_band)
        except Exception:  # a bonus like the second look: never lose the first reading for it
            log.exception("reading under the seals failed")
            return lines

    def _extract(
        self,
        image: Any,
        lines: list[OcrLine],
        cancel: CancelToken | None,
        clock: _OcrClock,
        first: list[OcrLine] | None = None,
    ) -> tuple[tuple[RecognizedField, ...], str]:
        """The page's fields by the route ``which_reader`` gives (``first``: the reading
        before the seals were read again, for a title the drop-out erased)."""
        _check(cancel)
        route = self._fields_by or which_reader(lines, *self._extractor.template_fit(lines))

        def reread(regions: list[Polygon]) -> list[tuple[str, float]]:
            try:
                # Read again without the red seal: a value under a seal (the tax rate, an
                # amount) is what the first reading most often lost or mixed with seal text.
                return clock.time(self._reader.read_regions, without_red(image), regions)
            except Exception:  # the second look is a bonus: never lose the first one for it
                log.exception("second look at %d regions failed", len(regions))
                return [("", 0.0)] * len(regions)

        second_look = reread if hasattr(self._reader, "read_regions") else None
        if route == STRUCTURE:
            try:
                return structure_reading(image, lines, second_look)
            except RecognitionError as exc:
                if exc.code != TEXT_NOT_AN_INVOICE:
                    raise  # another kind of invoice: said by name
                if first is not None and another_generation(lines):
                    # A layout the template cannot read (it would put 限乘人数 into 吨位):
                    # give the form reader back the title the seal's drop-out erased.
                    restored = title_restored(lines, first)
                    if len(restored) > len(lines):
                        with contextlib.suppress(RecognitionError):
                            return structure_reading(image, restored, second_look)
                # No title the form reader knows: the template decides (and may turn the page).
        return self._extractor.extract(lines, second_look, rules_between(image, lines)), ""

    def read_lines(self, image: Any) -> list[OcrLine]:
        """The OCR lines of a decoded image (BGR array)."""
        try:
            return self._reader.read(image)
        except RecognitionError:
            raise
        except Exception as exc:
            log.exception("local OCR failed")
            raise service_error("Local.EngineUnavailable", f"{type(exc).__name__}: {exc}") from exc


class _OcrClock:
    """Adds up the time spent in the OCR model, to split a page's time into OCR and the rest."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def time(self, call: Callable[..., _T], *args: Any) -> _T:
        started = time.perf_counter()
        try:
            return call(*args)
        finally:
            self.seconds += time.perf_counter() - started


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.raise_if_cancelled()


def turns_to_try(lines: list[OcrLine]) -> tuple[int, ...]:
    """Quarter turns (``numpy.rot90``) that may make an unreadable page upright.

    Text running down the page means a quarter turn either way; three quarters first,
    because rapidocr already reads boxes of text running down the other way.
    """
    tall = wide = 0
    for line in lines:
        if len(line.text) >= 2:
            xs, ys = [p[0] for p in line.polygon], [p[1] for p in line.polygon]
            across, down = max(xs) - min(xs), max(ys) - min(ys)
            tall += down > 1.5 * across
            wide += across > 1.5 * down
    return (3, 1) if tall > wide else (2,)


def turn_back(line: OcrLine, turns: int, width: int, height: int) -> OcrLine:
    """``line`` read on ``numpy.rot90(image, turns)``, in the pixels of ``image``."""

    def back(p: Point) -> Point:
        x, y = p
        if turns == 1:
            return (width - 1 - y, x)
        if turns == 2:
            return (width - 1 - x, height - 1 - y)
        return (y, height - 1 - x)

    corners = tuple(back(p) for p in line.polygon)
    return OcrLine(line.text, corners, line.score, line.red)  # type: ignore[arg-type]


def without_red(image: Any) -> Any:
    """``image`` with red ink (seals, the form's own red print) turned to paper and every
    other ink kept dark, as gray (``seals.drop_red``)."""
    return drop_red(image)


def decode_image(page: PageImage) -> Any:
    """The page's pixels as a BGR array; raises FailedOperation.ImageDecodeFailed."""
    import cv2
    import numpy as np

    image = cv2.imdecode(
        np.frombuffer(page.data, dtype=np.uint8), cv2.IMREAD_COLOR | cv2.IMREAD_IGNORE_ORIENTATION
    )
    if image is None:
        raise service_error("FailedOperation.ImageDecodeFailed", f"cannot decode {page.mime} image")
    return image
