"""The small things a clerk notices, driven from the keyboard in the real window:
redo brings back a confirmation, the export dialog remembers its folder and format and
says which CSV is which, Ctrl+Enter on an empty queue says so, and adding files opens
the first one added even when another page is open."""

from __future__ import annotations

import csv
from pathlib import Path

from clerk_steps import CTRL, focused_editor, open_and_wait, wait_for_review_of
from PySide6.QtCore import Qt
from window_fakes import write_page

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_redo_brings_back_the_edit_and_its_confirmation(qtbot, clerk_window, tmp_path) -> None:
    window = clerk_window()
    open_and_wait(qtbot, window, write_page(tmp_path / "a.png"))
    window.panel.select_field("发票号码")
    editor = focused_editor(qtbot, window)
    editor.selectAll()
    qtbot.keyClicks(editor, "00012346")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # edit and confirm, move on
    review = window.session.current_review
    assert review.field("发票号码").confirmed
    focused = focused_editor(qtbot, window)
    qtbot.keyClick(focused, Qt.Key.Key_Z, CTRL)
    assert review.field("发票号码").value == "00012345"
    assert not review.field("发票号码").confirmed
    qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_Z, CTRL | SHIFT)
    assert review.field("发票号码").value == "00012346"
    assert review.field("发票号码").confirmed  # the confirmation came back with the edit
    page_id = window.session.queue.pages[0].id
    assert window.session.writes.wait_idle(10)  # the store once the window's writes are in
    stored = {v.name: v for v in window.session.store.field_values(page_id)}
    assert stored["发票号码"].confirmed and stored["发票号码"].current == "00012346"


def test_ctrl_enter_on_an_empty_queue_says_the_queue_is_empty(qtbot, clerk_window) -> None:
    window = clerk_window()
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    assert window.statusBar().currentMessage() == "队列是空的，没有可通过的页面。"


def test_adding_files_opens_the_first_one_added(qtbot, clerk_window, tmp_path) -> None:
    window = clerk_window()
    first = write_page(tmp_path / "a.png")
    open_and_wait(qtbot, window, first)
    later = [write_page(tmp_path / "b.png"), write_page(tmp_path / "c.png")]
    window.open_paths(later)  # a page is open: the first one added opens all the same
    wait_for_review_of(qtbot, window, later[0])


def test_export_remembers_format_and_folder_and_names_the_plain_csv(
    qtbot, clerk_window, tmp_path
) -> None:
    window = clerk_window(approve_page_level=True)
    open_and_wait(qtbot, window, write_page(tmp_path / "a.png"))
    qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_Return, CTRL)  # approved by page
    out_dir = tmp_path / "exports"
    out_dir.mkdir()

    qtbot.keyClick(window.view, Qt.Key.Key_E, CTRL)
    dialog = window.queue_commands.dialog
    formats = [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())]
    assert formats == ["xlsx", "csv", "csv-excel", "json"]
    dialog.set_format("csv")
    assert "纯 CSV" in dialog.format_note.text()
    dialog.path_edit.setText(str(out_dir / "day.csv"))
    with qtbot.waitSignal(window.message_bar.message_shown, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    with (out_dir / "day.csv").open(encoding="utf-8", newline="") as file:
        row = next(csv.DictReader(file))
    assert row["发票代码"] == "153001720011"  # plain text, no ="…"

    # The export waits for the approval to be committed, and on the offscreen platform the
    # window loses its activation soon after a dialog closes (even before that change): a
    # window manager gives it back, here the clerk's click on the window does.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_E, CTRL)  # the next export starts where this one was
    again = window.queue_commands.dialog
    assert again.format_box.currentData() == "csv"
    assert Path(again.path_edit.text()).parent == out_dir
    again.set_format("csv-excel")
    assert "Excel" in again.format_note.text()
    again.reject()


def test_the_chosen_zoom_holds_across_pages_and_fields(qtbot, clerk_window, tmp_path) -> None:
    window = clerk_window()
    pages = [write_page(tmp_path / f"{n}.png", (1600, 1000)) for n in "abc"]
    open_and_wait(qtbot, window, *pages)
    view = window.view
    fitted = view.zoom
    for _ in range(4):  # Enter through fields: the page stays fitted
        qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_Return)
    assert view.zoom == fitted

    qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_1, CTRL)  # 100%
    assert view.zoom == 1.0
    qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_PageDown)
    wait_for_review_of(qtbot, window, pages[1])
    qtbot.waitUntil(lambda: window.panel.current is not None)
    assert view.zoom == 1.0  # the next page opens at the clerk's 100%
    for _ in range(3):
        editor = focused_editor(qtbot, window)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        name = window.panel.current
        box = view.box(name)
        if box is not None:  # a located field: its box is scrolled into view, zoom kept
            visible = view.mapToScene(view.viewport().rect()).boundingRect()
            assert visible.contains(box.sceneBoundingRect())
        assert view.zoom == 1.0

    qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_2, CTRL)  # fit width
    qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_PageDown)
    wait_for_review_of(qtbot, window, pages[2])
    qtbot.waitUntil(lambda: window.panel.current is not None)
    qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_Tab)
    qtbot.wait(50)
    assert abs(view.zoom * 1600 - (view.viewport().width() - 8)) < 2  # still the page's width


def test_a_fields_note_shows_under_its_value_and_survives_a_restart(
    qtbot, clerk_window, tmp_path
) -> None:
    from dataclasses import replace

    from window_fakes import sample_result

    from desktop_app.core.text import LocalizedText

    note = LocalizedText(
        "取自发票二维码（识别为 00012346）", "Taken from the QR code (read 00012346)"
    )
    answer = sample_result()
    fields = tuple(replace(f, note=note) if f.name == "发票号码" else f for f in answer.fields)
    window = clerk_window()
    window.session.backend.result = replace(answer, fields=fields)
    open_and_wait(qtbot, window, write_page(tmp_path / "a.png"))
    row = window.panel.rows["发票号码"]
    assert row._note.isVisibleTo(window) and row._note.text() == note.zh
    assert not window.panel.rows["发票代码"]._note.isVisibleTo(window)
    window.close()
    window = clerk_window()  # the stored review keeps the note
    qtbot.waitUntil(lambda: window.session.current_review is not None, timeout=5000)
    assert window.panel.rows["发票号码"]._note.text() == note.zh
