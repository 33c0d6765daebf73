"""Test doubles for the office server's worker processes, and helpers to call the server.

``RecordedEngine`` answers every readable page with the service's published
example (37 fields), after an optional delay; the 发票号码 field says which page
it was given (``page N``), so tests can see PdfPageNumber at work. A page under
50 pixels is "no invoice" (``Local.NotAnInvoice``), as the real engine says for
a blank page. Workers import this module by name (spawned processes get the
test run's ``sys.path``).
"""

from __future__ import annotations

import base64
import io
import json
import os
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import requests

from desktop_app.core.codec import parse_response
from desktop_app.core.error_codes import service_error
from desktop_app.core.model import RecognitionResult
from desktop_app.documents.page import PageImage
from desktop_app.recognition.cloud.signer import ApiCall, request_headers

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-example-response.json"
CRASH_WIDTH = 66

SECRET_ID = "AKIDoffice01"
SECRET_KEY = "office-secret-key-01"
SLOW_ID = "AKIDslow"  # rate 2/s: the quota tests
SLOW_KEY = "slow-secret-key"

KEYS_TEXT = f"""
[{SECRET_ID}]
secret_key = {SECRET_KEY}
rate = 1000

[{SLOW_ID}]
secret_key = {SLOW_KEY}
rate = 2
"""


#: ``start_server(workers=, queue=, delay_s=, hosts=, build=)`` -> a started ``ServerThread``.
StartServer = Callable[..., Any]


def write_keys(folder: Path, text: str = KEYS_TEXT, mode: int = 0o600) -> Path:
    path = folder / "keys.ini"
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)
    return path


# a page this wide makes the recorded engine's process die


class RecordedEngine:
    """The published example for any page of 50 pixels or more."""

    name = "local"

    def __init__(self, delay_s: float = 0.0) -> None:
        self.delay_s = delay_s
        document = json.loads(SEED.read_text(encoding="utf-8"))
        self._fields = parse_response(document).fields

    def recognize(self, page: PageImage, *, cancel: Any = None) -> RecognitionResult:
        if page.width == CRASH_WIDTH:
            os._exit(3)  # a worker killed mid-page (out of memory, a native crash)
        if page.width < 50 or page.height < 50:
            raise service_error("Local.NotAnInvoice", "too few form labels were read")
        time.sleep(self.delay_s)
        fields = tuple(
            replace(f, value=f"page {page.page_index + 1}") if f.name == "发票号码" else f
            for f in self._fields
        )
        return RecognitionResult(fields=fields, request_id="recorded", engine=self.name)


def build_recorded(delay_s: float = 0.0) -> RecordedEngine:
    """The worker's engine builder (module level: picklable)."""
    return RecordedEngine(delay_s)


def build_broken() -> RecordedEngine:
    """An engine that cannot start (a missing model)."""
    raise service_error("Local.EngineUnavailable", "model file missing")


def png(width: int = 120, height: int = 80) -> bytes:
    """A white PNG with a dark bar."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    ImageDraw.Draw(image).rectangle((5, 5, width // 2, height // 2), fill="black")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def pdf(pages: int = 2) -> bytes:
    """A PDF of ``pages`` A5 pages, each with a line of text."""
    import pymupdf

    document = pymupdf.open()
    for number in range(1, pages + 1):
        page = document.new_page(width=420, height=595)
        page.insert_text((72, 72), f"page {number}")
    data = document.tobytes()
    document.close()
    return data


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def signed_post(
    url: str,
    document: dict[str, Any] | bytes,
    *,
    secret_id: str,
    secret_key: str,
    timestamp: int | None = None,
    host: str | None = None,
    language: str | None = None,
    session: requests.Session | None = None,
) -> requests.Response:
    """POST a CarInvoiceOCR call signed for ``host`` (default: the URL's host with its port)."""
    body = document if isinstance(document, bytes) else json.dumps(document).encode("utf-8")
    netloc = url.split("//", 1)[1].rstrip("/")
    call = ApiCall("ocr", host or netloc, "CarInvoiceOCR", "2018-11-19", "ap-guangzhou", language)
    headers = request_headers(
        call,
        secret_id=secret_id,
        secret_key=secret_key,
        token=None,
        timestamp=int(time.time()) if timestamp is None else timestamp,
        body=body,
    )
    headers["Host"] = netloc  # what is sent; ``host`` is only what was signed
    poster = session or requests
    return poster.post(url, data=body, headers=headers, timeout=60)


def answer(response: requests.Response) -> dict[str, Any]:
    """The ``Response`` object of an answer (HTTP 200, JSON, exactly application/json)."""
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/json"
    return response.json()["Response"]


def error_code(response: requests.Response) -> str:
    return answer(response).get("Error", {}).get("Code", "")
