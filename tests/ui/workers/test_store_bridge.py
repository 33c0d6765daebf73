"""Store changes made on other threads reach the window on the GUI thread, folded into one read."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from window_fakes import sample_result, write_pages

from desktop_app.store import open_store
from desktop_app.ui.workers.store_bridge import StoreBridge


def test_changes_from_a_worker_thread_arrive_on_the_gui_thread(qtbot, tmp_path) -> None:
    with open_store(tmp_path / "review.sqlite3") as store:
        store.add_paths(write_pages(tmp_path / "in", 3, size=(100, 60)))
        bridge = StoreBridge(store)
        threads: list[bool] = []
        bridge.changed.connect(
            lambda kind, page: threads.append(
                QThread.currentThread() is QApplication.instance().thread()
            )
        )
        snapshots = []
        bridge.snapshot_ready.connect(lambda snapshot, began: snapshots.append(snapshot))

        def work() -> None:
            for page in store.pages():
                store.save_recognition(page.id, sample_result())

        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(threads) == 3, timeout=5000)
        assert all(threads)
        qtbot.waitUntil(lambda: len(snapshots) == 1, timeout=5000)
        assert len(snapshots) == 1  # three changes, one read
        assert snapshots[0].count(store.pages()[0].status) == 3
        bridge.detach()


def test_an_edit_rereads_its_page_and_duplicates_not_the_queue(qtbot, tmp_path) -> None:
    """Incremental: after an edit only that page and its duplicate partners are read again."""
    with open_store(tmp_path / "review.sqlite3") as store:
        store.add_paths(write_pages(tmp_path / "in", 3, size=(100, 60)))
        first, second, third = (p.id for p in store.pages())
        store.save_recognition(first, sample_result())
        store.save_recognition(second, sample_result().with_value("发票号码", "99999999"))
        bridge = StoreBridge(store)
        snapshots = []
        bridge.snapshot_ready.connect(lambda snapshot, began: snapshots.append(snapshot))
        bridge.flush()  # the window's first, whole read
        qtbot.waitUntil(lambda: len(snapshots) == 1, timeout=5000)
        assert snapshots[0].changed is None and snapshots[0].duplicates == {}
        reads = []
        real_pages = store.pages
        store.pages = lambda *a, **k: reads.append(1) or real_pages(*a, **k)
        number = sample_result().value("发票号码")
        store.edit_field(second, "发票号码", number)  # now the same invoice as the first
        qtbot.waitUntil(lambda: len(snapshots) == 2, timeout=5000)
        patched = snapshots[1]
        assert reads == []  # no whole read of the queue
        assert patched.changed is not None and {first, second} <= patched.changed
        assert set(patched.duplicates) == {first, second}
        store.pages = real_pages
        store.add_paths(write_pages(tmp_path / "more", 1, size=(100, 60)))  # a new file
        qtbot.waitUntil(lambda: len(snapshots) == 3, timeout=5000)
        assert snapshots[2].changed is None and len(snapshots[2].pages) == 4
        assert third in {p.id for p in snapshots[2].pages}
        bridge.detach()
