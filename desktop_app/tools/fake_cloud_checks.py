"""The checks the stand-in server applies to a request, as the real service does.

Each raises :class:`Refusal` with the service's error code; the server turns it
into an HTTP 200 error answer. Headers are given with lower-cased names.
"""

from __future__ import annotations

import hashlib
import hmac
import json
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

MAX_CLOCK_SKEW_S = 300
MAX_BASE64_BYTES = 7_000_000  # the service's published "7 MB", read as decimal
_BAD_SIGNATURE = "AuthFailure.SignatureFailure"


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
        raise Refusal(_BAD_SIGNATURE, "missing or malformed Authorization") from None
    if auth.algorithm != ALGORITHM:
        raise Refusal(_BAD_SIGNATURE, "unsupported algorithm")
    return auth, timestamp


def verify_signature(
    headers: Mapping[str, str], body: bytes, keys: Mapping[str, str], *, now: float, port: int
) -> str:
    """Check TC3-HMAC-SHA256 like the service; the SecretId of a valid request.

    The canonical headers are rebuilt from the received ``SignedHeaders`` list,
    which must include ``content-type`` and ``host``; Host must carry ``port``.
    """
    auth, timestamp = _parse(headers)
    if abs(now - timestamp) > MAX_CLOCK_SKEW_S:
        raise Refusal("AuthFailure.SignatureExpire", "signature expired")
    secret_key = keys.get(auth.secret_id)
    if secret_key is None:
        raise Refusal("AuthFailure.SecretIdNotFound", "SecretId not found")
    if (auth.date, auth.service, auth.terminator) != (utc_date(timestamp), SERVICE, TERMINATOR):
        raise Refusal(_BAD_SIGNATURE, "bad credential scope")
    if not headers.get("host", "").endswith(f":{port}"):
        raise Refusal(_BAD_SIGNATURE, "Host must include the port")
    if not {"content-type", "host"} <= set(auth.signed_headers):
        raise Refusal(_BAD_SIGNATURE, "content-type and host must be signed")
    try:
        creq, _ = canonical_request(headers, auth.signed_headers, sha256_hex(body))
    except KeyError:
        raise Refusal(_BAD_SIGNATURE, "a signed header is missing") from None
    scope = f"{auth.date}/{auth.service}/{TERMINATOR}"
    to_sign = f"{ALGORITHM}\n{timestamp}\n{scope}\n{sha256_hex(creq.encode('utf-8'))}"
    key = signing_key(secret_key, auth.date, auth.service)
    expected = hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, auth.signature):
        raise Refusal(_BAD_SIGNATURE, "signature does not match")
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


def check_body(body: bytes) -> None:
    """A JSON object with ImageBase64 (under the size limit) or ImageUrl."""
    try:
        document = json.loads(body)
    except ValueError:
        raise Refusal("InvalidParameter", "body is not JSON") from None
    if not isinstance(document, dict):
        raise Refusal("InvalidParameter", "body is not a JSON object")
    image = document.get("ImageBase64")
    if not image and not document.get("ImageUrl"):
        raise Refusal("InvalidParameter", "ImageBase64 or ImageUrl is required")
    if isinstance(image, str) and len(image) > MAX_BASE64_BYTES:
        raise Refusal("LimitExceeded.TooLargeFileError", "image too large")
