"""Clients nobody here wrote: the official Tencent Cloud SDK for Python against the office
server; and the app's own cloud client. One test runs the real ``serve`` command with the
real offline engine and compares with the real ``recognize`` command."""

from __future__ import annotations

import concurrent.futures
import importlib.util
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from server_fakes import (
    SECRET_ID,
    SECRET_KEY,
    SLOW_ID,
    SLOW_KEY,
    b64,
    pdf,
    png,
    write_keys,
)
from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.ocr.v20181119 import models, ocr_client

from desktop_app.core.errors import RecognitionError
from desktop_app.documents.page import PageImage
from desktop_app.recognition.cloud.client import CarInvoiceClient
from desktop_app.recognition.cloud.credentials import Credentials
from desktop_app.recognition.cloud.rate_limiter import RateLimiter
from desktop_app.recognition.cloud.retry import RetryPolicy
from desktop_app.server.serve import ServerThread

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """The SDK reads HTTP(S)_PROXY: loopback calls must go straight to the server."""
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


def sdk_client(
    port: int, secret_id: str = SECRET_ID, secret_key: str = SECRET_KEY, language: str = "en-US"
):
    profile = ClientProfile(httpProfile=HttpProfile(protocol="http", endpoint=f"127.0.0.1:{port}"))
    profile.language = language
    return ocr_client.OcrClient(
        credential.Credential(secret_id, secret_key), "ap-guangzhou", profile
    )


def sdk_call(port: int, **parameters) -> models.CarInvoiceOCRResponse:
    options = {k: parameters.pop(k) for k in ("secret_id", "secret_key") if k in parameters}
    request = models.CarInvoiceOCRRequest()
    request.from_json_string(json.dumps(parameters))
    return sdk_client(port, **options).CarInvoiceOCR(request)


def sdk_code(port: int, **parameters) -> str:
    with pytest.raises(TencentCloudSDKException) as info:
        sdk_call(port, **parameters)
    return info.value.get_code()


def test_the_sdk_gets_the_engines_answer(shared_server: ServerThread, seed_document: dict) -> None:
    answer = sdk_call(shared_server.port, ImageBase64=b64(png()))
    got = [(i.Name, i.Value, i.Polygon.LeftTop.X, i.Rect.Width) for i in answer.CarInvoiceInfos]
    expected = [
        (
            i["Name"],
            "page 1" if i["Name"] == "发票号码" else i["Value"],
            i["Polygon"]["LeftTop"]["X"],
            i["Rect"]["Width"],
        )
        for i in seed_document["Response"]["CarInvoiceInfos"]
    ]
    assert got == expected
    assert len(answer.RequestId) == 36


def test_the_sdk_reads_a_pdf_page(shared_server: ServerThread) -> None:
    answer = sdk_call(shared_server.port, ImageBase64=b64(pdf(3)), IsPdf=True, PdfPageNumber=3)
    assert {i.Name: i.Value for i in answer.CarInvoiceInfos}["发票号码"] == "page 3"


@pytest.mark.parametrize(
    ("parameters", "code"),
    [
        ({"secret_key": "wrong"}, "AuthFailure.SignatureFailure"),
        ({"secret_id": "AKIDnobody"}, "AuthFailure.SecretIdNotFound"),
        ({"ImageBase64": "A" * 7_000_004}, "LimitExceeded.TooLargeFileError"),
        ({"ImageBase64": "A" * 10_000_004}, "RequestSizeLimitExceeded"),
        ({"ImageBase64": b64(b"GIF? no: garbage")}, "FailedOperation.ImageDecodeFailed"),
        ({"ImageBase64": b64(png(20, 20))}, "FailedOperation.OcrFailed"),
        ({"ImageUrl": "https://example.invalid/a.jpg"}, "InvalidParameter"),
        ({"ImageBase64": None}, "MissingParameter"),
    ],
)
def test_the_sdk_gets_the_services_codes(
    shared_server: ServerThread, parameters: dict, code: str
) -> None:
    parameters = {"ImageBase64": b64(png()), **parameters}
    if parameters["ImageBase64"] is None:
        del parameters["ImageBase64"]
    assert sdk_code(shared_server.port, **parameters) == code


def test_the_sdk_meets_the_quota(shared_server: ServerThread) -> None:
    # SLOW_ID may make 2 requests a second; the third of a burst is refused.
    codes = []
    for _ in range(3):
        try:
            sdk_call(
                shared_server.port, ImageBase64=b64(png()), secret_id=SLOW_ID, secret_key=SLOW_KEY
            )
            codes.append("")
        except TencentCloudSDKException as exc:
            codes.append(exc.get_code())
    assert codes == ["", "", "RequestLimitExceeded"]


def app_client(server: ServerThread, key: str = SECRET_KEY) -> CarInvoiceClient:
    return CarInvoiceClient(
        Credentials(SECRET_ID, key),
        endpoint=server.url,
        rate_limiter=RateLimiter(1000.0, 10.0),
        retry=RetryPolicy(max_attempts=1),
    )


def test_the_apps_own_cloud_client(shared_server: ServerThread) -> None:
    page = PageImage(png(), "image/png", 120, 80)
    with app_client(shared_server) as client:
        result = client.recognize(page)
    assert len(result) == 37 and result.engine == "cloud"
    with app_client(shared_server, "wrong") as client, pytest.raises(RecognitionError) as info:
        client.recognize(page)
    assert info.value.code == "AuthFailure.SignatureFailure"


def _synthetic_page():
    spec = importlib.util.spec_from_file_location(
        "synthetic_page", ROOT / "tests/unit/local/synthetic_page.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    font = module.cjk_font_path()
    if font is None:
        pytest.skip("no CJK font installed (fonts-wqy-microhei)")
    return module.render_motor_page(font)


@pytest.mark.slow
def test_serve_with_the_real_engine_answers_as_recognize_and_stops_gracefully(
    tmp_path: Path,
) -> None:
    page = _synthetic_page()
    image = tmp_path / "motor.png"
    image.write_bytes(page.data)
    keys = write_keys(tmp_path)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "serve",
            "--keys",
            str(keys),
            "--port",
            "0",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        port = _wait_for_port(server)
        recognized = subprocess.run(
            [sys.executable, "-m", "desktop_app", "recognize", str(image)],
            cwd=ROOT,
            capture_output=True,
            timeout=120,
            check=True,
        )
        expected = json.loads(recognized.stdout)["Response"]["CarInvoiceInfos"]
        answer = json.loads(sdk_call(port, ImageBase64=b64(page.data)).to_json_string())
        assert answer["CarInvoiceInfos"] == expected
        assert {i["Name"]: i["Value"] for i in expected}[
            "车辆识别代号/车架号码"
        ] == "LHGPAUWB7HM699102"
        # SIGTERM while a page is being read: it is answered, then the server exits 0.
        with concurrent.futures.ThreadPoolExecutor(1) as threads:
            in_flight = threads.submit(sdk_call, port, ImageBase64=b64(page.data))
            time.sleep(0.5)
            server.send_signal(signal.SIGTERM)
            assert len(in_flight.result(timeout=60).CarInvoiceInfos) == len(expected)
        assert server.wait(timeout=60) == 0
        with pytest.raises(requests.ConnectionError):
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    log = server.stderr.read() if server.stderr else ""
    assert SECRET_KEY not in log and "code=OK" in log


def _check_einvoice(port: int, folder: Path) -> None:
    """A 数电 PDF with a text layer: read from its text, as ``recognize`` reads it, exactly."""
    samples = folder / "einvoice"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app.tools.einvoice_samples",
            str(samples),
            "--count",
            "1",
            "--forms",
            "motor",
        ],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=True,
    )
    pdf_file = next(samples.glob("*.pdf"))
    truth = json.loads(pdf_file.with_suffix(".json").read_text(encoding="utf-8"))
    recognized = subprocess.run(
        [sys.executable, "-m", "desktop_app", "recognize", str(pdf_file)],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=True,
    )
    expected = json.loads(recognized.stdout)["Response"]["CarInvoiceInfos"]
    answer = json.loads(sdk_call(port, ImageBase64=b64(pdf_file.read_bytes())).to_json_string())
    assert answer["CarInvoiceInfos"] == expected
    number = {i["Name"]: i["Value"] for i in truth["Response"]["CarInvoiceInfos"]}["发票号码"]
    assert {i["Name"]: i["Value"] for i in expected}["发票号码"] == number  # exact, 20 digits


def _wait_for_port(server: subprocess.Popen) -> int:
    """The port uvicorn reports once the workers are warm ('Uvicorn running on ...:PORT')."""
    assert server.stderr is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = server.stderr.readline()
        if not line:
            raise AssertionError(f"serve exited: {server.wait()}")
        if "running on" in line:
            return int(line.rsplit(":", 1)[1].split()[0])
    raise AssertionError("serve did not start in 120 s")
