"""Every edit, confirmation, undo and approval reaches the store (through the window's writer
thread, in order, before the status bar says 已保存); reopening restores it."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from window_fakes import FakeBackend, write_page, write_pages

from desktop_app.review.preferences import Preferences
from desktop_app.store import PageStatus, open_store
from desktop_app.ui.app import build_window


def recognized(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.session.current_review is not None, timeout=5000)


def test_edits_survive_closing_and_reopening_the_window(
    qtbot, make_window, store_path, tmp_path
) -> None:
    first, second = write_pages(tmp_path / "in", 2)
    backend = FakeBackend()
    window = make_window(backend, store_path=store_path)
    window.open_paths([first, second])
    recognized(qtbot, window)
    window.session.edit_field("发票号码", "11111111")
    window.session.confirm_field("发票代码")
    window.actions_.next_page.trigger()
    recognized(qtbot, window)
    window.session.edit_field("开票日期", "2017-08-01")
    window.close()
    assert backend.calls == 2

    again = make_window(backend, store_path=store_path)
    recognized(qtbot, again)
    session = again.session
    assert session.queue.document(session.current).path == second.resolve()
    assert session.current_review.field("开票日期").value == "2017-08-01"
    assert session.current_review.field("开票日期").recognized == "2017-07-31"
    again.actions_.previous_page.trigger()
    qtbot.waitUntil(lambda: session.current_review is not None and "发票号码" in again.panel.rows)
    assert again.panel.rows["发票号码"].editor.text() == "11111111"
    review = session.current_review
    assert review.field("发票号码").edited and review.field("发票代码").confirmed
    assert backend.calls == 2  # values came from the store, nothing recognized again
    assert again.view.box("发票号码") is not None


def test_undo_and_redo_are_written_to_the_store(qtbot, make_window, store_path, page_file):
    window = make_window(store_path=store_path)
    window.open_paths([page_file])
    recognized(qtbot, window)
    store = window.session.store
    page_id = store.pages()[0].id

    def saved(value: str) -> None:
        qtbot.waitUntil(lambda: window.save_status.label.text() == "已保存")
        assert store.values(page_id)["发票号码"] == value

    window.session.edit_field("发票号码", "22222222")
    saved("22222222")
    window.actions_.undo.trigger()
    saved("00012345")
    window.actions_.redo.trigger()
    saved("22222222")
    edits = [(e.old, e.new) for e in store.audit_trail([page_id]) if e.action == "edit"]
    assert edits == [("00012345", "22222222"), ("22222222", "00012345"), ("00012345", "22222222")]


def test_ctrl_enter_approves_and_opens_the_next_page_needing_review_across_files(
    qtbot, make_window, store_path, tmp_path
) -> None:
    pages = write_pages(tmp_path / "in", 3)
    window = make_window(recognize_on_open=False, store_path=store_path)
    window.open_paths(pages)
    qtbot.waitUntil(lambda: len(window.queue_panel.visible_page_items()) == 3, timeout=5000)
    with qtbot.waitSignal(window.queue_commands.batch.finished, timeout=5000):
        window.actions_.recognize_all.trigger()
    store = window.session.store
    ids = [p.id for p in store.pages()]
    store.approve(ids[1])  # already done: Ctrl+Enter on the first skips it
    # The window reads that change (made beside it) in the background, as a batch's.
    qtbot.waitUntil(lambda: window.session.queue.page_by_id(ids[1]).status is PageStatus.APPROVED)
    recognized(qtbot, window)
    editor = window.panel.rows["发票号码"].editor
    window.panel.select_field("发票号码")
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    window.approval.dialog.approve_button.click()  # nothing confirmed: approved knowingly
    assert window.session.queue.page(window.session.current).id == ids[2]  # at once
    qtbot.waitUntil(lambda: store.page(ids[0]).status is PageStatus.APPROVED)  # once committed
    qtbot.waitUntil(lambda: store.current_page().id == ids[2])
    qtbot.waitUntil(lambda: window.queue_panel.counter.text() == "还剩 1 张待审", timeout=5000)


def test_a_corrupt_database_is_refused_untouched_and_the_app_runs(
    qtbot, tmp_path, page_file
) -> None:
    broken = tmp_path / "review.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    before = broken.read_bytes()
    window = build_window(
        Preferences(),
        backend=FakeBackend(),
        preferences_path=tmp_path / "p.json",
        store_path=broken,
        remember_geometry=False,
    )
    qtbot.addWidget(window)
    texts = " ".join(window.message_bar.texts())
    assert "已损坏" in texts and str(broken) in texts and "临时数据库" in texts
    window.open_paths([page_file])
    recognized(qtbot, window)
    window.close()
    assert broken.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused(qtbot, tmp_path) -> None:
    path = tmp_path / "review.sqlite3"
    with open_store(path) as store:
        store._db.conn.execute("PRAGMA user_version = 99")
    before = path.read_bytes()
    backup = tmp_path / "copy.sqlite3"
    shutil.copy(path, backup)
    window = build_window(
        Preferences(), backend=FakeBackend(), store_path=path, remember_geometry=False
    )
    qtbot.addWidget(window)
    assert "更新版本" in " ".join(window.message_bar.texts())
    window.close()
    assert path.read_bytes() == before


def test_a_page_failing_to_open_does_not_stop_the_queue(qtbot, make_window, store_path, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    good = write_page(tmp_path / "good.png")
    window = make_window(store_path=store_path)
    with qtbot.waitSignal(window.message_bar.message_shown, timeout=5000) as shown:
        window.open_paths([broken, good])
    assert "broken.pdf" in shown.args[1]
    recognized(qtbot, window)
    assert len(window.session.store.documents()) == 1
