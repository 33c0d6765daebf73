"""Token bucket timing with a fake clock, thread safety, cancellation; retry backoff."""

from __future__ import annotations

import threading
import time

import pytest

from desktop_app.core.cancel import CancelToken
from desktop_app.core.errors import Cancelled
from desktop_app.recognition.cloud.rate_limiter import RateLimiter, WindowLimiter, shared_limiter
from desktop_app.recognition.cloud.retry import RetryPolicy, pause


class FakeTime:
    """A clock that only moves when someone sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_twenty_acquires_at_five_per_second_take_3_8_seconds() -> None:
    fake = FakeTime()
    limiter = RateLimiter(5.0, margin=0.0, clock=fake.clock, sleep=fake.sleep)
    for _ in range(20):
        limiter.acquire()
    assert fake.now - 1000.0 == pytest.approx(3.8)


def test_burst_is_spent_first() -> None:
    fake = FakeTime()
    limiter = RateLimiter(5.0, margin=0.0, burst=5, clock=fake.clock, sleep=fake.sleep)
    waits = [limiter.acquire() for _ in range(7)]
    assert waits[:5] == [0.0] * 5
    assert waits[5] == pytest.approx(0.2)
    assert fake.now - 1000.0 == pytest.approx(0.4)


def test_idle_time_refills_up_to_burst_only() -> None:
    fake = FakeTime()
    limiter = RateLimiter(5.0, margin=0.0, burst=2, clock=fake.clock, sleep=fake.sleep)
    fake.now += 100
    assert [limiter.try_acquire() for _ in range(3)] == [True, True, False]


def test_threads_get_distinct_slots() -> None:
    """With the clock frozen every reservation must be one slot later than the previous."""
    limiter = RateLimiter(5.0, margin=0.0, clock=lambda: 0.0, sleep=lambda s: None)
    waits: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(25):
            wait = limiter.acquire()
            with lock:
                waits.append(wait)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(round(w, 6) for w in waits) == [round(k / 5.0, 6) for k in range(200)]


def test_real_clock_with_threads_keeps_the_rate() -> None:
    limiter = RateLimiter(200.0, margin=0.0)
    start = time.monotonic()
    workers = [
        threading.Thread(target=lambda: [limiter.acquire() for _ in range(10)]) for _ in range(4)
    ]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    assert time.monotonic() - start >= 39 / 200.0 * 0.95


def test_cancel_before_acquire() -> None:
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        RateLimiter().acquire(cancel)


def test_cancel_while_waiting_returns_the_token() -> None:
    fake = FakeTime()
    cancel = CancelToken()
    limiter = RateLimiter(5.0, margin=0.0, clock=fake.clock, sleep=lambda s: cancel.cancel())
    limiter.acquire()
    with pytest.raises(Cancelled):
        limiter.acquire(cancel)
    fake.now += 0.2
    assert limiter.try_acquire()


def test_real_wait_wakes_on_cancel() -> None:
    limiter = RateLimiter(0.01, margin=0.0)  # next token in 100 s
    limiter.acquire()
    cancel = CancelToken()
    timer = threading.Timer(0.05, cancel.cancel)
    timer.start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        limiter.acquire(cancel)
    timer.join()
    assert time.monotonic() - started < 5


def test_shared_limiter_is_one_per_account() -> None:
    assert shared_limiter("AKIDshared1") is shared_limiter("AKIDshared1")
    assert shared_limiter("AKIDshared1") is not shared_limiter("AKIDshared2")
    assert isinstance(shared_limiter("AKIDshared1"), WindowLimiter)


# -- the sliding window
def test_window_starts_quota_requests_at_once_then_in_groups() -> None:
    fake = FakeTime()
    limiter = WindowLimiter(5, margin=0.0, clock=fake.clock, sleep=fake.sleep)
    starts = []
    for _ in range(12):
        limiter.acquire()
        starts.append(round(fake.now - 1000.0, 6))
    assert starts == [0.0] * 5 + [1.0] * 5 + [2.0] * 2


def test_no_window_ever_holds_more_than_the_quota() -> None:
    """Eight threads, 200 requests, frozen clock: any 1.02 s span holds at most 5 starts."""
    limiter = WindowLimiter(5, clock=lambda: 0.0, sleep=lambda s: None)
    starts: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(25):
            wait = limiter.acquire()
            with lock:
                starts.append(wait)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    starts.sort()
    assert len(starts) == 200
    assert all(starts[k + 5] - starts[k] >= limiter.window - 1e-9 for k in range(195))
    assert starts[-1] == pytest.approx(39 * limiter.window)


def test_window_slot_comes_back_when_cancelled() -> None:
    fake = FakeTime()
    cancel = CancelToken()
    limiter = WindowLimiter(2, margin=0.0, clock=fake.clock, sleep=lambda s: cancel.cancel())
    limiter.acquire()
    limiter.acquire()
    with pytest.raises(Cancelled):
        limiter.acquire(cancel)
    assert not limiter.try_acquire()
    fake.now += 1.0
    assert limiter.try_acquire() and limiter.try_acquire() and not limiter.try_acquire()


@pytest.mark.parametrize(("rate", "burst"), [(0, 1), (-1, 1), (5, 0.5)])
def test_bad_settings(rate: float, burst: float) -> None:
    with pytest.raises(ValueError):
        RateLimiter(rate, burst)


# -- retry policy
def test_backoff_is_exponential_capped_and_jittered() -> None:
    policy = RetryPolicy(max_attempts=10, base_delay=0.5, max_delay=4.0)
    assert [policy.ceiling(n) for n in range(1, 6)] == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert policy.delay(3, lambda: 0.25) == 1.25  # equal jitter: in [1, 2] for ceiling 2
    assert policy.delay(3, lambda: 0.0) == 1.0


def test_default_backoff_outlasts_a_ten_second_throttle_storm() -> None:
    """Even with the shortest jitter, the last attempt comes after 10 s of refusals."""
    policy = RetryPolicy()
    shortest = sum(policy.delay(n, lambda: 0.0) for n in range(1, policy.max_attempts))
    longest = sum(policy.delay(n, lambda: 1.0) for n in range(1, policy.max_attempts))
    assert shortest > 10.0
    assert longest <= 31.5 < policy.budget_s


def test_bad_policy() -> None:
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)


def test_pause_checks_cancel_after_sleeping() -> None:
    cancel = CancelToken()
    with pytest.raises(Cancelled):
        pause(1.0, cancel, lambda s: cancel.cancel())


def test_default_margin_paces_just_under_the_quota():
    fake = FakeTime()
    limiter = RateLimiter(5.0, clock=fake.clock, sleep=fake.sleep)
    for _ in range(6):
        limiter.acquire()
    # Six calls at a 5/s quota span more than one second, so no window holds six.
    assert fake.now - 1000.0 > 1.0
    assert limiter.quota == 5.0 and limiter.rate == pytest.approx(4.9)
