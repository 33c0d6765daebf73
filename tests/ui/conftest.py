"""Fixtures of the window tests: a page file, a window factory, a database path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from window_fakes import FakeBackend, write_page


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    return write_page(tmp_path / "invoice.png")


@pytest.fixture
def make_window(qtbot, tmp_path: Path) -> Iterator[Callable[..., object]]:
    """Build a wired ``MainWindow`` with a fake backend, shown and active."""
    from desktop_app.review.preferences import Preferences
    from desktop_app.ui.app import build_window

    def factory(
        backend: object = None,
        *,
        recognize_on_open: bool = True,
        size: tuple[int, int] | None = (1200, 800),
        **kwargs: object,
    ):
        prefs = Preferences(recognize_on_open=recognize_on_open)
        window = build_window(
            prefs,
            backend=backend if backend is not None else FakeBackend(),
            preferences_path=tmp_path / "preferences.json",
            **kwargs,
        )
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        return window

    yield factory


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "review.sqlite3"
