"""The window's shell: geometry kept in QSettings, the CJK font warning, F5, recent files."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from window_fakes import LOCATED, FakeBackend

from desktop_app.ui import app as app_module


def test_geometry_is_restored(qtbot, make_window) -> None:
    window = make_window()
    window.setGeometry(QRect(10, 20, 760, 530))
    window.close()
    again = make_window(size=None)
    assert (again.width(), again.height()) == (760, 530)


def test_missing_cjk_font_is_a_clear_message(qtbot, make_window, monkeypatch) -> None:
    monkeypatch.setattr(app_module, "needs_cjk_font_warning", lambda: True)
    window = make_window()
    text = "\n".join(window.message_bar.texts())
    assert "fonts-noto-cjk" in text and "fonts-wqy-microhei" in text


def test_f5_recognizes_when_recognize_on_open_is_off(qtbot, make_window, page_file) -> None:
    backend = FakeBackend()
    window = make_window(backend, recognize_on_open=False)
    window.open_paths([page_file])
    qtbot.waitUntil(lambda: window.view.has_image, timeout=5000)
    assert backend.calls == 0
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: sorted(window.view.box_names()) == sorted(LOCATED), timeout=5000)
    assert backend.calls == 1


def test_opened_files_go_to_the_recent_menu(qtbot, make_window, page_file) -> None:
    window = make_window()
    assert not window.actions_.recent_menu.isEnabled()
    window.open_paths([page_file])
    qtbot.waitUntil(lambda: window.actions_.recent_menu.isEnabled(), timeout=5000)
    assert [a.text() for a in window.actions_.recent_menu.actions()] == ["invoice.png"]


def test_run_opens_the_files_given_and_returns_the_exit_code(
    qapp, qtbot, monkeypatch, page_file
) -> None:
    import sys

    monkeypatch.setattr(app_module, "build_backend", lambda prefs: (FakeBackend(), None))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    seen: list[list[str]] = []
    built = []
    real_build_window = app_module.build_window

    def build_window(*args, **kwargs):
        built.append(real_build_window(*args, **kwargs))
        qtbot.addWidget(built[-1])
        return built[-1]

    monkeypatch.setattr(app_module, "build_window", build_window)

    def event_loop() -> int:
        # The test stands in for app.exec(): a real exec() would end pytest-qt's loop for good.
        window = built[0]
        assert window.isVisible()
        qtbot.waitUntil(lambda: window.session.current_review is not None, timeout=5000)
        seen.append(window.view.box_names())
        window.close()
        return 0

    monkeypatch.setattr(qapp, "exec", event_loop)
    assert app_module.run([str(page_file)]) == 0
    assert sorted(seen[0]) == sorted(LOCATED)
