"""The pieces of the server benchmark: a ``serve`` process, signed calls, concurrent clients.

The server runs as the real command (``python -m desktop_app serve``) in a child
process; clients are threads, each with its own HTTP session, signing every call
with the app's own signer. Memory is the resident set of the server and its
worker processes, read from /proc (Linux).
"""

from __future__ import annotations

import base64
import concurrent.futures
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests

from desktop_app.recognition.cloud.signer import ApiCall, request_headers

BENCH_ID, BENCH_KEY = "AKIDbenchpages", "bench-pages-secret"
QUOTA_ID, QUOTA_KEY = "AKIDbenchquota", "bench-quota-secret"


@dataclass(frozen=True)
class Call:
    """One answered (or lost) request: its code, latency, the worker's time, when it ended."""

    code: str  # "" success, the Error.Code, or "lost: <why>" when no answer came
    latency_s: float
    recognize_s: float
    ended: float  # time.monotonic()

    @property
    def started(self) -> float:
        return self.ended - self.latency_s

    @property
    def lost(self) -> bool:
        return self.code.startswith("lost")


class ServeProcess:
    """``python -m desktop_app serve`` on a free port with a temporary keys file."""

    def __init__(self, workers: int, queue: int | None = None, quota_rate: int = 5) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="carinvoice-bench-")
        keys = Path(self._folder.name) / "keys.ini"
        keys.write_text(
            f"[{BENCH_ID}]\nsecret_key = {BENCH_KEY}\nrate = 10000\n"
            f"[{QUOTA_ID}]\nsecret_key = {QUOTA_KEY}\nrate = {quota_rate}\n",
            encoding="utf-8",
        )
        os.chmod(keys, 0o600)
        command = [sys.executable, "-m", "desktop_app", "serve", "--keys", str(keys)]
        command += ["--port", "0", "--workers", str(workers)]
        command += ["--queue", str(queue)] if queue is not None else []
        self.workers = workers
        self.process = subprocess.Popen(
            command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
        )
        self.port = self._wait_for_port()
        # The access log keeps coming: drain it so the server never blocks on a full pipe.
        self._drain = threading.Thread(target=self._read_rest, daemon=True)
        self._drain.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def _wait_for_port(self) -> int:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            if "running on" in line:
                return int(line.rsplit(":", 1)[1].split()[0])
        raise RuntimeError(f"serve exited with {self.process.wait()} before listening")

    def _read_rest(self) -> None:
        assert self.process.stderr is not None
        for _ in self.process.stderr:
            pass

    def rss_bytes(self) -> int:
        """Resident memory of the server and every worker process."""
        return sum(_rss(pid) for pid in [self.process.pid, *_children(self.process.pid)])

    def stop(self) -> int:
        """SIGTERM (graceful), then the exit code."""
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=120)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            self._folder.cleanup()
        return code

    def __enter__(self) -> ServeProcess:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (the children of each of its threads, recursively)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            text = (task / "children").read_text()
        except OSError:
            continue
        for child in (int(p) for p in text.split()):
            found += [child, *_children(child)]
    return found


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def page_body(data: bytes) -> bytes:
    """The signed body of one page: its file bytes as ImageBase64."""
    return json.dumps({"ImageBase64": base64.b64encode(data).decode("ascii")}).encode("utf-8")


def send(
    session: requests.Session,
    url: str,
    body: bytes,
    secret: tuple[str, str] = (BENCH_ID, BENCH_KEY),
) -> Call:
    """One signed CarInvoiceOCR call, timed; a failure to get an answer is 'lost', not raised."""
    host = url.split("//", 1)[1].rstrip("/")
    call = ApiCall("ocr", host, "CarInvoiceOCR", "2018-11-19", "ap-guangzhou")
    started = time.perf_counter()
    headers = request_headers(
        call,
        secret_id=secret[0],
        secret_key=secret[1],
        token=None,
        timestamp=int(time.time()),
        body=body,
    )
    try:
        response = session.post(url, data=body, headers=headers, timeout=300)
        document = response.json()["Response"]
    except (requests.RequestException, ValueError, KeyError) as exc:
        return Call(
            f"lost: {type(exc).__name__}", time.perf_counter() - started, 0.0, time.monotonic()
        )
    latency = time.perf_counter() - started
    code = (
        document.get("Error", {}).get("Code", "") if response.status_code == 200 else "lost: HTTP"
    )
    return Call(
        code, latency, _recognize_s(response.headers.get("Server-Timing", "")), time.monotonic()
    )


def _recognize_s(timing: str) -> float:
    """The worker's time from ``Server-Timing: total;dur=..., recognize;dur=...`` (ms)."""
    for part in timing.split(","):
        name, _, duration = part.strip().partition(";dur=")
        if name == "recognize" and duration:
            return float(duration) / 1000.0
    return 0.0


def run_clients(clients: int, client: Callable[[int, requests.Session], list[Call]]) -> list[Call]:
    """Run ``client(index, session)`` on ``clients`` threads at once; every call they made."""
    barrier = threading.Barrier(clients)

    def run(index: int) -> list[Call]:
        with requests.Session() as session:
            session.trust_env = False  # loopback only, never a proxy
            barrier.wait()
            return client(index, session)

    with concurrent.futures.ThreadPoolExecutor(clients) as threads:
        return [call for calls in threads.map(run, range(clients)) for call in calls]
