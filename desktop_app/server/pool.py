"""N worker processes, each holding one warm engine, behind a bounded admission count.

Recognition is CPU-bound, so pages are read in separate processes (a
``ProcessPoolExecutor`` started with ``spawn``: no copy of the front's sockets or
event loop). The front admits at most ``workers + queue`` requests at once; the
rest are refused at once with a back-pressure code instead of waiting without
bound. A worker that dies (killed, out of memory) breaks the pool: the requests
in it are answered ``InternalError`` and the pool is started afresh.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.server.protocol import INTERNAL
from desktop_app.server.work import Job, Outcome, ping, run_job, start_worker

log = logging.getLogger(__name__)

#: How long the engines may take to load and warm up before the server gives up.
START_TIMEOUT_S = 300.0


class PoolStartError(Exception):
    """The worker processes could not start their engines."""


def _start_and_report(
    build: Callable[[], RecognitionBackend], ready: multiprocessing.Queue
) -> None:
    """Initializer: warm the engine, then tell the front this worker is ready."""
    start_worker(build)
    ready.put(os.getpid())


class WorkerPool:
    """The worker processes and the count of requests admitted to them.

    ``build`` makes the engine inside each worker; it must be picklable (a
    module-level function or a ``functools.partial`` of one). ``admit`` and
    ``release`` are called from the front's event loop only.
    """

    def __init__(self, build: Callable[[], RecognitionBackend], workers: int, queue: int) -> None:
        if workers < 1 or queue < 0:
            raise ValueError("workers must be >= 1 and queue >= 0")
        self.workers = workers
        self.capacity = workers + queue
        self.in_flight = 0
        self.ready = False
        self.draining = False
        self._build = build
        self._executor: ProcessPoolExecutor | None = None
        self._restart_lock = threading.Lock()

    @property
    def queued(self) -> int:
        """Admitted requests waiting for a free worker."""
        return max(0, self.in_flight - self.workers)

    def start(self) -> None:
        """Start the processes and wait until every one has its engine warm (blocking)."""
        context = multiprocessing.get_context("spawn")
        ready = context.Queue()
        executor = ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=_start_and_report,
            initargs=(self._build, ready),
        )
        # One task per worker makes the executor start them all now, not on demand.
        pings = [executor.submit(ping) for _ in range(self.workers)]
        started = time.monotonic()
        try:
            self._wait_ready(ready, pings, started)
        except BaseException:
            executor.shutdown(wait=True, cancel_futures=True)
            raise
        self._executor = executor
        self.ready = True
        log.info("%d worker(s) ready in %.1f s", self.workers, time.monotonic() - started)

    def _wait_ready(
        self, ready: multiprocessing.Queue, pings: list[Future], started: float
    ) -> None:
        pids: set[int] = set()
        while len(pids) < self.workers:
            broken = next((f for f in pings if f.done() and f.exception() is not None), None)
            if broken is not None:
                raise PoolStartError(f"a worker could not start its engine: {broken.exception()!r}")
            if time.monotonic() - started > START_TIMEOUT_S:
                raise PoolStartError(f"workers not ready after {START_TIMEOUT_S:.0f} s")
            try:
                pids.add(ready.get(timeout=0.2))
            except queue.Empty:
                continue

    def has_room(self) -> bool:
        """Whether :meth:`admit` would take one more request now."""
        return self.ready and not self.draining and self.in_flight < self.capacity

    def admit(self) -> bool:
        """Count one more request in, unless the pool is full, not ready or draining."""
        if not self.has_room():
            return False
        self.in_flight += 1
        return True

    def release(self) -> None:
        """Count an admitted request out (after its answer is made)."""
        self.in_flight -= 1

    async def run(self, job: Job) -> Outcome:
        """Read ``job`` in a worker; a dead worker becomes ``InternalError``, never a hang."""
        executor = self._executor
        if executor is None:
            return Outcome(None, INTERNAL, "the workers are not running")
        try:
            return await asyncio.wrap_future(executor.submit(run_job, job))
        except BrokenProcessPool:
            log.error("a worker process died; starting the workers again")
            await asyncio.to_thread(self._restart, executor)
            return Outcome(None, INTERNAL, "the worker process died")

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        with self._restart_lock:
            if self._executor is not broken or self.draining:
                return  # another request restarted it already, or we are stopping
            self.ready = False
            broken.shutdown(wait=False, cancel_futures=True)
            self._executor = None
            try:
                self.start()
            except (PoolStartError, OSError):
                log.exception("the workers could not be started again")

    def stop(self) -> None:
        """Refuse new work, let running pages finish, then end the processes."""
        self.draining = True
        self.ready = False
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)
