"""Opening the review database safely: refuse what we must not touch, then migrate.

Order matters for "left byte for byte untouched": the file is first inspected
without SQLite (header magic and the version stored at offset 60), then opened
read-only for an integrity check, and only when all is well opened for writing,
switched to WAL and migrated. Setting WAL or migrating writes the header, so a
refused file never gets that far.

Threads: one connection (``check_same_thread=False``) guarded by one re-entrant
lock; every public call of the store holds the lock for its whole transaction.
SQLite serializes writers anyway and calls are short (one edit, one page), so a
single lock is simpler than a connection per thread and keeps reads consistent
with the latest write from any thread.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import platformdirs

from desktop_app.store.errors import DatabaseCorrupt, DatabaseTooNew, DatabaseUnavailable
from desktop_app.store.migrations import MIGRATIONS, migrate

APP_NAME = "CarInvoiceDesk"
DATABASE_NAME = "review.sqlite3"
_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_BUSY_TIMEOUT_MS = 5000


#: Names another review database (tests, a second workplace); the window and the
#: ``export`` command both honour it.
DATABASE_ENV = "CARINVOICEDESK_DATABASE"


def default_database_path() -> Path:
    """``$CARINVOICEDESK_DATABASE``, else ``<user data dir>/CarInvoiceDesk/review.sqlite3``."""
    named = os.environ.get(DATABASE_ENV, "").strip()
    if named:
        return Path(named).expanduser()
    return platformdirs.user_data_path(APP_NAME) / DATABASE_NAME


def now_text() -> str:
    """The current UTC time as ISO 8601 with seconds and offset, as every table stores it."""
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")


class Database:
    """The one connection of a store, its lock and a transaction helper."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.lock = threading.RLock()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock and run the block in one write transaction, committed on exit."""
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                # Also after a failed COMMIT (disk full, I/O error): leave no transaction
                # open, or every later write would fail; keep the original error.
                if self.conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                raise

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Every row of a read query, under the lock."""
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def close(self) -> None:
        """Close the connection; SQLite folds the WAL back into the file on the last close."""
        with self.lock:
            self.conn.close()


def open_database(path: Path, migrations: tuple[str, ...] = MIGRATIONS) -> Database:
    """Open (creating when absent) and migrate the database at ``path``.

    Raises ``DatabaseCorrupt`` or ``DatabaseTooNew`` without writing to the file,
    and ``DatabaseUnavailable`` when it cannot be created or opened.
    """
    path = Path(path)
    if path.exists():
        _inspect_existing(path, len(migrations))
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(path, detail=str(exc)) from exc
    try:
        conn = _connect(path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnavailable(path, detail=str(exc)) from exc
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn, migrations)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseUnavailable(path, detail=str(exc)) from exc
    return Database(conn, path)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        str(path), isolation_level=None, check_same_thread=False, timeout=_BUSY_TIMEOUT_MS / 1000
    )
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    # FULL: a committed edit survives a power cut too, not only a killed process.
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _inspect_existing(path: Path, supported: int) -> None:
    """Refuse a file that is not ours, is damaged or is newer, without writing to it."""
    try:
        with path.open("rb") as file:
            header = file.read(_HEADER_SIZE)
    except OSError as exc:
        raise DatabaseUnavailable(path, detail=str(exc)) from exc
    if len(header) == 0:
        return  # an empty file is what sqlite3.connect creates: treat it as new
    if len(header) < _HEADER_SIZE or not header.startswith(_MAGIC):
        raise DatabaseCorrupt(path, detail="no SQLite header")
    version = int.from_bytes(header[60:64], "big")
    if version > supported:
        raise DatabaseTooNew(path, found=version, supported=supported)
    _check_integrity(path, supported)


def _check_integrity(path: Path, supported: int) -> None:
    """Open read-only and ask SQLite whether the file is sound."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    side_files = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    absent = [p for p in side_files if not p.exists()]
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnavailable(path, detail=str(exc)) from exc
    try:
        verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(path, detail=str(exc)) from exc
    finally:
        conn.close()
        _remove_created(absent)
    if verdict != "ok":
        raise DatabaseCorrupt(path, detail=str(verdict))
    if version > supported:  # a WAL not yet folded back may hold a newer version
        raise DatabaseTooNew(path, found=version, supported=supported)


def _remove_created(files: list[Path]) -> None:
    """Delete the empty WAL side files a read-only look created (it cannot clean them up)."""
    for file in files:
        with contextlib.suppress(OSError):
            if file.stat().st_size == 0 or file.name.endswith("-shm"):
                file.unlink()
