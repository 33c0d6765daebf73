"""The request parameters and answer documents of CarInvoiceOCR, as the office server reads and writes them.

Codes chosen where carinvoice-api.md leaves a choice (also in docs/server.md):

- no invoice on the page: ``FailedOperation.OcrFailed``, the action's own code for
  "could not read an invoice" (the local engine's ``Local.NotAnInvoice``, the
  e-invoice reader's ``Text.NotAnInvoice`` and ``Text.NotAVehicleInvoice``);
- a body over 10 MB (the newest SDK text's limit): ``RequestSizeLimitExceeded``,
  decided before the signature is checked; an ``ImageBase64`` over 7 000 000
  characters (the published "7 MB", decimal): ``LimitExceeded.TooLargeFileError``;
- no image at all: ``MissingParameter``; a parameter of the wrong type, or
  ``ImageUrl`` while no allow-list is configured: ``InvalidParameter``;
- a ``PdfPageNumber`` past the last page: ``InvalidParameterValue.InvalidParameterValueLimit``;
- bytes that are no image or PDF, bad base64, a PDF with ``IsPdf`` false, an
  encrypted PDF: ``FailedOperation.ImageDecodeFailed``;
- the server's queue full: ``ServiceUnavailable`` (clients retry it with backoff),
  decided before the signature so that refusing stays cheap under overload;
  an engine that fails: ``InternalError``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop_app.core.error_codes import kind_of
from desktop_app.recognition.cloud.verify import Refusal

#: The largest request body read (the newest SDK text's 10 MB, decimal).
MAX_BODY_BYTES = 10_000_000
#: The largest ``ImageBase64`` accepted (the published "7 MB" after encoding, decimal).
MAX_BASE64_CHARS = 7_000_000

NOT_AN_INVOICE = "FailedOperation.OcrFailed"
DECODE_FAILED = "FailedOperation.ImageDecodeFailed"
PAGE_OUT_OF_RANGE = "InvalidParameterValue.InvalidParameterValueLimit"
TOO_LARGE_FILE = "LimitExceeded.TooLargeFileError"
BODY_TOO_LARGE = "RequestSizeLimitExceeded"
BUSY = "ServiceUnavailable"
QUOTA = "RequestLimitExceeded"
INTERNAL = "InternalError"

#: The app's own codes of the local engine and documents, as the service would say them.
_LOCAL_TO_SERVICE = {
    "Local.NotAnInvoice": NOT_AN_INVOICE,
    "Text.NotAnInvoice": NOT_AN_INVOICE,  # the e-invoice reader: a text layer of no invoice
    "Text.NotAVehicleInvoice": NOT_AN_INVOICE,  # an invoice, but not a vehicle sales invoice
    "Local.EngineUnavailable": INTERNAL,
}


@dataclass(frozen=True)
class Upload:
    """What one request asks to read: base64 bytes or an URL, and which PDF page."""

    image_base64: str | None
    image_url: str | None
    is_pdf: bool = True
    page_number: int = 1

    def __repr__(self) -> str:  # never log image data
        size = len(self.image_base64) if self.image_base64 else 0
        return (
            f"Upload(base64={size} chars, url={'yes' if self.image_url else 'no'}, "
            f"is_pdf={self.is_pdf}, page={self.page_number})"
        )


def parse_upload(body: bytes) -> Upload:
    """The parameters of a CarInvoiceOCR body; raises ``Refusal`` with the service's code.

    Parameters this server does not know are ignored, as newer SDKs may send them.
    """
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise Refusal("InvalidParameter", "the body is not JSON") from None
    if not isinstance(document, dict):
        raise Refusal("InvalidParameter", "the body is not a JSON object")
    image = _optional(document, "ImageBase64", str)
    url = _optional(document, "ImageUrl", str)
    is_pdf = _optional(document, "IsPdf", bool)
    page = _optional(document, "PdfPageNumber", int)
    if not image and not url:
        raise Refusal("MissingParameter", "ImageBase64 or ImageUrl is required")
    if image and len(image) > MAX_BASE64_CHARS:
        raise Refusal(TOO_LARGE_FILE, f"ImageBase64 is over {MAX_BASE64_CHARS} characters")
    if page is not None and page < 1:
        raise Refusal("InvalidParameter", "PdfPageNumber starts at 1")
    return Upload(
        image_base64=image or None,
        image_url=url or None,
        is_pdf=True if is_pdf is None else is_pdf,
        page_number=1 if page is None else page,
    )


def _optional(document: dict[str, Any], name: str, kind: type) -> Any:
    value = document.get(name)
    if value is None:
        return None
    # bool is an int in Python; PdfPageNumber true is not a page number.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise Refusal("InvalidParameter", f"{name} must be a {kind.__name__}")
    return value


def service_code(code: str) -> str:
    """The code the service uses for one of the app's own codes (others pass unchanged)."""
    return _LOCAL_TO_SERVICE.get(code, code)


def message_for(code: str, detail: str, language: str) -> str:
    """The answer's ``Message``: what the code means, in the caller's language, and the detail."""
    summary = kind_of(code).summary
    text = summary.en if language.lower().startswith("en") else summary.zh
    return f"{text} ({detail})" if detail else text


def error_document(code: str, message: str, request_id: str) -> dict[str, Any]:
    """The service's error answer (sent with HTTP 200)."""
    return {"Response": {"Error": {"Code": code, "Message": message}, "RequestId": request_id}}


def success_document(infos: list[dict[str, Any]], request_id: str) -> dict[str, Any]:
    """The service's answer with the fields of one page."""
    return {"Response": {"CarInvoiceInfos": infos, "RequestId": request_id}}


def encode(document: dict[str, Any]) -> bytes:
    """Answer bytes: UTF-8 JSON with Chinese left readable, like the service."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
