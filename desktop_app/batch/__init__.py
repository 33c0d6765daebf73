"""Qt-free batch recognition of the queue's new pages (thread pool, pause, cancel, ETA).

``BatchRunner(store, backend).run()`` blocks until the batch ends; the UI runs it on
a worker thread and turns its callbacks into signals. ``recognize_many`` is the
headless multi-file ``recognize --jsonl`` command's body.
"""

from desktop_app.batch.progress import BatchProgress, BatchSummary
from desktop_app.batch.runner import BatchRunner
from desktop_app.batch.workers import default_workers

__all__ = ["BatchProgress", "BatchRunner", "BatchSummary", "default_workers"]
