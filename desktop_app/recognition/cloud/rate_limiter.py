"""Thread-safe limiters that keep the app under the service's per-account quota.

The quota (5 requests/s) is per *account*, so every client using one SecretId must
share one limiter: :func:`shared_limiter` keeps a process-wide registry keyed by
SecretId, and ``CarInvoiceClient`` uses it unless the composition root injects
a limiter of its own.

``WindowLimiter`` (what ``shared_limiter`` makes) lets at most ``quota`` requests
start in any window of 1 s (stretched by the margin): a queue of pages starts with
``quota`` requests at once and goes on in groups, which is exactly what the quota
allows. ``RateLimiter`` is a token bucket: evenly spaced requests, a burst of 1 by
default; measured on 40 pages at 5/s with 300 ms latency it spends 0.8 s more than
the window (`python -m desktop_app.bench throughput --cli`).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from desktop_app.core.cancel import CancelToken
from desktop_app.core.errors import Cancelled
from desktop_app.recognition.cloud.retry import pause

DEFAULT_RATE = 5.0
DEFAULT_BURST = 1.0
#: Pace this far under the quota: the service counts arrivals in one-second windows,
#: and requests spaced exactly 1/rate apart land a sixth in some windows through
#: network and scheduling jitter (measured: 16 refusals in 100 pages at 5.0/s, none
#: at 4.9/s; `python -m desktop_app.bench throughput`).
DEFAULT_MARGIN = 0.02
#: The window's margin is wider: a group of requests starting together reaches the
#: service spread by scheduling, so its last may arrive late and sit within 1 s of
#: the next group's first (measured on a loaded 2-core machine: 1-2 refusals in 40
#: pages at 2 %, none at 5 %; `python -m desktop_app.bench throughput --cli`).
WINDOW_MARGIN = 0.05


class RateLimiter:
    """Token bucket: ``rate`` tokens per second, at most ``burst`` saved up.

    ``rate`` is the quota; tokens come ``margin`` (2 %) slower so that jitter never
    pushes a request over it. ``burst`` defaults to 1 so that no one-second window
    ever holds more than ``rate`` + 1 calls; a larger burst lets a queue of pages
    start faster but can trip the service's own counter. ``clock`` and ``sleep`` are injectable for
    tests; without ``sleep`` waiting wakes early when the cancel token is set.
    """

    def __init__(
        self,
        rate: float = DEFAULT_RATE,
        burst: float = DEFAULT_BURST,
        *,
        margin: float = DEFAULT_MARGIN,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        if rate <= 0 or burst < 1 or not 0 <= margin < 1:
            raise ValueError("rate must be > 0, burst >= 1 and margin in [0, 1)")
        self.quota = rate
        self.rate = rate * (1.0 - margin)
        self.burst = burst
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._tokens = burst
        self._last = clock()

    def __repr__(self) -> str:
        return f"RateLimiter(quota={self.quota}/s, paced at {self.rate:.3g}/s, burst={self.burst})"

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now

    def _reserve(self) -> float:
        """Take a token now (possibly going into debt); the seconds until it is ours."""
        with self._lock:
            self._refill()
            self._tokens -= 1.0
            return max(0.0, -self._tokens / self.rate)

    def _refund(self) -> None:
        with self._lock:
            self._tokens = min(self.burst, self._tokens + 1.0)

    def acquire(self, cancel: CancelToken | None = None) -> float:
        """Block until a token is available; return the seconds waited.

        Raises ``Cancelled`` (giving the token back) when ``cancel`` is set first.
        """
        if cancel is not None:
            cancel.raise_if_cancelled()
        wait = self._reserve()
        if wait > 0:
            try:
                self._wait(wait, cancel)
            except Cancelled:
                self._refund()
                raise
        return wait

    def try_acquire(self) -> bool:
        """Take a token if one is available now, without waiting."""
        with self._lock:
            self._refill()
            if self._tokens < 1.0:
                return False
            self._tokens -= 1.0
            return True

    def _wait(self, seconds: float, cancel: CancelToken | None) -> None:
        pause(seconds, cancel, self._sleep)


class WindowLimiter:
    """At most ``quota`` requests start in any window of ``1 / (1 - margin)`` seconds.

    A sliding-window log: the start times granted last are kept, and a new request
    starts when the oldest of the last ``quota`` leaves the window. Same interface
    as ``RateLimiter`` (``acquire``, ``try_acquire``, ``quota``, ``rate``).
    """

    def __init__(
        self,
        quota: float = DEFAULT_RATE,
        *,
        margin: float = WINDOW_MARGIN,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        if quota < 1 or not 0 <= margin < 1:
            raise ValueError("quota must be >= 1 and margin in [0, 1)")
        self.quota = quota
        self.slots = int(quota)
        self.window = 1.0 / (1.0 - margin)
        self.rate = self.slots / self.window
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._starts: deque[float] = deque()  # ascending; granted starts still in reach

    def __repr__(self) -> str:
        return f"WindowLimiter({self.slots} per {self.window:.3f} s)"

    def _next_start(self, now: float) -> float:
        """When a request asking at ``now`` may start (lock held); drops starts out of reach."""
        while self._starts and self._starts[0] + self.window <= now:
            self._starts.popleft()
        start = now
        if len(self._starts) >= self.slots:
            start = max(start, self._starts[-self.slots] + self.window)
        if self._starts:
            start = max(start, self._starts[-1])  # keep the log in order
        return start

    def _reserve(self, now: float) -> float:
        start = self._next_start(now)
        self._starts.append(start)
        return start

    def acquire(self, cancel: CancelToken | None = None) -> float:
        """Block until the request may start; return the seconds waited.

        Raises ``Cancelled`` when ``cancel`` is set first; its slot is given back.
        """
        if cancel is not None:
            cancel.raise_if_cancelled()
        with self._lock:
            now = self._clock()
            start = self._reserve(now)
        wait = start - now
        if wait > 0:
            try:
                pause(wait, cancel, self._sleep)
            except Cancelled:
                with self._lock:
                    # Later grants counted this one: they stay a little conservative.
                    if start in self._starts:
                        self._starts.remove(start)
                raise
        return wait

    def try_acquire(self) -> bool:
        """Start a request now if the window has room, without waiting."""
        with self._lock:
            now = self._clock()
            if self._next_start(now) > now:
                return False
            self._starts.append(now)
            return True


_registry: dict[str, RateLimiter | WindowLimiter] = {}
_registry_lock = threading.Lock()


def shared_limiter(account: str, rate: float = DEFAULT_RATE) -> RateLimiter | WindowLimiter:
    """The one limiter of ``account`` (a SecretId) in this process, made on first use.

    A ``WindowLimiter`` of ``rate`` requests per second (applied when it is created).
    """
    with _registry_lock:
        limiter = _registry.get(account)
        if limiter is None:
            limiter = _registry[account] = WindowLimiter(rate)
        return limiter
