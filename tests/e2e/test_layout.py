"""The window fits a 1280 px wide screen in both languages; long names end in "…" with the
whole name as the tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton
from window_fakes import write_page

from desktop_app.ui.translator import install_language


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_toolbar_button_shows_at_1280_px(qtbot, clerk_window, language) -> None:
    try:
        window = clerk_window(language=language)  # the fixture sizes it 1280 × 800
        assert window.width() == 1280
        QApplication.processEvents()
        toolbar = window.findChild(QToolBar, "main-toolbar")
        overflow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert overflow is None or not overflow.isVisible()
        for action in toolbar.actions():
            if not action.isSeparator():
                button = toolbar.widgetForAction(action)
                assert button.isVisible(), action.text()
                assert button.geometry().right() <= toolbar.width()
        settings = toolbar.widgetForAction(window.actions_.settings)
        assert settings.text() == ("Settings" if language == "en" else "设置")
    finally:
        install_language("zh")


def test_long_file_names_end_in_an_ellipsis_with_the_whole_name_as_tooltip(
    qtbot, clerk_window, tmp_path
) -> None:
    window = clerk_window()
    name = "invoice-from-the-dealer-in-kunming-2024-03-scan-page-0001.png"
    page = write_page(tmp_path / name)
    window.open_paths([page])
    qtbot.waitUntil(lambda: len(window.queue_panel.visible_page_items()) == 1, timeout=5000)
    tree = window.queue_panel.tree
    assert tree.textElideMode() == Qt.TextElideMode.ElideRight
    item = window.queue_panel.visible_page_items()[0]
    assert item.text(0) == name
    assert str(page) in item.toolTip(0)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_field_panel_fits_its_width_and_never_scrolls_sideways(
    qtbot, clerk_window, tmp_path, language
) -> None:
    from clerk_steps import open_and_wait

    try:
        window = clerk_window(language=language)
        open_and_wait(qtbot, window, write_page(tmp_path / "a.png"))
        panel = window.panel
        for name in ("发票号码", "价税合计(小写)", "发票代码"):
            panel.select_field(name)
            QApplication.processEvents()
            assert panel.horizontalScrollBar().value() == 0
        content = panel.widget()
        assert content.minimumSizeHint().width() <= panel.viewport().width()
    finally:
        install_language("zh")
