"""How many pages to recognize at once, per engine."""

from __future__ import annotations

import os

#: Cloud: 5 requests/s × ~0.3 s latency keeps ~1.5 requests in flight; a few more
#: workers cover encoding, slow answers and retries, and the client's shared rate
#: limiter keeps the total under the quota whatever the count.
CLOUD_WORKERS = 6


def default_workers(engine: str, cpu_count: int | None = None) -> int:
    """Worker threads for ``engine`` (``cloud``, ``server`` or ``local``).

    The local OCR runtime already spreads one page over every core, so more than
    two pages at once only adds memory and contention: 1 worker up to 4 cores, else 2.
    """
    if engine in ("cloud", "server"):  # an office server: remote too, and quota-paced
        return CLOUD_WORKERS
    cpus = cpu_count if cpu_count is not None else (os.cpu_count() or 1)
    return 1 if cpus <= 4 else 2
