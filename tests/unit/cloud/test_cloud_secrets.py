"""No secret in a log record, an exception or a repr, whatever happens."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
import requests
import responses
from responses.registries import OrderedRegistry

from desktop_app.core.errors import RecognitionError
from desktop_app.documents.page import PageImage
from desktop_app.recognition.cloud.client import CarInvoiceClient
from desktop_app.recognition.cloud.credentials import Credentials
from desktop_app.recognition.cloud.retry import RetryPolicy

URL = "https://ocr.tencentcloudapi.com/"
SECRET_KEY = "Sup3rSecretKeyNeverLogged"
TOKEN = "TemporaryTokenNeverLogged"
SECRETS = (SECRET_KEY, TOKEN)


def scan(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def error(code: str) -> dict:
    return {"Response": {"Error": {"Code": code, "Message": "m"}, "RequestId": "r"}}


def test_nothing_leaks_through_logs_errors_or_reprs(
    caplog: pytest.LogCaptureFixture,
    make_client: Callable[..., CarInvoiceClient],
    page: PageImage,
    seed_answer: dict,
) -> None:
    caplog.set_level(logging.DEBUG)
    creds = Credentials("AKIDsecretsTest0001", SECRET_KEY, TOKEN)
    client = make_client(credentials=creds, retry=RetryPolicy(max_attempts=3))
    raised: list[RecognitionError] = []
    with responses.RequestsMock(
        assert_all_requests_are_fired=True, registry=OrderedRegistry
    ) as rsps:
        rsps.post(URL, body=requests.ConnectionError("refused"))
        rsps.post(URL, json=error("RequestLimitExceeded"))
        rsps.post(URL, json=seed_answer)
        rsps.post(URL, status=502)
        rsps.post(URL, body=requests.Timeout("slow"))
        rsps.post(URL, json=error("AuthFailure.SignatureFailure"))
        rsps.post(URL, body="garbage")
        result = client.recognize(page)
        for _ in range(2):
            with pytest.raises(RecognitionError) as info:
                client.recognize(page)
            raised.append(info.value)
        sent_auth = rsps.calls[0].request.headers["Authorization"]
    assert [e.code for e in raised] == ["AuthFailure.SignatureFailure", "Response.Malformed"]
    assert caplog.records, "the client should log its attempts"
    for record in caplog.records:
        scan(record.getMessage())
        scan(repr(record.args))
        assert sent_auth not in record.getMessage()
        assert "Signature=" not in record.getMessage()
    for exc in raised:
        scan(str(exc))
        scan(repr(exc))
        scan(exc.describe("en"))
        scan(repr(exc.__cause__))
    scan(repr(client))
    scan(str(client))
    scan(repr(creds))
    scan(repr(result))


def test_invalid_credentials_errors_do_not_quote_the_key() -> None:
    with pytest.raises(RecognitionError) as info:
        Credentials("AKIDsecretsTest0001", SECRET_KEY + " ")
    scan(str(info.value))
    scan(repr(info.value))
