"""A review a clerk can trust, driven as a clerk drives it: the real window, keys pressed.

Approval means reviewed (Ctrl+Enter asks, listing what is open; approving anyway is a
choice and audited), and approval stays true (an edit puts the page back to review,
F5 asks first). Everything is real except the engine (a fake answering at once) and
the pages (drawn by the test).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from clerk_steps import (
    CTRL,
    confirm_every_field,
    focused_editor,
    open_and_wait,
    page_status,
    wait_for_review_of,
)
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from window_fakes import write_page

from desktop_app.store import PageStatus


def test_ctrl_enter_on_an_unreviewed_page_asks_and_enter_goes_to_the_first_field(
    qtbot, clerk_window, tmp_path
) -> None:
    window = clerk_window()
    open_and_wait(qtbot, window, write_page(tmp_path / "a.png"))
    editor = focused_editor(qtbot, window)
    first_open = window.panel.current

    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    dialog = window.approval.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert page_status(window) is PageStatus.NEEDS_REVIEW
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any(line.startswith("未确认") for line in lines)
    assert dialog.go_button.isDefault() and not dialog.approve_button.isDefault()

    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # habit: Enter — goes to the field, approves nothing
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page_status(window) is PageStatus.NEEDS_REVIEW
    assert window.panel.current == first_open
    qtbot.waitUntil(window.panel.rows[first_open].editor.hasFocus)

    qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_Return, CTRL)
    dialog = window.approval.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.approve_button.click()  # approving anyway is its own button
    assert page_status(window) is PageStatus.APPROVED
    notes = [e.new for e in window.session.store.audit_trail() if e.action == "status"]
    assert notes[-1].startswith("approved (仍然通过：")
    assert "个字段未确认" in notes[-1]


def test_a_fully_confirmed_page_is_approved_without_a_question(
    qtbot, clerk_window, tmp_path
) -> None:
    window = clerk_window()
    open_and_wait(qtbot, window, write_page(tmp_path / "a.png"))
    confirm_every_field(qtbot, window)
    qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_Return, CTRL)
    assert window.approval.dialog is None
    assert page_status(window) is PageStatus.APPROVED


def test_page_level_approval_still_asks_for_errors_and_duplicates(
    qtbot, clerk_window, tmp_path
) -> None:
    window = clerk_window(approve_page_level=True)
    first, twin = write_page(tmp_path / "a.png"), write_page(tmp_path / "b.png")
    open_and_wait(qtbot, window, first)
    qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_Return, CTRL)
    assert window.approval.dialog is None  # the office's choice: no field-by-field question
    assert page_status(window) is PageStatus.APPROVED
    note = [e.new for e in window.session.store.audit_trail() if e.action == "status"][-1]
    assert "按页通过" in note

    open_and_wait(qtbot, window, twin)  # the same invoice code and number: a duplicate
    qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_Return, CTRL)
    dialog = window.approval.dialog
    qtbot.waitUntil(dialog.isVisible)
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert lines[0].startswith("重复：与 a.png")
    assert dialog.cancel_button.isDefault()  # nothing to go to: the default keeps it open
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    twin_page = window.session.queue.page(window.session.current)
    assert window.session.writes.wait_idle(10)  # its answer is stored by the writer thread
    assert window.session.store.page(twin_page.id).status is PageStatus.NEEDS_REVIEW


def first_doc(window) -> int:
    return window.session.queue.pages[0].document_id


def test_an_edit_after_approval_puts_the_page_back_to_review_and_f5_asks(
    qtbot, clerk_window, tmp_path
) -> None:
    window = clerk_window()
    first, second = write_page(tmp_path / "a.png"), write_page(tmp_path / "b.png")
    open_and_wait(qtbot, window, first, second)
    confirm_every_field(qtbot, window)
    qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_Return, CTRL)
    assert page_status(window) is PageStatus.APPROVED
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp)  # back to the approved page
    wait_for_review_of(qtbot, window, first)

    calls = window.session.backend.calls
    qtbot.keyClick(window.view, Qt.Key.Key_F5)  # approved: F5 asks, Cancel is the default
    question = window.recognize_flow.dialog
    qtbot.waitUntil(question.isVisible)
    assert question.defaultButton() is question.button(question.StandardButton.Cancel)
    qtbot.keyClick(question, Qt.Key.Key_Return)
    assert page_status(window) is PageStatus.APPROVED
    assert window.session.backend.calls == calls  # not recognized again

    window.panel.select_field("发票号码")
    editor = focused_editor(qtbot, window)
    editor.selectAll()
    qtbot.keyClicks(editor, "00012346")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # leaving the field commits the edit
    qtbot.waitUntil(lambda: page_status(window) is PageStatus.NEEDS_REVIEW, timeout=5000)
    trail = window.session.store.audit_trail()
    assert trail[-1].action == "status"
    assert trail[-1].new == "needs_review (通过后修改了字段)"
    assert not window.session.current_review.approved
    QApplication.processEvents()
    assert "待审核" in window.banner.text()


class _ShortcutCatcher(QObject):
    """Swallows the shortcut events of the window's actions and counts them per action."""

    def __init__(self) -> None:
        super().__init__()
        self.caught: list[QAction] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut:
            self.caught.append(watched)  # type: ignore[arg-type]
            return True
        return False


def test_every_window_shortcut_works_with_focus_in_a_field_editor(
    qtbot, clerk_window, tmp_path
) -> None:
    window = clerk_window()
    open_and_wait(qtbot, window, write_page(tmp_path / "a.png"))
    editor = focused_editor(qtbot, window)
    editor.setText(editor.text())  # nothing typed: undo and redo belong to the window too
    catcher = _ShortcutCatcher()
    actions = [a for a in window.actions() if a.shortcuts()]
    assert len(actions) >= 20
    pressed = 0
    for action in actions:
        action.setEnabled(True)  # cancel and pause are only enabled while busy
        action.installEventFilter(catcher)
        for shortcut in action.shortcuts():
            if shortcut.isEmpty():
                continue  # a standard key without a binding here (Quit on Linux)
            combination = shortcut[0]
            editor.setFocus()
            qtbot.waitUntil(editor.hasFocus)
            catcher.caught.clear()
            qtbot.keyClick(editor, combination.key(), combination.keyboardModifiers())
            assert catcher.caught == [action], (
                f"{shortcut.toString()} did not reach {action.text()}"
            )
            pressed += 1
    assert pressed >= 25


def test_ctrl_e_in_a_field_editor_opens_the_export_dialog(qtbot, clerk_window, tmp_path) -> None:
    window = clerk_window()
    open_and_wait(qtbot, window, write_page(tmp_path / "a.png"))
    editor = focused_editor(qtbot, window)
    editor.setCursorPosition(0)
    qtbot.keyClick(editor, Qt.Key.Key_E, CTRL)
    dialog = window.queue_commands.dialog
    assert dialog is not None and dialog.isVisible()
    assert editor.cursorPosition() == 0  # not taken as end-of-line
    dialog.reject()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_X)  # typed text: Ctrl+Z undoes the typing, not the review
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert "x" not in editor.text()
    assert window.session.undo_group.activeStack().count() == 0


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (apt: xvfb)")
@pytest.mark.skipif(os.environ.get("QT_QPA_PLATFORM") == "xcb", reason="already on X11")
def test_the_shortcut_tests_pass_on_x11_too() -> None:
    """On X11 QLineEdit takes Ctrl+E as end-of-line (not on the offscreen platform, whose
    key bindings are Windows'): the two tests above again, on an Xvfb display."""
    here = Path(__file__)
    tests = [
        f"{here}::test_every_window_shortcut_works_with_focus_in_a_field_editor",
        f"{here}::test_ctrl_e_in_a_field_editor_opens_the_export_dialog",
    ]
    done = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
        env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
        cwd=here.parents[2],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "2 passed" in done.stdout


def test_approving_selected_pages_asks_about_those_not_fully_reviewed(
    qtbot, clerk_window, tmp_path
) -> None:
    window = clerk_window()
    first, second = write_page(tmp_path / "a.png"), write_page(tmp_path / "b.png")
    open_and_wait(qtbot, window, first, second)
    confirm_every_field(qtbot, window)  # a.png is reviewed field by field
    other = window.session.backend.result
    fields = tuple(
        replace(f, value="00099999") if f.name == "发票号码" else f for f in other.fields
    )
    window.session.backend.result = replace(other, fields=fields)  # b.png: another invoice
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown)
    wait_for_review_of(qtbot, window, second)  # b.png is recognized, nothing confirmed
    panel, store = window.queue_panel, window.session.store
    ids = [p.id for p in window.session.queue.pages]
    panel.tree.selectAll()
    window.actions_.approve_selected.trigger()
    question = window.queue_commands.dialog
    qtbot.waitUntil(question.isVisible)
    assert question.defaultButton().text() == "只通过已审核完的 1 页"
    qtbot.keyClick(question, Qt.Key.Key_Return)
    assert window.session.writes.wait_idle(10)
    assert store.page(ids[0]).status is PageStatus.APPROVED
    assert store.page(ids[1]).status is PageStatus.NEEDS_REVIEW
