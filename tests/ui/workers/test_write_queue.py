"""The window's write queue: answers on the GUI thread, refused writes kept, never over a later one."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from desktop_app.store import DiskFull
from desktop_app.ui.workers.write_queue import WriteQueue


class FakeDisk:
    """Stands in for the store: records what was written; full until told otherwise."""

    def __init__(self) -> None:
        self.written: list[tuple[str, str]] = []
        self.full = False
        self.gate = threading.Event()
        self.gate.set()

    def write(self, key: str, value: str):
        def call() -> str:
            self.gate.wait(10)
            if self.full:
                raise DiskFull("/tmp/review.sqlite3", detail="database or disk is full")
            self.written.append((key, value))
            return value

        return call


def test_answers_come_on_the_gui_thread_in_order(qtbot) -> None:
    queue, disk = WriteQueue(), FakeDisk()
    saved: list[tuple[str, bool]] = []
    gui = QApplication.instance().thread()
    for n in range(4):
        queue.submit(
            disk.write("a", str(n)),
            on_saved=lambda value: saved.append((value, QThread.currentThread() is gui)),
        )
    assert queue.pending == 4
    qtbot.waitUntil(lambda: queue.pending == 0, timeout=5000)
    assert saved == [(str(n), True) for n in range(4)]
    assert queue.close()


def test_a_refused_write_is_kept_and_retried_unless_a_later_one_of_its_key_came(qtbot) -> None:
    queue, disk = WriteQueue(), FakeDisk()
    unsaved: list[int] = []
    queue.unsaved_changed.connect(unsaved.append)
    disk.full = True
    with qtbot.waitSignal(queue.failed, timeout=5000):
        queue.submit(disk.write("备注", "old"), key=(1, "value", "备注"))
        queue.submit(disk.write("号码", "1"), key=(1, "value", "号码"))
    qtbot.waitUntil(lambda: queue.pending == 0, timeout=5000)
    assert queue.unsaved == 2
    disk.full = False
    queue.submit(disk.write("备注", "new"), key=(1, "value", "备注"))  # supersedes "old"
    assert queue.unsaved == 1
    qtbot.waitUntil(lambda: queue.pending == 0, timeout=5000)
    queue.retry()
    qtbot.waitUntil(lambda: queue.pending == 0, timeout=5000)
    assert disk.written == [("备注", "new"), ("号码", "1")]  # "old" never overwrote "new"
    assert queue.unsaved == 0 and unsaved[-1] == 0
    assert queue.close()


def test_a_write_refused_after_a_later_one_of_its_key_was_submitted_is_not_kept(qtbot) -> None:
    queue, disk = WriteQueue(), FakeDisk()
    disk.gate.clear()  # the first write is being committed while the clerk edits again
    disk.full = True
    queue.submit(disk.write("备注", "old"), key="备注")
    queue.submit(disk.write("号码", "1"), key="号码")  # keeps the next 备注 from merging
    queue.submit(lambda: disk.written.append(("备注", "new")), key="备注")
    disk.gate.set()
    qtbot.waitUntil(lambda: queue.pending == 0, timeout=5000)
    assert queue.unsaved == 1  # only 号码: retrying "old" would undo "new"
    assert ("备注", "new") in disk.written
    assert not queue.close()  # a refused write was never saved


def test_after_pending_runs_at_once_when_idle_and_after_the_writes_otherwise(qtbot) -> None:
    queue, disk = WriteQueue(), FakeDisk()
    order: list[str] = []
    queue.after_pending(lambda: order.append("idle"))
    assert order == ["idle"]
    disk.gate.clear()
    queue.submit(disk.write("a", "1"), on_saved=lambda _: order.append("saved"))
    queue.after_pending(lambda: order.append("after"))
    assert order == ["idle"]
    disk.gate.set()
    qtbot.waitUntil(lambda: order == ["idle", "saved", "after"], timeout=5000)
    assert queue.close()
