"""A loopback stand-in for Tencent Cloud ``CarInvoiceOCR``, for tests and benchmarks.

It checks requests the way the service does (TC3 signature rebuilt from the
received ``SignedHeaders``, Host with port, timestamp within 5 minutes, known
SecretId, action, version, region), enforces a per-second quota per SecretId,
can add latency, plays a scripted queue of answers, and otherwise answers with
the document it was given. Binds 127.0.0.1 only.

    with FakeCloudServer({"AKIDTEST": "key"}, answer=doc) as server:
        client = CarInvoiceClient(creds, endpoint=server.url)

    python -m desktop_app.tools.fake_cloud --port 8765 --secret-id ID --secret-key KEY --answer FILE
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import json
import logging
import os
import signal
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from desktop_app.tools.fake_cloud_checks import Refusal, check_body, check_call, verify_signature

log = logging.getLogger(__name__)

EMPTY_ANSWER: dict[str, Any] = {"Response": {"CarInvoiceInfos": [], "RequestId": ""}}


@dataclass
class FakeCloudStats:
    """Counters for benchmarks: every request, and how each was answered."""

    requests: int = 0
    answered: int = 0
    refused: int = 0
    auth_failures: int = 0
    errors: int = 0


def error_document(code: str, message: str = "", request_id: str = "") -> dict[str, Any]:
    """The service's error answer shape."""
    error = {"Code": code, "Message": message or code}
    return {"Response": {"Error": error, "RequestId": request_id}}


class FakeCloudServer:
    """The stand-in service; a context manager that serves on a background thread.

    ``keys`` maps SecretId to SecretKey. ``port=0`` picks a free port. ``quota_per_second``
    (None: unlimited) counts accepted requests per SecretId over the last second.
    ``clock`` is the server's wall clock for timestamp checks.
    """

    def __init__(
        self,
        keys: Mapping[str, str],
        *,
        answer: Mapping[str, Any] | None = None,
        port: int = 0,
        quota_per_second: int | None = None,
        latency_s: float = 0.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.keys = dict(keys)
        self.answer = copy.deepcopy(dict(answer)) if answer is not None else EMPTY_ANSWER
        self.quota_per_second = quota_per_second
        self.latency_s = latency_s
        self.stats = FakeCloudStats()
        self.last_headers: dict[str, str] = {}
        self.last_body: bytes = b""
        self._clock = clock
        self._lock = threading.Lock()
        self._script: deque[tuple[int, bytes | dict[str, Any]]] = deque()
        self._windows: dict[str, deque[float]] = {}
        self._connections: set[socket.socket] = set()
        self._httpd = _HTTPServer(("127.0.0.1", port), _Handler, self)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port bound (the one picked when constructed with ``port=0``)."""
        return int(self._httpd.server_address[1])

    @property
    def host(self) -> str:
        """``127.0.0.1:<port>``: the Host a client must send and sign."""
        return f"127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The endpoint to give a client: ``http://127.0.0.1:<port>/``."""
        return f"http://{self.host}/"

    # -- scripting
    def enqueue_answer(self, document: Mapping[str, Any], *, status: int = 200) -> None:
        """Answer the next accepted request with ``document``."""
        with self._lock:
            self._script.append((status, copy.deepcopy(dict(document))))

    def enqueue_error(self, code: str, message: str = "", *, times: int = 1) -> None:
        """Answer the next ``times`` accepted requests with the error ``code``."""
        for _ in range(times):
            self.enqueue_answer(error_document(code, message))

    def enqueue_http(self, status: int, body: bytes = b"") -> None:
        """Answer the next accepted request with a raw HTTP status and body."""
        with self._lock:
            self._script.append((status, body))

    # -- lifecycle
    def start(self) -> FakeCloudServer:
        """Serve on a daemon thread until :meth:`stop`."""
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},  # how long stop() waits at most
            name="fake-cloud",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, drop kept-alive connections and join the threads."""
        self._httpd.shutdown()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeCloudServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def track(self, conn: socket.socket, alive: bool) -> None:
        """Remember open connections so :meth:`stop` can close kept-alive ones."""
        with self._lock:
            (self._connections.add if alive else self._connections.discard)(conn)

    # -- answering
    def handle(self, headers: Mapping[str, str], body: bytes) -> tuple[int, bytes]:
        """The HTTP status and body answering one POST to ``/`` (headers lower-cased)."""
        request_id = str(uuid.uuid4())
        with self._lock:
            self.stats.requests += 1
            self.last_headers, self.last_body = dict(headers), body
        if self.latency_s > 0:
            time.sleep(self.latency_s)
        try:
            secret_id = verify_signature(
                headers, body, self.keys, now=self._clock(), port=self.port
            )
            check_call(headers)
            self._count_quota(secret_id)
            status, document = self._next_answer(body)
        except Refusal as refusal:
            self._count_error(refusal.code)
            return 200, _json(error_document(refusal.code, refusal.message, request_id))
        if isinstance(document, bytes):
            return status, document
        return status, _json(_with_request_id(document, request_id))

    def _count_error(self, code: str) -> None:
        with self._lock:
            self.stats.errors += 1
            if code.startswith("AuthFailure"):
                self.stats.auth_failures += 1
            if code.startswith("RequestLimitExceeded"):
                self.stats.refused += 1

    def _count_quota(self, secret_id: str) -> None:
        if self.quota_per_second is None:
            return
        now = time.monotonic()
        with self._lock:
            window = self._windows.setdefault(secret_id, deque())
            while window and now - window[0] >= 1.0:
                window.popleft()
            over = len(window) >= self.quota_per_second
            if not over:
                window.append(now)
        if over:
            raise Refusal("RequestLimitExceeded", "request limit exceeded")

    def _next_answer(self, body: bytes) -> tuple[int, bytes | dict[str, Any]]:
        """The scripted answer, else the configured one after checking the body."""
        with self._lock:
            scripted = self._script.popleft() if self._script else None
        if scripted is not None:
            status, document = scripted
            self._count_answer(status, document)
            return status, document
        check_body(body)
        with self._lock:
            self.stats.answered += 1
        return 200, self.answer

    def _count_answer(self, status: int, document: bytes | dict[str, Any]) -> None:
        response = document.get("Response") if isinstance(document, dict) else None
        error = response.get("Error") if isinstance(response, dict) else None
        if status != 200 or error is not None:
            self._count_error(str(error.get("Code", "")) if isinstance(error, dict) else "")
        else:
            with self._lock:
                self.stats.answered += 1


def _with_request_id(document: dict[str, Any], request_id: str) -> dict[str, Any]:
    response = document.get("Response")
    if not isinstance(response, dict):
        return document
    return {**document, "Response": {**response, "RequestId": request_id}}


def _json(document: Mapping[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


class _HTTPServer(ThreadingHTTPServer):
    # Joined by server_close() (after stop() shut their sockets): no thread outlives stop().
    daemon_threads = False
    block_on_close = True

    def __init__(self, address: tuple[str, int], handler: type, fake: FakeCloudServer) -> None:
        self.fake = fake
        super().__init__(address, handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real service
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        self.server.fake.track(self.connection, True)

    def finish(self) -> None:
        self.server.fake.track(self.connection, False)
        super().finish()

    def do_POST(self) -> None:
        """Answer an API call (every call is a POST to ``/``)."""
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if self.path != "/":
            self._send(404, b'{"error": "not found"}')
            return
        headers = {k.lower(): v for k, v in self.headers.items()}
        status, answer = self.server.fake.handle(headers, body)
        self._send(status, answer)

    def do_GET(self) -> None:
        self._send(405, b'{"error": "POST only"}')

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("fake_cloud %s " + format, self.address_string(), *args)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Run the stand-in until Ctrl+C; print the counters at the end."""
    parser = argparse.ArgumentParser(prog="python -m desktop_app.tools.fake_cloud")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--secret-id", default=os.environ.get("TENCENTCLOUD_SECRET_ID"))
    parser.add_argument("--secret-key", default=os.environ.get("TENCENTCLOUD_SECRET_KEY"))
    parser.add_argument("--answer", type=Path, help="JSON answer file (default: no fields)")
    parser.add_argument("--quota", type=int, default=5, help="requests/s per SecretId (0: off)")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added per request")
    args = parser.parse_args(argv)
    if not args.secret_id or not args.secret_key:
        parser.error("--secret-id and --secret-key (or TENCENTCLOUD_SECRET_*) are required")
    answer = json.loads(args.answer.read_text(encoding="utf-8")) if args.answer else None
    server = FakeCloudServer(
        {args.secret_id: args.secret_key},
        answer=answer,
        port=args.port,
        quota_per_second=args.quota or None,
        latency_s=args.latency,
    )
    print(f"fake CarInvoiceOCR on {server.url} (Ctrl+C to stop)", flush=True)
    signal.signal(signal.SIGTERM, _interrupt)
    server.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        print(server.stats, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
