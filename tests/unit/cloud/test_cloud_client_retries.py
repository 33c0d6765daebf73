"""CarInvoiceClient through ``responses``: which failures are retried, how, and when it stops."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests
import responses

from desktop_app.core.cancel import CancelToken
from desktop_app.core.errors import Cancelled, RecognitionError
from desktop_app.documents.page import PageImage
from desktop_app.recognition.cloud.client import CarInvoiceClient
from desktop_app.recognition.cloud.retry import RetryPolicy

URL = "https://ocr.tencentcloudapi.com/"
VECTOR_BODY = '{"ImageBase64": "aGVsbG8="}'
Make = Callable[..., CarInvoiceClient]
Sleeps = list[float]


def error(code: str, message: str = "detail", request_id: str = "rid-err") -> dict[str, Any]:
    return {"Response": {"Error": {"Code": code, "Message": message}, "RequestId": request_id}}


@pytest.mark.parametrize(
    ("code", "advice_word"),
    [
        ("AuthFailure.SignatureFailure", "SecretKey"),
        ("AuthFailure.SecretIdNotFound", "SecretKey"),
        ("InvalidParameter", ""),
        ("InvalidParameterValue", ""),
        ("ResourceUnavailable.InArrears", "balance"),
        ("ResourceUnavailable.ResourcePackageRunOut", "balance"),
        ("AuthFailure.SignatureExpire", "clock"),
        ("FailedOperation.ImageDecodeFailed", ""),
    ],
)
def test_final_service_errors_are_not_retried(
    rsps: responses.RequestsMock,
    make_client: Make,
    page: PageImage,
    sleeps: Sleeps,
    code: str,
    advice_word: str,
) -> None:
    rsps.post(URL, json=error(code))
    with pytest.raises(RecognitionError) as info:
        make_client().recognize(page)
    exc = info.value
    assert (exc.code, exc.message, exc.request_id, exc.retryable) == (
        code,
        "detail",
        "rid-err",
        False,
    )
    assert exc.advice is not None and advice_word in exc.advice.en
    assert len(rsps.calls) == 1
    assert sleeps == []


@pytest.mark.parametrize(
    "code", ["RequestLimitExceeded", "RequestLimitExceeded.UinLimitExceeded", "InternalError"]
)
def test_transient_service_errors_retry_then_succeed(
    rsps: responses.RequestsMock,
    make_client: Make,
    page: PageImage,
    sleeps: Sleeps,
    seed_answer: dict,
    code: str,
) -> None:
    rsps.post(URL, json=error(code))
    rsps.post(URL, json=error(code))
    rsps.post(URL, json=seed_answer)
    result = make_client().recognize(page)
    assert len(result) == 37
    assert len(rsps.calls) == 3
    assert sleeps == [0.375, 0.75]  # equal jitter (random 0.5) of 0.5 s, 1 s
    assert result.timings["attempts"] == 3.0


def test_http_500_gives_up_after_max_attempts(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, sleeps: Sleeps
) -> None:
    for _ in range(4):
        rsps.post(URL, status=500, body="oops")
    with pytest.raises(RecognitionError) as info:
        make_client().recognize(page)
    assert info.value.code == "Network.HttpStatus"
    assert info.value.http_status == 500
    assert info.value.retryable
    assert len(rsps.calls) == 4
    assert sleeps == [0.375, 0.75, 1.5]


def test_service_unavailable_exhausts_retries(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage
) -> None:
    rsps.post(URL, json=error("ServiceUnavailable"))
    rsps.post(URL, json=error("ServiceUnavailable"))
    with pytest.raises(RecognitionError) as info:
        make_client(retry=RetryPolicy(max_attempts=2)).recognize(page)
    assert info.value.code == "ServiceUnavailable"


@pytest.mark.parametrize(
    "failure",
    [
        requests.ConnectionError("refused"),
        requests.Timeout("slow"),
        requests.ConnectTimeout("slow connect"),
        requests.ReadTimeout("slow read"),
    ],
)
def test_network_errors_are_retried(
    rsps: responses.RequestsMock,
    make_client: Make,
    page: PageImage,
    seed_answer: dict,
    failure: Exception,
) -> None:
    rsps.post(URL, body=failure)
    rsps.post(URL, json=seed_answer)
    assert len(make_client().recognize(page)) == 37
    assert len(rsps.calls) == 2


@pytest.mark.parametrize(
    ("failure", "code"),
    [
        (requests.ConnectionError("refused"), "Network.ConnectionError"),
        (requests.ConnectTimeout(), "Network.Timeout"),
        (requests.Timeout(), "Network.Timeout"),
    ],
)
def test_network_errors_map_to_codes(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, failure: Exception, code: str
) -> None:
    rsps.post(URL, body=failure)
    with pytest.raises(RecognitionError) as info:
        make_client(retry=RetryPolicy(max_attempts=1)).recognize(page)
    assert info.value.code == code
    assert info.value.retryable
    assert "ocr.tencentcloudapi.com" in info.value.message


@pytest.mark.parametrize(
    "body", ["not json", "{}", '{"Response": "x"}', '{"Response": {"RequestId": "r"}}', "[1]"]
)
def test_malformed_answers_are_not_retried(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, sleeps: Sleeps, body: str
) -> None:
    rsps.post(URL, body=body, content_type="application/json")
    with pytest.raises(RecognitionError) as info:
        make_client().recognize(page)
    assert info.value.code == "Response.Malformed"
    assert not info.value.retryable
    assert len(rsps.calls) == 1
    assert sleeps == []


def test_every_attempt_is_signed_with_a_fresh_timestamp(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, seed_answer: dict
) -> None:
    times = iter([1700000000.0, 1700000001.9, 1700000004.2])
    rsps.post(URL, json=error("RequestLimitExceeded"))
    rsps.post(URL, json=error("InternalError"))
    rsps.post(URL, json=seed_answer)
    make_client(clock=lambda: next(times)).recognize(page)
    stamps = [call.request.headers["X-TC-Timestamp"] for call in rsps.calls]
    assert stamps == ["1700000000", "1700000001", "1700000004"]
    auths = {call.request.headers["Authorization"] for call in rsps.calls}
    assert len(auths) == 3
    bodies = {call.request.body for call in rsps.calls}
    assert bodies == {VECTOR_BODY.encode()}


def test_cancel_between_retries(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage
) -> None:
    cancel = CancelToken()
    rsps.post(URL, json=error("RequestLimitExceeded"))
    with pytest.raises(Cancelled):
        make_client(sleep=lambda s: cancel.cancel()).recognize(page, cancel=cancel)
    assert len(rsps.calls) == 1


def test_rate_limiter_is_used_per_attempt(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, seed_answer: dict
) -> None:
    class CountingLimiter:
        count = 0

        def acquire(self, cancel: CancelToken | None = None) -> float:
            self.count += 1
            return 0.0

    limiter = CountingLimiter()
    rsps.post(URL, json=error("RequestLimitExceeded"))
    rsps.post(URL, json=seed_answer)
    make_client(rate_limiter=limiter).recognize(page)
    assert limiter.count == 2
