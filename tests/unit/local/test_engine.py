"""LocalEngine with a stand-in OCR reader: decoding, timings, errors, cancellation."""

from __future__ import annotations

import threading

import pytest

from desktop_app.core.cancel import CancelToken
from desktop_app.core.errors import Cancelled, RecognitionError
from desktop_app.documents.page import PageImage
from desktop_app.recognition.backend import RecognitionBackend
from desktop_app.recognition.local import LocalEngine
from desktop_app.recognition.local.ocr import OcrLine
from tests.unit.local.conftest import load_fixture


def _png(width: int = 40, height: int = 30) -> PageImage:
    import cv2
    import numpy as np

    ok, data = cv2.imencode(".png", np.full((height, width, 3), 255, dtype=np.uint8))
    assert ok
    return PageImage(data.tobytes(), "image/png", width, height)


class FakeReader:
    """Answers every image with recorded lines; counts loads and reads."""

    def __init__(self, lines: list[OcrLine], fail_load: bool = False) -> None:
        self.lines, self.fail_load = lines, fail_load
        self.loads = self.reads = self.primes = 0

    def prime(self) -> None:
        self.primes += 1

    def load(self) -> None:
        self.loads += 1
        if self.fail_load:
            raise FileNotFoundError("model file PP-OCRv6_det_small.onnx is missing")

    def read(self, image) -> list[OcrLine]:
        self.reads += 1
        assert image.shape[:2] == (30, 40)
        return self.lines


def test_engine_is_a_backend_named_local() -> None:
    engine = LocalEngine(reader=FakeReader([]))
    assert isinstance(engine, RecognitionBackend)
    assert engine.name == "local"


def test_recognize_returns_fields_with_timings() -> None:
    reader = FakeReader(load_fixture("motor_000_clean")["lines"])
    result = LocalEngine(reader=reader).recognize(_png())
    assert result.engine == "local" and result.request_id.startswith("local-")
    assert result.value("发票代码") == "141002027893"
    assert set(result.timings) == {"ocr", "extract"}
    assert result.duration_s is not None and result.duration_s >= result.timings["extract"]


def test_a_model_that_cannot_load_is_engine_unavailable() -> None:
    engine = LocalEngine(reader=FakeReader([], fail_load=True))
    with pytest.raises(RecognitionError) as caught:
        engine.recognize(_png())
    assert caught.value.code == "Local.EngineUnavailable"
    assert "missing" in str(caught.value)


def test_undecodable_bytes_are_an_image_error() -> None:
    engine = LocalEngine(reader=FakeReader([]))
    with pytest.raises(RecognitionError) as caught:
        engine.recognize(PageImage(b"not an image", "image/png", 10, 10))
    assert caught.value.code == "FailedOperation.ImageDecodeFailed"


def test_cancelled_before_start_reads_nothing() -> None:
    reader = FakeReader([])
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        LocalEngine(reader=reader).recognize(_png(), cancel=token)
    assert reader.reads == 0


def test_warm_up_in_background_loads_the_model() -> None:
    reader = FakeReader([])
    thread = LocalEngine(reader=reader).warm_up_in_background()
    thread.join(5)
    assert reader.loads == 1 and reader.primes == 1 and not thread.is_alive()


def test_recognize_loads_but_does_not_prime() -> None:
    reader = FakeReader(load_fixture("motor_000_clean")["lines"])
    LocalEngine(reader=reader).recognize(_png())
    assert reader.loads == 1 and reader.primes == 0


def test_reader_loads_its_model_once_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.recognition.local import ocr

    calls = []
    monkeypatch.setattr(ocr.RapidOcrReader, "_load", lambda self: calls.append(1) or object())
    reader = ocr.RapidOcrReader()
    threads = [threading.Thread(target=reader.load) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1] and reader.loaded


def test_model_paths_are_explicit(tmp_path) -> None:
    from desktop_app.recognition.local import ocr

    for name in (ocr.DET_MODEL, ocr.REC_MODEL):
        (tmp_path / name).write_bytes(b"")
    assert ocr.model_files(tmp_path) == (tmp_path / ocr.DET_MODEL, tmp_path / ocr.REC_MODEL)
    (tmp_path / ocr.REC_MODEL).unlink()
    with pytest.raises(FileNotFoundError):
        ocr.model_files(tmp_path)


def test_engines_share_one_reader_per_process() -> None:
    from desktop_app.recognition.local import ocr

    assert LocalEngine()._reader is LocalEngine()._reader is ocr.shared_reader()


class TurnedPageReader(FakeReader):
    """Reads only vertical noise on the page as given, the invoice once it is turned upright."""

    def read(self, image) -> list[OcrLine]:
        self.reads += 1
        if image.shape[:2] == (30, 40):  # as scanned: text runs down the page
            tall = ((0.0, 0.0), (10.0, 0.0), (10.0, 90.0), (0.0, 90.0))
            return [OcrLine("机动车销售", tall), OcrLine("发票代码", tall)]
        assert image.shape[:2] == (40, 30)
        return self.lines


def test_a_page_scanned_a_quarter_turn_off_is_read_upright() -> None:
    from desktop_app.recognition.local.engine import turn_back, turns_to_try
    from desktop_app.recognition.local.extractor import InvoiceExtractor

    lines = load_fixture("motor_000_clean")["lines"]
    reader = TurnedPageReader(lines)
    result = LocalEngine(reader=reader).recognize(_png())
    assert reader.reads == 2
    assert result.value("车辆识别代号/车架号码") == "LHGPAUWB7HM699102"
    upright = {f.name: f for f in InvoiceExtractor().extract(lines)}["车辆识别代号/车架号码"]
    expected = turn_back(OcrLine("", upright.polygon), 3, 40, 30).polygon
    got = result.get("车辆识别代号/车架号码").polygon
    assert all(
        abs(a - b) < 1e-6
        for p, q in zip(got, expected, strict=True)
        for a, b in zip(p, q, strict=True)
    )
    assert turns_to_try(lines) == (2,)


def test_a_page_that_stays_unreadable_is_refused_after_the_turns() -> None:
    reader = FakeReader([OcrLine("会议纪要", ((0, 0), (80, 0), (80, 20), (0, 20)))])
    with pytest.raises(RecognitionError) as caught:
        LocalEngine(reader=reader).recognize(_png())
    assert caught.value.code == "Local.NotAnInvoice"
    assert reader.reads == 2  # as given, then half a turn


def test_a_failing_second_look_keeps_the_first_reading() -> None:
    lines = [x for x in load_fixture("motor_000_clean")["lines"] if x.text != "2165"]

    class BrokenSecondLook(FakeReader):
        def read_regions(self, image, regions):
            raise RuntimeError("recognizer gone")

    result = LocalEngine(reader=BrokenSecondLook(lines)).recognize(_png())
    assert result.value("发票代码") == "141002027893" and result.value("吨位") == ""
