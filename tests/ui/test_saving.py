"""The window's writes go through the store's writer thread: the GUI thread never waits.

The status bar says 正在保存… then 已保存 only once the edit is committed (a fresh
connection, as after a crash, sees it then); a refused edit (read-only, disk full)
stays in the window and can be saved again; closing the window commits what is queued.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from window_fakes import write_page

from desktop_app.core.codec import parse_response
from desktop_app.store import database as database_module
from desktop_app.store import open_store

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-example-response.json"


def _reviewing(qtbot, make_window, store_path, tmp_path, **kwargs):
    """A window showing a recognized page (stored before the window opened)."""
    result = parse_response(json.loads(SEED.read_text(encoding="utf-8")))
    with open_store(store_path) as store:
        store.add_paths([write_page(tmp_path / "invoice.png")])
        page_id = store.pages()[0].id
        store.save_recognition(page_id, result)
    window = make_window(recognize_on_open=False, store_path=store_path, **kwargs)
    qtbot.waitUntil(lambda: window.session.current_review is not None, timeout=10000)
    return window, page_id


def _stored(store_path: Path, page_id: int, name: str) -> str:
    """The value as another process would read it (a fresh connection)."""
    conn = sqlite3.connect(store_path)
    try:
        row = conn.execute(
            "SELECT current_value FROM field_values WHERE page_id = ? AND name = ?",
            (page_id, name),
        ).fetchone()
    finally:
        conn.close()
    return row[0] if row else ""


def _slow_edits(monkeypatch, store, seconds: float) -> threading.Event:
    """Every edit commits ``seconds`` late (a slow disk); the event is set on the first."""
    real = store.edit_field
    entered = threading.Event()

    def slow(page_id: int, name: str, value: str):
        entered.set()
        time.sleep(seconds)
        return real(page_id, name, value)

    monkeypatch.setattr(store, "edit_field", slow)
    return entered


def test_a_slow_disk_does_not_block_the_window_and_saved_comes_after_the_commit(
    qtbot, make_window, store_path, tmp_path, monkeypatch
) -> None:
    window, page_id = _reviewing(qtbot, make_window, store_path, tmp_path)
    session, status = window.session, window.save_status
    entered = _slow_edits(monkeypatch, session.store, 0.6)
    ticks: list[float] = []
    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(lambda: ticks.append(time.monotonic()))
    probe.start()
    seen_when_saved: list[str] = []
    session.writes.pending_changed.connect(
        lambda n: n == 0 and seen_when_saved.append(_stored(store_path, page_id, "备注"))
    )

    started = time.monotonic()
    session.edit_field("备注", "慢盘")
    assert time.monotonic() - started < 0.1  # the edit call does not wait for the disk
    assert status.label.text() == "正在保存…"
    assert session.current_review.field("备注").value == "慢盘"
    assert entered.wait(5)
    qtbot.waitUntil(lambda: window.panel.rows["备注"].editor.text() == "慢盘", timeout=2000)
    qtbot.wait(300)  # the writer is still sleeping: the event loop keeps turning
    probe.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 10 and max(gaps) < 0.25
    assert status.label.text() == "正在保存…" and _stored(store_path, page_id, "备注") != "慢盘"
    qtbot.waitUntil(lambda: status.label.text() == "已保存", timeout=5000)
    assert seen_when_saved == ["慢盘"]  # durable when the clerk is told


def test_edits_land_in_order_and_consecutive_edits_of_a_field_merge(
    qtbot, make_window, store_path, tmp_path, monkeypatch
) -> None:
    window, page_id = _reviewing(qtbot, make_window, store_path, tmp_path)
    session = window.session
    _slow_edits(monkeypatch, session.store, 0.3)
    session.edit_field("发票号码", "1")  # being written while the next ones queue
    for value in ("2", "3", "4"):
        session.edit_field("备注", value)
    session.edit_field("发票号码", "5")
    session.confirm_field("发票号码")
    qtbot.waitUntil(lambda: window.save_status.label.text() == "已保存", timeout=10000)
    trail = session.store.audit_trail([page_id])
    edits = [(e.field, e.new) for e in trail if e.action == "edit"]
    assert edits == [("发票号码", "1"), ("备注", "4"), ("发票号码", "5")]  # 2 and 3 merged away
    assert trail[-1].action == "confirm"
    assert session.stack(session.current).count() == 5  # every step stays undoable


def test_closing_the_window_commits_the_edits_still_queued(
    qtbot, make_window, store_path, tmp_path, monkeypatch
) -> None:
    window, page_id = _reviewing(qtbot, make_window, store_path, tmp_path)
    session = window.session
    _slow_edits(monkeypatch, session.store, 0.2)
    for name, value in (("备注", "甲"), ("发票号码", "87654321"), ("开票日期", "2017-08-01")):
        session.edit_field(name, value)
    assert session.writes.pending == 3
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 5
    assert _stored(store_path, page_id, "备注") == "甲"
    assert _stored(store_path, page_id, "发票号码") == "87654321"
    assert _stored(store_path, page_id, "开票日期") == "2017-08-01"


def test_a_read_only_database_refuses_the_edit_and_keeps_it_in_the_window(
    qtbot, make_window, store_path, tmp_path, monkeypatch
) -> None:
    result = parse_response(json.loads(SEED.read_text(encoding="utf-8")))
    with open_store(store_path) as store:
        store.add_paths([write_page(tmp_path / "invoice.png")])
        store.save_recognition(store.pages()[0].id, result)
    real_access = os.access

    def no_writing(path, mode, **kwargs) -> bool:
        if mode & os.W_OK and Path(path) in (store_path, store_path.parent):
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(database_module.os, "access", no_writing)
    window = make_window(recognize_on_open=False, store_path=store_path)
    session = window.session
    qtbot.waitUntil(lambda: session.current_review is not None, timeout=10000)
    with qtbot.waitSignal(session.writes.failed, timeout=5000):
        session.edit_field("备注", "只读时的修改")
    qtbot.waitUntil(lambda: "1 处修改未保存" in window.save_status.label.text(), timeout=5000)
    assert window.save_status.retry_button.isVisibleTo(window)
    texts = " ".join(window.message_bar.texts())
    assert "未能保存到审核数据库" in texts and "只读" in texts and "重试保存" in texts
    assert session.current_review.field("备注").value == "只读时的修改"  # nothing lost
    assert session.stack(session.current).canUndo()


def test_a_full_disk_says_so_keeps_the_edit_and_retry_saves_it(
    qtbot, make_window, store_path, tmp_path
) -> None:
    window, page_id = _reviewing(qtbot, make_window, store_path, tmp_path)
    session = window.session
    conn = session.store._db.conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    long_note = "满" * 50_000  # needs new pages: SQLITE_FULL
    with qtbot.waitSignal(session.writes.failed, timeout=5000):
        session.edit_field("备注", long_note)
    qtbot.waitUntil(lambda: window.save_status.retry_button.isVisibleTo(window), timeout=5000)
    assert "磁盘已满" in " ".join(window.message_bar.texts())
    assert session.current_review.field("备注").value == long_note
    session.pages.approve_current()  # approving values that are not stored is refused
    qtbot.waitUntil(lambda: "尚未保存" in " ".join(window.message_bar.texts()), timeout=5000)
    conn.execute("PRAGMA max_page_count = 1000000")  # the clerk freed some space
    window.save_status.retry_button.click()
    qtbot.waitUntil(lambda: window.save_status.label.text() == "已保存", timeout=5000)
    assert _stored(store_path, page_id, "备注") == long_note


def _an_edit_the_full_disk_refused(qtbot, window):
    """Fill the database's disk (no page may be added) and make an edit it refuses;
    returns the connection, whose ``max_page_count`` gives the room back."""
    session = window.session
    conn = session.store._db.conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    with qtbot.waitSignal(session.writes.failed, timeout=5000):
        session.edit_field("备注", "满" * 50_000)
    qtbot.waitUntil(lambda: session.writes.unsaved == 1, timeout=5000)
    return conn


def _answer_close_question(qtbot, button_text: str) -> list[str]:
    """Click ``button_text`` in the question the window asks before closing; its text is kept."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return

    QTimer.singleShot(20, click)
    return seen


def test_quitting_with_refused_changes_asks_and_keeps_them_unless_told(
    qtbot, make_window, store_path, tmp_path
) -> None:
    window, page_id = _reviewing(qtbot, make_window, store_path, tmp_path)
    conn = _an_edit_the_full_disk_refused(qtbot, window)

    seen = _answer_close_question(qtbot, "不关闭")
    window.actions_.quit.trigger()
    assert window.isVisible() and seen and "1 处修改未能保存" in seen[0]

    conn.execute("PRAGMA max_page_count = 1000000")  # room again: retry from the question
    _answer_close_question(qtbot, "重试保存")
    window.actions_.quit.trigger()
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.save_status.label.text() == "已保存", timeout=5000)
    assert _stored(store_path, page_id, "备注") == "满" * 50_000

    window.actions_.quit.trigger()  # nothing unsaved: no question
    assert not window.isVisible()


def test_quitting_can_drop_refused_changes_and_a_program_close_never_asks(
    qtbot, make_window, store_path, tmp_path
) -> None:
    window, _ = _reviewing(qtbot, make_window, store_path, tmp_path)
    _an_edit_the_full_disk_refused(qtbot, window)
    _answer_close_question(qtbot, "丢掉修改并关闭")
    window.actions_.quit.trigger()
    assert not window.isVisible()

    other, _ = _reviewing(qtbot, make_window, tmp_path / "other.sqlite3", tmp_path)
    _an_edit_the_full_disk_refused(qtbot, other)
    other.close()  # as SIGTERM does: shutdown must not wait for a question
    assert not other.isVisible()
