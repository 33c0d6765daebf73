"""Opening the database: location, pragmas, migrations, and refusing files we must not touch."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import platformdirs
import pytest

from desktop_app.store import DatabaseCorrupt, DatabaseTooNew, StoreError, open_store
from desktop_app.store.database import default_database_path, open_database
from desktop_app.store.errors import DatabaseEmpty
from desktop_app.store.migrations import MIGRATIONS, SCHEMA_VERSION


def test_default_path_is_in_the_user_data_dir() -> None:
    path = default_database_path()
    assert path.parent == platformdirs.user_data_path("CarInvoiceDesk")
    with open_store() as store:  # conftest points XDG_DATA_HOME at a temporary folder
        assert store.path == path
    assert path.is_file()


def test_new_database_is_wal_with_foreign_keys_and_current_version(store) -> None:
    conn = store._db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)


def test_a_later_migration_upgrades_and_keeps_data(db_path: Path, fake_doc) -> None:
    with open_store(db_path) as store:
        fake_doc(store, "a.png", pages=2)
    v2 = "ALTER TABLE documents ADD COLUMN note TEXT NOT NULL DEFAULT '';"
    db = open_database(db_path, (*MIGRATIONS, v2))
    try:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert db.conn.execute("SELECT path, note FROM documents").fetchone()[1] == ""
        assert db.conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 2
    finally:
        db.close()


def test_a_failing_migration_leaves_the_previous_version(db_path: Path, fake_doc) -> None:
    with open_store(db_path) as store:
        fake_doc(store, "a.png")
    broken = "CREATE TABLE extra (x INTEGER);\nTHIS IS NOT SQL;"
    with pytest.raises(StoreError):
        open_database(db_path, (*MIGRATIONS, broken))
    with open_store(db_path) as store:
        assert store._db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in store._db.conn.execute("SELECT name FROM sqlite_master")}
        assert "extra" not in tables
        assert len(store.documents()) == 1


def _assert_refused(path: Path, error: type[StoreError]) -> StoreError:
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error) as caught:
        open_store(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings
    exc = caught.value
    assert exc.message.zh and exc.message.en and str(path) in exc.one_line("en")
    return exc


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database\n" * 50)
    exc = _assert_refused(path, DatabaseCorrupt)
    assert exc.code == "Store.Corrupt"


def test_a_damaged_database_is_refused_untouched(db_path: Path, fake_doc) -> None:
    with open_store(db_path) as store:
        fake_doc(store, "a.png", pages=3)
    data = bytearray(db_path.read_bytes())
    assert len(data) > 4096
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first is garbage
    db_path.write_bytes(bytes(data))
    _assert_refused(db_path, DatabaseCorrupt)


def test_a_truncated_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    _assert_refused(path, DatabaseCorrupt)


def test_a_newer_database_is_refused_untouched(db_path: Path, fake_doc) -> None:
    with open_store(db_path) as store:
        fake_doc(store, "a.png")
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    exc = _assert_refused(db_path, DatabaseTooNew)
    assert str(SCHEMA_VERSION + 5) in exc.message.en


def test_an_empty_file_is_said_not_silently_made_new(tmp_path: Path) -> None:
    """A 0-byte database is what an interrupted copy leaves: the clerk is told, the file kept."""
    path = tmp_path / "review.sqlite3"
    path.write_bytes(b"")
    exc = _assert_refused(path, DatabaseEmpty)
    assert "0 bytes" in exc.message.en and path.read_bytes() == b""
