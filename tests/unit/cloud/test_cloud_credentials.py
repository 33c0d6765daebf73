"""Credentials: validation, masking, the lookup chain and the keychain."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.errors
import pytest

from desktop_app.core.errors import RecognitionError
from desktop_app.recognition.cloud.credentials import (
    Credentials,
    KeychainError,
    delete_from_keyring,
    resolve_credentials,
    store_in_keyring,
)

ID = "AKIDabcdefghijkl1234"
KEY = "topSecretKeyValue9876"
ENV = {"TENCENTCLOUD_SECRET_ID": "AKIDenv0000", "TENCENTCLOUD_SECRET_KEY": "envkey"}


def write_ini(path: Path, secret_id: str = "AKIDfile000", secret_key: str = "filekey") -> Path:
    path.write_text(
        f"[default]\nsecret_id = {secret_id}\nsecret_key = {secret_key}\n", encoding="utf-8"
    )
    return path


def resolve(tmp_path: Path, environ: dict[str, str] | None = None, **kw: object) -> Credentials:
    options: dict[str, object] = {"credentials_file": tmp_path / "absent"}
    options.update(kw)
    return resolve_credentials(environ=environ or {}, **options)  # type: ignore[arg-type]


# -- the value type
def test_repr_and_str_mask_the_key_and_most_of_the_id() -> None:
    creds = Credentials(ID, KEY, token="tokenvalue")
    for text in (repr(creds), str(creds), f"{creds}", repr([creds])):
        assert KEY not in text
        assert "tokenvalue" not in text
        assert ID not in text
        assert "1234" in text


def test_short_id_is_fully_masked() -> None:
    assert "AKID1" not in repr(Credentials("AKID1", KEY))


def test_frozen() -> None:
    creds = Credentials(ID, KEY)
    with pytest.raises(AttributeError):
        creds.secret_key = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("secret_id", "secret_key", "code"),
    [
        ("", KEY, "Client.MissingCredentials"),
        (ID, "", "Client.MissingCredentials"),
        (" " + ID, KEY, "Client.InvalidCredentials"),
        (ID, KEY + " ", "Client.InvalidCredentials"),
        (ID, KEY + "\n", "Client.InvalidCredentials"),
        (ID, "密钥", "Client.InvalidCredentials"),
    ],
)
def test_validation(secret_id: str, secret_key: str, code: str) -> None:
    with pytest.raises(RecognitionError) as info:
        Credentials(secret_id, secret_key)
    assert info.value.code == code
    assert info.value.advice is not None
    if secret_key.strip():
        assert secret_key.strip() not in str(info.value)


def test_space_message_is_clear() -> None:
    with pytest.raises(RecognitionError, match="spaces at its start or end"):
        Credentials(ID, " " + KEY)


# -- the chain
def test_explicit_wins(tmp_path: Path) -> None:
    store_in_keyring(Credentials("AKIDkeyring", "kk"))
    explicit = Credentials(ID, KEY)
    ini = write_ini(tmp_path / "c")
    assert resolve_credentials(explicit, environ=ENV, credentials_file=ini) is explicit


def test_environment_before_file_and_keychain(tmp_path: Path) -> None:
    store_in_keyring(Credentials("AKIDkeyring", "kk"))
    env = {**ENV, "TENCENTCLOUD_SESSION_TOKEN": "tok"}
    found = resolve(tmp_path, env, credentials_file=write_ini(tmp_path / "c"))
    assert (found.secret_id, found.secret_key, found.token) == ("AKIDenv0000", "envkey", "tok")


def test_file_before_keychain(tmp_path: Path) -> None:
    store_in_keyring(Credentials("AKIDkeyring", "kk"))
    found = resolve(tmp_path, credentials_file=write_ini(tmp_path / "c"))
    assert (found.secret_id, found.secret_key, found.token) == ("AKIDfile000", "filekey", None)


def test_keychain_last(tmp_path: Path) -> None:
    store_in_keyring(Credentials("AKIDkeyring", "kk"))
    found = resolve(tmp_path)
    assert (found.secret_id, found.secret_key) == ("AKIDkeyring", "kk")


def test_nothing_anywhere_is_missing_credentials(tmp_path: Path) -> None:
    with pytest.raises(RecognitionError) as info:
        resolve(tmp_path)
    assert info.value.code == "Client.MissingCredentials"


def test_sources_can_be_skipped(tmp_path: Path) -> None:
    store_in_keyring(Credentials("AKIDkeyring", "kk"))
    with pytest.raises(RecognitionError):
        resolve(tmp_path, credentials_file=None, keyring_service=None)


def test_empty_environment_values_count_as_absent(tmp_path: Path) -> None:
    env = {"TENCENTCLOUD_SECRET_ID": "", "TENCENTCLOUD_SECRET_KEY": ""}
    found = resolve(tmp_path, env, credentials_file=write_ini(tmp_path / "c"))
    assert found.secret_id == "AKIDfile000"


def test_half_a_pair_in_the_environment_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RecognitionError, match="environment: SecretKey is not set") as info:
        resolve(tmp_path, {"TENCENTCLOUD_SECRET_ID": "AKIDenv0000"})
    assert info.value.code == "Client.MissingCredentials"


def test_padded_key_in_environment_names_the_source(tmp_path: Path) -> None:
    env = {**ENV, "TENCENTCLOUD_SECRET_KEY": " envkey"}
    with pytest.raises(RecognitionError, match="environment: SecretKey has spaces") as info:
        resolve(tmp_path, env)
    assert info.value.code == "Client.InvalidCredentials"
    assert "envkey" not in str(info.value)


def test_file_without_default_section_is_absent(tmp_path: Path) -> None:
    path = tmp_path / "c"
    path.write_text("[other]\nsecret_id = a\nsecret_key = b\n", encoding="utf-8")
    with pytest.raises(RecognitionError) as info:
        resolve(tmp_path, credentials_file=path)
    assert info.value.code == "Client.MissingCredentials"


def test_broken_file_is_invalid(tmp_path: Path) -> None:
    path = tmp_path / "c"
    path.write_text("secret_id = no section\n", encoding="utf-8")
    with pytest.raises(RecognitionError) as info:
        resolve(tmp_path, credentials_file=path)
    assert info.value.code == "Client.InvalidCredentials"


def test_file_with_half_a_pair(tmp_path: Path) -> None:
    path = tmp_path / "c"
    path.write_text("[default]\nsecret_id = AKIDfile000\n", encoding="utf-8")
    with pytest.raises(RecognitionError, match="SecretKey is not set"):
        resolve(tmp_path, credentials_file=path)


def test_default_file_path_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))  # Windows
    (tmp_path / ".tencentcloud").mkdir()
    write_ini(tmp_path / ".tencentcloud" / "credentials")
    assert resolve_credentials(environ={}).secret_id == "AKIDfile000"


# -- the keychain
def test_store_and_delete(memory_keyring: object) -> None:
    store_in_keyring(Credentials(ID, KEY, token="tok"))
    assert keyring.get_password("CarInvoiceDesk", "SecretId") == ID
    assert keyring.get_password("CarInvoiceDesk", "SecretKey") == KEY
    delete_from_keyring()
    delete_from_keyring()  # absent entries are fine
    assert keyring.get_password("CarInvoiceDesk", "SecretKey") is None


@pytest.mark.parametrize(
    "failure",
    [keyring.errors.NoKeyringError("none"), keyring.errors.KeyringLocked("locked"), RuntimeError()],
)
def test_unusable_keychain_is_absent_not_a_crash(
    tmp_path: Path, memory_keyring: object, failure: Exception
) -> None:
    memory_keyring.fail = failure  # type: ignore[attr-defined]
    with pytest.raises(RecognitionError) as info:
        resolve(tmp_path)
    assert info.value.code == "Client.MissingCredentials"
    with pytest.raises(KeychainError):
        store_in_keyring(Credentials(ID, KEY))
    with pytest.raises(KeychainError):
        delete_from_keyring()


def test_keychain_error_does_not_reveal_the_key(memory_keyring: object) -> None:
    memory_keyring.fail = RuntimeError(KEY)  # type: ignore[attr-defined]
    with pytest.raises(KeychainError) as info:
        store_in_keyring(Credentials(ID, KEY))
    assert KEY not in str(info.value)
    assert info.value.__cause__ is None
