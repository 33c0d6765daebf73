"""The per-SecretId quota: at most ``rate`` accepted requests in any one-second window.

The service counts arrivals per second per account; this counts them in a sliding
window, so the quota holds exactly over *every* second, however requests bunch up.
It lives in the front process, which every request passes through, so all worker
processes share it and the decision is made before any recognition work starts.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

WINDOW_S = 1.0


class SlidingWindowQuota:
    """Admits a request when fewer than ``rate`` were admitted in the last second.

    Refused requests do not count. Thread-safe (the ASGI front calls it from one
    event loop; tests and benchmarks may call it from threads).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, deque[float]] = {}

    def admit(self, secret_id: str, rate: int) -> bool:
        """Count one request of ``secret_id`` and say whether it is within ``rate``/s."""
        now = self._clock()
        with self._lock:
            window = self._windows.setdefault(secret_id, deque())
            while window and now - window[0] >= WINDOW_S:
                window.popleft()
            if len(window) >= rate:
                return False
            window.append(now)
            return True
