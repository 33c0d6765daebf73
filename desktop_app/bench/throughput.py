"""``python -m desktop_app.bench throughput``: batch pages/s against the loopback cloud stand-in.

The stand-in (``tools.fake_cloud``) answers like the service at its default quota
(5 requests/s per SecretId) with 300 ms latency. The batch runner recognizes
``--pages`` generated small PNGs queued in a temporary store through the real
cloud client (signing, shared rate limiter, retries). Reported: pages/s, requests
the quota refused, failed pages and lost pages (queued but neither recognized nor
failed). Goal: ≥ 4.5 pages/s and no page lost. A benchmark, not a test.
"""

from __future__ import annotations

import logging
import os
import platform
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.batch.runner import BatchRunner
from desktop_app.batch.workers import CLOUD_WORKERS
from desktop_app.recognition.cloud.client import CarInvoiceClient
from desktop_app.recognition.cloud.credentials import Credentials
from desktop_app.recognition.cloud.rate_limiter import DEFAULT_RATE, WINDOW_MARGIN, WindowLimiter
from desktop_app.store.records import PageStatus
from desktop_app.store.store import open_store
from desktop_app.tools.fake_cloud import FakeCloudServer

_SECRET_ID, _SECRET_KEY = "AKIDBENCHMARK000", "bench-secret-key"
_ANSWER: dict[str, Any] = {
    "Response": {
        "CarInvoiceInfos": [
            {"Name": "发票代码", "Value": "153001720011"},
            {"Name": "发票号码", "Value": "00880890"},
            {"Name": "价税合计(小写)", "Value": "¥40000.00"},
        ],
        "RequestId": "",
    }
}


@dataclass(frozen=True)
class ThroughputResult:
    """What one run measured."""

    pages: int
    succeeded: int
    failed: int
    lost: int
    elapsed_s: float
    requests: int
    refused: int

    @property
    def pages_per_second(self) -> float:
        return (self.succeeded + self.failed) / self.elapsed_s if self.elapsed_s > 0 else 0.0


def make_pages(folder: Path, count: int) -> list[Path]:
    """``count`` small distinct PNG pages in ``folder``."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"page-{i:04d}.png"
        Image.new("RGB", (320, 200), (i % 256, (i // 256) % 256, 128)).save(path)
        paths.append(path)
    return paths


def run_throughput(
    pages: int = 100,
    *,
    quota: int = 5,
    latency_s: float = 0.3,
    workers: int = CLOUD_WORKERS,
    rate: float = DEFAULT_RATE,
    margin: float = WINDOW_MARGIN,
) -> ThroughputResult:
    """Queue ``pages`` generated pages and run one batch against the stand-in."""
    with tempfile.TemporaryDirectory(prefix="carinvoice-bench-") as temp:
        root = Path(temp)
        make_pages(root / "pages", pages)
        server = FakeCloudServer(
            {_SECRET_ID: _SECRET_KEY}, answer=_ANSWER, quota_per_second=quota, latency_s=latency_s
        )
        with server, open_store(root / "bench.sqlite3", user="bench") as store:
            store.add_paths([root / "pages"])
            client = CarInvoiceClient(
                Credentials(_SECRET_ID, _SECRET_KEY),
                endpoint=server.url,
                rate_limiter=WindowLimiter(rate, margin=margin),  # as shared_limiter makes
            )
            with client:
                summary = BatchRunner(store, client, workers=workers).run()
            counts = store.status_counts()
        finished = counts[PageStatus.NEEDS_REVIEW] + counts[PageStatus.FAILED]
        return ThroughputResult(
            pages=pages,
            succeeded=summary.succeeded,
            failed=summary.failed,
            lost=pages - finished,
            elapsed_s=summary.elapsed_s,
            requests=server.stats.requests,
            refused=server.stats.refused,
        )


def machine() -> str:
    """One line naming the machine the figure was measured on."""
    return (
        f"{platform.system()} {platform.release()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
    )


def report_lines(result: ThroughputResult, latency_s: float, quota: int) -> list[str]:
    """The benchmark's printout."""
    return [
        f"pages:            {result.pages} (stand-in quota {quota}/s, latency {latency_s:.2f} s)",
        f"pages/s:          {result.pages_per_second:.2f}  (goal >= 4.5)",
        f"elapsed:          {result.elapsed_s:.1f} s",
        f"requests:         {result.requests}",
        f"refused by quota: {result.refused}",
        f"failed pages:     {result.failed}",
        f"lost pages:       {result.lost}",
        f"machine:          {machine()}",
    ]


def add_parser(sub: Any) -> None:
    """The ``throughput`` subcommand on ``python -m desktop_app.bench``'s subparsers."""
    cmd = sub.add_parser("throughput", help="batch pages/s against the loopback cloud stand-in")
    cmd.add_argument(
        "--pages", type=int, default=None, help="pages to recognize (default 100, --cli 40)"
    )
    cmd.add_argument(
        "--cli",
        action="store_true",
        help="time 'python -m desktop_app recognize --jsonl' in a new process instead",
    )
    cmd.add_argument("--quota", type=int, default=5, help="stand-in requests/s (default 5)")
    cmd.add_argument("--latency", type=float, default=0.3, help="stand-in latency s (default 0.3)")
    cmd.add_argument("--workers", type=int, default=CLOUD_WORKERS, help="batch worker threads")
    cmd.add_argument(
        "--rate", type=float, default=DEFAULT_RATE, help="client quota/s (default: the app's)"
    )
    cmd.add_argument(
        "--margin",
        type=float,
        default=WINDOW_MARGIN,
        help="fraction the client stays under its quota (default: the app's, 0.05)",
    )


def main(args: Any) -> int:
    """Run the benchmark from parsed arguments; exit 1 when a page was lost or failed."""
    logging.basicConfig(level=logging.ERROR)  # the client's retry warnings are counted instead
    if args.cli:
        from desktop_app.bench.cli_throughput import run_cli_throughput

        result = run_cli_throughput(args.pages or 40, quota=args.quota, latency_s=args.latency)
        print("command:          python -m desktop_app recognize --jsonl (start-up included)")
        for line in report_lines(result, args.latency, args.quota):
            print(line, flush=True)
        return 1 if result.lost or result.failed else 0
    result = run_throughput(
        args.pages or 100,
        quota=args.quota,
        latency_s=args.latency,
        workers=args.workers,
        rate=args.rate,
        margin=args.margin,
    )
    for line in report_lines(result, args.latency, args.quota):
        print(line, flush=True)
    return 1 if result.lost or result.failed else 0
