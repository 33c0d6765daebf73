"""The client against the real loopback stand-in server: signature, Host with port, quota."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests

from desktop_app.core.errors import RecognitionError
from desktop_app.documents.page import PageImage
from desktop_app.recognition.cloud.client import CarInvoiceClient
from desktop_app.recognition.cloud.credentials import Credentials
from desktop_app.recognition.cloud.retry import RetryPolicy
from desktop_app.recognition.cloud.signer import ApiCall, request_headers, sign
from desktop_app.tools import fake_cloud
from desktop_app.tools.fake_cloud import FakeCloudServer
from desktop_app.tools.fake_cloud_checks import Refusal, check_body, check_call, verify_signature

KEYS = {"AKIDEXAMPLE": "SECRETKEYEXAMPLE"}
VECTOR_TIMESTAMP = 1551113065
Make = Callable[..., CarInvoiceClient]


@pytest.fixture
def server(seed_answer: dict[str, Any]) -> Iterator[FakeCloudServer]:
    before = set(threading.enumerate())
    with FakeCloudServer(KEYS, answer=seed_answer) as running:
        yield running
    assert set(threading.enumerate()) <= before, "the server left threads running"


@pytest.fixture
def live(make_client: Make, server: FakeCloudServer) -> Make:
    """Clients aimed at the server with the real clock."""

    def make(**overrides: Any) -> CarInvoiceClient:
        options: dict[str, Any] = {"endpoint": server.url, "clock": time.time}
        options.update(overrides)
        return make_client(**options)

    return make


def code_of(client: CarInvoiceClient, page: PageImage) -> str:
    with pytest.raises(RecognitionError) as info:
        client.recognize(page)
    return info.value.code


def test_success_is_verified_by_the_server(
    live: Make, server: FakeCloudServer, page: PageImage
) -> None:
    result = live().recognize(page)
    assert len(result) == 37
    assert str(uuid.UUID(result.request_id)) == result.request_id
    assert server.last_headers["host"] == server.host
    assert server.host.endswith(f":{server.port}") and server.port > 0
    assert "SignedHeaders=content-type;host," in server.last_headers["authorization"]
    assert json.loads(server.last_body) == {"ImageBase64": "aGVsbG8="}
    assert (server.stats.requests, server.stats.answered, server.stats.errors) == (1, 1, 0)


def test_connection_is_reused_and_server_stops_cleanly(
    live: Make, server: FakeCloudServer, page: PageImage
) -> None:
    client = live()
    for _ in range(3):
        client.recognize(page)
    assert server.stats.answered == 3


def test_wrong_key_is_signature_failure_and_not_retried(
    live: Make, server: FakeCloudServer, page: PageImage
) -> None:
    client = live(credentials=Credentials("AKIDEXAMPLE", "WRONGKEY"))
    assert code_of(client, page) == "AuthFailure.SignatureFailure"
    assert (server.stats.requests, server.stats.auth_failures) == (1, 1)


def test_unknown_secret_id(live: Make, page: PageImage) -> None:
    client = live(credentials=Credentials("AKIDUNKNOWN", "SECRETKEYEXAMPLE"))
    assert code_of(client, page) == "AuthFailure.SecretIdNotFound"


def test_clock_off_by_more_than_five_minutes(live: Make, page: PageImage) -> None:
    assert code_of(live(clock=lambda: time.time() - 301), page) == "AuthFailure.SignatureExpire"
    assert len(live(clock=lambda: time.time() - 200).recognize(page)) == 37


def test_two_rate_limits_then_success(
    live: Make, server: FakeCloudServer, page: PageImage, sleeps: list[float]
) -> None:
    server.enqueue_error("RequestLimitExceeded", times=2)
    result = live().recognize(page)
    assert len(result) == 37
    assert server.stats.requests == 3
    assert server.stats.refused == 2
    assert len(sleeps) == 2


def test_scripted_http_error_then_internal_error_then_success(
    live: Make, server: FakeCloudServer, page: PageImage
) -> None:
    server.enqueue_http(503, b"busy")
    server.enqueue_error("InternalError")
    assert len(live().recognize(page)) == 37
    assert (server.stats.requests, server.stats.errors, server.stats.answered) == (3, 2, 1)


def test_quota_per_second_is_enforced(make_client: Make, page: PageImage) -> None:
    with FakeCloudServer(KEYS, quota_per_second=2) as quota_server:
        client = make_client(
            endpoint=quota_server.url, clock=time.time, retry=RetryPolicy(max_attempts=1)
        )
        client.recognize(page)
        client.recognize(page)
        assert code_of(client, page) == "RequestLimitExceeded"
        assert quota_server.stats.refused == 1


def test_latency_is_added(make_client: Make, page: PageImage) -> None:
    with FakeCloudServer(KEYS, latency_s=0.05) as slow:
        result = make_client(endpoint=slow.url, clock=time.time).recognize(page)
    assert result.duration_s is not None and result.duration_s >= 0.05
    assert len(result) == 0  # default answer: no fields


def direct() -> requests.Session:
    """A session that ignores proxy settings of the environment."""
    session = requests.Session()
    session.trust_env = False
    return session


def raw_post(server: FakeCloudServer, host: str, **sign_options: Any) -> dict[str, Any]:
    """A hand-made request: sign for ``host`` and send exactly that Host."""
    body = b'{"ImageUrl": "https://xx/a.jpg"}'
    timestamp = int(time.time())
    extra = sign_options.pop("extra", {})
    sent_action = sign_options.pop("sent_action", "CarInvoiceOCR")
    auth = sign(
        "AKIDEXAMPLE",
        "SECRETKEYEXAMPLE",
        service="ocr",
        host=host,
        timestamp=timestamp,
        body=body,
        extra_signed_headers=extra,
    ).authorization
    headers = {
        "Content-Type": "application/json",
        "Host": host,
        "X-TC-Action": sent_action,
        "X-TC-Version": "2018-11-19",
        "X-TC-Timestamp": str(timestamp),
        "X-TC-Region": "ap-beijing",
        "Authorization": auth,
    }
    answer = direct().post(server.url, data=body, headers=headers, timeout=5)
    assert answer.status_code == 200
    return answer.json()["Response"]


def test_host_without_port_is_refused(server: FakeCloudServer) -> None:
    answer = raw_post(server, "127.0.0.1")
    assert answer["Error"]["Code"] == "AuthFailure.SignatureFailure"


def test_server_rebuilds_from_received_signed_headers(server: FakeCloudServer) -> None:
    extra = {"X-TC-Action": "CarInvoiceOCR"}
    assert "CarInvoiceInfos" in raw_post(server, server.host, extra=extra)
    tampered = raw_post(server, server.host, extra={"X-TC-Action": "GeneralOCR"})
    assert tampered["Error"]["Code"] == "AuthFailure.SignatureFailure"


def test_wrong_action_is_refused(server: FakeCloudServer) -> None:
    answer = raw_post(server, server.host, sent_action="GeneralBasicOCR")
    assert answer["Error"]["Code"] == "InvalidAction"


def test_missing_authorization(server: FakeCloudServer) -> None:
    answer = direct().post(server.url, data=b"{}", timeout=5).json()["Response"]
    assert answer["Error"]["Code"] == "AuthFailure.SignatureFailure"
    assert answer["RequestId"]


def test_cli_requires_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TENCENTCLOUD_SECRET_ID", raising=False)
    monkeypatch.delenv("TENCENTCLOUD_SECRET_KEY", raising=False)
    with pytest.raises(SystemExit) as info:
        fake_cloud.main(["--port", "0"])
    assert info.value.code == 2


# -- the checks on their own, without sockets
def signed_headers(host: str = "127.0.0.1:8765", **overrides: str) -> dict[str, str]:
    call = ApiCall("ocr", host, "CarInvoiceOCR", "2018-11-19", "ap-beijing")
    headers = request_headers(
        call,
        secret_id="AKIDEXAMPLE",
        secret_key="SECRETKEYEXAMPLE",
        token=None,
        timestamp=VECTOR_TIMESTAMP,
        body=b"{}",
    )
    folded = {k.lower(): v for k, v in headers.items()}
    folded.update(overrides)
    return folded


def verify(headers: dict[str, str], body: bytes = b"{}", now: float = VECTOR_TIMESTAMP) -> str:
    return verify_signature(headers, body, KEYS, now=now, port=8765)


def test_checks_accept_a_good_request() -> None:
    assert verify(signed_headers()) == "AKIDEXAMPLE"
    check_call(signed_headers())


@pytest.mark.parametrize(
    ("headers", "body", "now", "code"),
    [
        (signed_headers(), b"{ }", VECTOR_TIMESTAMP, "AuthFailure.SignatureFailure"),
        (signed_headers(), b"{}", VECTOR_TIMESTAMP + 301, "AuthFailure.SignatureExpire"),
        (signed_headers(), b"{}", VECTOR_TIMESTAMP - 301, "AuthFailure.SignatureExpire"),
        (
            signed_headers(**{"x-tc-timestamp": "1551200000"}),
            b"{}",
            1551200000,
            "AuthFailure.SignatureFailure",
        ),
        (
            signed_headers(**{"content-type": "text/plain"}),
            b"{}",
            VECTOR_TIMESTAMP,
            "AuthFailure.SignatureFailure",
        ),
        (
            signed_headers(authorization="Basic abc"),
            b"{}",
            VECTOR_TIMESTAMP,
            "AuthFailure.SignatureFailure",
        ),
    ],
)
def test_checks_refuse(headers: dict[str, str], body: bytes, now: float, code: str) -> None:
    with pytest.raises(Refusal) as info:
        verify(headers, body, now)
    assert info.value.code == code


def test_unsigned_host_is_refused() -> None:
    headers = signed_headers()
    headers["authorization"] = headers["authorization"].replace("content-type;host", "content-type")
    with pytest.raises(Refusal, match="must be signed"):
        verify(headers)


@pytest.mark.parametrize(
    ("override", "code"),
    [
        ({"x-tc-version": "2017-01-01"}, "NoSuchVersion"),
        ({"x-tc-region": "ap-chengdu"}, "UnsupportedRegion"),
        ({"content-type": "text/plain"}, "InvalidParameter"),
    ],
)
def test_call_checks(override: dict[str, str], code: str) -> None:
    with pytest.raises(Refusal) as info:
        check_call(signed_headers(**override))
    assert info.value.code == code


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"nope", "InvalidParameter"),
        (b"[]", "InvalidParameter"),
        (b'{"IsPdf": false}', "InvalidParameter"),
        (
            b'{"ImageBase64": "' + b"A" * (7_000_000 + 4) + b'"}',
            "LimitExceeded.TooLargeFileError",
        ),
    ],
)
def test_body_checks(body: bytes, code: str) -> None:
    with pytest.raises(Refusal) as info:
        check_body(body)
    assert info.value.code == code
