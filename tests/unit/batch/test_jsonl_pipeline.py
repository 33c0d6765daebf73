"""``recognize --jsonl`` on the batch's pipeline: pages overlap, lines stay in order, auth stops it."""

from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from desktop_app import cli
from desktop_app.batch.recognize_many import recognize_jsonl
from desktop_app.recognition.cloud.client import CarInvoiceClient
from desktop_app.recognition.cloud.credentials import Credentials
from desktop_app.recognition.cloud.rate_limiter import RateLimiter
from desktop_app.tools.fake_cloud import FakeCloudServer

SECRET_ID, SECRET_KEY = "AKIDjsonlPipeline01", "jsonl-pipeline-secret-01"


def _pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"p{n:02d}.png"
        Image.new("RGB", (64, 48), (n * 9 % 256, 0, 0)).save(path)
        paths.append(path)
    return paths


def test_pages_are_recognized_at_once_and_written_in_order(tmp_path, seed_document) -> None:
    """12 pages, 300 ms each: one after the other would take 3.6 s."""
    paths = _pages(tmp_path / "in", 12)
    out = io.BytesIO()
    with FakeCloudServer({SECRET_ID: SECRET_KEY}, answer=seed_document, latency_s=0.3) as server:
        client = CarInvoiceClient(
            Credentials(SECRET_ID, SECRET_KEY),
            endpoint=server.url,
            rate_limiter=RateLimiter(100.0),
        )
        with client:
            started = time.monotonic()
            summary = recognize_jsonl([tmp_path / "in"], client, out, workers=6)
            elapsed = time.monotonic() - started
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [Path(line["File"]) for line in lines] == paths  # file order, not finishing order
    assert all(len(line["Response"]["CarInvoiceInfos"]) == 37 for line in lines)
    assert (summary.pages, summary.failed, summary.refused) == (12, 0, 0)
    assert elapsed < 2.0, f"{elapsed:.2f} s: pages were not recognized side by side"


class _SlowBackend:
    """A local-engine stand-in: one page at a time, 100 ms each; notes overlap with rendering."""

    name = "local"

    def __init__(self, result) -> None:
        self.result = result
        self.busy = threading.Event()

    def recognize(self, page, *, cancel=None):
        self.busy.set()
        time.sleep(0.1)
        self.busy.clear()
        return self.result


class _SlowRasterizer:
    """100 ms a page; records whether recognition was running while it rendered."""

    def __init__(self, backend: _SlowBackend) -> None:
        self.backend = backend
        self.overlapped = 0

    def page_count(self, path: Path) -> int:
        return 1

    def render(self, path: Path, index: int):
        from desktop_app.documents.page import PageImage

        time.sleep(0.1)
        self.overlapped += self.backend.busy.is_set()
        return PageImage(b"x", "image/png", 10, 10, path, index)

    def close(self) -> None:
        pass


def test_with_one_worker_rasterizing_overlaps_recognition(tmp_path, seed_document) -> None:
    from desktop_app.core.codec import parse_response

    backend = _SlowBackend(parse_response(seed_document))
    rasterizer = _SlowRasterizer(backend)
    paths = _pages(tmp_path / "in", 10)
    started = time.monotonic()
    summary = recognize_jsonl(paths, backend, io.BytesIO(), workers=1, rasterizer=rasterizer)
    elapsed = time.monotonic() - started
    assert summary.pages == 10
    assert rasterizer.overlapped >= 5
    assert elapsed < 1.7  # 2.0 s when each page is rendered, then recognized


@pytest.mark.parametrize("code", ["AuthFailure.SignatureFailure", "ResourceUnavailable.InArrears"])
def test_an_auth_or_billing_error_stops_the_run(
    tmp_path, seed_document, capsys, monkeypatch, code
) -> None:
    _pages(tmp_path / "in", 12)
    monkeypatch.setenv("TENCENTCLOUD_SECRET_ID", SECRET_ID)
    monkeypatch.setenv("TENCENTCLOUD_SECRET_KEY", SECRET_KEY)
    with FakeCloudServer({SECRET_ID: SECRET_KEY}, answer=seed_document) as server:
        server.enqueue_error(code, "refused", times=12)
        args = ["recognize", str(tmp_path / "in"), "--engine", "cloud", "--endpoint", server.url]
        exit_code = cli.main([*args, "--language", "en"])
        sent = server.stats.requests
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert exit_code == 1
    assert sent < 12 and len(lines) == sent  # an answer line for each page sent, no more
    assert {line["Response"]["Error"]["Code"] for line in lines} == {code}
    assert err.count("\n") == 1 and err.startswith(f"error: {code}: ")
    assert "no further page was sent" in err


def test_pages_with_their_own_text_are_read_not_rendered(tmp_path, monkeypatch) -> None:
    pytest.importorskip("pymupdf")
    from desktop_app.documents.document import Document
    from desktop_app.recognition import factory
    from desktop_app.recognition.factory import EngineSettings, create_backend
    from tests.unit.forms.test_reader import motor_page
    from tests.unit.forms.test_text_pdf import draw_pdf

    (tmp_path / "in").mkdir()
    draw_pdf(motor_page(), tmp_path / "in" / "motor.pdf")
    scan = _pages(tmp_path / "in", 1)[0]  # an image: rendered and given to the engine
    rendered: list[str] = []
    render = Document.page_image

    def counting_render(self, *args, **kwargs):
        rendered.append(self.path.name)
        return render(self, *args, **kwargs)

    class Ocr:
        name = "local"

        def recognize(self, page, *, cancel=None):
            from desktop_app.core.error_codes import service_error

            raise service_error("FailedOperation.OcrFailed")

    monkeypatch.setattr(Document, "page_image", counting_render)
    monkeypatch.setattr(factory, "_create_local", lambda: Ocr())
    out = io.BytesIO()
    summary = recognize_jsonl([tmp_path / "in"], create_backend(EngineSettings("local")), out)
    lines = {Path(line["File"]).name: line for line in map(json.loads, out.getvalue().splitlines())}
    values = {i["Name"]: i["Value"] for i in lines["motor.pdf"]["Response"]["CarInvoiceInfos"]}
    assert values["发票号码"] == "25312000000012345678"
    assert lines[scan.name]["Response"]["Error"]["Code"] == "FailedOperation.OcrFailed"
    assert rendered == [scan.name]  # the PDF's answer came from its text, without a PNG
    assert (summary.pages, summary.failed, summary.refused) == (2, 1, 0)
