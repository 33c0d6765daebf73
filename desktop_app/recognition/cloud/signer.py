"""TC3-HMAC-SHA256 request signing, exactly as carinvoice-api.md describes it.

Pure functions: no clock, no I/O. The client signs with them and the loopback
stand-in server (``desktop_app.tools.fake_cloud``) verifies with the same
functions, rebuilding the canonical headers from the ``SignedHeaders`` it receives.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

ALGORITHM = "TC3-HMAC-SHA256"
TERMINATOR = "tc3_request"
JSON_CONTENT_TYPE = "application/json"


def sha256_hex(data: bytes) -> str:
    """Lower-case hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def utc_date(timestamp: int) -> str:
    """``YYYY-MM-DD`` of ``timestamp`` in UTC (never local time: the service checks UTC)."""
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%d")


def credential_scope(timestamp: int, service: str) -> str:
    """``<date>/<service>/tc3_request``."""
    return f"{utc_date(timestamp)}/{service}/{TERMINATOR}"


def canonical_headers(headers: Mapping[str, str], names: list[str]) -> tuple[str, str]:
    """The canonical header block and the ``SignedHeaders`` list of ``names``.

    Names and values are lower-cased and trimmed and sorted by name. ``headers``
    may use any capitalization; a name missing from it raises ``KeyError``.
    """
    folded = {k.strip().lower(): v for k, v in headers.items()}
    wanted = sorted({n.strip().lower() for n in names})
    block = "".join(f"{name}:{folded[name].strip().lower()}\n" for name in wanted)
    return block, ";".join(wanted)


def canonical_request(
    headers: Mapping[str, str],
    signed_names: list[str],
    payload_hash: str,
    *,
    method: str = "POST",
    uri: str = "/",
    query: str = "",
) -> tuple[str, str]:
    """The canonical request text and its ``SignedHeaders`` list."""
    block, signed = canonical_headers(headers, signed_names)
    text = f"{method}\n{uri}\n{query}\n{block}\n{signed}\n{payload_hash}"
    return text, signed


def signing_key(secret_key: str, date: str, service: str) -> bytes:
    """``k_sign``: HMAC chain over the date, the service and ``tc3_request``."""
    k_date = _hmac(("TC3" + secret_key).encode("utf-8"), date)
    k_service = _hmac(k_date, service)
    return _hmac(k_service, TERMINATOR)


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()


@dataclass(frozen=True)
class Signature:
    """Every intermediate of one signature, so tests can pin the vendor's vectors.

    Holds no secret: the key only enters through the HMAC chain.
    """

    payload_hash: str
    canonical_request: str
    canonical_request_hash: str
    string_to_sign: str
    signature: str
    authorization: str


def sign(
    secret_id: str,
    secret_key: str,
    *,
    service: str,
    host: str,
    timestamp: int,
    body: bytes,
    content_type: str = JSON_CONTENT_TYPE,
    extra_signed_headers: Mapping[str, str] | None = None,
) -> Signature:
    """Sign one POST to ``/``: ``host`` exactly as sent (``127.0.0.1:8765`` with a port).

    ``extra_signed_headers`` (e.g. ``{"X-TC-Action": "CarInvoiceOCR"}``) are signed
    besides ``content-type`` and ``host``; the caller must send them unchanged.
    """
    headers = {"content-type": content_type, "host": host, **(extra_signed_headers or {})}
    payload_hash = sha256_hex(body)
    creq, signed = canonical_request(headers, list(headers), payload_hash)
    creq_hash = sha256_hex(creq.encode("utf-8"))
    scope = credential_scope(timestamp, service)
    to_sign = f"{ALGORITHM}\n{timestamp}\n{scope}\n{creq_hash}"
    key = signing_key(secret_key, utc_date(timestamp), service)
    signature = hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    authorization = (
        f"{ALGORITHM} Credential={secret_id}/{scope}, SignedHeaders={signed}, Signature={signature}"
    )
    return Signature(payload_hash, creq, creq_hash, to_sign, signature, authorization)


@dataclass(frozen=True)
class ApiCall:
    """What one API call is, apart from its body and credentials."""

    service: str
    host: str
    action: str
    version: str
    region: str
    language: str | None = None


def request_headers(
    call: ApiCall,
    *,
    secret_id: str,
    secret_key: str,
    token: str | None,
    timestamp: int,
    body: bytes,
) -> dict[str, str]:
    """The full header set of a signed TC3 JSON call (``content-type;host`` signed)."""
    headers = {
        "Content-Type": JSON_CONTENT_TYPE,
        "Host": call.host,
        "X-TC-Action": call.action,
        "X-TC-Version": call.version,
        "X-TC-Timestamp": str(timestamp),
        "X-TC-Region": call.region,
    }
    if token:
        headers["X-TC-Token"] = token
    if call.language:
        headers["X-TC-Language"] = call.language
    headers["Authorization"] = sign(
        secret_id, secret_key, service=call.service, host=call.host, timestamp=timestamp, body=body
    ).authorization
    return headers


@dataclass(frozen=True)
class ParsedAuthorization:
    """The parts of a received ``Authorization`` header (server side)."""

    algorithm: str
    secret_id: str
    date: str
    service: str
    terminator: str
    signed_headers: list[str]
    signature: str


def parse_authorization(value: str) -> ParsedAuthorization:
    """Split ``TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...``.

    Raises ``ValueError`` when the header does not have that shape.
    """
    algorithm, _, rest = value.strip().partition(" ")
    parts: dict[str, str] = {}
    for item in rest.split(","):
        key, sep, val = item.strip().partition("=")
        if not sep:
            raise ValueError("Authorization item without '='")
        parts[key] = val
    try:
        credential = parts["Credential"].split("/")
        secret_id, date, service, terminator = credential
        signed = [n for n in parts["SignedHeaders"].split(";") if n]
        signature = parts["Signature"]
    except (KeyError, ValueError):
        raise ValueError("Authorization lacks Credential, SignedHeaders or Signature") from None
    return ParsedAuthorization(algorithm, secret_id, date, service, terminator, signed, signature)
