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
