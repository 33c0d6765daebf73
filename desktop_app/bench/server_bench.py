"""``python -m desktop_app.bench server``: the office server under load, against the engine in-process.

Phases, each on a fresh ``python -m desktop_app serve`` (real engine, real workers):

1. in-process: the engine built as the server builds it, the same pages one after
   the other in this process (``clients × pages`` pages): the baseline pages/s;
2. for each ``--workers`` count: serial calls (one client, no queueing) give the
   server's own overhead per request (latency minus the worker's time, from the
   ``Server-Timing`` header); then ``--clients`` clients × ``--pages`` pages give
   pages/s, p50/p95 latency, and every request's fate (none may be lost);
3. quota: ``--clients`` clients hammer one SecretId of ``--quota-rate``/s with
   cheap requests for ``--quota-seconds``; admitted calls are counted per second;
4. 4× overload: 4 × (workers + queue) clients send pages for ``--overload-seconds``,
   waiting 0.25 s after a back-pressure answer like a client with backoff; every
   request must be answered (a page or ServiceUnavailable), memory sampled.

A benchmark, not a test: minutes of CPU. The machine may be shared; the load
average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import threading
import time
from pathlib import Path

import requests

from desktop_app.bench.server_load import (
    QUOTA_ID,
    QUOTA_KEY,
    Call,
    ServeProcess,
    page_body,
    run_clients,
    send,
)

_DEFAULT_PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "dev"
_SUFFIXES = (".png", ".jpg", ".jpeg", ".pdf")
BACKOFF_S = 0.25


def add_parser(sub: argparse._SubParsersAction) -> None:
    srv = sub.add_parser("server", help="load benchmark of the office server (serve)")
    srv.add_argument(
        "files", nargs="*", type=Path, help=f"pages or folders (default {_DEFAULT_PAGES})"
    )
    srv.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    srv.add_argument("--pages", type=int, default=4, help="pages per client (default 4)")
    srv.add_argument("--workers", default="1,2", help="worker counts to measure (default 1,2)")
    srv.add_argument(
        "--quota-rate", type=int, default=5, help="quota of the quota phase (default 5/s)"
    )
    srv.add_argument(
        "--quota-seconds", type=float, default=6.0, help="quota phase length (default 6)"
    )
    srv.add_argument(
        "--overload-seconds", type=float, default=30.0, help="overload phase length (default 30)"
    )


def load_files(paths: list[Path]) -> list[bytes]:
    """The bytes of every page file named or found in the folders named, sorted."""
    found: list[Path] = []
    for path in paths or [_DEFAULT_PAGES]:
        if not path.exists():
            raise FileNotFoundError(f"{path} does not exist")
        found += (
            sorted(p for p in path.rglob("*") if p.suffix.lower() in _SUFFIXES)
            if path.is_dir()
            else [path]
        )
    return [p.read_bytes() for p in found]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def in_process(pages: list[bytes], count: int) -> float:
    """Pages/s of the server's engine in this process, ``count`` pages one after another."""
    from desktop_app.documents.document import open_document_bytes
    from desktop_app.documents.limits import DEFAULT_DPI
    from desktop_app.recognition.factory import create_backend
    from desktop_app.server.serve import SERVER_ENGINE

    engine = create_backend(SERVER_ENGINE)
    engine.warm_up()
    started = time.perf_counter()
    for index in range(count):
        with open_document_bytes(pages[index % len(pages)], "page") as document:
            page = document.page_image(0, dpi=DEFAULT_DPI)
        engine.recognize(page)
    return count / (time.perf_counter() - started)


def serial(server: ServeProcess, bodies: list[bytes], count: int) -> list[Call]:
    with requests.Session() as session:
        session.trust_env = False
        return [send(session, server.url, bodies[i % len(bodies)]) for i in range(count)]


def throughput(
    server: ServeProcess, bodies: list[bytes], clients: int, pages: int
) -> tuple[list[Call], float]:
    def client(index: int, session: requests.Session) -> list[Call]:
        return [
            send(session, server.url, bodies[(index * pages + i) % len(bodies)])
            for i in range(pages)
        ]

    started = time.perf_counter()
    calls = run_clients(clients, client)
    return calls, time.perf_counter() - started


def quota(server: ServeProcess, clients: int, seconds: float) -> list[Call]:
    body = b"{}"  # passes the signature and the quota, then MissingParameter: no page work

    def client(index: int, session: requests.Session) -> list[Call]:
        calls, deadline = [], time.monotonic() + seconds
        while time.monotonic() < deadline:
            calls.append(send(session, server.url, body, (QUOTA_ID, QUOTA_KEY)))
        return calls

    return run_clients(clients, client)


def overload(
    server: ServeProcess, bodies: list[bytes], clients: int, seconds: float
) -> tuple[list[Call], list[int]]:
    memory: list[int] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.5):
            memory.append(server.rss_bytes())

    def client(index: int, session: requests.Session) -> list[Call]:
        calls, deadline = [], time.monotonic() + seconds
        while time.monotonic() < deadline:
            calls.append(send(session, server.url, bodies[(index + len(calls)) % len(bodies)]))
            if calls[-1].code == "ServiceUnavailable":
                time.sleep(BACKOFF_S)
        return calls

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        calls = run_clients(clients, client)
    finally:
        stop.set()
        sampler.join()
    return calls, memory


def codes(calls: list[Call]) -> str:
    counted: dict[str, int] = {}
    for call in calls:
        counted[call.code or "OK"] = counted.get(call.code or "OK", 0) + 1
    return ", ".join(f"{code} {n}" for code, n in sorted(counted.items()))


def max_in_any_second(ends: list[float]) -> int:
    ends = sorted(ends)
    return max(
        (sum(1 for t in ends[i:] if t - start < 1.0) for i, start in enumerate(ends)), default=0
    )


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} (1/5 min) on {os.cpu_count()} cores"


def main(args: argparse.Namespace) -> int:
    try:
        pages = load_files(args.files)
    except FileNotFoundError as exc:
        print(f"error: {exc}; name page files or a folder", flush=True)
        return 2
    if not pages:
        print("error: no page files found", flush=True)
        return 2
    bodies = [page_body(p) for p in pages]
    total = args.clients * args.pages
    print(
        f"{len(pages)} distinct pages; {args.clients} clients x {args.pages} pages; {_load()}",
        flush=True,
    )
    baseline = in_process(pages, total)
    print(
        f"in-process engine: {baseline:.3f} pages/s ({total} pages, one after another)", flush=True
    )
    for workers in (int(w) for w in args.workers.split(",")):
        with ServeProcess(workers, queue=args.clients, quota_rate=args.quota_rate) as server:
            _report_workers(server, bodies, args, baseline)
            if workers == 1:
                _report_quota(server, args)
    _report_overload(max(int(w) for w in args.workers.split(",")), bodies, args)
    print(_load(), flush=True)
    return 0


def _report_workers(
    server: ServeProcess, bodies: list[bytes], args: argparse.Namespace, baseline: float
) -> None:
    lone = serial(server, bodies, min(len(bodies), 8))
    overheads = [c.latency_s - c.recognize_s for c in lone if not c.code]
    calls, elapsed = throughput(server, bodies, args.clients, args.pages)
    done = sum(1 for c in calls if not c.code)
    rate = done / elapsed
    latencies = [c.latency_s for c in calls]
    print(
        f"{server.workers} worker(s): {rate:.3f} pages/s = {100 * rate / baseline:.0f}% of in-process; "
        f"latency p50 {percentile(latencies, 0.5):.2f} s, p95 {percentile(latencies, 0.95):.2f} s; "
        f"answers: {codes(calls)}; lost {sum(c.lost for c in calls)}; "
        f"overhead per request (serial, {len(overheads)} calls) median "
        f"{1000 * percentile(overheads, 0.5):.1f} ms, max {1000 * max(overheads, default=0):.1f} ms",
        flush=True,
    )


def _report_quota(server: ServeProcess, args: argparse.Namespace) -> None:
    calls = quota(server, args.clients, args.quota_seconds)
    admitted = [c.ended for c in calls if c.code == "MissingParameter"]
    span = (max(c.ended for c in calls) - min(c.ended for c in calls)) if calls else 0.0
    print(
        f"quota {args.quota_rate}/s, {args.clients} clients for {args.quota_seconds:g} s: "
        f"{len(calls)} requests, {len(admitted)} admitted ({len(admitted) / max(span, 1e-9):.2f}/s), "
        f"most admitted in any 1 s (client clock) {max_in_any_second(admitted)}; answers: {codes(calls)}; "
        f"lost {sum(c.lost for c in calls)}",
        flush=True,
    )


def _report_overload(workers: int, bodies: list[bytes], args: argparse.Namespace) -> None:
    with ServeProcess(workers) as server:
        capacity = workers + 2 * workers  # serve's default queue: 2 per worker
        idle = server.rss_bytes()
        calls, memory = overload(server, bodies, 4 * capacity, args.overload_seconds)
        after = server.rss_bytes()
    done = sum(1 for c in calls if not c.code)
    elapsed = (
        max(c.ended for c in calls) - min(c.ended - c.latency_s for c in calls) if calls else 1.0
    )
    print(
        f"4x overload: {4 * capacity} clients on {workers} worker(s) + queue {2 * workers} for "
        f"{args.overload_seconds:g} s: {len(calls)} requests, answers: {codes(calls)}; "
        f"lost {sum(c.lost for c in calls)}; {done / elapsed:.2f} pages/s over {elapsed:.0f} s; "
        f"latency of pages p95 {percentile([c.latency_s for c in calls if not c.code], 0.95):.2f} s; "
        f"memory (server + workers) warm {idle / 2**20:.0f} MB, peak {max(memory, default=0) / 2**20:.0f} MB, "
        f"after {after / 2**20:.0f} MB",
        flush=True,
    )
