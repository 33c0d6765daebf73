"""What a clerk does in the end-to-end tests: add files and wait, find the focused editor.

A module of its own (not ``conftest``): several test folders have a ``conftest``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app.store import PageStatus

CTRL = Qt.KeyboardModifier.ControlModifier


def open_and_wait(qtbot, window, *paths: Path) -> None:
    """Add files as the clerk does and wait until the first one added is open and recognized."""
    window.open_paths(list(paths))
    wait_for_review_of(qtbot, window, paths[0])
    qtbot.waitUntil(lambda: window.panel.current is not None, timeout=5000)


def wait_for_review_of(qtbot, window, path: Path) -> None:
    session = window.session

    def shown() -> bool:
        key = session.current
        return key is not None and session.queue.document(key).path == path.resolve()

    qtbot.waitUntil(shown, timeout=10000)
    qtbot.waitUntil(lambda: session.current_review is not None, timeout=10000)


def focused_editor(qtbot, window):
    editor = window.panel.rows[window.panel.current].editor
    qtbot.waitUntil(editor.hasFocus, timeout=5000)
    return editor


def page_status(window) -> PageStatus:
    """The first page's stored status, once the window's writes are committed."""
    assert window.session.writes.wait_idle(10)
    return window.session.store.page(window.session.queue.pages[0].id).status


def confirm_every_field(qtbot, window) -> None:
    """Enter on each field the window moves to, until none needs review."""
    review = window.session.current_review
    for _ in range(80):
        if not any(review.needs_review(n) for n in review.names()):
            return
        qtbot.keyClick(focused_editor(qtbot, window), Qt.Key.Key_Return)
    raise AssertionError("Enter did not walk through the fields")
