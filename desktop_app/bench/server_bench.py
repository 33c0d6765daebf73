"""``python -m desktop_app.bench server``: the office server under load, against the engine in-process.

Phases, each on a fresh ``python -m desktop_app serve`` (real engine, real workers):

1. ``--rounds`` rounds, each: the engine built as the server builds it reads
   ``clients × pages`` pages one after the other in this process (the baseline),
   then each server (one per ``--workers`` count, started once) gets the same pages
   from ``--clients`` clients × ``--pages`` pages: pages/s, p50/p95 latency, every
   request's fate (none may be lost). Alternating within a round keeps a drifting
   machine load (other users) from favouring one contender;
2. serial calls (one client, no queueing) give each server's own overhead per
   request: latency minus the worker's time (the ``Server-Timing`` header);
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
import contextlib
import os
import signal
import sys
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
    srv.add_argument("--rounds", type=int, default=3, help="rounds of the comparison (default 3)")
    srv.add_argument(
        "--worker-memory",
        type=int,
        metavar="PASSES",
        default=0,
        help="only this: what one worker does with every page, PASSES times, and its memory",
    )
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


class InProcess:
    """The engine built as the server builds it, warm, in this process."""

    def __init__(self) -> None:
        from desktop_app.recognition.factory import create_backend
        from desktop_app.server.serve import SERVER_ENGINE

        self.engine = create_backend(SERVER_ENGINE)
        self.engine.warm_up()

    def rate(self, pages: list[bytes], count: int) -> float:
        """Pages/s reading ``count`` pages one after another, opened as a worker opens them."""
        from desktop_app.documents.document import open_document_bytes
        from desktop_app.documents.limits import DEFAULT_DPI

        started = time.perf_counter()
        for index in range(count):
            with open_document_bytes(pages[index % len(pages)], "page") as document:
                page = document.page_image(0, dpi=DEFAULT_DPI)
            self.engine.recognize(page)
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


def most_in_one_second(calls: list[Call]) -> int:
    """The most calls whose whole round trip lies inside one 1 s window.

    The server decided each call somewhere between its sending and its answer, so
    these calls were certainly admitted within that second: more than the quota
    here would prove the quota broken (client clocks cannot prove more).
    """
    ordered = sorted(calls, key=lambda c: c.started)
    return max(
        (
            sum(1 for c in ordered[i:] if c.ended < first.started + 1.0)
            for i, first in enumerate(ordered)
        ),
        default=0,
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
    if args.worker_memory:
        return worker_memory(pages, args.worker_memory)
    # SIGTERM ends the benchmark through the context managers: no server is left running.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    counts = [int(w) for w in args.workers.split(",")]
    print(
        f"{len(pages)} distinct pages; {args.clients} clients x {args.pages} pages; "
        f"{args.rounds} rounds; {_load()}",
        flush=True,
    )
    with contextlib.ExitStack() as stack:
        servers = {
            n: stack.enter_context(ServeProcess(n, queue=args.clients, quota_rate=args.quota_rate))
            for n in counts
        }
        _compare(InProcess(), servers, pages, args)
        _report_quota(servers[min(counts)], args)
    _report_overload(max(counts), [page_body(p) for p in pages], args)
    print(_load(), flush=True)
    return 0


def worker_memory(pages: list[bytes], passes: int) -> int:
    """A worker's job loop in this process (``work.start_worker`` then ``run_job`` per page):
    resident memory after warm-up and after each pass over every page."""
    import base64
    import functools

    from desktop_app.recognition.factory import create_backend
    from desktop_app.server.serve import SERVER_ENGINE
    from desktop_app.server.work import Job, run_job, start_worker

    start_worker(functools.partial(create_backend, SERVER_ENGINE))
    print(f"worker warm: {_own_rss_mb()} MB; {_load()}", flush=True)
    for number in range(1, passes + 1):
        started = time.perf_counter()
        failed = 0
        for data in pages:
            outcome = run_job(Job(base64.b64encode(data).decode("ascii"), None, True, 1))
            failed += outcome.infos is None
        print(
            f"pass {number}: {len(pages)} pages ({failed} failed) in "
            f"{time.perf_counter() - started:.0f} s, resident {_own_rss_mb()} MB",
            flush=True,
        )
    return 0


def _own_rss_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def _compare(
    engine: InProcess,
    servers: dict[int, ServeProcess],
    pages: list[bytes],
    args: argparse.Namespace,
) -> None:
    """Rounds of in-process then each server on the same pages: a load that drifts over the
    run (a shared machine) touches every contender alike within a round."""
    bodies = [page_body(p) for p in pages]
    total = args.clients * args.pages
    local: list[float] = []
    rates: dict[int, list[float]] = {n: [] for n in servers}
    calls: dict[int, list[Call]] = {n: [] for n in servers}
    for round_number in range(1, args.rounds + 1):
        # Even rounds run in reverse order, so a load that rises or falls during a round
        # does not always favour whoever goes first.
        order: list[int | None] = [None, *servers]
        for n in order if round_number % 2 else order[::-1]:
            if n is None:
                local.append(engine.rate(pages, total))
                continue
            made, elapsed = throughput(servers[n], bodies, args.clients, args.pages)
            calls[n] += made
            rates[n].append(sum(1 for c in made if not c.code) / elapsed)
        line = f"round {round_number}: in-process {local[-1]:.3f} pages/s"
        for n in servers:
            line += f", {n} worker(s) {rates[n][-1]:.3f} ({100 * rates[n][-1] / local[-1]:.0f}%)"
        print(f"{line}; {_load()}", flush=True)
    print(f"in-process engine: median {percentile(local, 0.5):.3f} pages/s", flush=True)
    for n, server in servers.items():
        ratios = [r / b for r, b in zip(rates[n], local, strict=True)]
        _report_workers(
            server, bodies, calls[n], percentile(rates[n], 0.5), percentile(ratios, 0.5)
        )


def _report_workers(
    server: ServeProcess, bodies: list[bytes], calls: list[Call], rate: float, ratio: float
) -> None:
    lone = serial(server, bodies, min(len(bodies), 8))
    overheads = [c.latency_s - c.recognize_s for c in lone if not c.code]
    latencies = [c.latency_s for c in calls]
    print(
        f"{server.workers} worker(s): median {rate:.3f} pages/s, median {100 * ratio:.0f}% of "
        f"in-process in the same round; latency p50 {percentile(latencies, 0.5):.2f} s, "
        f"p95 {percentile(latencies, 0.95):.2f} s; answers: {codes(calls)}; "
        f"lost {sum(c.lost for c in calls)}; overhead per request (serial, {len(overheads)} calls) "
        f"median {1000 * percentile(overheads, 0.5):.1f} ms, max {1000 * max(overheads, default=0):.1f} ms",
        flush=True,
    )


def _report_quota(server: ServeProcess, args: argparse.Namespace) -> None:
    calls = quota(server, args.clients, args.quota_seconds)
    admitted = [c for c in calls if c.code == "MissingParameter"]
    span = (max(c.ended for c in calls) - min(c.ended for c in calls)) if calls else 0.0
    print(
        f"quota {args.quota_rate}/s, {args.clients} clients for {args.quota_seconds:g} s: "
        f"{len(calls)} requests, {len(admitted)} admitted ({len(admitted) / max(span, 1e-9):.2f}/s), "
        f"most admitted with the whole round trip inside one second {most_in_one_second(admitted)}; "
        f"answers: {codes(calls)}; "
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
