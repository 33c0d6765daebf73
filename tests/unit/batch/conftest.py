"""Fixtures of the batch tests: a store, a scripted backend and a rasterizer without files."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.cancel import CancelToken
from desktop_app.core.codec import parse_response
from desktop_app.core.errors import Cancelled, RecognitionError
from desktop_app.core.model import RecognitionResult
from desktop_app.documents.errors import CorruptFile
from desktop_app.documents.page import PageImage
from desktop_app.store import Store, open_store

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed-example-response.json"


class FakeRasterizer:
    """Pages are ``b"<file name>:<index>"``; files named ``corrupt*`` fail to render."""

    def __init__(self) -> None:
        self.threads: set[str] = set()

    def render(self, path: Path, index: int) -> PageImage:
        self.threads.add(threading.current_thread().name)
        if path.name.startswith("corrupt"):
            raise CorruptFile(path, detail="test")
        return PageImage(f"{path.name}:{index}".encode(), "image/png", 10, 10, path, index)

    def close(self) -> None:
        pass


class FakeBackend:
    """Answers the seed example; ``script[key]`` lists errors to raise first for a page key."""

    name = "fake"

    def __init__(self, result: RecognitionResult, delay_s: float = 0.0) -> None:
        self.result = result
        self.delay_s = delay_s
        self.script: dict[str, list[Exception]] = {}
        self.calls: list[str] = []
        self.gate: threading.Event | None = None
        self._lock = threading.Lock()

    def recognize(self, page: PageImage, *, cancel: CancelToken | None = None) -> RecognitionResult:
        key = page.data.decode()
        with self._lock:
            self.calls.append(key)
            errors = self.script.get(key, [])
            error = errors.pop(0) if errors else None
        if self.gate is not None:
            while not self.gate.wait(0.01):
                if cancel is not None and cancel.cancelled:
                    raise Cancelled("cancelled")
        if cancel is not None and cancel.wait(self.delay_s):
            raise Cancelled("cancelled")
        if error is not None:
            raise error
        return self.result


def retryable(code: str = "RequestLimitExceeded") -> RecognitionError:
    return RecognitionError(code, "try later", retryable=True)


def final(code: str = "FailedOperation.OcrFailed") -> RecognitionError:
    return RecognitionError(code, "not an invoice", retryable=False)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "review.sqlite3", user="clerk") as opened:
        yield opened


@pytest.fixture
def backend() -> FakeBackend:
    return FakeBackend(parse_response(json.loads(SEED.read_text(encoding="utf-8"))))


@pytest.fixture
def rasterizer() -> FakeRasterizer:
    return FakeRasterizer()


@pytest.fixture
def errors() -> tuple:
    """``(retryable, final)`` error factories."""
    return retryable, final
