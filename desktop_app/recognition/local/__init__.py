"""Offline recognition: rapidocr's bundled models plus form-geometry field extraction.

``LocalEngine()`` is the app's default backend; nothing it does touches the network.
Call ``LocalEngine().warm_up_in_background()`` when the app starts so the model is
loaded (once per process) before the first page arrives.

Modules, in the order a page flows through them: ``ocr`` (the OCR step → plain
``OcrLine``, on ``pipeline``, rapidocr's bundled models and processing without rapidocr,
skipping the 税控码 block that ``cipher`` finds), ``labels``/``anchors`` (printed labels found among the lines),
``alignment`` (image → template homography), ``templates`` (the forms' geometry),
``placement`` (values to fields), ``normalize`` (service formats), ``second_look``
(re-reading malformed codes and amounts), ``consistency`` (the form's redundancy),
``derived`` (省, 市, types), ``boxes`` (value polygons), ``extractor`` and ``engine``.
"""

from desktop_app.recognition.local.engine import LocalEngine
from desktop_app.recognition.local.extractor import InvoiceExtractor
from desktop_app.recognition.local.ocr import OcrLine, RapidOcrReader, shared_reader

__all__ = ["InvoiceExtractor", "LocalEngine", "OcrLine", "RapidOcrReader", "shared_reader"]
