"""Fixtures of the window tests: a page image the tests draw, fake backends, a window factory."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from desktop_app.core.cancel import CancelToken
from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import RecognitionResult, RecognizedField
from desktop_app.core.text import LocalizedText
from desktop_app.documents.page import PageImage

PAGE_SIZE = (800, 500)


def box(x: float, y: float, w: float, h: float) -> tuple:
    return ((x, y), (x + w, y), (x + w, y + h), (x, y + h))


def sample_result() -> RecognitionResult:
    """A motor invoice whose amounts add up; 省 has no location (as the service sends it)."""
    return RecognitionResult(
        fields=(
            RecognizedField("发票代码", "153001720011", box(500, 40, 160, 24)),
            RecognizedField("发票号码", "00012345", box(500, 80, 110, 24)),
            RecognizedField("开票日期", "2017-07-31", box(500, 120, 120, 24)),
            RecognizedField("不含税价(小写)", "¥34188.03", box(100, 300, 140, 24)),
            RecognizedField("增值税税额", "¥5811.97", box(300, 300, 120, 24)),
            RecognizedField("增值税税率或征收率", "17%", box(450, 300, 50, 24)),
            RecognizedField("价税合计(小写)", "¥40000.00", box(550, 300, 140, 24)),
            RecognizedField("省", "云南省"),
            RecognizedField("发票类型", "机动车销售统一发票"),
        ),
        request_id="test-request",
        engine="local",
    )


LOCATED = [f.name for f in sample_result().fields if f.located]


def write_page(path: Path, size: tuple[int, int] = PAGE_SIZE) -> Path:
    """A white page with dark bars where the sample fields stand."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for found in sample_result().fields:
        if found.polygon:
            (x0, y0), _, (x1, y1), _ = found.polygon
            draw.rectangle((x0 + 4, y0 + 6, x1 - 4, y1 - 6), fill=(40, 40, 40))
    image.save(path)
    return path


class FakeBackend:
    """Answers ``result`` after ``delay`` seconds (cancellable) or raises ``error``."""

    name = "local"

    def __init__(
        self,
        result: RecognitionResult | None = None,
        *,
        delay: float = 0.0,
        error: Exception | None = None,
    ) -> None:
        self.result = result or sample_result()
        self.delay = delay
        self.error = error
        self.calls = 0
        self.started = threading.Event()
        self.finished_at: float | None = None

    def recognize(self, page: PageImage, *, cancel: CancelToken | None = None) -> RecognitionResult:
        self.calls += 1
        self.started.set()
        cancel = cancel or CancelToken()
        deadline = time.monotonic() + self.delay
        while time.monotonic() < deadline:
            if cancel.wait(0.01):
                cancel.raise_if_cancelled()
        self.finished_at = time.perf_counter()
        if self.error is not None:
            raise self.error
        return self.result


def auth_error() -> RecognitionError:
    return RecognitionError(
        "AuthFailure.SignatureFailure",
        "The provided credentials could not be validated.",
        request_id="req-1",
        summary=LocalizedText("签名校验失败，密钥可能不正确。", "Signature check failed."),
        advice=LocalizedText(
            "请在“设置”中检查 SecretId/SecretKey。", "Check the keys in Settings."
        ),
    )


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    return write_page(tmp_path / "invoice.png")


@pytest.fixture
def make_window(qtbot, tmp_path: Path) -> Iterator[Callable[..., object]]:
    """Build a wired ``MainWindow`` with a fake backend, shown and active."""
    from desktop_app.ui.app import build_window
    from desktop_app.ui.preferences import Preferences

    def factory(
        backend: object = None,
        *,
        recognize_on_open: bool = True,
        size: tuple[int, int] | None = (1200, 800),
        **kwargs: object,
    ):
        prefs = Preferences(recognize_on_open=recognize_on_open)
        window = build_window(
            prefs,
            backend=backend if backend is not None else FakeBackend(),
            preferences_path=tmp_path / "preferences.json",
            **kwargs,
        )
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        return window

    yield factory
