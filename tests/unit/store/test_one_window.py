"""The database lock (stale after a crash), claims with an owner, and the v1 → v2 upgrade."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.store import PageStatus, open_store
from desktop_app.store.database import open_database
from desktop_app.store.lock import DatabaseLock
from desktop_app.store.migrations import MIGRATIONS

REPO = Path(__file__).resolve().parents[3]

_HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from desktop_app.store import open_store
    from desktop_app.store.lock import DatabaseLock
    database = Path(sys.argv[1])
    lock = DatabaseLock(database)
    assert lock.acquire()
    store = open_store(database)
    page = store.new_page_ids()[0]
    assert store.claim_page(page)
    print("claimed", page, flush=True)
    time.sleep(60)
    """
)


def _start_holder(database: Path) -> tuple[subprocess.Popen, int]:
    """A process that locks the database and claims its first page, then waits."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(database)], stdout=subprocess.PIPE, text=True, env=env
    )
    line = holder.stdout.readline()
    assert line.startswith("claimed"), line
    return holder, int(line.split()[1])


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_live_batch_keeps_its_pages_and_a_crash_gives_them_back(db_path, fake_doc) -> None:
    with open_store(db_path) as store:
        fake_doc(store, "a.pdf", pages=2)
    holder, claimed = _start_holder(db_path)
    try:
        assert not DatabaseLock(db_path).acquire()  # a second window would hand over
        with open_store(db_path) as second:  # even if it opened: the live claim stays
            assert second.page(claimed).status is PageStatus.RECOGNIZING
    finally:
        holder.send_signal(signal.SIGKILL)  # a crash: no cleanup at all
        holder.wait(10)
        holder.stdout.close()
    with DatabaseLock(db_path) as lock:
        assert lock.acquire()  # the OS dropped the dead process's lock: not stale
        with open_store(db_path) as after_crash:
            assert after_crash.page(claimed).status is PageStatus.NEW


def test_one_lock_per_database(tmp_path: Path) -> None:
    first, second = DatabaseLock(tmp_path / "a.sqlite3"), DatabaseLock(tmp_path / "a.sqlite3")
    other = DatabaseLock(tmp_path / "b.sqlite3")
    assert first.acquire() and not second.acquire() and other.acquire()
    assert first.holder().endswith(str(os.getpid()))
    first.release()
    assert second.acquire()
    second.release()
    other.release()


def test_a_version_1_database_is_upgraded_with_its_pages(db_path, fake_doc) -> None:
    old = open_database(db_path, MIGRATIONS[:1])
    old.conn.execute(
        "INSERT INTO documents (path, sha256, page_count, added_at) VALUES ('/a.png', 's', 1, 't')"
    )
    old.conn.execute(
        "INSERT INTO pages (document_id, page_index, status, updated_at) "
        "VALUES (1, 0, 'recognizing', 't')"
    )
    old.close()
    with open_store(db_path) as store:  # claimed by an old version: no owner, so recovered
        (page,) = store.pages()
        assert page.status is PageStatus.NEW
        assert store.claim_page(page.id)
        owner = store._db.query("SELECT claimed_by FROM pages")[0]["claimed_by"]
        assert owner == store.owner
