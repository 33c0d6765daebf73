"""Batch recognition from the window: failures mark pages, the batch goes on, the window breathes."""

from __future__ import annotations

import gc
import itertools
import time

from PySide6.QtCore import QTimer
from window_fakes import FlakyBackend, write_pages

from desktop_app.store import PageStatus


def queue_folder(qtbot, window, folder, count: int) -> None:
    window.open_paths([folder])
    qtbot.waitUntil(lambda: len(window.queue_panel.visible_page_items()) == count, timeout=10000)


def test_batch_marks_failures_and_goes_on(qtbot, make_window, store_path, tmp_path) -> None:
    write_pages(tmp_path / "in", 9, size=(200, 120))
    backend = FlakyBackend(fail_every=3)
    window = make_window(backend, recognize_on_open=False, store_path=store_path)
    queue_folder(qtbot, window, tmp_path / "in", 9)
    with qtbot.waitSignal(window.queue_commands.batch.finished, timeout=10000) as done:
        window.actions_.recognize_all.trigger()
        assert window.batch_status.isVisible()
        assert window.actions_.cancel_batch.isEnabled()
    summary = done.args[0]
    assert (summary.succeeded, summary.failed) == (6, 3)
    qtbot.waitUntil(lambda: window.session.queue.count(PageStatus.FAILED) == 3, timeout=5000)
    failed = [p for p in window.session.store.pages(PageStatus.FAILED)]
    assert all("图片解码失败" in p.error_message for p in failed)
    item = window.queue_panel.item_of(failed[0].id)
    assert item.text(1) == "识别失败" and "图片解码失败" in item.toolTip(1)
    assert window.queue_panel.counter.text() == "还剩 9 张待审"
    assert not window.batch_status.isVisible()
    assert "失败 3 页" in window.statusBar().currentMessage()
    assert window.actions_.recognize_all.isEnabled()


def test_pause_resume_and_cancel(qtbot, make_window, store_path, tmp_path) -> None:
    write_pages(tmp_path / "in", 6, size=(200, 120))
    backend = FlakyBackend(delay=0.05)
    window = make_window(backend, recognize_on_open=False, store_path=store_path)
    queue_folder(qtbot, window, tmp_path / "in", 6)
    batch = window.queue_commands.batch
    with qtbot.waitSignal(batch.progress_changed, timeout=5000):
        window.actions_.recognize_all.trigger()
    window.actions_.pause_batch.trigger()
    assert batch.paused and "已暂停" in window.batch_status.label.text()
    window.actions_.pause_batch.trigger()
    assert not batch.paused
    with qtbot.waitSignal(batch.finished, timeout=5000) as done:
        window.actions_.cancel_batch.trigger()
    assert done.args[0].cancelled
    statuses = {p.status for p in window.session.store.pages()}
    assert statuses <= {PageStatus.NEW, PageStatus.NEEDS_REVIEW}  # nothing left recognizing


def test_the_window_stays_responsive_while_100_pages_run(
    qtbot, make_window, store_path, tmp_path, request
) -> None:
    write_pages(tmp_path / "in", 101, size=(160, 100))
    backend = FlakyBackend(delay=0.01, fail_every=7, numbered=True)
    window = make_window(backend, store_path=store_path)
    queue_folder(qtbot, window, tmp_path / "in", 101)
    # The open page is recognized first: drawing its fields is the panel's own cost.
    qtbot.waitUntil(lambda: window.session.current_review is not None, timeout=5000)
    # The heap of pytest and earlier tests is not the app's: a full collection of it
    # would pause every thread for ~100 ms (the app freezes its start-up heap too).
    gc.collect()
    gc.freeze()
    request.addfinalizer(gc.unfreeze)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    with qtbot.waitSignal(window.queue_commands.batch.finished, timeout=30000) as done:
        window.actions_.recognize_all.trigger()
    timer.stop()
    assert done.args[0].total == 100
    assert done.args[0].succeeded + done.args[0].failed == 100
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(gaps) > 20
    assert max(gaps) < 0.100, f"longest event-loop gap {max(gaps) * 1000:.0f} ms"
    qtbot.waitUntil(lambda: window.session.queue.count(PageStatus.NEW) == 0, timeout=5000)


def test_re_recognize_selected_pages(qtbot, make_window, store_path, tmp_path) -> None:
    write_pages(tmp_path / "in", 2, size=(200, 120))
    backend = FlakyBackend()
    window = make_window(backend, store_path=store_path)
    queue_folder(qtbot, window, tmp_path / "in", 2)
    qtbot.waitUntil(lambda: window.session.current_review is not None, timeout=5000)
    window.session.edit_field("发票号码", "99999999")
    store = window.session.store
    first = store.pages()[0].id
    calls = backend.calls
    panel = window.queue_panel
    panel.tree.clearSelection()
    panel.item_of(first).setSelected(True)
    with qtbot.waitSignal(window.queue_commands.batch.finished, timeout=5000):
        window.actions_.rerecognize.trigger()
    assert backend.calls == calls + 1  # only the selected page
    assert store.values(first)["发票号码"] == "00012345"
    qtbot.waitUntil(
        lambda: (
            window.session.current_review is not None
            and window.session.current_review.field("发票号码").value == "00012345"
        ),
        timeout=5000,
    )


def test_f5_on_a_new_page_keeps_the_batch_off_it(qtbot, make_window, store_path, tmp_path):
    write_pages(tmp_path / "in", 3, size=(200, 120))
    backend = FlakyBackend(delay=0.3)
    window = make_window(backend, store_path=store_path)  # recognizes the first page on open
    queue_folder(qtbot, window, tmp_path / "in", 3)
    qtbot.waitUntil(lambda: window.actions_.cancel.isEnabled(), timeout=5000)
    first = window.session.store.pages()[0]
    assert first.status is PageStatus.RECOGNIZING  # claimed by the window's own recognition
    with qtbot.waitSignal(window.queue_commands.batch.finished, timeout=5000) as done:
        window.actions_.recognize_all.trigger()
    assert done.args[0].total == 2
    qtbot.waitUntil(lambda: window.session.current_review is not None, timeout=5000)
    assert backend.calls == 3
