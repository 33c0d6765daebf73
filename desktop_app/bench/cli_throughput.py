"""``python -m desktop_app.bench throughput --cli``: ``recognize --jsonl`` pages/s, start-up included.

The same stand-in as the batch figure (quota 5/s, 300 ms latency), but the pages go
through the command a user types: a fresh ``python -m desktop_app recognize --jsonl
FOLDER --engine cloud`` process, timed from launch to exit. Its pipeline is the
window's (pages rasterized ahead, 6 workers, the shared rate limiter). Goal: 40 pages
at ≥ 4.5 pages/s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop_app.bench.throughput import _ANSWER, ThroughputResult, make_pages
from desktop_app.tools.fake_cloud import FakeCloudServer

_SECRET_ID, _SECRET_KEY = "AKIDBENCHCLI0000", "bench-cli-secret-key"


def run_cli_throughput(
    pages: int = 40, *, quota: int = 5, latency_s: float = 0.3
) -> ThroughputResult:
    """Recognize ``pages`` generated pages with the CLI in a new process against the stand-in."""
    with tempfile.TemporaryDirectory(prefix="carinvoice-bench-cli-") as temp:
        folder = Path(temp) / "pages"
        make_pages(folder, pages)
        server = FakeCloudServer(
            {_SECRET_ID: _SECRET_KEY}, answer=_ANSWER, quota_per_second=quota, latency_s=latency_s
        )
        env = {
            **os.environ,
            "TENCENTCLOUD_SECRET_ID": _SECRET_ID,
            "TENCENTCLOUD_SECRET_KEY": _SECRET_KEY,
        }
        command = [sys.executable, "-m", "desktop_app", "recognize", "--jsonl", str(folder)]
        with server:
            started = time.perf_counter()
            done = subprocess.run(
                [*command, "--engine", "cloud", "--endpoint", server.url],
                capture_output=True,
                env=env,
                timeout=600,
                check=False,
            )
            elapsed = time.perf_counter() - started
        lines = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
        failed = sum("Error" in line["Response"] for line in lines)
        return ThroughputResult(
            pages=pages,
            succeeded=len(lines) - failed,
            failed=failed,
            lost=pages - len(lines),
            elapsed_s=elapsed,
            requests=server.stats.requests,
            refused=server.stats.refused,
        )
