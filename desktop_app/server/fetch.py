"""``ImageUrl``: downloaded only from hosts the administrator allowed, never from anywhere.

A server that fetched any URL it was given could be made to reach machines inside
the office network for whoever can call it (server-side request forgery). So
``ImageUrl`` is refused with ``InvalidParameter`` unless ``--allow-url-host`` names
hosts, and then only those hosts are fetched, over http(s), without following
redirects (a redirect could lead anywhere), within the service's 3 seconds and its
size limit. A failed download is ``FailedOperation.DownLoadError``, as the service says.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import requests

from desktop_app.recognition.cloud.verify import Refusal
from desktop_app.server.protocol import MAX_BASE64_CHARS, TOO_LARGE_FILE

DOWNLOAD_ERROR = "FailedOperation.DownLoadError"
#: The service downloads an ImageUrl within 3 s.
DOWNLOAD_TIMEOUT_S = 3.0
#: The bytes that would fit the base64 limit.
MAX_DOWNLOAD_BYTES = MAX_BASE64_CHARS * 3 // 4
_CHUNK = 64 * 1024


def check_url(url: str, allowed_hosts: frozenset[str]) -> None:
    """Refuse (``InvalidParameter``) an URL this server will not fetch; cheap, no I/O."""
    if not allowed_hosts:
        raise Refusal(
            "InvalidParameter",
            "ImageUrl is not accepted by this server (no allowed hosts are configured); "
            "send the image as ImageBase64",
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refusal("InvalidParameter", "ImageUrl must be an http or https URL")
    if parts.username or parts.password:
        raise Refusal("InvalidParameter", "ImageUrl must not carry credentials")
    if parts.hostname.lower() not in allowed_hosts:
        raise Refusal("InvalidParameter", f"ImageUrl host {parts.hostname!r} is not allowed")


def download(url: str, *, timeout_s: float = DOWNLOAD_TIMEOUT_S) -> bytes:
    """The bytes at ``url`` (already checked); raises ``Refusal``. Blocking: run in a thread."""
    deadline = time.monotonic() + timeout_s
    # No environment proxies: the allow-list names the hosts reached, not a proxy.
    with requests.Session() as session:
        session.trust_env = False
        try:
            with session.get(
                url, timeout=timeout_s, stream=True, allow_redirects=False
            ) as response:
                if response.status_code != 200:
                    raise Refusal(DOWNLOAD_ERROR, f"HTTP {response.status_code}")
                return _read(response, deadline)
        except requests.RequestException as exc:
            raise Refusal(DOWNLOAD_ERROR, type(exc).__name__) from None


def _read(response: requests.Response, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(_CHUNK):
        size += len(chunk)
        if size > MAX_DOWNLOAD_BYTES:
            raise Refusal(TOO_LARGE_FILE, f"the download is over {MAX_DOWNLOAD_BYTES} bytes")
        if time.monotonic() > deadline:
            raise Refusal(DOWNLOAD_ERROR, "the download took more than 3 s")
        chunks.append(chunk)
    return b"".join(chunks)
