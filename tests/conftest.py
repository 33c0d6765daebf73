"""Test-wide isolation: no display, no real settings/data dirs, no keychain, no leaked threads."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

# Set before anything imports Qt or keyring.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ["ORT_DISABLE_TELEMETRY"] = "1"

# keyring after PYTHON_KEYRING_BACKEND above, so the real keychain is never touched.
import keyring
import keyring.backend
import keyring.core
import keyring.errors

FIXTURES = Path(__file__).parent / "fixtures"
SEED_EXAMPLE = FIXTURES / "seed-example-response.json"
SHARED_DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"

# Threads some libraries start once per process and keep (not leaks of the code under test).
# "pymupdf" is documents.mupdf_thread's one PyMuPDF thread, which lives as long as the process.
_LONG_LIVED_THREAD_PREFIXES = (
    "QThread",
    "Dummy-",
    "pydevd",
    "ThreadPoolExecutor",
    "asyncio_",
    "pymupdf",
)


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
):
    """Point HOME and the XDG dirs at a temporary folder and drop real cloud keys."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    for var in ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SESSION_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    yield


@pytest.fixture(autouse=True)
def _no_leaked_threads():
    """Fail a test that leaves threads of its own running."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 2.0
    while True:
        leaked = [
            t
            for t in threading.enumerate()
            if t not in before
            and t.is_alive()
            and not t.name.startswith(_LONG_LIVED_THREAD_PREFIXES)
        ]
        if not leaked or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    assert not leaked, f"test left threads running: {[t.name for t in leaked]}"


@pytest.fixture
def seed_document() -> dict:
    """The one answer the cloud service publishes (37 fields), as decoded JSON."""
    import json

    return json.loads(SEED_EXAMPLE.read_text(encoding="utf-8"))


def shared_datasets() -> Path:
    """../shared/datasets, or skip the test where it is absent (a user's fresh checkout)."""
    if not SHARED_DATASETS.is_dir():
        pytest.skip("../shared/datasets is not present")
    return SHARED_DATASETS


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keychain held in a dict; ``fail`` makes every call raise like a locked keychain."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.fail: Exception | None = None

    def _check(self) -> None:
        if self.fail is not None:
            raise self.fail

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch):
    """A fresh in-memory keychain for this test; the real one is never initialized."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None, raising=False)
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    monkeypatch.setattr(keyring.core, "_keyring_backend", None, raising=False)
