"""Tencent Cloud API keys: a masked value type and where the app finds them.

Order (``resolve_credentials``): keys given explicitly (settings dialog, CLI),
the environment (``TENCENTCLOUD_SECRET_ID``/``TENCENTCLOUD_SECRET_KEY``, optional
``TENCENTCLOUD_SESSION_TOKEN``), the INI file ``~/.tencentcloud/credentials``
(``[default]`` ``secret_id``/``secret_key``), the OS keychain (``keyring``, service
``CarInvoiceDesk``, entries ``SecretId`` and ``SecretKey``).

A source holding only half a key pair is an error, not "absent": silently falling
through to another source would bill a different account. A keychain that cannot
be used (no backend, locked) is treated as absent and logged.
"""

from __future__ import annotations

import configparser
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors

from desktop_app.core.error_codes import service_error
from desktop_app.core.errors import CarInvoiceError, RecognitionError

log = logging.getLogger(__name__)

ENV_SECRET_ID = "TENCENTCLOUD_SECRET_ID"
ENV_SECRET_KEY = "TENCENTCLOUD_SECRET_KEY"
ENV_TOKEN = "TENCENTCLOUD_SESSION_TOKEN"
#: Expanded when read, so importing this module never asks for the home directory.
DEFAULT_CREDENTIALS_FILE = Path("~") / ".tencentcloud" / "credentials"
DEFAULT_KEYRING_SERVICE = "CarInvoiceDesk"
KEYRING_ID_ENTRY = "SecretId"
KEYRING_KEY_ENTRY = "SecretKey"


class KeychainError(CarInvoiceError):
    """The OS keychain refused to store or delete the keys (no backend, locked, denied)."""


def _check_part(label: str, value: object) -> None:
    """Raise the clerk-readable error for a malformed key part; never quotes the value."""
    if not isinstance(value, str) or value == "":
        raise service_error("Client.MissingCredentials", f"{label} is empty")
    if value != value.strip():
        raise service_error(
            "Client.InvalidCredentials", f"{label} has spaces at its start or end; remove them"
        )
    if not value.isascii() or not value.isprintable():
        raise service_error(
            "Client.InvalidCredentials", f"{label} contains non-ASCII or control characters"
        )


@dataclass(frozen=True, repr=False)
class Credentials:
    """SecretId, SecretKey and an optional temporary token; repr and str mask them."""

    secret_id: str
    secret_key: str
    token: str | None = None

    def __post_init__(self) -> None:
        _check_part("SecretId", self.secret_id)
        _check_part("SecretKey", self.secret_key)
        if self.token is not None:
            _check_part("Token", self.token)

    @property
    def masked_id(self) -> str:
        """The SecretId with all but its last four characters hidden."""
        return "****" + self.secret_id[-4:] if len(self.secret_id) > 8 else "****"

    def __repr__(self) -> str:
        token = "'****'" if self.token else "None"
        return f"Credentials(secret_id='{self.masked_id}', secret_key='****', token={token})"

    __str__ = __repr__


def _build(source: str, secret_id: str, secret_key: str, token: str | None = None) -> Credentials:
    """``Credentials(...)`` with the source named in a validation error."""
    try:
        return Credentials(secret_id, secret_key, token)
    except RecognitionError as exc:
        raise service_error(exc.code, f"{source}: {exc.message}") from None


def _pair(source: str, secret_id: str | None, secret_key: str | None) -> bool:
    """True when both halves are present; False when neither; error for only one."""
    if not secret_id and not secret_key:
        return False
    if not secret_id or not secret_key:
        missing = "SecretKey" if secret_id else "SecretId"
        raise service_error("Client.MissingCredentials", f"{source}: {missing} is not set")
    return True


def from_environment(environ: Mapping[str, str]) -> Credentials | None:
    """Keys from the ``TENCENTCLOUD_*`` variables, or None when they are not set."""
    secret_id, secret_key = environ.get(ENV_SECRET_ID), environ.get(ENV_SECRET_KEY)
    if not _pair("environment", secret_id, secret_key):
        return None
    token = environ.get(ENV_TOKEN) or None
    return _build("environment", secret_id, secret_key, token)  # type: ignore[arg-type]


def from_file(path: Path) -> Credentials | None:
    """Keys from the ``[default]`` section of an INI file, or None when there are none."""
    path = path.expanduser()
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with path.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("cannot read credentials file %s: %s", path, exc.__class__.__name__)
        return None
    except (configparser.Error, UnicodeDecodeError):
        raise service_error(
            "Client.InvalidCredentials", f"{path} is not a valid INI file"
        ) from None
    if not parser.has_section("default"):
        return None
    section = parser["default"]
    secret_id, secret_key = section.get("secret_id"), section.get("secret_key")
    if not _pair(str(path), secret_id, secret_key):
        return None
    return _build(str(path), secret_id, secret_key)  # type: ignore[arg-type]


def from_keyring(service: str) -> Credentials | None:
    """Keys stored in the OS keychain, or None (also when the keychain is unusable)."""
    try:
        secret_id = keyring.get_password(service, KEYRING_ID_ENTRY)
        secret_key = keyring.get_password(service, KEYRING_KEY_ENTRY)
    except Exception as exc:  # any backend failure means "no keys there"
        log.warning("OS keychain unavailable (%s); ignoring it", exc.__class__.__name__)
        return None
    if not _pair("OS keychain", secret_id, secret_key):
        return None
    return _build("OS keychain", secret_id, secret_key)  # type: ignore[arg-type]


def resolve_credentials(
    explicit: Credentials | None = None,
    *,
    environ: Mapping[str, str] = os.environ,
    credentials_file: Path | None = DEFAULT_CREDENTIALS_FILE,
    keyring_service: str | None = DEFAULT_KEYRING_SERVICE,
) -> Credentials:
    """The first keys found: explicit, environment, INI file, OS keychain.

    ``credentials_file=None`` or ``keyring_service=None`` skip that source. Raises
    ``RecognitionError`` ``Client.MissingCredentials`` when no source has keys, and
    ``Client.InvalidCredentials`` for malformed ones (naming the source, never the key).
    """
    if explicit is not None:
        return explicit
    found = from_environment(environ)
    if found is None and credentials_file is not None:
        found = from_file(credentials_file)
    if found is None and keyring_service is not None:
        found = from_keyring(keyring_service)
    if found is None:
        raise service_error("Client.MissingCredentials")
    return found


def store_in_keyring(creds: Credentials, *, service: str = DEFAULT_KEYRING_SERVICE) -> None:
    """Save SecretId and SecretKey in the OS keychain (a temporary token is not kept).

    Raises :class:`KeychainError` when the keychain refuses.
    """
    try:
        keyring.set_password(service, KEYRING_ID_ENTRY, creds.secret_id)
        keyring.set_password(service, KEYRING_KEY_ENTRY, creds.secret_key)
    except Exception as exc:  # backends raise more than KeyringError
        raise KeychainError(
            f"The OS keychain did not store the keys ({exc.__class__.__name__})."
        ) from None


def delete_from_keyring(*, service: str = DEFAULT_KEYRING_SERVICE) -> None:
    """Remove the stored keys; absent entries are fine. Raises :class:`KeychainError`."""
    for entry in (KEYRING_ID_ENTRY, KEYRING_KEY_ENTRY):
        try:
            keyring.delete_password(service, entry)
        except keyring.errors.PasswordDeleteError:
            continue
        except Exception as exc:
            raise KeychainError(
                f"The OS keychain did not delete the keys ({exc.__class__.__name__})."
            ) from None
