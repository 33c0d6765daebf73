"""The office server's API with recorded engines: answers, every error code, limits, health, metrics."""

from __future__ import annotations

import json
import logging
import time

import pytest
import requests
from server_fakes import (
    SECRET_ID,
    SECRET_KEY,
    SLOW_ID,
    SLOW_KEY,
    StartServer,
    answer,
    b64,
    error_code,
    pdf,
    png,
    signed_post,
)

from desktop_app.server.serve import ServerThread


def post(server: ServerThread, document, **options) -> requests.Response:
    options.setdefault("secret_id", SECRET_ID)
    options.setdefault("secret_key", SECRET_KEY)
    return signed_post(server.url, document, **options)


def test_an_image_is_answered_with_the_engines_fields(shared_server: ServerThread) -> None:
    response = answer(post(shared_server, {"ImageBase64": b64(png())}))
    assert len(response["CarInvoiceInfos"]) == 37
    assert len(response["RequestId"]) == 36  # a UUID of the server's, not the engine's
    names = {info["Name"]: info["Value"] for info in response["CarInvoiceInfos"]}
    assert names["价税合计(小写)"] == "¥40000.00"
    assert names["发票号码"] == "page 1"


def test_the_pdf_page_asked_for_is_read(shared_server: ServerThread) -> None:
    two_pages = b64(pdf(2))
    first = answer(post(shared_server, {"ImageBase64": two_pages}))
    second = answer(post(shared_server, {"ImageBase64": two_pages, "PdfPageNumber": 2}))
    value = {i["Name"]: i["Value"] for i in second["CarInvoiceInfos"]}["发票号码"]
    assert value == "page 2"
    assert {i["Name"]: i["Value"] for i in first["CarInvoiceInfos"]}["发票号码"] == "page 1"


@pytest.mark.parametrize(
    ("document", "code"),
    [
        ({}, "MissingParameter"),
        ({"ImageBase64": ""}, "MissingParameter"),
        ({"ImageBase64": 5}, "InvalidParameter"),
        ({"ImageBase64": "aGVsbG8=", "PdfPageNumber": "2"}, "InvalidParameter"),
        ({"ImageBase64": "aGVsbG8=", "IsPdf": "yes"}, "InvalidParameter"),
        ({"ImageBase64": "aGVsbG8=", "PdfPageNumber": 0}, "InvalidParameter"),
        ({"ImageUrl": "http://127.0.0.1:1/a.png"}, "InvalidParameter"),
        ({"ImageBase64": "aGVsbG8="}, "FailedOperation.ImageDecodeFailed"),
        ({"ImageBase64": "not base64 at all!"}, "FailedOperation.ImageDecodeFailed"),
        ({"ImageBase64": b64(png(10, 10))}, "FailedOperation.OcrFailed"),
        ({"ImageBase64": b64(pdf(1)), "IsPdf": False}, "FailedOperation.ImageDecodeFailed"),
        (
            {"ImageBase64": b64(pdf(1)), "PdfPageNumber": 2},
            "InvalidParameterValue.InvalidParameterValueLimit",
        ),
    ],
)
def test_parameter_and_page_errors(shared_server: ServerThread, document, code: str) -> None:
    assert error_code(post(shared_server, document)) == code


def test_a_body_that_is_not_json(shared_server: ServerThread) -> None:
    assert error_code(post(shared_server, b"{not json")) == "InvalidParameter"


def test_unknown_secret_id(shared_server: ServerThread) -> None:
    response = post(shared_server, {"ImageBase64": b64(png())}, secret_id="AKIDnobody")
    assert error_code(response) == "AuthFailure.SecretIdNotFound"


def test_wrong_key(shared_server: ServerThread) -> None:
    response = post(shared_server, {"ImageBase64": b64(png())}, secret_key="wrong")
    assert error_code(response) == "AuthFailure.SignatureFailure"


def test_host_signed_without_the_port_fails(shared_server: ServerThread) -> None:
    response = post(shared_server, {"ImageBase64": b64(png())}, host="127.0.0.1")
    assert error_code(response) == "AuthFailure.SignatureFailure"


@pytest.mark.parametrize(
    ("skew", "code"),
    [(-301, "AuthFailure.SignatureExpire"), (301, "AuthFailure.SignatureExpire"), (-290, "")],
)
def test_the_five_minute_clock_window(shared_server: ServerThread, skew: int, code: str) -> None:
    response = post(shared_server, {"ImageBase64": b64(png())}, timestamp=int(time.time()) + skew)
    assert error_code(response) == code


def test_a_tampered_body_fails_the_signature(shared_server: ServerThread) -> None:
    body = json.dumps({"ImageBase64": b64(png())}).encode()
    from server_fakes import ApiCall, request_headers

    call = ApiCall(
        "ocr", f"127.0.0.1:{shared_server.port}", "CarInvoiceOCR", "2018-11-19", "ap-guangzhou"
    )
    headers = request_headers(
        call,
        secret_id=SECRET_ID,
        secret_key=SECRET_KEY,
        token=None,
        timestamp=int(time.time()),
        body=body,
    )
    tampered = body.replace(b"}", b', "PdfPageNumber": 2}')
    response = requests.post(shared_server.url, data=tampered, headers=headers, timeout=30)
    assert error_code(response) == "AuthFailure.SignatureFailure"


def test_errors_speak_the_callers_language(shared_server: ServerThread) -> None:
    english = answer(post(shared_server, {}, language="en-US"))["Error"]["Message"]
    chinese = answer(post(shared_server, {}))["Error"]["Message"]
    assert english.startswith("A request parameter is missing")
    assert chinese.startswith("请求缺少参数")


def test_an_image_over_the_base64_limit(shared_server: ServerThread) -> None:
    response = post(shared_server, {"ImageBase64": "A" * 7_000_004})
    assert error_code(response) == "LimitExceeded.TooLargeFileError"


def test_a_body_over_the_request_limit(shared_server: ServerThread) -> None:
    response = post(shared_server, {"ImageBase64": "A" * 10_000_004})
    assert error_code(response) == "RequestSizeLimitExceeded"


def test_the_quota_is_decided_before_any_work(start_server: StartServer) -> None:
    # 2/s for SLOW_ID and a worker that takes 0.5 s a page: the third request of a burst is
    # refused at once, while the first two are still being read.
    server = start_server(delay_s=0.5, queue=4)
    import concurrent.futures

    def call(_: int) -> tuple[str, float]:
        started = time.perf_counter()
        response = signed_post(
            server.url, {"ImageBase64": b64(png())}, secret_id=SLOW_ID, secret_key=SLOW_KEY
        )
        return error_code(response), time.perf_counter() - started

    with concurrent.futures.ThreadPoolExecutor(3) as threads:
        results = list(threads.map(call, range(3)))
    codes = sorted(code for code, _ in results)
    assert codes == ["", "", "RequestLimitExceeded"]
    refused_after = next(s for code, s in results if code)
    assert refused_after < 0.3
    # Another SecretId is not affected by SLOW_ID's quota.
    assert error_code(post(server, {"ImageBase64": b64(png())})) == ""


def test_healthz_and_metrics(shared_server: ServerThread) -> None:
    post(shared_server, {})
    health = requests.get(shared_server.url + "healthz", timeout=10)
    assert health.status_code == 200
    assert health.json() == {
        "status": "ok",
        "workers": 1,
        "in_flight": 0,
        "queued": 0,
        "capacity": 5,
    }
    text = requests.get(shared_server.url + "metrics", timeout=10).text
    assert 'carinvoice_requests_total{code="MissingParameter"}' in text
    assert "carinvoice_request_seconds_bucket" in text
    assert "carinvoice_queue_depth 0.0" in text
    assert "carinvoice_workers 1.0" in text


def test_the_access_log_names_the_request_but_no_secret_or_image(
    shared_server: ServerThread, caplog: pytest.LogCaptureFixture
) -> None:
    image = b64(png())
    with caplog.at_level(logging.INFO, logger="desktop_app.server.access"):
        response = answer(post(shared_server, {"ImageBase64": image}))
        post(shared_server, {"ImageBase64": image}, secret_key="wrong")
    lines = [r.getMessage() for r in caplog.records if r.name == "desktop_app.server.access"]
    assert len(lines) == 2
    assert f"request_id={response['RequestId']}" in lines[0]
    assert f"secret_id={SECRET_ID}" in lines[0] and "code=OK" in lines[0]
    assert "code=AuthFailure.SignatureFailure" in lines[1] and f"secret_id={SECRET_ID}" in lines[1]
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert SECRET_KEY not in everything and image[:40] not in everything
