"""The page shown is the page named: a moved, deleted or changed file shows a placeholder
with its path and Locate… (matched by content), and the stored values stay visible and
editable — never another page's image."""

from __future__ import annotations

import shutil

from clerk_steps import focused_editor, open_and_wait
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from window_fakes import write_page

from desktop_app.store import open_store


def test_a_moved_file_shows_its_path_keeps_its_values_and_is_found_again(
    qtbot, clerk_window, tmp_path, monkeypatch
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first, second = write_page(inbox / "a.png"), write_page(inbox / "b.png")
    window = clerk_window()
    open_and_wait(qtbot, window, first, second)
    window.panel.select_field("发票号码")
    editor = focused_editor(qtbot, window)
    editor.selectAll()
    qtbot.keyClicks(editor, "00012346")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    window.close()

    archive = tmp_path / "archive"
    archive.mkdir()
    moved = archive / "a.png"
    shutil.move(first, moved)
    window = clerk_window()  # the next morning: the queue reopens on page a
    qtbot.waitUntil(lambda: window.page_stack.currentWidget() is window.placeholder, timeout=5000)
    assert not window.view.has_image  # nothing else shown under a.png's name
    assert window.placeholder.path_label.text() == str(first.resolve())
    assert "找不到" in window.placeholder.headline.text()
    qtbot.waitUntil(lambda: window.session.current_review is not None, timeout=5000)
    row = window.panel.rows["发票号码"]
    assert row.editor.text() == "00012346"  # the stored value, visible
    window.panel.select_field("开票日期")
    date = focused_editor(qtbot, window)
    date.selectAll()
    qtbot.keyClicks(date, "2017-08-01")
    qtbot.keyClick(date, Qt.Key.Key_Return)  # and editable
    assert window.session.current_review.field("开票日期").value == "2017-08-01"

    wrong = write_page(archive / "other.png")  # another invoice: refused
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(wrong), ""))
    window.placeholder.locate_button.click()
    assert "不是队列中的那个文件" in window.message_bar.texts()[0]
    assert window.page_stack.currentWidget() is window.placeholder

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(moved), ""))
    window.placeholder.locate_button.click()  # the same content: used from now on
    qtbot.waitUntil(lambda: window.view.has_image, timeout=5000)
    assert window.page_stack.currentWidget() is window.view
    qtbot.waitUntil(lambda: "发票号码" in window.view.box_names(), timeout=5000)
    store = window.session.store
    assert store.document(window.session.current.document_id).path == moved.resolve()
    assert any(
        e.action == "relocate" and e.new == str(moved.resolve()) for e in store.audit_trail()
    )


def test_a_changed_file_is_not_shown_under_the_pages_name(qtbot, clerk_window, tmp_path) -> None:
    first, second = write_page(tmp_path / "a.png"), write_page(tmp_path / "b.png")
    window = clerk_window()
    open_and_wait(qtbot, window, first, second)
    window.close()
    write_page(first, (900, 600))  # another drawing saved under the same name
    window = clerk_window()
    qtbot.waitUntil(lambda: window.page_stack.currentWidget() is window.placeholder, timeout=5000)
    assert "改动" in window.placeholder.headline.text()
    assert window.view.box_names() == []
    qtbot.keyClick(window.panel, Qt.Key.Key_PageDown)  # the next page shows as usual
    qtbot.waitUntil(lambda: window.view.has_image, timeout=5000)
    assert window.page_stack.currentWidget() is window.view
    with open_store(tmp_path / "review.sqlite3") as store:
        assert len(store.documents()) == 2
