"""Settings: engine (local, Tencent Cloud, office server), region, endpoint, keys (OS keychain only),
language, recognize-on-open."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.core.errors import CarInvoiceError, RecognitionError
from desktop_app.recognition.cloud.credentials import (
    DEFAULT_CREDENTIALS_FILE,
    ENV_SECRET_ID,
    ENV_SECRET_KEY,
    Credentials,
    KeychainError,
    from_environment,
    from_file,
    from_keyring,
    store_in_keyring,
)
from desktop_app.recognition.factory import ENGINES, REGIONS
from desktop_app.review.backend_builder import build_backend
from desktop_app.review.connection_check import check_connection
from desktop_app.review.preferences import Preferences

#: (preferences, typed keys or None) → success text; raises ``CarInvoiceError`` if it fails.
ConnectionTester = Callable[[Preferences, "Credentials | None"], str]


def default_tester(prefs: Preferences, credentials: Credentials | None) -> str:
    """Build the engine the dialog describes and let it read a blank page."""
    backend, problem = build_backend(prefs, credentials)
    if backend is None:
        raise CarInvoiceError(problem.get(prefs.language) if problem else "no engine")
    return check_connection(backend).get(prefs.language)


def _keys_outside_the_app() -> bool:
    """Keys the cloud engine would find without the dialog (environment, ~/.tencentcloud)."""
    try:
        found = from_environment(os.environ) or from_file(DEFAULT_CREDENTIALS_FILE)
    except RecognitionError:
        return False  # half a pair or a malformed file: the dialog's own keys are needed
    return found is not None


def keychain_missing() -> bool:
    """True when ``keyring`` found no usable keychain (it fell back to its failing backend).

    A keychain that exists but refuses (locked, denied) is only found out when OK stores
    the keys; ``SettingsDialog.keys_not_saved`` covers that case too.
    """
    try:
        import keyring
        from keyring.backends import fail

        return isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # a backend that fails to load is no keychain either
        return True


class _TestSignals(QObject):
    """Carrier from the pool thread to the dialog."""

    #: The test finished: (success, message for the clerk).
    done = Signal(bool, str)


class _TestRunnable(QRunnable):
    def __init__(
        self,
        tester: ConnectionTester,
        prefs: Preferences,
        credentials: Credentials | None,
        signals: _TestSignals,
    ) -> None:
        super().__init__()
        self._tester, self._prefs, self._signals = tester, prefs, signals
        self._credentials = credentials

    def run(self) -> None:
        try:
            self._signals.done.emit(True, self._tester(self._prefs, self._credentials))
        except RecognitionError as exc:
            self._signals.done.emit(False, exc.describe(self._prefs.language))
        except Exception as exc:
            self._signals.done.emit(False, str(exc) or exc.__class__.__name__)


class SettingsDialog(QDialog):
    """Edits a copy of the preferences; ``result_preferences()`` after ``accept``."""

    #: "Test connection" finished: (success, message shown to the clerk).
    connection_tested = Signal(bool, str)

    def __init__(
        self,
        prefs: Preferences,
        *,
        tester: ConnectionTester = default_tester,
        keyring_service: str = "CarInvoiceDesk",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self._prefs = prefs
        self._tester = tester
        self._service = keyring_service
        #: Set by ``accept`` when the keychain did not store the typed keys: the (title,
        #: text) to tell the clerk once the other settings are applied.
        self.keys_not_saved: tuple[str, str] | None = None
        self._pool = QThreadPool(self)
        self._signals = _TestSignals(self)
        self._signals.done.connect(self._on_tested)
        self._build()
        self._load(prefs)

    def _build(self) -> None:
        self.engine = QComboBox()
        self.engine.addItem(self.tr("本地识别（离线）"), "local")
        self.engine.addItem(self.tr("腾讯云识别"), "cloud")
        # An office recognition server: the same API and keys, at the office's own URL.
        self.engine.addItem(self.tr("办公室识别服务器"), "server")
        self.region = QComboBox()
        self.region.addItems(list(REGIONS))
        self.endpoint = QLineEdit()
        self.endpoint.setPlaceholderText(self.tr("默认：https://ocr.tencentcloudapi.com"))
        self.secret_id = QLineEdit()
        self.secret_key = QLineEdit()
        self.secret_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.cloud_hint = QLabel()
        self.cloud_hint.setWordWrap(True)
        self.cloud_hint.setStyleSheet("color: #8a6d3b;")
        # Said before the clerk types: on a machine without a keychain OK cannot keep the keys.
        self.keychain_hint = QLabel(
            self.tr(
                "本机没有可用的系统钥匙串：在这里填写的密钥只用于“测试连接”，点“确定”时不会保存。"
                "要长期使用，请用环境变量 {id_var} 和 {key_var} 或文件 {file} 提供密钥。"
            ).format(id_var=ENV_SECRET_ID, key_var=ENV_SECRET_KEY, file=DEFAULT_CREDENTIALS_FILE)
        )
        self.keychain_hint.setWordWrap(True)
        self.keychain_hint.setStyleSheet("color: #8a6d3b;")
        self.keychain_hint.setVisible(keychain_missing())
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.recognize_on_open = QCheckBox(self.tr("打开文件后自动识别当前页"))
        self.force_ocr = QCheckBox(self.tr("数电 PDF、OFD、XML 也用识别引擎识别（不读取文件文字）"))
        self.force_ocr.setToolTip(
            self.tr("通常这些文件的字段直接从文件文字精确读取，无需识别、无需密钥。")
        )
        self.approve_page_level = QCheckBox(
            self.tr("按页通过：不要求逐个确认字段（错误和重复仍会询问）")
        )
        self.test_button = QPushButton(self.tr("测试连接"))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout(self)
        form.addRow(self.tr("识别引擎"), self.engine)
        form.addRow(self.tr("地域"), self.region)
        form.addRow(self.tr("接入地址"), self.endpoint)
        form.addRow("SecretId", self.secret_id)
        form.addRow("SecretKey", self.secret_key)
        form.addRow("", self.cloud_hint)
        form.addRow("", self.keychain_hint)
        test_line = QHBoxLayout()
        test_line.addWidget(self.test_button)
        test_line.addStretch(1)
        form.addRow(test_line)
        form.addRow(self.test_result)  # the whole width: a verdict is never cut off
        form.addRow(self.tr("界面语言（重启后生效）"), self.language)
        form.addRow("", self.recognize_on_open)
        form.addRow("", self.force_ocr)
        form.addRow("", self.approve_page_level)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self.test_connection)
        self.secret_id.textChanged.connect(self._update_cloud_enabled)
        self.secret_key.textChanged.connect(self._update_cloud_enabled)
        self.engine.currentIndexChanged.connect(self._update_cloud_enabled)
        # A verdict speaks of the inputs it was given: when they change it is stale.
        for changed in (
            self.secret_id.textChanged,
            self.secret_key.textChanged,
            self.engine.currentIndexChanged,
            self.region.currentIndexChanged,
            self.endpoint.textChanged,
        ):
            changed.connect(self._clear_verdict)

    def _load(self, prefs: Preferences) -> None:
        stored = from_keyring(self._service) if self._service else None
        self._has_stored_keys = stored is not None
        self._external_keys = _keys_outside_the_app()
        if stored is not None:
            self.secret_id.setText(stored.secret_id)
            self.secret_key.setPlaceholderText(self.tr("已保存在系统钥匙串中（留空则不变）"))
        self.engine.setCurrentIndex(max(0, self.engine.findData(prefs.engine)))
        if prefs.region in REGIONS:
            self.region.setCurrentText(prefs.region)
        self.endpoint.setText(prefs.endpoint)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.recognize_on_open.setChecked(prefs.recognize_on_open)
        self.force_ocr.setChecked(prefs.force_ocr)
        self.approve_page_level.setChecked(prefs.approve_page_level)
        self._update_cloud_enabled()

    def _clear_verdict(self) -> None:
        self.test_result.clear()

    def keys_available(self) -> bool:
        """Cloud needs both keys: typed now, in the keychain, or in the environment/INI file."""
        typed_key = bool(self.secret_key.text()) or self._has_stored_keys
        return (bool(self.secret_id.text().strip()) and typed_key) or self._external_keys

    def _update_cloud_enabled(self) -> None:
        ok = self.keys_available()
        for remote in ("cloud", "server"):  # both need keys
            item = self.engine.model().item(self.engine.findData(remote))  # type: ignore[attr-defined]
            item.setEnabled(ok)
        if not ok and self.engine.currentData() in ("cloud", "server"):
            self.engine.setCurrentIndex(self.engine.findData("local"))
        self.cloud_hint.setText(
            ""
            if ok
            else self.tr(
                "要使用腾讯云识别或办公室识别服务器，请先填写 SecretId 和 SecretKey；本地识别无需密钥。"
            )
        )
        self.cloud_hint.setVisible(not ok)
        engine = self.engine.currentData()
        self.region.setEnabled(engine == "cloud")
        self.endpoint.setEnabled(engine in ("cloud", "server"))
        self.endpoint.setPlaceholderText(
            self.tr("识别服务器地址，例如 https://ocr.office.lan/")
            if engine == "server"
            else self.tr("默认：https://ocr.tencentcloudapi.com")
        )

    def result_preferences(self) -> Preferences:
        """The preferences as edited (the keys are not part of them)."""
        engine = self.engine.currentData()
        return replace(
            self._prefs,
            engine=engine if engine in ENGINES else "local",
            region=self.region.currentText(),
            endpoint=self.endpoint.text().strip(),
            language=self.language.currentData(),
            recognize_on_open=self.recognize_on_open.isChecked(),
            force_ocr=self.force_ocr.isChecked(),
            approve_page_level=self.approve_page_level.isChecked(),
        )

    def save_keys(self) -> str | None:
        """Store typed keys in the OS keychain; returns an error text, or None when fine.

        The error text is for keys the clerk must correct (half a pair, spaces): the
        dialog stays open. A keychain that is missing or refuses is no reason to lose the
        other settings: the keys are then not stored, ``keys_not_saved`` says so and what
        to do instead, and None is returned.
        """
        self.keys_not_saved = None
        try:
            credentials = self.typed_credentials()
            if credentials is None:
                return None
            store_in_keyring(credentials, service=self._service)
        except RecognitionError as exc:
            return exc.one_line(self._prefs.language)
        except KeychainError:
            # Where there is no keychain (a server, a minimal desktop) the environment
            # variables or the credentials file are the way forward; the engine reads them.
            self.keys_not_saved = (
                self.tr("密钥未保存：系统钥匙串不可用"),
                self.tr(
                    "其他设置已保存，但 SecretId 和 SecretKey 没有保存：本机没有可用的系统钥匙串。"
                    "要使用腾讯云识别或办公室识别服务器，请用环境变量 {id_var} 和 {key_var} "
                    "或文件 {file} 提供密钥，然后重新启动程序。本地识别和读取数电发票无需密钥。"
                ).format(
                    id_var=ENV_SECRET_ID, key_var=ENV_SECRET_KEY, file=DEFAULT_CREDENTIALS_FILE
                ),
            )
            return None
        self._has_stored_keys = True
        return None

    def typed_credentials(self) -> Credentials | None:
        """The keys as typed (the stored SecretKey when left empty); None when there are none.

        Raises ``RecognitionError`` for malformed keys (empty half, spaces).
        """
        secret_id, secret_key = self.secret_id.text(), self.secret_key.text()
        if not secret_key and self._has_stored_keys:
            stored = from_keyring(self._service)
            secret_key = stored.secret_key if stored else ""
        if not secret_id and not secret_key:
            return None
        return Credentials(secret_id, secret_key)

    def test_connection(self) -> None:
        """Try the engine with the typed keys in the background; the verdict appears below.

        Nothing is saved: the keys go to the keychain only when the clerk presses OK.
        """
        try:
            credentials = self.typed_credentials()
        except RecognitionError as exc:
            self._on_tested(False, exc.one_line(self._prefs.language))
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("正在测试…"))
        prefs = self.result_preferences()
        self._pool.start(_TestRunnable(self._tester, prefs, credentials, self._signals))

    def _on_tested(self, ok: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        color = "#2e7d32" if ok else "#c62828"
        self.test_result.setStyleSheet(f"color: {color};")
        self.test_result.setText(message)
        self.connection_tested.emit(ok, message)

    def accept(self) -> None:
        """Save the keys and close; stays open only for keys the clerk must correct."""
        problem = self.save_keys()
        if problem:
            self.test_result.setStyleSheet("color: #c62828;")
            self.test_result.setText(problem)
            return
        super().accept()

    def done(self, result: int) -> None:
        self._pool.waitForDone(10000)
        super().done(result)


def open_settings_dialog(window: QWidget) -> bool:
    """Show the dialog for ``window`` (a ``MainWindow``) and apply what the clerk accepted."""
    dialog = SettingsDialog(window.preferences, parent=window)  # type: ignore[attr-defined]
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    window.apply_preferences(dialog.result_preferences())  # type: ignore[attr-defined]
    if dialog.keys_not_saved is not None:  # said in the window, where it stays in sight
        title, body = dialog.keys_not_saved
        window.show_message("warning", title, body)  # type: ignore[attr-defined]
    return True
