"""Every PyMuPDF call of the process runs on ONE thread: ``on_mupdf_thread(fn, *args)``.

PyMuPDF's documentation says it must not be used from several threads at once
(MuPDF's global context is unlocked; doing so "may cause incorrect behaviour or
even crash"). The window's documents thread and the batch rasterizer both render
PDF pages, so each such call is handed to one process-wide daemon thread and the
caller waits for its answer. Objects PyMuPDF returns (``Document``, ``Page``,
``Pixmap``) must only be touched inside functions run here; what leaves the
thread is plain data (``bytes``, ints).

Usage::

    from desktop_app.documents.mupdf_thread import on_mupdf_thread

    pdf = on_mupdf_thread(pymupdf.open, stream=data, filetype="pdf")
    count = on_mupdf_thread(lambda: pdf.page_count)

A call made from the PyMuPDF thread itself runs inline (no deadlock when a
function run here calls another that uses ``on_mupdf_thread``). Exceptions raised
by ``fn`` are re-raised in the caller with their original traceback. The thread
is a daemon: a process that exits does not wait for a render in progress.
Keep the work inside short (one page at a time) so a browsing clerk waits for at
most one page of a batch's rendering; Pillow work (PNG encoding) belongs outside.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

THREAD_NAME = "pymupdf"

_Job = tuple[Future[Any], Callable[..., Any], tuple[Any, ...], dict[str, Any]]

_start_lock = threading.Lock()
_jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
_thread: threading.Thread | None = None


def on_mupdf_thread(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run ``fn(*args, **kwargs)`` on the PyMuPDF thread and return its result."""
    if is_mupdf_thread():
        return fn(*args, **kwargs)
    future: Future[T] = Future()
    _ensure_started()
    _jobs.put((future, fn, args, kwargs))
    return future.result()


def is_mupdf_thread() -> bool:
    """Whether the calling thread is the one PyMuPDF thread."""
    return threading.current_thread() is _thread


def _ensure_started() -> None:
    global _thread
    if _thread is not None:
        return
    with _start_lock:
        if _thread is None:
            thread = threading.Thread(target=_serve, name=THREAD_NAME, daemon=True)
            thread.start()
            _thread = thread


def _serve() -> None:
    """Run jobs one after the other, for the life of the process."""
    while True:
        future, fn, args, kwargs = _jobs.get()
        if not future.set_running_or_notify_cancel():
            continue
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:  # handed to the caller, who re-raises it
            future.set_exception(exc)
        else:
            future.set_result(result)
            del result
        # Drop references here, on this thread: PyMuPDF objects a job created
        # and did not return are freed by MuPDF on the thread that owns it.
        del future, fn, args, kwargs
