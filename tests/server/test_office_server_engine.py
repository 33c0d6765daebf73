"""The app as the office server's client: the "server" engine of the factory and of Settings,
with its Test Connection against a real server (recorded engine in its worker)."""

from __future__ import annotations

import pytest
from server_fakes import SECRET_ID, SECRET_KEY, png

from desktop_app.core.errors import RecognitionError
from desktop_app.documents.page import PageImage
from desktop_app.recognition.cloud.credentials import Credentials
from desktop_app.recognition.factory import ENGINES, EngineSettings, create_backend
from desktop_app.review.connection_check import blank_page
from desktop_app.review.preferences import Preferences
from desktop_app.server.serve import ServerThread

KEYS = Credentials(SECRET_ID, SECRET_KEY)


def test_the_server_engine_is_the_cloud_client_at_the_servers_url(
    shared_server: ServerThread,
) -> None:
    assert "server" in ENGINES
    backend = create_backend(EngineSettings("server", endpoint=shared_server.url), credentials=KEYS)
    result = backend.recognize(PageImage(png(), "image/png", 120, 80))
    assert backend.name == "server" and result.engine == "server" and len(result) == 37


def test_the_server_engine_needs_a_url() -> None:
    # Without a URL, e-invoices are still read from their text; scans raise the problem.
    backend = create_backend(EngineSettings("server"), credentials=KEYS)
    assert backend.problem is not None
    assert backend.problem.code == "Client.MissingEndpoint"
    assert "Settings" in backend.problem.describe("en")
    with pytest.raises(RecognitionError) as info:
        backend.recognize(blank_page())
    assert info.value.code == "Client.MissingEndpoint"
    with pytest.raises(ValueError, match="https"):  # invoices never cross a network in clear
        create_backend(
            EngineSettings("server", endpoint="http://192.168.1.20:8765/"), credentials=KEYS
        )


def test_settings_offers_the_office_server_with_test_connection(
    qtbot, shared_server: ServerThread, memory_keyring
) -> None:
    from desktop_app.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    server_item = dialog.engine.model().item(dialog.engine.findData("server"))
    assert not server_item.isEnabled()  # no keys yet
    dialog.secret_id.setText(SECRET_ID)
    dialog.secret_key.setText(SECRET_KEY)
    assert server_item.isEnabled()
    dialog.engine.setCurrentIndex(dialog.engine.findData("server"))
    assert dialog.endpoint.isEnabled() and not dialog.region.isEnabled()
    assert "ocr.office.lan" in dialog.endpoint.placeholderText()
    dialog.endpoint.setText(shared_server.url)
    with qtbot.waitSignal(dialog.connection_tested, timeout=30000) as done:
        dialog.test_button.click()
    assert done.args[0] is True, done.args[1]  # the server said "no invoice" on the blank page
    dialog.secret_key.setText("wrong-key")
    with qtbot.waitSignal(dialog.connection_tested, timeout=30000) as done:
        dialog.test_button.click()
    assert done.args[0] is False and "AuthFailure.SignatureFailure" in done.args[1]
    prefs = dialog.result_preferences()
    assert (prefs.engine, prefs.endpoint) == ("server", shared_server.url)
