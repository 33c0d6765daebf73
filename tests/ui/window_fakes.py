"""Helpers of the window tests: a page image the tests draw, fake backends, sample answers.

A module of its own (not ``conftest``): several test folders have a ``conftest``, and
``from conftest import …`` would pick whichever was loaded last.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

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
    """A white page with dark bars where the sample fields stand.

    A few grey pixels spell the file's name, so two pages are never the same file
    (the queue does not take the same content twice).
    """
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for index, byte in enumerate(path.name.encode()):
        draw.point((4 + index, size[1] - 4), fill=(byte, byte, byte))
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


class FlakyBackend(FakeBackend):
    """Like ``FakeBackend`` (thread-safe), but every ``fail_every``-th call fails for good."""

    def __init__(self, fail_every: int = 0, *, numbered: bool = False, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.fail_every = fail_every
        self.numbered = numbered  # each answer a different invoice (no duplicates)
        self._lock = threading.Lock()

    def recognize(self, page: PageImage, *, cancel: CancelToken | None = None) -> RecognitionResult:
        with self._lock:
            self.calls += 1
            number = self.calls
        cancel = cancel or CancelToken()
        if self.delay and cancel.wait(self.delay):
            cancel.raise_if_cancelled()
        if self.fail_every and number % self.fail_every == 0:
            raise RecognitionError(
                "FailedOperation.ImageDecodeFailed",
                "image decode failed",
                summary=LocalizedText("图片解码失败。", "The image could not be decoded."),
            )
        if self.numbered:
            return self.result.with_value("发票号码", f"{number:08d}")
        return self.result


def write_pages(folder: Path, count: int, size: tuple[int, int] = PAGE_SIZE) -> list[Path]:
    """``count`` different page images ``p000.png``… in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_page(folder / f"p{i:03d}.png", size) for i in range(count)]
