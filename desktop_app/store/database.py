"""Opening the review database safely: refuse what we must not touch, then migrate.

Order matters for "left byte for byte untouched": the file is first inspected
without SQLite (header magic and the version stored at offset 60), then opened
read-only for an integrity check, and only when all is well opened for writing,
switched to WAL and migrated. Setting WAL or migrating writes the header, so a
refused file never gets that far.

Threads: two connections (``check_same_thread=False``), one for writing behind a
re-entrant lock held for a whole transaction, one for reading behind its own lock.
SQLite serializes writers anyway and calls are short (one edit, one page). Reads
have their own connection so that a read on the GUI thread never waits for a
commit's fsync on the store's writer thread (``store.writer``): in WAL mode a
reader sees every committed transaction and never waits for the writer. A read
made inside a transaction (same thread) goes through the writing connection and
sees that transaction's own changes.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import platformdirs

from desktop_app.store.errors import (
    DatabaseCorrupt,
    DatabaseEmpty,
    DatabaseReadOnly,
    DatabaseTooNew,
    DatabaseUnavailable,
    DiskFull,
    StoreError,
)
from desktop_app.store.migrations import MIGRATIONS, migrate
from desktop_app.store.rows import decode_text

APP_NAME = "CarInvoiceDesk"
DATABASE_NAME = "review.sqlite3"
_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_BUSY_TIMEOUT_MS = 5000

log = logging.getLogger(__name__)


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
    """The one connection of a store, its lock and a transaction helper.

    ``read_only`` databases (a read-only file, folder or disk) are opened for
    reading; every write raises ``DatabaseReadOnly``. A write the disk has no
    room for raises ``DiskFull``: both are ``StoreError`` with the clerk's words.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        read_only: bool = False,
        reader: sqlite3.Connection | None = None,
    ) -> None:
        #: The writing connection (the only one of a read-only database).
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self.lock = threading.RLock()
        self._reader = reader if reader is not None else conn
        self._read_lock = threading.Lock() if reader is not None else self.lock
        self._writing = threading.local()  # whether this thread is inside a transaction

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock and run the block in one write transaction, committed on exit."""
        if self.read_only:
            raise DatabaseReadOnly(self.path)
        with self.lock:
            self._writing.depth = getattr(self._writing, "depth", 0) + 1
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self.conn
                    self.conn.execute("COMMIT")
                except BaseException:
                    # Also after a failed COMMIT (disk full, I/O error): leave no
                    # transaction open, or every later write would fail.
                    if self.conn.in_transaction:
                        with contextlib.suppress(sqlite3.Error):
                            self.conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                mapped = _store_error(exc, self.path)
                if mapped is None:
                    raise
                raise mapped from exc
            finally:
                self._writing.depth -= 1

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Every row of a read query: the committed state, or this thread's own transaction."""
        if getattr(self._writing, "depth", 0):
            with self.lock:
                return self.conn.execute(sql, params).fetchall()
        with self._read_lock:
            return self._reader.execute(sql, params).fetchall()

    def close(self) -> None:
        """Close the connections; SQLite folds the WAL back into the file on the last close."""
        with self.lock, self._read_lock:  # the same re-entrant lock when there is one connection
            if self._reader is not self.conn:
                self._reader.close()
            self.conn.close()


def _store_error(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """The clerk's words for a write SQLite refused for lack of room or permission."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF == sqlite3.SQLITE_FULL:
        return DiskFull(path, detail=str(exc))
    if code is not None and code & 0xFF == sqlite3.SQLITE_READONLY:
        return DatabaseReadOnly(path, detail=str(exc))
    return None


def open_database(path: Path, migrations: tuple[str, ...] = MIGRATIONS) -> Database:
    """Open (creating when absent) and migrate the database at ``path``.

    Raises ``DatabaseCorrupt``, ``DatabaseEmpty`` or ``DatabaseTooNew`` without
    writing to the file, and ``DatabaseUnavailable`` when it cannot be created or
    opened. A sound database that cannot be written (read-only file, folder or
    disk) is opened read-only: ``Database.read_only``.
    """
    path = Path(path)
    if path.exists():
        _inspect_existing(path, len(migrations))
        if not _writable(path):
            return _open_read_only(path, len(migrations))
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
        if isinstance(_store_error(exc, path), DatabaseReadOnly):
            return _open_read_only(path, len(migrations))
        raise DatabaseUnavailable(path, detail=str(exc)) from exc
    try:
        reader = _connect(path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseUnavailable(path, detail=str(exc)) from exc
    return Database(conn, path, reader=reader)


def _writable(path: Path) -> bool:
    """Whether the file and its folder (where SQLite puts its WAL) can be written.

    ``os.access`` also answers for a read-only mount, even to root.
    """
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _open_read_only(path: Path, supported: int) -> Database:
    """A read-only connection; ``immutable`` when SQLite cannot even make its WAL index."""
    base = path.resolve().as_uri()
    for query in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(
                f"{base}?{query}", uri=True, isolation_level=None, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
            conn.text_factory = decode_text
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute("SELECT COUNT(*) FROM pages").fetchone()
        except sqlite3.DatabaseError as exc:
            detail = str(exc)
            with contextlib.suppress(UnboundLocalError, sqlite3.Error):
                conn.close()
            continue
        if version != supported:  # an older schema would need writing to be upgraded
            conn.close()
            raise DatabaseReadOnly(path, detail=f"format {version} needs upgrading to {supported}")
        log.warning("review database %s is read-only: opened for reading", path)
        return Database(conn, path, read_only=True)
    raise DatabaseUnavailable(path, detail=f"read-only and unreadable: {detail}")


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        str(path), isolation_level=None, check_same_thread=False, timeout=_BUSY_TIMEOUT_MS / 1000
    )
    conn.row_factory = sqlite3.Row
    conn.text_factory = decode_text  # one undecodable value must not fail a whole query
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
        # What an interrupted copy or sync leaves: re-creating it would hide that
        # the clerk's work is elsewhere (or lost), so say so and leave it.
        raise DatabaseEmpty(path)
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
