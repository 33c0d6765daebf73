"""Settings round trip: preferences in a readable file, keys only in the keychain."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.review.preferences import Preferences, load_preferences, save_preferences
from desktop_app.ui.dialogs.settings_dialog import SettingsDialog


def test_preferences_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "prefs" / "preferences.json"
    prefs = Preferences(engine="cloud", region="ap-beijing", language="en", recognize_on_open=False)
    prefs.add_recent(tmp_path / "a.png")
    save_preferences(prefs, path)
    assert load_preferences(path) == prefs
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["schema_version"] == 1


def test_broken_preferences_file_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_preferences(path) == Preferences()


def test_settings_round_trip_keys_in_keychain_only(qtbot, tmp_path, memory_keyring) -> None:
    dialog = SettingsDialog(Preferences(), tester=lambda prefs, keys: "ok")
    qtbot.addWidget(dialog)
    assert not dialog.keys_available()
    cloud_item = dialog.engine.model().item(dialog.engine.findData("cloud"))
    assert not cloud_item.isEnabled()
    assert dialog.cloud_hint.text()
    dialog.secret_id.setText("AKIDEXAMPLE1234")
    dialog.secret_key.setText("SECRETKEYEXAMPLE")
    assert cloud_item.isEnabled()
    dialog.engine.setCurrentIndex(dialog.engine.findData("cloud"))
    dialog.region.setCurrentText("ap-shanghai")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.recognize_on_open.setChecked(False)
    dialog.accept()
    prefs = dialog.result_preferences()
    path = tmp_path / "preferences.json"
    save_preferences(prefs, path)
    text = path.read_text(encoding="utf-8")
    assert "SECRETKEYEXAMPLE" not in text and "AKIDEXAMPLE1234" not in text
    assert memory_keyring.entries[("CarInvoiceDesk", "SecretKey")] == "SECRETKEYEXAMPLE"

    again = SettingsDialog(load_preferences(path), tester=lambda prefs, keys: "ok")
    qtbot.addWidget(again)
    assert again.engine.currentData() == "cloud"
    assert again.region.currentText() == "ap-shanghai"
    assert again.language.currentData() == "en"
    assert not again.recognize_on_open.isChecked()
    assert again.secret_id.text() == "AKIDEXAMPLE1234"
    assert again.secret_key.text() == ""  # never shown back; kept unless retyped
    assert again.keys_available()


def test_test_connection_reports_success_and_failure(qtbot, memory_keyring) -> None:
    from desktop_app.core.errors import CarInvoiceError

    dialog = SettingsDialog(Preferences(), tester=lambda prefs, keys: "连接成功")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.connection_tested, timeout=5000) as done:
        dialog.test_button.click()
    assert done.args == [True, "连接成功"]

    def failing(prefs: Preferences, keys: object) -> str:
        raise CarInvoiceError("无法连接")

    dialog._tester = failing
    with qtbot.waitSignal(dialog.connection_tested, timeout=5000) as done:
        dialog.test_button.click()
    assert done.args == [False, "无法连接"]
    assert "无法连接" in dialog.test_result.text()


def test_test_connection_uses_the_typed_keys_without_saving_them(qtbot, memory_keyring) -> None:
    seen = []
    dialog = SettingsDialog(Preferences(), tester=lambda prefs, keys: seen.append(keys) or "ok")
    qtbot.addWidget(dialog)
    dialog.secret_id.setText("AKIDEXAMPLE1234")
    dialog.secret_key.setText("SECRETKEYEXAMPLE")
    with qtbot.waitSignal(dialog.connection_tested, timeout=5000):
        dialog.test_button.click()
    assert seen[0].secret_key == "SECRETKEYEXAMPLE"
    assert memory_keyring.entries == {}
    dialog.secret_key.setText(" SECRET ")
    with qtbot.waitSignal(dialog.connection_tested, timeout=5000) as done:
        dialog.test_button.click()
    assert done.args[0] is False and "SecretKey" in done.args[1]


def test_keys_in_the_environment_enable_the_cloud(qtbot, memory_keyring, monkeypatch) -> None:
    monkeypatch.setenv("TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE1234")
    monkeypatch.setenv("TENCENTCLOUD_SECRET_KEY", "SECRETKEYEXAMPLE")
    dialog = SettingsDialog(Preferences(), tester=lambda prefs, keys: "ok")
    qtbot.addWidget(dialog)
    assert dialog.keys_available()
    assert not dialog.cloud_hint.isVisibleTo(dialog)


def test_missing_keychain_saves_everything_else_and_says_the_keys_were_not(
    qtbot, memory_keyring
) -> None:
    import keyring.errors

    memory_keyring.fail = keyring.errors.NoKeyringError("no backend")
    dialog = SettingsDialog(Preferences(), tester=lambda prefs, keys: "ok")
    qtbot.addWidget(dialog)
    dialog.secret_id.setText("AKIDEXAMPLE1234")
    dialog.secret_key.setText("SECRETKEYEXAMPLE")
    dialog.engine.setCurrentIndex(dialog.engine.findData("cloud"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.recognize_on_open.setChecked(False)
    dialog.show()
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted  # OK is no longer refused
    prefs = dialog.result_preferences()
    assert (prefs.engine, prefs.language, prefs.recognize_on_open) == ("cloud", "en", False)
    assert memory_keyring.entries == {}
    assert dialog.keys_not_saved is not None
    title, text = dialog.keys_not_saved
    assert "密钥未保存" in title
    assert "其他设置已保存" in text and "TENCENTCLOUD_SECRET_ID" in text
    assert ".tencentcloud/credentials" in text
    assert "SECRETKEYEXAMPLE" not in text + title


def test_malformed_keys_still_keep_the_dialog_open(qtbot, memory_keyring) -> None:
    dialog = SettingsDialog(Preferences(), tester=lambda prefs, keys: "ok")
    qtbot.addWidget(dialog)
    dialog.secret_id.setText("AKIDEXAMPLE1234")
    dialog.secret_key.setText(" SECRET ")
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and "SecretKey" in dialog.test_result.text()
    assert dialog.keys_not_saved is None and memory_keyring.entries == {}


def test_the_window_is_told_when_the_keys_were_not_saved(qtbot, memory_keyring) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop_app.ui.dialogs.settings_dialog import open_settings_dialog

    class Window(QWidget):
        """What open_settings_dialog uses of the main window."""

        def __init__(self) -> None:
            super().__init__()
            self.preferences = Preferences()
            self.applied: list[Preferences] = []
            self.messages: list[tuple[str, str, str]] = []

        def apply_preferences(self, prefs: Preferences) -> None:
            self.applied.append(prefs)

        def show_message(self, level: str, title: str, body: str = "") -> None:
            self.messages.append((level, title, body))

    import keyring.errors

    memory_keyring.fail = keyring.errors.KeyringLocked("locked")
    window = Window()
    qtbot.addWidget(window)

    def fill_and_press_ok() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.secret_id.setText("AKIDEXAMPLE1234")
        dialog.secret_key.setText("SECRETKEYEXAMPLE")
        dialog.approve_page_level.setChecked(True)
        dialog.accept()

    QTimer.singleShot(100, fill_and_press_ok)
    assert open_settings_dialog(window) is True
    assert [p.approve_page_level for p in window.applied] == [True]
    assert [(level, "密钥未保存" in title) for level, title, _ in window.messages] == [
        ("warning", True)
    ]


def test_a_missing_keychain_is_said_before_the_keys_are_typed(qtbot, memory_keyring) -> None:
    import keyring
    from keyring.backends import fail

    with_keychain = SettingsDialog(Preferences(), tester=lambda prefs, keys: "ok")
    qtbot.addWidget(with_keychain)
    assert not with_keychain.keychain_hint.isVisibleTo(with_keychain)
    keyring.set_keyring(fail.Keyring())  # what keyring falls back to on a machine without one
    without = SettingsDialog(Preferences(), tester=lambda prefs, keys: "ok")
    qtbot.addWidget(without)
    assert without.keychain_hint.isVisibleTo(without)
    text = without.keychain_hint.text()
    assert "不会保存" in text and "TENCENTCLOUD_SECRET_KEY" in text
