"""``CarInvoiceClient``: the cloud recognition backend (Tencent Cloud ``CarInvoiceOCR``).

One call: fit the page under the upload limit, serialize the body once, then
for each attempt take a rate-limiter token, sign with a fresh timestamp, POST
``data=body`` and parse the answer. Retryable failures (network, non-200,
``RequestLimitExceeded*``, ``InternalError``, ``ServiceUnavailable``) are retried
with exponential backoff (``RetryPolicy``); everything else is raised at once.
This is the app's only retry layer: the batch does not retry on top of it.

Time is bounded twice: each attempt has an overall ``deadline`` (30 s from
connecting to the answer's last byte, however slowly the bytes trickle in; it
ends as ``Network.Timeout``), and each page a total budget (``RetryPolicy.budget_s``,
120 s including rate-limiter waits, attempts and backoffs).
Secrets never reach a log line, an exception or a repr.
"""

from __future__ import annotations

import base64
import json
import logging
import random as _random
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import requests

from desktop_app.core.cancel import CancelToken
from desktop_app.core.codec import loads_response
from desktop_app.core.error_codes import service_error
from desktop_app.core.errors import Cancelled, RecognitionError
from desktop_app.core.model import RecognitionResult
from desktop_app.documents.errors import DocumentError
from desktop_app.documents.limits import UPLOAD_MAX_BASE64_BYTES
from desktop_app.documents.page import PageImage
from desktop_app.documents.upload import fit_for_upload
from desktop_app.recognition.cloud.credentials import Credentials
from desktop_app.recognition.cloud.deadline import mount_deadline_adapter, overall_deadline
from desktop_app.recognition.cloud.rate_limiter import RateLimiter, WindowLimiter, shared_limiter
from desktop_app.recognition.cloud.retry import RetryPolicy, pause
from desktop_app.recognition.cloud.signer import ApiCall, request_headers

log = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://ocr.tencentcloudapi.com/"
DEFAULT_REGION = "ap-guangzhou"
SUPPORTED_REGIONS = frozenset({"ap-beijing", "ap-guangzhou", "ap-hongkong", "ap-shanghai"})
LANGUAGES = frozenset({"zh-CN", "en-US"})
SERVICE = "ocr"
ACTION = "CarInvoiceOCR"
VERSION = "2018-11-19"
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

#: ``fit(page, max_base64_bytes) -> (bytes, mime, scale)``, like
#: ``documents.upload.fit_for_upload``; ``scale`` is uploaded width / page width.
FitFunction = Callable[[PageImage, int], tuple[bytes, str, float]]


def parse_endpoint(endpoint: str) -> tuple[str, str]:
    """``(url, host)`` of an endpoint: ``host`` keeps the port, exactly as sent and signed.

    HTTPS anywhere; plain HTTP only to a loopback address (the stand-in server), so
    an invoice never crosses a network unencrypted. Raises ``ValueError`` otherwise.
    """
    parts = urlsplit(endpoint.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f"endpoint {endpoint!r} is not an http(s) URL")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK_HOSTS:
        raise ValueError("plain http is only allowed to a loopback address; use https")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError("endpoint must not carry credentials, a query or a fragment")
    if parts.path not in ("", "/"):
        raise ValueError("endpoint path must be '/': the request is signed for '/'")
    host = parts.netloc.lower()
    return f"{parts.scheme}://{host}/", host


class CarInvoiceClient:
    """The ``"cloud"`` :class:`~desktop_app.recognition.backend.RecognitionBackend`.

    Thread-safe: one instance serves every job. ``rate_limiter`` defaults to the
    process-wide limiter of the SecretId (:func:`shared_limiter`); ``sleep`` and
    ``random`` drive the retry backoff and are injectable for tests, as is
    ``monotonic``, the clock of deadlines and budgets. ``deadline`` bounds one
    attempt as a whole; ``connect_timeout`` and ``read_timeout`` bound each socket
    operation within it. A ``requests.Session`` with requests' own adapters gets
    the deadline adapter mounted (``deadline.mount_deadline_adapter``). ``fit``
    defaults to ``documents.upload.fit_for_upload`` (a ``DocumentError`` from it
    becomes a ``RecognitionError`` with the same code). Raises ``RecognitionError``
    ``Client.InvalidRegion`` for a region the action does not serve, and
    ``ValueError`` for a malformed endpoint or language. ``name`` is ``"server"``
    for an office recognition server (the same API at the office's endpoint).
    """

    name = "cloud"

    def __init__(
        self,
        credentials: Credentials,
        *,
        region: str = DEFAULT_REGION,
        endpoint: str = DEFAULT_ENDPOINT,
        session: requests.Session | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        language: str | None = "zh-CN",
        rate_limiter: RateLimiter | WindowLimiter | None = None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] | None = None,
        random: Callable[[], float] = _random.random,
        clock: Callable[[], float] = time.time,
        fit: FitFunction | None = None,
        max_base64_bytes: int = UPLOAD_MAX_BASE64_BYTES,
        deadline: float = 30.0,
        monotonic: Callable[[], float] = time.monotonic,
        name: str = "cloud",
    ) -> None:
        self.name = name  # "server" when aimed at an office recognition server
        if region not in SUPPORTED_REGIONS:
            raise service_error("Client.InvalidRegion", f"region {region!r} is not supported")
        if language is not None and language not in LANGUAGES:
            raise ValueError(f"language must be one of {sorted(LANGUAGES)} or None")
        self.url, host = parse_endpoint(endpoint)
        self.call = ApiCall(SERVICE, host, ACTION, VERSION, region, language)
        self._credentials = credentials
        self._session = session if session is not None else requests.Session()
        mount_deadline_adapter(self._session)
        self._timeout = (connect_timeout, read_timeout)
        self._deadline = deadline
        self._monotonic = monotonic
        self._limiter = (
            rate_limiter if rate_limiter is not None else shared_limiter(credentials.secret_id)
        )
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._random = random
        self._clock = clock
        self._fit = fit or fit_for_upload
        self._max_base64_bytes = max_base64_bytes

    def __repr__(self) -> str:
        return (
            f"CarInvoiceClient(region={self.call.region!r}, url={self.url!r}, "
            f"credentials={self._credentials!r})"
        )

    def close(self) -> None:
        """Close the HTTP session (connections are pooled until then)."""
        self._session.close()

    def __enter__(self) -> CarInvoiceClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def recognize(self, page: PageImage, *, cancel: CancelToken | None = None) -> RecognitionResult:
        """Recognize ``page`` (sent as ImageBase64); geometry comes back in ``page``'s pixels."""
        started = time.perf_counter()
        _check(cancel)
        encoded, scale = self._encode(page)
        fitted = time.perf_counter()
        result = self._call({"ImageBase64": encoded}, cancel)
        if scale != 1.0:
            result = result.scaled(1.0 / scale)
        return self._finish(result, started, fit_s=fitted - started)

    def _encode(self, page: PageImage) -> tuple[str, float]:
        """The page's base64 text under the limit and the scale it was sent at."""
        try:
            data, mime, scale = self._fit(page, self._max_base64_bytes)
        except DocumentError as exc:  # the page's bytes cannot be decoded: not a crash
            raise RecognitionError(
                exc.code, exc.detail or str(exc), summary=exc.message, advice=exc.advice
            ) from None
        encoded = base64.b64encode(data).decode("ascii")
        if len(encoded) > self._max_base64_bytes:
            raise service_error("Client.ImageTooLarge", f"{len(encoded)} bytes after base64")
        log.debug("page %r fitted as %s, scale %.3f, %d bytes", page, mime, scale, len(encoded))
        return encoded, scale

    def recognize_url(self, url: str, *, cancel: CancelToken | None = None) -> RecognitionResult:
        """Recognize the image the service downloads from ``url`` (in that image's pixels)."""
        started = time.perf_counter()
        result = self._call({"ImageUrl": url}, cancel)
        return self._finish(result, started, fit_s=0.0)

    def _finish(self, result: RecognitionResult, started: float, fit_s: float) -> RecognitionResult:
        elapsed = time.perf_counter() - started
        timings = {**result.timings, "fit_s": fit_s, "total_s": elapsed}
        return replace(result, engine=self.name, duration_s=elapsed, timings=timings)

    def _call(self, document: dict[str, Any], cancel: CancelToken | None) -> RecognitionResult:
        """Send ``document`` until it succeeds, fails for good, or attempts or budget run out."""
        body = json.dumps(document).encode("utf-8")
        budget_end = self._monotonic() + self.retry.budget_s
        attempt = 0
        while True:
            attempt += 1
            _check(cancel)
            self._limiter.acquire(cancel)
            # The first attempt always gets a whole deadline; later ones what is left.
            left = budget_end - self._monotonic() if attempt > 1 else self._deadline
            try:
                result = self._attempt(body, attempt, max(0.0, min(self._deadline, left)), cancel)
            except RecognitionError as exc:
                self._give_up_or_wait(exc, attempt, cancel, budget_end)
                continue
            _check(cancel)
            return replace(result, timings={**result.timings, "attempts": float(attempt)})

    def _give_up_or_wait(
        self, exc: RecognitionError, attempt: int, cancel: CancelToken | None, budget_end: float
    ) -> None:
        """Re-raise ``exc`` when it is final; otherwise sleep the backoff delay."""
        delay = self.retry.delay(attempt, self._random)
        out_of_time = self._monotonic() + delay + self.retry.min_attempt_s > budget_end
        if not exc.retryable or attempt >= self.retry.max_attempts or out_of_time:
            log.info(
                "CarInvoiceOCR failed: code=%s request_id=%s attempt=%d (final%s)",
                exc.code,
                exc.request_id or "-",
                attempt,
                ", page budget spent" if exc.retryable and out_of_time else "",
            )
            raise exc
        log.warning(
            "CarInvoiceOCR attempt %d/%d failed: code=%s request_id=%s; retrying in %.2fs",
            attempt,
            self.retry.max_attempts,
            exc.code,
            exc.request_id or "-",
            delay,
        )
        pause(delay, cancel, self._sleep)

    def _attempt(
        self, body: bytes, attempt: int, deadline: float, cancel: CancelToken | None = None
    ) -> RecognitionResult:
        """One signed POST ending within ``deadline`` s; raises ``RecognitionError`` for every failure."""
        creds = self._credentials
        headers = request_headers(
            self.call,
            secret_id=creds.secret_id,
            secret_key=creds.secret_key,
            token=creds.token,
            timestamp=int(self._clock()),
            body=body,
        )
        log.debug("CarInvoiceOCR attempt %d to %s, %d body bytes", attempt, self.url, len(body))
        sent = time.perf_counter()
        response = self._post(body, headers, deadline, cancel)
        elapsed = time.perf_counter() - sent
        if response.status_code != 200:
            log.debug("CarInvoiceOCR HTTP %d after %.3fs", response.status_code, elapsed)
            raise service_error(
                "Network.HttpStatus",
                f"HTTP {response.status_code} {response.reason or ''}".strip(),
                http_status=response.status_code,
            )
        result = loads_response(response.content, engine=self.name)
        log.info(
            "CarInvoiceOCR ok: request_id=%s attempt=%d fields=%d elapsed=%.3fs",
            result.request_id,
            attempt,
            len(result),
            elapsed,
        )
        return replace(result, timings={"http_s": elapsed})

    def _post(
        self,
        body: bytes,
        headers: dict[str, str],
        deadline: float,
        cancel: CancelToken | None = None,
    ) -> requests.Response:
        """POST exactly the signed bytes, all done within ``deadline`` seconds.

        Network failures become ``RecognitionError``; running out of time is
        ``Network.Timeout`` whatever the cut connection made ``requests`` raise.
        """
        connect, read = self._timeout
        timeout = (min(connect, deadline), min(read, deadline))
        response: requests.Response | None = None
        failure: requests.RequestException | None = None
        with overall_deadline(deadline) as watch:
            # Cancel (window closing, batch stopped) cuts the request too, not only the deadline.
            forget = cancel.on_cancel(watch.cut) if cancel is not None else (lambda: None)
            try:
                response = self._session.post(self.url, data=body, headers=headers, timeout=timeout)
            except requests.RequestException as exc:
                failure = exc
            finally:
                forget()
        _check(cancel)
        if watch.expired:  # cut mid-answer: whatever arrived is not the answer
            code, detail = "Network.Timeout", f"no complete answer within {deadline:.3g} s"
        elif response is not None:
            return response
        else:
            code, detail = _network_code(failure or requests.RequestException())
        log.debug("CarInvoiceOCR %s (%s) to %s", code, detail, self.call.host)
        raise service_error(code, f"{detail} ({self.call.host})")


def _network_code(exc: requests.RequestException) -> tuple[str, str]:
    """The error code and detail of a failed request."""
    if isinstance(exc, requests.Timeout):  # before ConnectionError: ConnectTimeout is both
        return "Network.Timeout", exc.__class__.__name__
    return "Network.ConnectionError", exc.__class__.__name__


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.cancelled:
        raise Cancelled("cancelled")
