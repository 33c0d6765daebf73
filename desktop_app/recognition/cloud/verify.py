"""The server side of TC3-HMAC-SHA256: checking a received CarInvoiceOCR call as the service does.

Shared by the loopback stand-in (``desktop_app.tools.fake_cloud``) and the office
recognition server (``desktop_app.server``), so the signature is verified by one
piece of code, with the same functions the client signs with. Each check raises
:class:`Refusal` carrying the service's error code; a server turns it into an
HTTP 200 error answer. Headers are given with lower-cased names.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping

from desktop_app.recognition.cloud.client import ACTION, SERVICE, SUPPORTED_REGIONS, VERSION
from desktop_app.recognition.cloud.signer import (
    ALGORITHM,
    TERMINATOR,
    ParsedAuthorization,
    canonical_request,
    parse_authorization,
    sha256_hex,
    signing_key,
    utc_date,
)

#: The service refuses a timestamp more than 5 minutes away from its own clock.
MAX_CLOCK_SKEW_S = 300
BAD_SIGNATURE = "AuthFailure.SignatureFailure"


class Refusal(Exception):
    """An error answer: ``{"Response": {"Error": {Code, Message}}}`` with HTTP 200."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message


def _parse(headers: Mapping[str, str]) -> tuple[ParsedAuthorization, int]:
    try:
        auth = parse_authorization(headers.get("authorization", ""))
        timestamp = int(headers.get("x-tc-timestamp", ""))
    except ValueError:
        raise Refusal(BAD_SIGNATURE, "missing or malformed Authorization") from None
    if auth.algorithm != ALGORITHM:
        raise Refusal(BAD_SIGNATURE, "unsupported algorithm")
    return auth, timestamp


def claimed_secret_id(headers: Mapping[str, str]) -> str:
    """The SecretId an ``Authorization`` header names, verified or not ('' when none).

    For access logs: a SecretId is an account name, not a secret.
    """
    try:
        return parse_authorization(headers.get("authorization", "")).secret_id
    except ValueError:
        return ""


def verify_signature(
    headers: Mapping[str, str],
    body: bytes,
    keys: Mapping[str, str],
    *,
    now: float,
    port: int | None = None,
) -> str:
    """Check TC3-HMAC-SHA256 like the service; the SecretId of a valid request.

    The canonical headers are rebuilt from the received ``SignedHeaders`` list,
    which must include ``content-type`` and ``host``, with the Host exactly as
    received (port included when the client sent one). ``port``, when given, is
    required in the Host (the loopback stand-in checks that clients send it).
    An unsigned payload (``X-TC-Content-SHA256: UNSIGNED-PAYLOAD``) is refused:
    the signature must cover the invoice it carries.
    """
    auth, timestamp = _parse(headers)
    if abs(now - timestamp) > MAX_CLOCK_SKEW_S:
        raise Refusal("AuthFailure.SignatureExpire", "signature expired")
    secret_key = keys.get(auth.secret_id)
    if secret_key is None:
        raise Refusal("AuthFailure.SecretIdNotFound", "SecretId not found")
    if (auth.date, auth.service, auth.terminator) != (utc_date(timestamp), SERVICE, TERMINATOR):
        raise Refusal(BAD_SIGNATURE, "bad credential scope")
    if port is not None and not headers.get("host", "").endswith(f":{port}"):
        raise Refusal(BAD_SIGNATURE, "Host must include the port")
    if not {"content-type", "host"} <= set(auth.signed_headers):
        raise Refusal(BAD_SIGNATURE, "content-type and host must be signed")
    if headers.get("x-tc-content-sha256", "").upper() == "UNSIGNED-PAYLOAD":
        raise Refusal(BAD_SIGNATURE, "unsigned payloads are not accepted")
    try:
        creq, _ = canonical_request(headers, auth.signed_headers, sha256_hex(body))
    except KeyError:
        raise Refusal(BAD_SIGNATURE, "a signed header is missing") from None
    scope = f"{auth.date}/{auth.service}/{TERMINATOR}"
    to_sign = f"{ALGORITHM}\n{timestamp}\n{scope}\n{sha256_hex(creq.encode('utf-8'))}"
    key = signing_key(secret_key, auth.date, auth.service)
    expected = hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, auth.signature):
        raise Refusal(BAD_SIGNATURE, "signature does not match")
    return auth.secret_id


def check_call(headers: Mapping[str, str]) -> None:
    """Action, version, region and content type of a CarInvoiceOCR call."""
    if headers.get("x-tc-action") != ACTION:
        raise Refusal("InvalidAction", "unknown action")
    if headers.get("x-tc-version") != VERSION:
        raise Refusal("NoSuchVersion", "unknown version")
    if headers.get("x-tc-region") not in SUPPORTED_REGIONS:
        raise Refusal("UnsupportedRegion", "region not supported")
    if not headers.get("content-type", "").startswith("application/json"):
        raise Refusal("InvalidParameter", "Content-Type must be application/json")
