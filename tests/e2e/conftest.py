"""The clerk's window for the end-to-end tests: real, shown, active, its own database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from window_fakes import FakeBackend

from desktop_app.review.preferences import Preferences
from desktop_app.ui.app import build_window


@pytest.fixture
def clerk_window(qtbot, tmp_path: Path) -> Callable[..., object]:
    """A shown, active window with its own database and a fake engine."""

    def make(**preferences: object):
        window = build_window(
            Preferences(**preferences),  # type: ignore[arg-type]
            backend=FakeBackend(),
            preferences_path=tmp_path / "preferences.json",
            store_path=tmp_path / "review.sqlite3",
            remember_geometry=False,
        )
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
        return window

    return make
