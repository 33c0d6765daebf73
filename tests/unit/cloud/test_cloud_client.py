"""CarInvoiceClient through ``responses``: headers, body, config, cancellation, image fitting."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
import responses
from responses import matchers

from desktop_app.core.cancel import CancelToken
from desktop_app.core.errors import Cancelled, RecognitionError
from desktop_app.documents.page import PageImage
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.recognition.cloud.client import CarInvoiceClient
from desktop_app.recognition.cloud.credentials import Credentials
from desktop_app.recognition.cloud.signer import sign

URL = "https://ocr.tencentcloudapi.com/"
Sleeps = list[float]
#: carinvoice-api.md vector 2, which the conftest's client (fixed clock, fit passthrough) signs.
VECTOR_TIMESTAMP = 1551113065
VECTOR_AUTHORIZATION = (
    "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/ocr/tc3_request, "
    "SignedHeaders=content-type;host, "
    "Signature=c03a7c3ca77d0ee424b9deb4eea250a41b2d63c8c1c00c684c731f9930d3db3d"
)
VECTOR_BODY = '{"ImageBase64": "aGVsbG8="}'
Make = Callable[..., CarInvoiceClient]


def error(code: str, message: str = "detail", request_id: str = "rid-err") -> dict[str, Any]:
    return {"Response": {"Error": {"Code": code, "Message": message}, "RequestId": request_id}}


def test_is_a_recognition_backend(make_client: Make) -> None:
    client = make_client()
    assert isinstance(client, RecognitionBackend)
    assert client.name == "cloud"


def test_success_sends_the_signed_vector_request(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, seed_answer: dict
) -> None:
    expected_headers = {
        "Content-Type": "application/json",
        "Host": "ocr.tencentcloudapi.com",
        "X-TC-Action": "CarInvoiceOCR",
        "X-TC-Version": "2018-11-19",
        "X-TC-Timestamp": str(VECTOR_TIMESTAMP),
        "X-TC-Region": "ap-guangzhou",
        "X-TC-Language": "zh-CN",
        "Authorization": VECTOR_AUTHORIZATION,
    }
    rsps.post(
        URL,
        json=seed_answer,
        match=[
            matchers.header_matcher(expected_headers),
            matchers.body_matcher(VECTOR_BODY),
            matchers.request_kwargs_matcher({"timeout": (5.0, 30.0)}),
        ],
    )
    result = make_client().recognize(page)
    assert rsps.calls[0].request.body == VECTOR_BODY.encode()
    assert "X-TC-Token" not in rsps.calls[0].request.headers
    assert len(result) == 37
    assert result.engine == "cloud"
    assert result.request_id == seed_answer["Response"]["RequestId"]
    assert result.duration_s is not None and result.duration_s >= 0
    assert result.timings["attempts"] == 1.0
    assert result.value("价税合计(小写)") == "¥40000.00"


def test_token_and_english_language(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, seed_answer: dict
) -> None:
    rsps.post(
        URL,
        json=seed_answer,
        match=[matchers.header_matcher({"X-TC-Token": "tok", "X-TC-Language": "en-US"})],
    )
    make_client(credentials=Credentials("AKIDEXAMPLE", "k", "tok"), language="en-US").recognize(
        page
    )


def test_language_none_sends_no_header(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, seed_answer: dict
) -> None:
    rsps.post(URL, json=seed_answer)
    make_client(language=None).recognize(page)
    assert "X-TC-Language" not in rsps.calls[0].request.headers


def test_recognize_url_sends_image_url(
    rsps: responses.RequestsMock, make_client: Make, seed_answer: dict
) -> None:
    rsps.post(
        URL, json=seed_answer, match=[matchers.body_matcher('{"ImageUrl": "https://xx/a.jpg"}')]
    )
    result = make_client().recognize_url("https://xx/a.jpg")
    assert len(result) == 37


@pytest.mark.parametrize("region", ["ap-chengdu", "na-ashburn", "", "AP-BEIJING"])
def test_unsupported_region_sends_nothing(
    rsps: responses.RequestsMock, make_client: Make, region: str
) -> None:
    with pytest.raises(RecognitionError) as info:
        make_client(region=region)
    assert info.value.code == "Client.InvalidRegion"
    assert info.value.advice is not None
    assert len(rsps.calls) == 0


@pytest.mark.parametrize("region", ["ap-beijing", "ap-guangzhou", "ap-hongkong", "ap-shanghai"])
def test_supported_regions_are_sent(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, seed_answer: dict, region: str
) -> None:
    rsps.post(URL, json=seed_answer, match=[matchers.header_matcher({"X-TC-Region": region})])
    make_client(region=region).recognize(page)


def test_endpoint_port_is_in_host_and_signature(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, seed_answer: dict
) -> None:
    expected = sign(
        "AKIDEXAMPLE",
        "SECRETKEYEXAMPLE",
        service="ocr",
        host="127.0.0.1:8765",
        timestamp=VECTOR_TIMESTAMP,
        body=VECTOR_BODY.encode(),
    ).authorization
    rsps.post(
        "http://127.0.0.1:8765/",
        json=seed_answer,
        match=[matchers.header_matcher({"Host": "127.0.0.1:8765", "Authorization": expected})],
    )
    make_client(endpoint="http://127.0.0.1:8765").recognize(page)


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://ocr.tencentcloudapi.com/",
        "ftp://127.0.0.1/",
        "https://ocr.tencentcloudapi.com/v1",
        "https://user:pw@ocr.tencentcloudapi.com/",
        "not a url",
    ],
)
def test_bad_endpoints(make_client: Make, endpoint: str) -> None:
    with pytest.raises(ValueError):
        make_client(endpoint=endpoint)


def test_bad_language(make_client: Make) -> None:
    with pytest.raises(ValueError):
        make_client(language="fr-FR")


def test_cancel_before_start_sends_nothing(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage
) -> None:
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        make_client().recognize(page, cancel=cancel)


def test_oversize_page_is_fitted_and_geometry_scaled_back(
    rsps: responses.RequestsMock, make_client: Make, seed_answer: dict
) -> None:
    asked: list[int] = []

    def halve(page: PageImage, max_base64_bytes: int) -> tuple[bytes, str, float]:
        asked.append(max_base64_bytes)
        return b"small", "image/jpeg", 0.5

    big = PageImage(data=b"x" * 1000, mime="image/png", width=4000, height=3000)
    rsps.post(URL, json=seed_answer, match=[matchers.body_matcher('{"ImageBase64": "c21hbGw="}')])
    result = make_client(fit=halve, max_base64_bytes=600).recognize(big)
    assert asked == [600]
    field = result.get("不含税价(小写)")
    assert field is not None and field.polygon is not None and field.rect is not None
    assert field.polygon[0] == (454, 1602)  # (227, 801) in the half-size upload
    assert (field.rect.x, field.rect.width) == (464, 242)


def test_still_too_large_after_fit_sends_nothing(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage
) -> None:
    with pytest.raises(RecognitionError) as info:
        make_client(max_base64_bytes=4).recognize(page)
    assert info.value.code == "Client.ImageTooLarge"


def test_fit_errors_propagate(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage
) -> None:
    from desktop_app.core.error_codes import service_error

    def refuse(page: PageImage, limit: int) -> tuple[bytes, str, float]:
        raise service_error("Client.ImageTooLarge", "cannot shrink")

    with pytest.raises(RecognitionError, match="cannot shrink"):
        make_client(fit=refuse).recognize(page)


def test_answer_json_is_parsed_from_bytes(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, seed_answer: dict
) -> None:
    rsps.post(URL, body=json.dumps(seed_answer, ensure_ascii=False).encode("utf-8"))
    assert make_client().recognize(page).value("发票代码") != ""


def noisy_png(width: int, height: int) -> bytes:
    """A PNG that JPEG cannot squeeze much: random grey noise over a gradient."""
    import io
    import random

    from PIL import Image

    rng = random.Random(7)
    image = Image.linear_gradient("L").resize((width, height))
    noise = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    out = io.BytesIO()
    Image.blend(image, noise, 0.5).save(out, format="PNG", compress_level=1)
    return out.getvalue()


def test_real_fit_for_upload_downscales_and_geometry_comes_back(
    rsps: responses.RequestsMock, make_client: Make, seed_answer: dict
) -> None:
    data = noisy_png(2400, 1600)
    big = PageImage(data=data, mime="image/png", width=2400, height=1600)
    limit = 600_000  # far under the page's JPEG size: it must shrink
    rsps.post(URL, json=seed_answer)
    result = make_client(fit=None, max_base64_bytes=limit).recognize(big)
    sent = json.loads(rsps.calls[0].request.body)["ImageBase64"]
    assert len(sent) <= limit
    field = result.get("不含税价(小写)")
    assert field is not None and field.polygon is not None
    x, y = field.polygon[0]
    assert x > 227 and y > 801  # the answer's (227, 801) was in the smaller upload
    assert x / y == pytest.approx(227 / 801, rel=0.01)


def test_small_page_goes_unchanged_through_the_real_fit(
    rsps: responses.RequestsMock, make_client: Make, page: PageImage, seed_answer: dict
) -> None:
    rsps.post(URL, json=seed_answer, match=[matchers.body_matcher(VECTOR_BODY)])
    field = make_client(fit=None).recognize(page).get("不含税价(小写)")
    assert field is not None and field.polygon is not None
    assert field.polygon[0] == (227, 801)


def test_undecodable_oversize_page_is_a_recognition_error(
    rsps: responses.RequestsMock, make_client: Make
) -> None:
    junk = PageImage(data=b"\x89PNG not really" * 100, mime="image/png", width=10, height=10)
    with pytest.raises(RecognitionError) as info:
        make_client(fit=None, max_base64_bytes=100).recognize(junk)
    assert info.value.code.startswith("Document.")
    assert info.value.advice is not None
