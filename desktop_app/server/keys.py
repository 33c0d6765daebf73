"""The keys file of the office server: one INI section per SecretId.

    [AKIDoffice01]
    secret_key = a long random string
    rate = 5            ; requests per second for this SecretId (default 5)

The file holds secrets, so the server refuses to start when anyone but its owner
may read or write it (like ssh with a private key): ``chmod 600 FILE``.
"""

from __future__ import annotations

import configparser
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_RATE = 5
MAX_RATE = 10_000


class KeysFileError(Exception):
    """The keys file cannot be used; the message says why (never a secret)."""


@dataclass(frozen=True)
class ApiKey:
    """One SecretId the server accepts, its key (never printed) and its quota."""

    secret_id: str
    secret_key: str = field(repr=False)
    rate: int = DEFAULT_RATE


def load_keys(path: str | os.PathLike[str]) -> dict[str, ApiKey]:
    """Every key of the file by SecretId; raises ``KeysFileError``."""
    file = Path(path)
    _check_permissions(file)
    parser = configparser.ConfigParser(interpolation=None)  # a key may contain '%'
    parser.optionxform = str.lower  # type: ignore[assignment,method-assign]
    try:
        with file.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        raise KeysFileError(f"{file}: cannot be read: {type(exc).__name__}: {exc}") from None
    keys = {name: _key(file, name, parser[name]) for name in parser.sections()}
    if not keys:
        raise KeysFileError(f"{file}: no [SecretId] section with a secret_key")
    return keys


def _check_permissions(file: Path) -> None:
    try:
        info = file.stat()
    except OSError as exc:
        raise KeysFileError(f"{file}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise KeysFileError(f"{file}: not a regular file")
    # Windows has no POSIX mode bits to speak of: its ACLs are the administrator's job.
    if os.name != "nt" and info.st_mode & 0o077:
        raise KeysFileError(
            f"{file}: group or others may access it (mode {stat.filemode(info.st_mode)}); "
            f"it holds secret keys: chmod 600 {file}"
        )


def _key(file: Path, secret_id: str, section: configparser.SectionProxy) -> ApiKey:
    where = f"{file} [{secret_id}]"
    if not secret_id.strip() or secret_id != secret_id.strip() or "/" in secret_id:
        raise KeysFileError(f"{where}: a SecretId has no spaces around it and no '/'")
    unknown = set(section) - {"secret_key", "rate"}
    if unknown:
        raise KeysFileError(f"{where}: unknown settings {', '.join(sorted(unknown))}")
    secret_key = section.get("secret_key", "")
    if not secret_key:
        raise KeysFileError(f"{where}: secret_key is missing or empty")
    raw_rate = section.get("rate", str(DEFAULT_RATE))
    try:
        rate = int(raw_rate)
    except ValueError:
        raise KeysFileError(
            f"{where}: rate must be a whole number of requests per second"
        ) from None
    if not 1 <= rate <= MAX_RATE:
        raise KeysFileError(f"{where}: rate must be between 1 and {MAX_RATE}")
    return ApiKey(secret_id, secret_key, rate)
