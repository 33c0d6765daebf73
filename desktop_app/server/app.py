"""The ASGI application of the office server (Starlette): ``POST /``, ``GET /healthz``, ``GET /metrics``.

One request, in this order: room in the workers (a full server refuses at once,
before any hashing or parsing, so overload stays cheap), body size (before
keeping more than the limit), TC3 signature, action/version/region, the
SecretId's quota (before any work), the parameters, room in the workers again
(taken now), then the page in a worker process. Every answer is HTTP 200 in the service's JSON shape.
One access-log line per request: RequestId, SecretId, code, times; never a key,
never image data.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field

from prometheus_client import CONTENT_TYPE_LATEST
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from desktop_app.recognition.cloud.verify import (
    Refusal,
    check_call,
    claimed_secret_id,
    verify_signature,
)
from desktop_app.server.fetch import check_url, download
from desktop_app.server.keys import ApiKey
from desktop_app.server.metrics import ServerMetrics
from desktop_app.server.pool import WorkerPool
from desktop_app.server.protocol import (
    BODY_TOO_LARGE,
    BUSY,
    INTERNAL,
    MAX_BODY_BYTES,
    QUOTA,
    encode,
    error_document,
    message_for,
    parse_upload,
    success_document,
)
from desktop_app.server.quota import SlidingWindowQuota
from desktop_app.server.work import Job, Outcome

access_log = logging.getLogger("desktop_app.server.access")
_PRINTABLE_ID = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass(frozen=True)
class ServerConfig:
    """What the administrator configured: keys, URL hosts allowed, the body limit."""

    keys: Mapping[str, ApiKey]
    allowed_url_hosts: frozenset[str] = frozenset()
    max_body_bytes: int = MAX_BODY_BYTES
    secret_keys: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        keys = {sid: key.secret_key for sid, key in self.keys.items()}
        object.__setattr__(self, "secret_keys", keys)


@dataclass
class _Exchange:
    """What one request came to, for the answer, the access log and the metrics."""

    request_id: str
    secret_id: str = ""
    code: str = ""
    detail: str = ""
    outcome: Outcome | None = None


class Front:
    """The request pipeline; ``clock`` is the wall clock for signature timestamps."""

    def __init__(
        self,
        config: ServerConfig,
        pool: WorkerPool,
        *,
        metrics: ServerMetrics | None = None,
        quota: SlidingWindowQuota | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config
        self.pool = pool
        self.metrics = metrics or ServerMetrics()
        self.quota = quota or SlidingWindowQuota()
        self._clock = clock

    async def api(self, request: Request) -> Response:
        """Answer one CarInvoiceOCR call."""
        started = time.perf_counter()
        exchange = _Exchange(str(uuid.uuid4()))
        headers = dict(request.headers.items())  # names already lower-case
        exchange.secret_id = claimed_secret_id(headers)
        try:
            await self._answer(request, headers, exchange)
        except Refusal as refusal:
            exchange.code, exchange.detail = refusal.code, refusal.message
        except Exception:  # a bug here must still answer in the service's shape
            logging.getLogger(__name__).exception("request %s failed", exchange.request_id)
            exchange.code, exchange.detail = INTERNAL, "the server failed"
        seconds = time.perf_counter() - started
        language = headers.get("x-tc-language", "zh-CN")
        response = self._response(exchange, language, seconds)
        self._record(exchange, seconds, request)
        return response

    async def _answer(self, request: Request, headers: dict[str, str], exchange: _Exchange) -> None:
        if not self.pool.has_room():
            # Shed load before hashing and parsing: under overload, refusals must stay cheap
            # or they eat the CPU the workers need. The body is still read (not kept), so a
            # client that is still sending gets the answer rather than a reset connection.
            await read_body(request, 0, keep=False)
            raise Refusal(BUSY, f"the server is busy ({self.pool.capacity} requests in progress)")
        body = await read_body(request, self.config.max_body_bytes)
        secret_id = verify_signature(headers, body, self.config.secret_keys, now=self._clock())
        exchange.secret_id = secret_id
        check_call(headers)
        if not self.quota.admit(secret_id, self.config.keys[secret_id].rate):
            raise Refusal(QUOTA, f"over {self.config.keys[secret_id].rate} requests per second")
        upload = parse_upload(body)
        del body  # the upload's text is kept once, not twice, while the page waits
        if upload.image_url:
            check_url(upload.image_url, self.config.allowed_url_hosts)
        if not self.pool.admit():
            raise Refusal(BUSY, f"the server is busy ({self.pool.capacity} requests in progress)")
        self._gauge()
        try:
            data = await asyncio.to_thread(download, upload.image_url) if upload.image_url else None
            job = Job(
                None if data else upload.image_base64, data, upload.is_pdf, upload.page_number
            )
            exchange.outcome = outcome = await self.pool.run(job)
            exchange.code, exchange.detail = outcome.code, outcome.detail
        finally:
            self.pool.release()
            self._gauge()

    def _response(self, exchange: _Exchange, language: str, seconds: float) -> Response:
        outcome = exchange.outcome
        if not exchange.code and outcome is not None and outcome.infos is not None:
            document = success_document(outcome.infos, exchange.request_id)
        else:
            message = message_for(exchange.code, exchange.detail, language)
            document = error_document(exchange.code, message, exchange.request_id)
        timing = f"total;dur={seconds * 1000:.1f}"
        if outcome is not None:
            timing += f", recognize;dur={outcome.seconds * 1000:.1f}"
        return Response(
            encode(document), media_type="application/json", headers={"Server-Timing": timing}
        )

    def _record(self, exchange: _Exchange, seconds: float, request: Request) -> None:
        code = exchange.code or "OK"
        self.metrics.requests.labels(code).inc()
        self.metrics.latency.observe(seconds)
        worker_s = exchange.outcome.seconds if exchange.outcome is not None else 0.0
        if exchange.outcome is not None:
            self.metrics.recognition.observe(worker_s)
        client = request.client.host if request.client else "-"
        access_log.info(
            "request_id=%s secret_id=%s client=%s code=%s ms=%.1f worker_ms=%.1f",
            exchange.request_id,
            _printable(exchange.secret_id),
            client,
            code,
            seconds * 1000,
            worker_s * 1000,
        )

    def _gauge(self) -> None:
        self.metrics.in_flight.set(self.pool.in_flight)
        self.metrics.queue_depth.set(self.pool.queued)

    async def healthz(self, request: Request) -> Response:
        """200 with the pool's state while it takes work, else 503."""
        pool = self.pool
        status = "draining" if pool.draining else ("ok" if pool.ready else "starting")
        document = {
            "status": status,
            "workers": pool.workers,
            "in_flight": pool.in_flight,
            "queued": pool.queued,
            "capacity": pool.capacity,
        }
        body = json.dumps(document).encode("utf-8")
        return Response(body, 200 if status == "ok" else 503, media_type="application/json")

    async def metrics_page(self, request: Request) -> Response:
        """Prometheus text exposition."""
        self.metrics.workers.set(self.pool.workers if self.pool.ready else 0)
        self._gauge()
        return Response(self.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)


async def read_body(request: Request, limit: int, *, keep: bool = True) -> bytes:
    """The body, or ``RequestSizeLimitExceeded`` as soon as it passes ``limit`` bytes.

    A declared Content-Length over 4 times the limit is refused without reading; a
    body streamed past the limit is read to its end but not kept (so the client,
    still sending, gets the answer instead of a reset connection), up to 4 times the
    limit. ``keep=False`` only drains the body (up to 4 times the server's limit).
    """
    drain = 4 * max(limit, MAX_BODY_BYTES)
    declared = request.headers.get("content-length", "")
    if keep and declared.isdigit() and int(declared) > drain:
        raise Refusal(BODY_TOO_LARGE, f"the request is over {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > drain:
            break
        if keep and size <= limit:
            chunks.append(chunk)
    if keep and size > limit:
        raise Refusal(BODY_TOO_LARGE, f"the request is over {limit} bytes")
    return b"".join(chunks)


def _printable(secret_id: str) -> str:
    """A SecretId fit for a log line (whatever a client claimed), or '-'."""
    return _PRINTABLE_ID.sub("?", secret_id[:64]) or "-"


def create_app(front: Front) -> Starlette:
    """The ASGI app; its lifespan starts the workers (warm) before the port opens and
    stops them after the last in-flight request is answered."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if not front.pool.ready:
            await asyncio.to_thread(front.pool.start)
        front.metrics.workers.set(front.pool.workers)
        try:
            yield
        finally:
            await asyncio.to_thread(front.pool.stop)

    routes = [
        Route("/", front.api, methods=["POST"]),
        Route("/healthz", front.healthz, methods=["GET"]),
        Route("/metrics", front.metrics_page, methods=["GET"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)
