"""The database schema as a list of migrations, from the first release on.

``MIGRATIONS[n]`` turns a version-``n`` database into version ``n + 1``; the
version lives in ``PRAGMA user_version`` (0 for a new file). Never edit a
released migration: append a new one, and add a test that upgrades a database
of the previous version.
"""

from __future__ import annotations

import sqlite3

_V1 = """
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,
    sha256      TEXT NOT NULL,
    page_count  INTEGER NOT NULL CHECK (page_count >= 0),
    form_type   TEXT,
    added_at    TEXT NOT NULL
);
CREATE INDEX documents_by_sha256 ON documents (sha256);

CREATE TABLE pages (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    page_index    INTEGER NOT NULL CHECK (page_index >= 0),
    status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN
                  ('new', 'recognizing', 'needs_review', 'approved', 'rejected', 'failed')),
    form_type     TEXT,
    error_code    TEXT NOT NULL DEFAULT '',
    error_message TEXT NOT NULL DEFAULT '',
    reject_reason TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    UNIQUE (document_id, page_index)
);
CREATE INDEX pages_by_status ON pages (status);

CREATE TABLE recognitions (
    id            INTEGER PRIMARY KEY,
    page_id       INTEGER NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    engine        TEXT NOT NULL,
    request_id    TEXT NOT NULL,
    duration_s    REAL,
    response_json TEXT NOT NULL,
    recognized_at TEXT NOT NULL
);
CREATE INDEX recognitions_by_page ON recognitions (page_id);

CREATE TABLE field_values (
    page_id          INTEGER NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    position         INTEGER NOT NULL,
    recognized_value TEXT NOT NULL,
    current_value    TEXT NOT NULL,
    confirmed        INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
    PRIMARY KEY (page_id, name)
);
CREATE INDEX field_values_by_invoice ON field_values (name, current_value);

-- The trail outlives the page: removing a document keeps who changed what.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    page_id    INTEGER REFERENCES pages (id) ON DELETE SET NULL,
    path       TEXT NOT NULL,
    page_index INTEGER NOT NULL,
    action     TEXT NOT NULL,
    field      TEXT NOT NULL DEFAULT '',
    old_value  TEXT NOT NULL DEFAULT '',
    new_value  TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,
    user       TEXT NOT NULL
);
CREATE INDEX audit_by_page ON audit_log (page_id);

-- Where the clerk was (current page) and other small state that survives a restart.
CREATE TABLE session (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# Version 2: who claimed a page being recognized (``store.owner``), so recovery after
# a crash puts back only the pages of processes that are gone.
_V2 = """
ALTER TABLE pages ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
"""

#: Migration scripts in order; the database version is how many have run.
MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The ``PRAGMA user_version`` of ``conn``'s database."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: tuple[str, ...] = MIGRATIONS) -> int:
    """Run every migration ``conn``'s database lacks, each in its own transaction.

    ``conn`` must be in autocommit mode (``isolation_level=None``). A migration and
    its version bump commit together, so a crash leaves the previous version intact.
    Returns the version reached. The caller refuses databases newer than ``migrations``.
    """
    version = schema_version(conn)
    for target in range(version + 1, len(migrations) + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(migrations[target - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(target)}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return schema_version(conn)


def _statements(script: str) -> list[str]:
    """``script`` split into complete statements (``executescript`` would commit on its own)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements
