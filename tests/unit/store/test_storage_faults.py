"""Storage faults in plain words: damaged records, a read-only database, the umask of exports."""

from __future__ import annotations

import io
import os
import sqlite3
from pathlib import Path

import pytest

from desktop_app.store import DamagedRecord, DatabaseReadOnly, PageStatus, open_store
from desktop_app.store import database as database_module
from desktop_app.store.export import export_from_store
from desktop_app.store.export_command import run_export


@pytest.fixture
def four_approved(store, fake_doc, motor_result) -> list[int]:
    """Four approved pages (invoice numbers differ, so no duplicate check fires)."""
    pages = []
    for n in range(4):
        (page,) = fake_doc(store, f"p{n}.png")
        store.save_recognition(page, motor_result)
        store.approve(page)
        pages.append(page)
    return pages


def _damage(db_path: Path, bad_json: int, bad_status: int, bad_utf8: int) -> None:
    """Damage three records the way bit rot or another tool would; quick_check sees nothing."""
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE recognitions SET response_json = '{\"Resp' WHERE page_id = ?", (bad_json,))
    conn.execute("UPDATE pages SET status = 'archived' WHERE id = ?", (bad_status,))
    conn.execute(
        "UPDATE field_values SET current_value = CAST(X'E5ff' AS TEXT) WHERE page_id = ?",
        (bad_utf8,),
    )
    conn.commit()
    conn.close()


def test_damaged_records_are_named_and_skipped(
    store, db_path, four_approved, tmp_path, capsys
) -> None:
    bad_json, bad_status, bad_utf8, fine = four_approved
    store.close()
    _damage(db_path, bad_json, bad_status, bad_utf8)
    with open_store(db_path) as reopened:  # the window's open (with recovery) works
        listed = [p.id for p in reopened.pages()]
        assert listed == [bad_json, bad_utf8, fine]  # the unknown status is left out
        assert reopened.status_counts()[PageStatus.APPROVED] == 3
        with pytest.raises(DamagedRecord) as info:
            reopened.corrected_result(bad_json)
        assert "p0.png" in info.value.message.en and "page 1" in info.value.message.en
        with pytest.raises(DamagedRecord):
            reopened.field_values(bad_utf8)
        with pytest.raises(KeyError):  # code skipping vanished pages skips it too
            reopened.page(bad_status)
        assert reopened.values(fine)["发票号码"] == "00880890"
    out = tmp_path / "out.csv"
    err = io.StringIO()
    code = run_export("csv", out, database=db_path, language="en", stderr=err, stdout=io.StringIO())
    assert code == 0 and out.is_file()
    lines = err.getvalue().splitlines()
    assert len(lines) == 2 and all("damaged" in line for line in lines), lines
    assert "p0.png" in lines[0] and "p2.png" in lines[1]
    assert "Traceback" not in err.getvalue()


def test_a_read_only_database_opens_for_review_and_export(
    store, db_path, four_approved, tmp_path, monkeypatch
) -> None:
    page = four_approved[0]
    store.close()
    real_access = os.access

    def no_writing(path, mode, **kwargs) -> bool:  # as on a read-only disk, even for root
        if mode & os.W_OK and Path(path) in (db_path, db_path.parent):
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(database_module.os, "access", no_writing)
    before = db_path.read_bytes()
    with open_store(db_path) as read_only:
        assert read_only.read_only
        assert read_only.values(page)["发票号码"] == "00880890"
        with pytest.raises(DatabaseReadOnly) as info:
            read_only.edit_field(page, "备注", "x")
        assert "read-only" in info.value.message.en and "cannot be saved" in info.value.message.en
        report = export_from_store(read_only, "csv", tmp_path / "out.csv")
        assert len(report.exported) == 4
    assert db_path.read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_exports_honour_the_umask(store, four_approved, tmp_path, umask, mode) -> None:
    previous = os.umask(umask)
    try:
        report = export_from_store(store, "csv", tmp_path / f"out-{umask:o}.csv")
    finally:
        os.umask(previous)
    (written,) = report.files
    assert written.stat().st_mode & 0o777 == mode
