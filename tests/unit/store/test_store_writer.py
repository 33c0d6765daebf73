"""The store writer: one thread, writes in order, the same field merged, durable before told.

Also the two connections of a database: a read never waits for a commit in progress.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

from desktop_app.store import DatabaseReadOnly, DiskFull, Store, open_store
from desktop_app.store import database as database_module
from desktop_app.store.writer import StoreWriter, WriterClosed


def _page(store: Store, motor_result) -> int:
    document = store.add_document(Path("/in/a.pdf"), "sha-a", 2)
    page_id = store.pages(document_id=document.id)[0].id
    store.save_recognition(page_id, motor_result)
    return page_id


class Results:
    """Collects ``done`` calls: (result, error) in the order told."""

    def __init__(self) -> None:
        self.told: list[tuple[object, BaseException | None]] = []
        self.threads: set[str] = set()

    def __call__(self, result: object, error: BaseException | None) -> None:
        self.threads.add(threading.current_thread().name)
        self.told.append((result, error))


def _gate(writer: StoreWriter) -> threading.Event:
    """Hold the writer on a first write until the event is set (writes pile up behind it)."""
    release = threading.Event()
    started = threading.Event()
    writer.submit(lambda: (started.set(), release.wait(10)))
    assert started.wait(5)
    return release


def test_writes_are_committed_in_order_on_the_writer_thread(store, motor_result) -> None:
    page = _page(store, motor_result)
    writer, done = StoreWriter(), Results()
    try:
        for n, name in enumerate(["发票号码", "备注", "发票代码", "备注"]):
            writer.submit(lambda n=n, name=name: store.edit_field(page, name, f"v{n}"), done)
        writer.submit(lambda: store.confirm_field(page, "备注"), done)
        assert writer.wait_idle(10)
    finally:
        assert writer.close(5)
    edits = [(e.field, e.new) for e in store.audit_trail([page]) if e.action == "edit"]
    assert edits == [("发票号码", "v0"), ("备注", "v1"), ("发票代码", "v2"), ("备注", "v3")]
    assert [e.action for e in store.audit_trail([page])][-1] == "confirm"
    assert len(done.told) == 5 and all(error is None for _, error in done.told)
    assert done.threads == {"store-writer"}


def test_consecutive_writes_of_one_field_merge_and_distinct_writes_keep_their_order(
    store, motor_result
) -> None:
    page = _page(store, motor_result)
    writer, done = StoreWriter(), Results()
    try:
        release = _gate(writer)
        for value in ("a", "ab", "abc"):  # merged: only the last value is written
            writer.submit(lambda v=value: store.edit_field(page, "备注", v), done, key="备注")
        writer.submit(lambda: store.edit_field(page, "发票号码", "1"), done, key="号码")
        writer.submit(lambda: store.edit_field(page, "备注", "x"), done, key="备注")
        assert writer.pending() == 4  # the gate, the merged 备注, 号码, the last 备注
        release.set()
        assert writer.wait_idle(10)
    finally:
        writer.close(5)
    edits = [(e.field, e.new) for e in store.audit_trail([page]) if e.action == "edit"]
    assert edits == [("备注", "abc"), ("发票号码", "1"), ("备注", "x")]
    assert len(done.told) == 5  # every submitter is told, the merged ones too


def test_a_write_is_on_disk_when_its_submitter_is_told(store, motor_result, db_path) -> None:
    """Kill-like: a fresh connection (another process after a crash) sees the value the
    moment the writer says it is saved."""
    page = _page(store, motor_result)
    seen: list[str] = []

    def told(result: object, error: BaseException | None) -> None:
        other = sqlite3.connect(db_path)
        row = other.execute(
            "SELECT current_value FROM field_values WHERE page_id = ? AND name = '备注'", (page,)
        ).fetchone()
        other.close()
        seen.append(row[0])

    writer = StoreWriter()
    try:
        for n in range(5):
            writer.submit(lambda n=n: store.edit_field(page, "备注", f"第{n}次"), told)
        assert writer.wait_idle(10)
    finally:
        writer.close(5)
    assert seen == [f"第{n}次" for n in range(5)]


def test_a_full_disk_is_reported_and_nothing_half_written(store, motor_result) -> None:
    page = _page(store, motor_result)
    conn = store._db.conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    writer, done = StoreWriter(), Results()
    try:
        writer.submit(lambda: store.edit_field(page, "备注", "满" * 50_000), done)
        writer.submit(lambda: store.edit_field(page, "发票号码", "12345678"), done)  # fits
        assert writer.wait_idle(10)
        (_, full), (_, fitted) = done.told
        assert isinstance(full, DiskFull) and "disk is full" in full.message.en
        assert fitted is None  # a refused write does not stop the ones after it
        assert store.values(page)["备注"] != "满" * 50_000
        conn.execute("PRAGMA max_page_count = 1000000")  # room again: the same write succeeds
        writer.submit(lambda: store.edit_field(page, "备注", "满" * 50_000), done)
        assert writer.wait_idle(10)
    finally:
        writer.close(5)
    assert done.told[-1][1] is None and store.values(page)["备注"] == "满" * 50_000


def test_a_read_only_database_refuses_through_the_writer(
    tmp_path, motor_result, monkeypatch
) -> None:
    path = tmp_path / "review.sqlite3"
    with open_store(path) as store:
        page = _page(store, motor_result)
    real_access = os.access

    def no_writing(where, mode, **kwargs) -> bool:  # a read-only disk, even for root
        if mode & os.W_OK and Path(where) in (path, tmp_path):
            return False
        return real_access(where, mode, **kwargs)

    monkeypatch.setattr(database_module.os, "access", no_writing)
    with open_store(path) as store:
        assert store.read_only
        writer, done = StoreWriter(), Results()
        writer.submit(lambda: store.edit_field(page, "备注", "x"), done)
        assert writer.close(5)
        assert isinstance(done.told[0][1], DatabaseReadOnly)
        assert "read-only" in done.told[0][1].message.en


def test_close_drains_what_is_queued_and_refuses_later_writes(store, motor_result) -> None:
    page = _page(store, motor_result)
    writer, done = StoreWriter(), Results()
    release = _gate(writer)
    for n in range(5):
        writer.submit(lambda n=n: store.edit_field(page, "备注", f"v{n}"), done)
    threading.Timer(0.2, release.set).start()
    assert writer.close(5)  # waits for the gate, then commits the five
    assert store.values(page)["备注"] == "v4" and len(done.told) == 5
    writer.submit(lambda: store.edit_field(page, "备注", "late"), done)
    assert isinstance(done.told[-1][1], WriterClosed)
    assert store.values(page)["备注"] == "v4"


def test_close_gives_up_at_its_deadline_and_never_commits_the_rest(store, motor_result) -> None:
    page = _page(store, motor_result)
    writer, done = StoreWriter(), Results()
    release = _gate(writer)
    writer.submit(lambda: store.edit_field(page, "备注", "after the deadline"), done)
    started = time.monotonic()
    assert not writer.close(0.3)
    assert time.monotonic() - started < 2
    assert isinstance(done.told[0][1], WriterClosed)  # told: not saved
    release.set()
    time.sleep(0.2)
    assert store.values(page)["备注"] != "after the deadline"


def test_a_read_does_not_wait_for_a_write_in_progress(store, motor_result) -> None:
    """The GUI thread reads while the writer holds a transaction (its fsync): not blocked,
    and it sees the last committed state; once committed, the new one."""
    page = _page(store, motor_result)
    store.edit_field(page, "备注", "before")
    inside, release = threading.Event(), threading.Event()

    def long_write() -> None:
        with store._db.transaction() as conn:
            conn.execute(
                "UPDATE field_values SET current_value = 'after' WHERE page_id = ? AND name = '备注'",
                (page,),
            )
            inside.set()
            release.wait(10)

    writer = threading.Thread(target=long_write)
    writer.start()
    try:
        assert inside.wait(5)
        started = time.monotonic()
        assert store.values(page)["备注"] == "before"
        assert time.monotonic() - started < 0.5
    finally:
        release.set()
        writer.join(10)
    assert store.values(page)["备注"] == "after"  # read-your-writes once committed
