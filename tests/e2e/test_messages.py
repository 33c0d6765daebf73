"""Messages a clerk can read: one area, newest first, repeats folded, nothing dropped, the
keychain-missing case in the clerk's language with the way forward, and no stale verdict."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from window_fakes import write_page

from desktop_app.review.preferences import Preferences
from desktop_app.ui.dialogs.settings_dialog import SettingsDialog
from desktop_app.ui.translator import install_language
from desktop_app.ui.widgets.message_bar import MAX_AREA_HEIGHT


def test_six_files_dropped_at_once_leave_six_messages_in_one_short_area(
    qtbot, clerk_window, tmp_path
) -> None:
    window = clerk_window()
    original = write_page(tmp_path / "a.png")
    window.open_paths([original])
    qtbot.waitUntil(lambda: window.session.current_review is not None, timeout=10000)
    copies = []
    for n in range(6):  # the same content six times: six notices, none lost
        copy = tmp_path / f"copy{n}.png"
        copy.write_bytes(original.read_bytes())
        copies.append(copy)
    window.open_paths(copies)
    bar = window.message_bar
    qtbot.waitUntil(lambda: len(bar.items) == 6, timeout=5000)
    assert [t.split("”")[0] for t in bar.texts()] == [f"“copy{n}.png" for n in range(5, -1, -1)]
    qtbot.waitUntil(lambda: bar.height() <= MAX_AREA_HEIGHT + 10)
    window.open_paths([copies[0]])  # the same again: counted, moved to the top
    qtbot.waitUntil(lambda: "×2" in bar.texts()[0], timeout=5000)
    assert len(bar.items) == 6


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_keychain_says_so_in_the_clerks_language_with_the_variables(qtbot, language) -> None:
    # tests/conftest.py sets the "fail" keyring backend: a machine without a keychain.
    install_language(language)
    try:
        dialog = SettingsDialog(Preferences(language=language), keyring_service="CarInvoiceDesk")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.secret_id, "AKIDexample")
        qtbot.keyClicks(dialog.secret_key, "secretexample")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        # Accepted: the other settings are saved; the keys were not, and the window is told.
        assert not dialog.isVisible()
        assert dialog.result() == SettingsDialog.DialogCode.Accepted
        assert dialog.keys_not_saved is not None
        title, text = dialog.keys_not_saved
        assert "TENCENTCLOUD_SECRET_ID" in text and "TENCENTCLOUD_SECRET_KEY" in text
        if language == "zh":
            assert "环境变量" in text and "其他设置已保存" in text and "密钥未保存" in title
        else:
            assert "environment variables" in text and "other settings were saved" in text
            assert title == "Keys not saved: no OS keychain"
        assert "OS keychain did not" not in text
    finally:
        install_language("zh")


def test_a_verdict_is_cleared_when_the_keys_change(qtbot) -> None:
    dialog = SettingsDialog(Preferences(), keyring_service="")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._on_tested(True, "连接成功")  # what the background test reports
    assert dialog.test_result.text() == "连接成功"
    qtbot.keyClicks(dialog.secret_id, "X")
    assert dialog.test_result.text() == ""
