"""TC3-HMAC-SHA256: both test vectors of carinvoice-api.md, pinned."""

from __future__ import annotations

import pytest

from desktop_app.recognition.cloud.signer import (
    ApiCall,
    canonical_headers,
    parse_authorization,
    request_headers,
    sign,
    utc_date,
)

VENDOR_BODY = (
    b'{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}'
)


CAR_INVOICE_AUTHORIZATION = (
    "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/ocr/tc3_request, "
    "SignedHeaders=content-type;host, "
    "Signature=c03a7c3ca77d0ee424b9deb4eea250a41b2d63c8c1c00c684c731f9930d3db3d"
)


def test_vendor_worked_example() -> None:
    signature = sign(
        "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
        "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
        service="cvm",
        host="cvm.tencentcloudapi.com",
        timestamp=1551113065,
        body=VENDOR_BODY,
        content_type="application/json; charset=utf-8",
    )
    assert signature.payload_hash == (
        "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064"
    )
    assert signature.canonical_request_hash == (
        "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031"
    )
    assert signature.signature == (
        "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"
    )
    assert signature.authorization == (
        "TC3-HMAC-SHA256 "
        "Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
        "SignedHeaders=content-type;host, Signature=" + signature.signature
    )


def test_car_invoice_vector() -> None:
    signature = sign(
        "AKIDEXAMPLE",
        "SECRETKEYEXAMPLE",
        service="ocr",
        host="ocr.tencentcloudapi.com",
        timestamp=1551113065,
        body=b'{"ImageBase64": "aGVsbG8="}',
    )
    assert signature.canonical_request_hash == (
        "1e6d1995ac30b8d5ff6d05795671fdb68e37831b59dfe55d0d323e28a4bae297"
    )
    assert signature.authorization == CAR_INVOICE_AUTHORIZATION
    assert "SECRETKEYEXAMPLE" not in repr(signature)


def test_canonical_request_layout() -> None:
    signature = sign("id", "key", service="ocr", host="H", timestamp=0, body=b"")
    assert signature.canonical_request == (
        "POST\n/\n\ncontent-type:application/json\nhost:h\n\ncontent-type;host\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )


@pytest.mark.parametrize(
    ("timestamp", "date"),
    [(1551139199, "2019-02-25"), (1551139200, "2019-02-26"), (0, "1970-01-01")],
)
def test_date_is_utc(timestamp: int, date: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")  # 08:00 ahead: local date would differ
    assert utc_date(timestamp) == date


def test_canonical_headers_fold_case_trim_and_sort() -> None:
    block, signed = canonical_headers(
        {"Host": " 127.0.0.1:8765 ", "X-TC-Action": "CarInvoiceOCR", "Content-Type": "X/Y"},
        ["X-TC-Action", "host", "Content-Type"],
    )
    assert block == "content-type:x/y\nhost:127.0.0.1:8765\nx-tc-action:carinvoiceocr\n"
    assert signed == "content-type;host;x-tc-action"


def test_extra_signed_header_changes_signature_and_list() -> None:
    plain = sign("id", "key", service="ocr", host="h", timestamp=1, body=b"{}")
    extra = sign(
        "id",
        "key",
        service="ocr",
        host="h",
        timestamp=1,
        body=b"{}",
        extra_signed_headers={"X-TC-Action": "CarInvoiceOCR"},
    )
    assert "SignedHeaders=content-type;host;x-tc-action," in extra.authorization
    assert extra.signature != plain.signature


def test_port_is_part_of_the_signature() -> None:
    with_port = sign("id", "key", service="ocr", host="127.0.0.1:8765", timestamp=1, body=b"")
    without = sign("id", "key", service="ocr", host="127.0.0.1", timestamp=1, body=b"")
    assert "host:127.0.0.1:8765\n" in with_port.canonical_request
    assert with_port.signature != without.signature


def test_request_headers_full_set() -> None:
    call = ApiCall("ocr", "ocr.tencentcloudapi.com", "CarInvoiceOCR", "2018-11-19", "ap-beijing")
    headers = request_headers(
        call,
        secret_id="AKIDEXAMPLE",
        secret_key="SECRETKEYEXAMPLE",
        token=None,
        timestamp=1551113065,
        body=b'{"ImageBase64": "aGVsbG8="}',
    )
    assert headers == {
        "Content-Type": "application/json",
        "Host": "ocr.tencentcloudapi.com",
        "X-TC-Action": "CarInvoiceOCR",
        "X-TC-Version": "2018-11-19",
        "X-TC-Timestamp": "1551113065",
        "X-TC-Region": "ap-beijing",
        "Authorization": CAR_INVOICE_AUTHORIZATION,
    }


def test_request_headers_token_and_language() -> None:
    call = ApiCall("ocr", "h", "CarInvoiceOCR", "2018-11-19", "ap-beijing", "en-US")
    headers = request_headers(
        call, secret_id="i", secret_key="k", token="tok", timestamp=1, body=b""
    )
    assert headers["X-TC-Token"] == "tok"
    assert headers["X-TC-Language"] == "en-US"


def test_parse_authorization_round_trip() -> None:
    value = sign(
        "AKIDX", "k", service="ocr", host="h", timestamp=1551113065, body=b""
    ).authorization
    parsed = parse_authorization(value)
    assert (parsed.algorithm, parsed.secret_id, parsed.date) == (
        "TC3-HMAC-SHA256",
        "AKIDX",
        "2019-02-25",
    )
    assert (parsed.service, parsed.terminator) == ("ocr", "tc3_request")
    assert parsed.signed_headers == ["content-type", "host"]
    assert len(parsed.signature) == 64


@pytest.mark.parametrize(
    "value",
    ["", "TC3-HMAC-SHA256", "TC3-HMAC-SHA256 Credential=a/b, SignedHeaders=x, Signature=s", "x y"],
)
def test_parse_authorization_rejects_garbage(value: str) -> None:
    with pytest.raises(ValueError):
        parse_authorization(value)
