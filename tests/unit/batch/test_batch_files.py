"""The batch on real image files: rendering on one thread; ``recognize --jsonl``."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

from PIL import Image

from desktop_app.batch import BatchRunner
from desktop_app.batch.rasterizer import DocumentRasterizer
from desktop_app.batch.recognize_many import recognize_jsonl
from desktop_app.core.codec import parse_response
from desktop_app.store import PageStatus


def _png(path: Path, color: str = "white") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (32, 24), color).save(path)
    return path


class _Recorder:
    """Wraps a backend: records the page sizes it saw and the threads that rendered."""

    name = "fake"

    def __init__(self, inner) -> None:
        self.inner = inner
        self.sizes: list[tuple[int, int]] = []

    def recognize(self, page, *, cancel=None):
        self.sizes.append((page.width, page.height))
        return self.inner.result


def test_documents_render_on_one_thread(store, backend, tmp_path, monkeypatch) -> None:
    for i in range(4):
        _png(tmp_path / "in" / f"{i}.png")
    store.add_paths([tmp_path / "in"])
    threads: set[str] = set()
    real = DocumentRasterizer._render

    def spy(self, path, index):
        threads.add(threading.current_thread().name)
        return real(self, path, index)

    monkeypatch.setattr(DocumentRasterizer, "_render", spy)
    recorder = _Recorder(backend)
    summary = BatchRunner(store, recorder, workers=3).run()
    assert summary.succeeded == 4 and recorder.sizes == [(32, 24)] * 4
    assert len(threads) == 1 and next(iter(threads)).startswith("batch-rasterizer")
    assert store.status_counts()[PageStatus.NEEDS_REVIEW] == 4


def test_recognize_jsonl_prints_one_answer_per_page(backend, tmp_path) -> None:
    a = _png(tmp_path / "in" / "a.png")
    b = _png(tmp_path / "in" / "sub" / "b.png")
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    out = io.BytesIO()
    summary = recognize_jsonl([tmp_path / "in", bad], _Recorder(backend), out)
    lines = [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]
    assert [(line["File"], line["Page"]) for line in lines] == [
        (str(a), 1),
        (str(b), 1),
        (str(bad), 0),
    ]
    assert parse_response(lines[0]).value("发票号码") == "00880890"
    assert lines[2]["Response"]["Error"]["Code"]
    assert (summary.pages, summary.failed, summary.refused) == (2, 1, 1)  # the bad file: input
