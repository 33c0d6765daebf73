"""The ``"text"`` reader: a page that carries its text is read, not recognized.

``TextReader`` reads the fields of a page's own text (``PageImage.text``: a 数电
PDF's text layer, an OFD page, an e-invoice XML) with the label-and-cell form
reader; values are exact and boxes sit on the printed text. ``TextFirst`` is what
the factory hands out: it sends such pages to the ``TextReader`` whatever OCR
engine the clerk chose — no keys, no upload, no fee, no model load — and every
other page to that engine, which it builds only when a page needs it. Either way
the answer is then held against the page's QR code (``qr_check.apply_qr``).
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable

from desktop_app.core.cancel import CancelToken
from desktop_app.core.error_codes import service_error
from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import RecognitionResult
from desktop_app.documents.page import PageImage
from desktop_app.documents.page_text import ORIGIN_PDF, PageText
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.recognition.forms.answer import answer_fields
from desktop_app.recognition.forms.kind import NOT_AN_INVOICE
from desktop_app.recognition.forms.reader import read_form
from desktop_app.recognition.qr_check import apply_qr

log = logging.getLogger(__name__)

#: ``RecognitionResult.engine`` of an answer read from the file's text.
TEXT_ENGINE = "text"
NO_TEXT = "Text.NoText"
#: Fewer labels than this on a PDF's text layer: a scanner's hidden OCR layer or a
#: stray word, not a readable invoice; the page is recognized instead.
MIN_LABELS = 6


class TextReader:
    """Reads the invoice of a page from its own text; thread-safe, no state."""

    name = TEXT_ENGINE

    def recognize(self, page: PageImage, *, cancel: CancelToken | None = None) -> RecognitionResult:
        """The fields of ``page.text``; raises ``RecognitionError`` (``Text.NoText`` when the
        page carries no text, ``Text.NotAVehicleInvoice``/``Text.NotAnInvoice``)."""
        if page.text is None:
            raise service_error(NO_TEXT, "the page carries no text layer")
        return self.read(page.text, cancel=cancel)

    def read(self, text: PageText, *, cancel: CancelToken | None = None) -> RecognitionResult:
        """The fields of a page's own ``text`` (no image needed); raises as ``recognize``."""
        if cancel is not None:
            cancel.raise_if_cancelled()
        started = time.perf_counter()
        reading = read_form(text)
        fields = answer_fields(reading)
        return RecognitionResult(
            fields,
            request_id=str(uuid.uuid4()),
            engine=TEXT_ENGINE,
            duration_s=time.perf_counter() - started,
            timings={"labels": float(reading.labels_found)},
            generation=reading.generation,
        )


class TextFirst:
    """Pages with their own text → ``TextReader``; the rest → the chosen OCR engine.

    ``ocr`` is the engine or a function building it (called once, on the first page
    that needs OCR, so reading e-invoices never loads a model). ``force_ocr``
    recognizes every page (the ``--ocr`` option and its setting). ``problem`` is the
    error the OCR engine could not be built with, if any (its builder raises it).
    """

    def __init__(
        self,
        ocr: RecognitionBackend | Callable[[], RecognitionBackend],
        *,
        name: str,
        force_ocr: bool = False,
        problem: RecognitionError | None = None,
    ) -> None:
        self.name = name
        self.force_ocr = force_ocr
        #: Why the OCR engine cannot be built (no keys …): raised for pages needing OCR.
        self.problem = problem
        self.text_reader = TextReader()
        self._ocr = ocr if isinstance(ocr, RecognitionBackend) else None
        self._build = None if self._ocr is not None else ocr
        self._lock = threading.Lock()

    @property
    def ocr(self) -> RecognitionBackend:
        """The OCR engine, built on first use (a failed build is tried again next time)."""
        with self._lock:
            if self._ocr is None:
                assert self._build is not None
                self._ocr = self._build()
            return self._ocr

    def warm_up(self) -> None:
        """Load the OCR engine's models now, when it has any (the window does this at start)."""
        if self.problem is not None:
            return
        warm_up = getattr(self.ocr, "warm_up", None)
        if callable(warm_up):
            warm_up()

    def recognize(self, page: PageImage, *, cancel: CancelToken | None = None) -> RecognitionResult:
        """Read ``page`` from its text when it carries usable text, else recognize it."""
        if page.text is not None:
            result = self.read_text(page.text, cancel=cancel, what=page)
            if result is not None:
                return apply_qr(result, page, exact=True)
        return apply_qr(self.ocr.recognize(page, cancel=cancel), page, exact=False)

    def read_text(
        self, text: PageText, *, cancel: CancelToken | None = None, what: object = "the page"
    ) -> RecognitionResult | None:
        """The answer read from a page's own ``text``, or None when the page is to be recognized.

        None when ``force_ocr`` is set, the text is not exact, or a PDF text layer names no
        invoice or too few labels (a scanner's hidden OCR layer). No image is needed, so a
        caller holding only ``Document.page_text`` (the ``recognize`` command) renders the
        page only when this says None. The answer has no QR payload attached: ``recognize``
        does that from the page image (``apply_qr``), and exact values never change by it.
        ``what`` names the page in the log.
        """
        if not text.exact or self.force_ocr:
            return None
        try:
            result = self.text_reader.read(text, cancel=cancel)
        except RecognitionError as exc:
            if exc.code != NOT_AN_INVOICE or text.origin != ORIGIN_PDF:
                raise
            log.info("text layer of %s names no invoice; recognizing the page", what)
            return None
        if text.origin != ORIGIN_PDF or result.timings["labels"] >= MIN_LABELS:
            return result
        log.info("text layer of %s has too few labels; recognizing the page", what)
        return None
