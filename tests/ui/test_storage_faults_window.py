"""The window on a read-only database (a banner; edits say why they fail) and on damaged records."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from window_fakes import write_page

from desktop_app.core.codec import parse_response
from desktop_app.store import database as database_module
from desktop_app.store import open_store

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-example-response.json"


def _recognized_store(path: Path, pages: int) -> list[int]:
    result = parse_response(json.loads(SEED.read_text(encoding="utf-8")))
    with open_store(path) as store:
        document = store.add_document(Path("/invoices/stack.pdf"), "sha", pages)
        ids = [p.id for p in store.pages(document_id=document.id)]
        for page in ids:
            store.save_recognition(page, result)
        return ids


def test_a_read_only_database_gets_a_banner_and_edits_say_why(
    make_window, store_path, monkeypatch
) -> None:
    _recognized_store(store_path, 2)
    real_access = os.access

    def no_writing(path, mode, **kwargs) -> bool:
        if mode & os.W_OK and Path(path) in (store_path, store_path.parent):
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(database_module.os, "access", no_writing)
    window = make_window(store_path=store_path)
    texts = " ".join(window.message_bar.texts())
    assert "只读" in texts and "无法保存" in texts
    session = window.session
    assert not session.store_call(session.store.approve, session.store.pages()[0].id)
    assert "只读" in window.message_bar.texts()[0]


def test_damaged_records_do_not_stop_the_window(make_window, store_path, qtbot, tmp_path) -> None:
    """Bad JSON in one answer, a value that is not UTF-8 in another: those pages are named."""
    result = parse_response(json.loads(SEED.read_text(encoding="utf-8")))
    with open_store(store_path) as store:
        files = [write_page(tmp_path / f"invoice{n}.png") for n in range(3)]
        store.add_paths(files)
        ids = [p.id for p in store.pages()]
        for page in ids:
            store.save_recognition(page, result)
    conn = sqlite3.connect(store_path)
    conn.execute("UPDATE recognitions SET response_json = 'not json' WHERE page_id = ?", (ids[0],))
    conn.execute(
        "UPDATE field_values SET current_value = CAST(X'ff' AS TEXT) WHERE page_id = ?", (ids[1],)
    )
    conn.commit()
    conn.close()
    window = make_window(store_path=store_path)
    session = window.session
    qtbot.waitUntil(lambda: len(session.queue.keys()) == 3, timeout=10000)
    keys = list(session.queue.keys())
    for key in keys:
        session.go_to(key)
        qtbot.wait(50)
    qtbot.waitUntil(lambda: "invoice0.png" in " ".join(window.message_bar.texts()), timeout=10000)
    assert "已损坏" in " ".join(window.message_bar.texts())
    session.go_to(keys[2])  # a sound page still opens for review
    qtbot.waitUntil(lambda: session.current_review is not None, timeout=10000)
    assert session.current_review.values()["发票号码"] == "00880890"
