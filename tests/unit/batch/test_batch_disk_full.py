"""A full disk during a batch: said in plain words, answers kept, no page left recognizing.

The disk is made full for real as SQLite sees it: ``PRAGMA max_page_count`` at the
database's size makes every write that needs a new page fail with SQLITE_FULL.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.batch import BatchRunner
from desktop_app.store import PageStatus


def _queue(store, pages: int) -> list[int]:
    document = store.add_document(Path("/in/stack.pdf"), "sha-stack", pages)
    return [p.id for p in store.pages(document_id=document.id)]


def _fill_disk(store) -> None:
    conn = store._db.conn
    size = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {size}")


def _free_space(store) -> None:
    store._db.conn.execute("PRAGMA max_page_count = 1000000")


def test_a_full_disk_stops_the_batch_keeps_answers_and_leaves_no_page_recognizing(
    store, backend, rasterizer
) -> None:
    pages = _queue(store, 8)
    _fill_disk(store)
    runner = BatchRunner(store, backend, rasterizer=rasterizer, workers=2, language="en")
    summary = runner.run()
    assert summary.stopped_by == "Store.DiskFull"
    assert "disk is full" in summary.stop_message
    assert summary.unsaved >= 1 and len(runner.unsaved) == summary.unsaved
    assert summary.succeeded == 0 and summary.failed == 0
    assert len(backend.calls) < 8  # stopped: no more pages sent once nothing can be saved
    statuses = {store.page(p).status for p in pages}
    assert PageStatus.RECOGNIZING not in statuses  # the claims went back to new
    _free_space(store)
    runner.save_unsaved()  # once there is room, the answers already paid for are saved
    assert runner.unsaved == {}
    saved = store.pages(PageStatus.NEEDS_REVIEW)
    assert len(saved) == summary.unsaved
    assert store.values(saved[0].id)["发票号码"] == "00880890"


def test_space_freed_before_the_batch_ends_saves_the_kept_answers(
    store, backend, rasterizer, monkeypatch
) -> None:
    pages = _queue(store, 3)
    _fill_disk(store)
    real_save = store.save_recognition
    failures = []

    def save_then_free(page_id, result):
        try:
            return real_save(page_id, result)
        except Exception as exc:
            failures.append(exc)
            _free_space(store)  # the clerk empties the bin while the batch winds down
            raise

    monkeypatch.setattr(store, "save_recognition", save_then_free)
    summary = BatchRunner(store, backend, rasterizer=rasterizer, workers=1).run()
    assert failures and summary.stopped_by == "Store.DiskFull"
    assert summary.unsaved == 0 and summary.succeeded >= 1
    assert {store.page(p).status for p in pages} <= {PageStatus.NEW, PageStatus.NEEDS_REVIEW}
